// A plan's id: a hash of its operations and their fingerprints. The dry run's summary shows it and
// the apply run's summary repeats it, so a reviewer can see that the plan applied is the one read.
import { createHash } from 'node:crypto';
import type { Plan } from '../domain/plan.js';
import type { PlanFingerprints } from '../apply/fingerprint.js';

/** JSON with object keys sorted, so the hash does not depend on key order in a file. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function planId(plan: Pick<Plan, 'users' | 'teams'>, fingerprints: PlanFingerprints): string {
  const ops = {
    users: plan.users.map((op, i) => ({ ...op, fingerprint: fingerprints.users[i] ?? 'unknown' })),
    teams: plan.teams.map((op, i) => ({ ...op, fingerprint: fingerprints.teams[i] ?? 'unknown' })),
  };
  return `sha256:${createHash('sha256').update(canonicalJson(ops)).digest('hex')}`;
}

/** The short form shown in summaries and comments. */
export const shortPlanId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);
