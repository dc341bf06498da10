// The planner: Personio state + Leapsome state + settings -> Plan. Pure and deterministic: no I/O,
// no clock of its own (the run's instant comes in as data), no randomness, every list sorted by
// stable keys, linear-ish in the number of people.
import { TRUSTED_LISTING, type ListingFacts } from '../domain/lifecycle.js';
import type { Plan, PlanWarning, SkippedRecord } from '../domain/plan.js';
import type { LeapsomeState, PersonioState, PlanSettings } from '../domain/types.js';
import { resolveAdditionalManagers } from './additional-managers.js';
import { deactivationGuard } from './guard.js';
import { indexLeapsome, type LeapsomeIndex } from './leapsome-index.js';
import { resolveManagers } from './managers.js';
import { compareIds, compareNullableIds, compareText } from './order.js';
import { classify } from './scope.js';
import { planTeams } from './teams.js';
import { planUsers } from './users.js';

export interface PlanInput {
  readonly personio: PersonioState;
  readonly leapsome: LeapsomeState;
  readonly settings: PlanSettings;
  /**
   * Whether the listing can be trusted to show who left, and the lookups of the employees it did not
   * show. Default: a trusted listing and no lookups, so nobody is deactivated as gone.
   */
  readonly listing?: ListingFacts;
  /** The run's instant (ms since the epoch); required when `preboardDays` is set. */
  readonly now?: number;
  /**
   * `indexLeapsome(leapsome)`, when the caller made it already: the pipeline indexes Leapsome as soon
   * as it is read, while the Personio read still waits on its rate limit.
   */
  readonly index?: LeapsomeIndex;
}

export function planSync({
  personio,
  leapsome,
  settings,
  listing = TRUSTED_LISTING,
  now,
  index = indexLeapsome(leapsome),
}: PlanInput): Plan {
  const scope = classify(personio, index, settings, { now: now ?? null, listing });
  const managers = resolveManagers(scope);
  const additional = resolveAdditionalManagers(
    scope,
    settings.fields.find((rule) => rule.field === 'additional-managers'),
  );
  const users = planUsers(scope, managers, additional, index, settings);
  const teams = planTeams(scope, index, settings);

  // A record Leapsome returned unreadably belongs to nobody we can name: report it, plan around it.
  const leapsomeWarnings: PlanWarning[] = leapsome.rejected.map((record) => ({
    person: null,
    message: `Leapsome record ${record.recordId ?? '(no id)'} could not be read and was left alone: ${record.reason}`,
  }));

  let activeManaged = 0;
  for (const id of scope.managedUserIds) if (index.userById.get(id)?.active === true) activeManaged++;
  const planned = users.ops.filter((op) => op.kind === 'deactivate').length;

  return {
    users: users.ops,
    teams: teams.ops,
    skipped: [...scope.skipped].sort(compareSkipped),
    clashes: [...teams.clashes, ...scope.clashes],
    warnings: [
      ...scope.warnings,
      ...managers.warnings,
      ...additional.warnings,
      ...users.warnings,
      ...teams.warnings,
      ...leapsomeWarnings,
    ].sort(compareWarnings),
    stats: {
      employees: personio.employees.length,
      inScope: scope.inScope.size,
      excluded: scope.excluded.size,
      managedUsers: scope.managedUserIds.size,
      unmanagedUsers: index.users.length - scope.managedUserIds.size,
      managedTeams: teams.managedTeamIds.size,
      unmanagedTeams: index.teams.length - teams.managedTeamIds.size,
    },
    deactivationGuard: deactivationGuard(activeManaged, planned, settings.maxDeactivations),
    supervisorCycles: managers.cycles,
    preboarding: scope.preboarding,
  };
}

function compareSkipped(a: SkippedRecord, b: SkippedRecord): number {
  return (
    compareNullableIds(a.person.employeeId, b.person.employeeId) ||
    compareText(a.reason, b.reason) ||
    compareText(a.detail, b.detail) ||
    compareIds(a.person.leapsomeId ?? '', b.person.leapsomeId ?? '')
  );
}

function compareWarnings(a: PlanWarning, b: PlanWarning): number {
  return compareNullableIds(a.person?.employeeId ?? null, b.person?.employeeId ?? null) || compareText(a.message, b.message);
}
