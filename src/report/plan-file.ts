// The machine-readable record of a run: the plan and what became of it. Written next to the job
// summary so a reviewer (or a later apply step) can read the exact operations.
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { failedCount, outcomeCounts, type RunOutcome } from './counts.js';

export const PLAN_FILE_VERSION = 1;

export function planDocument(outcome: RunOutcome): unknown {
  return {
    version: PLAN_FILE_VERSION,
    tool: 'personio-leapsome-sync',
    mode: outcome.mode,
    startedAt: outcome.startedAt,
    finishedAt: outcome.finishedAt,
    counts: { ...outcomeCounts(outcome), failed: failedCount(outcome) },
    refused: outcome.refusedReason,
    plan: outcome.plan,
    failures: outcome.apply?.failures ?? [],
  };
}

export async function writePlanFile(path: string, outcome: RunOutcome): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(planDocument(outcome), null, 2) + '\n', 'utf8');
}
