// settings -> read -> plan -> apply: the whole sync with its I/O passed in, so the GitHub Action
// entry (main.ts) and local runs share one path and tests can drive it with fakes.
import { applyPlan } from './apply/apply.js';
import type { LeapsomeWriter } from './apply/ports.js';
import type { LeapsomeState, OrgField, PersonioState } from './domain/types.js';
import { planSync } from './plan/plan.js';
import type { RunOutcome } from './report/counts.js';
import type { Settings } from './settings/settings.js';

export interface PersonioReader {
  checkAttributes(required: readonly string[]): Promise<void>;
  readEmployees(attributes: readonly string[]): Promise<PersonioState>;
}

export interface LeapsomeReader {
  readState(): Promise<LeapsomeState>;
}

export interface RequestCounter {
  stats(): { readonly total: number; readonly writes: number };
}

export interface SyncDependencies {
  readonly personio: PersonioReader & RequestCounter;
  readonly leapsome: LeapsomeReader & LeapsomeWriter & RequestCounter;
  readonly log: (message: string) => void;
  readonly now: () => Date;
}

/** Refusal to write because the source data looks wrong; nothing has been written when it is thrown. */
export class SourceGuardError extends Error {
  override readonly name = 'SourceGuardError';
}

const ALWAYS_READ = [
  'first_name',
  'last_name',
  'preferred_name',
  'email',
  'status',
  'position',
  'supervisor',
  'hire_date',
  'termination_date',
  'office',
  'gender',
] as const;

/** The Personio attributes this configuration reads; the credential must be allowed all of them. */
export function requiredAttributes(settings: Settings): string[] {
  const fields = new Set<string>(ALWAYS_READ);
  settings.plan.teamsFrom.forEach((field: OrgField) => fields.add(field));
  if (settings.plan.exclude.some((rule) => rule.kind === 'department')) fields.add('department');
  return [...fields];
}

export async function runSync(settings: Settings, deps: SyncDependencies): Promise<RunOutcome> {
  const startedAt = deps.now().toISOString();
  const attributes = requiredAttributes(settings);
  await deps.personio.checkAttributes(attributes);
  const [personio, leapsome] = await Promise.all([deps.personio.readEmployees(attributes), deps.leapsome.readState()]);
  deps.log(
    `Read ${personio.employees.length} Personio employees (${personio.rejected.length} unreadable) and ${leapsome.users.length} Leapsome users, ${leapsome.teams.length} teams.`,
  );
  if (personio.employees.length === 0) {
    throw new SourceGuardError(
      'Personio returned no employees at all. That is almost certainly a credential or API problem, not an empty company, so nothing was written.',
    );
  }

  const plan = planSync({ personio, leapsome, settings: settings.plan });
  const requests = (): RunOutcome['requests'] => {
    const p = deps.personio.stats();
    const l = deps.leapsome.stats();
    return { personio: p.total, leapsome: l.total, leapsomeWrites: l.writes };
  };
  if (settings.dryRun) {
    return { mode: 'dry-run', plan, apply: null, refusedReason: null, startedAt, finishedAt: deps.now().toISOString(), requests: requests() };
  }
  const result = await applyPlan(plan, deps.leapsome);
  return {
    mode: result.refused === null ? 'applied' : 'refused',
    plan,
    apply: result,
    refusedReason: result.refused,
    startedAt,
    finishedAt: deps.now().toISOString(),
    requests: requests(),
  };
}
