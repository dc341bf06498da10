// RunOutcome -> the versioned plan JSON (the format is in src/plan-file/): every operation with the
// fingerprint of the Leapsome record it was planned against, so a later run can apply exactly these
// operations (plan-file/read.ts).
import { UNKNOWN } from '../apply/fingerprint.js';
import { failedCount, outcomeCounts, type RunOutcome } from '../run/outcome.js';
import { planId } from '../plan-file/plan-id.js';
import { PLAN_FILE_TOOL, PLAN_FILE_VERSION, type PlanDocument } from '../plan-file/schema.js';

/** Where and by what the plan was made; recorded so the apply run can check and show it. */
export interface PlanContext {
  readonly actionVersion: string;
  readonly leapsomeBaseUrl: string;
  readonly run: {
    readonly repository: string | null;
    readonly runId: string | null;
    readonly url: string | null;
    readonly event: string | null;
  };
}

const orNull = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);

/** The run as GitHub names it: repository, run id and the link to its page (which holds the job summary). */
export function runContext(env: NodeJS.ProcessEnv = process.env): PlanContext['run'] {
  const repository = orNull(env.GITHUB_REPOSITORY);
  const runId = orNull(env.GITHUB_RUN_ID);
  const server = orNull(env.GITHUB_SERVER_URL) ?? 'https://github.com';
  const attempt = orNull(env.GITHUB_RUN_ATTEMPT);
  const url =
    repository !== null && runId !== null
      ? `${server}/${repository}/actions/runs/${runId}${attempt !== null && attempt !== '1' ? `/attempts/${attempt}` : ''}`
      : null;
  return { repository, runId, url, event: orNull(env.GITHUB_EVENT_NAME) };
}

export function planDocument(outcome: RunOutcome, context: PlanContext): PlanDocument {
  const prints = outcome.fingerprints ?? { users: [], teams: [] };
  const { plan } = outcome;
  return {
    version: PLAN_FILE_VERSION,
    tool: PLAN_FILE_TOOL,
    actionVersion: context.actionVersion,
    planId: planId(plan, prints),
    mode: outcome.mode,
    startedAt: outcome.startedAt,
    finishedAt: outcome.finishedAt,
    run: context.run,
    leapsome: { baseUrl: context.leapsomeBaseUrl },
    fields: outcome.fields,
    counts: { ...outcomeCounts(outcome), failed: failedCount(outcome) },
    refused: outcome.refusedReason,
    plan: {
      ...plan,
      users: plan.users.map((op, i) => ({ ...op, fingerprint: prints.users[i] ?? UNKNOWN })),
      teams: plan.teams.map((op, i) => ({ ...op, fingerprint: prints.teams[i] ?? UNKNOWN })),
    },
    failures: outcome.apply?.failures ?? [],
    approvedPlan:
      outcome.approvedPlan === undefined
        ? null
        : { planId: outcome.approvedPlan.planId, plannedAt: outcome.approvedPlan.plannedAt, stale: outcome.approvedPlan.stale },
  };
}
