// settings -> read -> plan -> apply: the whole sync with its I/O passed in (run-once.ts passes the
// real clients, tests pass fakes), so the action and the command line share one path.
import { applyPlan, type ApplyResult } from '../apply/apply.js';
import { checkFreshness } from '../apply/approved.js';
import { fingerprintPlan } from '../apply/fingerprint.js';
import type { ApprovedPlan } from '../plan-file/read.js';
import { deactivationGuard } from '../plan/guard.js';
import type { EmployeeListing, ListingFacts, VanishedLookup } from '../domain/lifecycle.js';
import type { Employee, LeapsomeState, PersonioState, RejectedRecord } from '../domain/types.js';
import type { EmployeeQuery, LeapsomeReader, LeapsomeWriter, PersonioReader, RequestCounter } from '../domain/ports.js';
import { FIXED_KEYS, queryWithoutList, resolveSources, type AttributeNeed } from '../personio/sources.js';
import type { Plan } from '../domain/plan.js';
import { planSync } from '../plan/planner.js';
import { indexLeapsome } from '../plan/leapsome-index.js';
import { letIoThrough } from '../shared/cpu-slices.js';
import { vanishedEmployeeIds } from '../plan/vanished.js';
import { APPLY_CANCELLED, hasChanges, type RunOutcome, type SnapshotReport } from './outcome.js';
import { settingName } from '../settings/fields.js';
import type { Clash } from '../domain/plan.js';
import { ConfigFileError } from '../settings/config-file.js';
import { SettingsError, type Settings } from '../settings/settings.js';
import { noProgress, type Progress } from '../progress/progress.js';
// The snapshot's modules one by one: its barrel also holds the Actions cache store, which the
// command line must not bundle.
import { personioDigest } from '../plan/digest.js';
import { snapshotSaveDecision } from '../snapshot/policy.js';
import { labelProvenance } from '../plan/provenance.js';
import { buildSnapshot } from '../snapshot/schema.js';
import { sameSnapshotContent } from '../snapshot/unchanged.js';
import { checkSourceDrop, inScopeCount } from '../plan/source-guard.js';
import {
  missingSnapshotReason,
  restoredSnapshot,
  type OnEmployeeCount,
  type RestoreResult,
  type SnapshotStore,
} from '../snapshot/store.js';
import { errorMessage } from '../shared/errors.js';

export interface SyncDependencies {
  readonly personio: PersonioReader & RequestCounter;
  readonly leapsome: LeapsomeReader & LeapsomeWriter & RequestCounter;
  /** Where the previous snapshot lives; null when the cache is disabled. */
  readonly snapshots: SnapshotStore | null;
  /** GITHUB_EVENT_NAME, or null outside GitHub. */
  readonly eventName: string | null;
  readonly actionVersion: string;
  readonly log: (message: string) => void;
  readonly now: () => Date;
  /** Where reading and writing report how far they are; nothing by default. */
  readonly progress?: Progress;
  /**
   * Asked before the first write of a plan that changes something, with the plan as a dry run
   * reports it; false cancels the run and nothing is written. Not asked when nothing would be written.
   */
  readonly confirm?: (preview: RunOutcome) => Promise<boolean>;
}

/** Who the employee is: what every sync reads, whatever `fields` says. */
const IDENTITY = ['first_name', 'last_name', 'preferred_name', 'email', 'status', 'supervisor'] as const;

/** Every Personio attribute this configuration reads, and the setting that needs it. Nothing else is read. */
export function attributeNeeds(settings: Settings): AttributeNeed[] {
  const needs: AttributeNeed[] = IDENTITY.map((source) => ({ source, neededBy: 'the sync itself', at: null }));
  for (const rule of settings.fields) {
    const hint =
      rule.at === null ? `It is read by default; \`${rule.field}: off\` under \`fields\` in the config file stops reading it.` : undefined;
    needs.push({ source: rule.from, neededBy: settingName(rule.field), at: rule.at, ...(hint === undefined ? {} : { hint }) });
  }
  for (const field of settings.plan.teamsFrom) needs.push({ source: field, neededBy: 'teams-from', at: null });
  if (settings.plan.exclude.some((rule) => rule.kind === 'department'))
    needs.push({ source: 'department', neededBy: 'exclude (department: rules)', at: null });
  // Whatever `fields` says about start-date: the hire date decides when a joiner's account comes.
  if (settings.plan.preboardDays !== null) needs.push({ source: 'hire_date', neededBy: 'preboard-days', at: null });
  return needs;
}

/**
 * Direct lookups per run, at most. Normally a handful (people the listing missed); far more means
 * the listing itself is broken, and those beyond stay active, reported, until a later run confirms.
 */
export const MAX_VANISHED_LOOKUPS = 100;

/**
 * Looks up the employees of active managed users that the listing did not return: found ones join
 * the Personio state (the listing missed them), a 404 confirms that one is gone, and anything else
 * keeps the user active this run. No request at all when nobody vanished.
 */
async function confirmVanished(
  personio: PersonioReader,
  listing: EmployeeListing,
  leapsome: LeapsomeState,
  query: EmployeeQuery,
  log: (message: string) => void,
): Promise<{ readonly state: PersonioState; readonly facts: ListingFacts }> {
  const missing = vanishedEmployeeIds(listing, leapsome);
  const state: PersonioState = { employees: listing.employees, rejected: listing.rejected };
  if (missing.length === 0) return { state, facts: { problem: listing.problem, lookups: new Map() } };
  const asked = missing.slice(0, MAX_VANISHED_LOOKUPS);
  const answers = await personio.lookupEmployees(asked, query);
  const lookups = new Map<string, VanishedLookup>();
  const found: Employee[] = [];
  const unreadable: RejectedRecord[] = [];
  for (const id of missing) {
    const answer = answers.get(id);
    if (answer === undefined) {
      lookups.set(id, {
        kind: 'failed',
        reason: `not looked up: ${missing.length} employees were missing from the list, and a run looks up at most ${MAX_VANISHED_LOOKUPS}`,
      });
    } else if (answer.kind === 'found' || answer.kind === 'unreadable') {
      lookups.set(id, { kind: 'found' });
      if (answer.kind === 'found') found.push(answer.employee);
      else unreadable.push(answer.rejected);
    } else lookups.set(id, answer);
  }
  const tally = (kind: VanishedLookup['kind']): number => [...lookups.values()].filter((l) => l.kind === kind).length;
  log(
    `${missing.length} managed users' employees were missing from Personio's employee list; looked up ${asked.length} by id: ${tally('found')} found, ${tally('gone')} gone (404), ${tally('failed') - (missing.length - asked.length)} failed${missing.length > asked.length ? `, ${missing.length - asked.length} not looked up (at most ${MAX_VANISHED_LOOKUPS} per run)` : ''}.`,
  );
  return {
    state: { employees: [...listing.employees, ...found], rejected: [...listing.rejected, ...unreadable] },
    facts: { problem: listing.problem, lookups },
  };
}

export async function runSync(settings: Settings, deps: SyncDependencies): Promise<RunOutcome> {
  const startedAt = deps.now().toISOString();
  const needs = attributeNeeds(settings);
  // The attribute list resolves each source to the key Personio sends, and proves the credential
  // may read it. When every source is surely a key already, the employees are requested alongside
  // it (one round trip less); a universal id needs the list first. The list's error wins over any
  // read error, because a missing attribute explains the rest. Nothing is written before both end.
  const progress = deps.progress ?? noProgress;
  const reading = progress.start('Reading Personio and Leapsome', 'records');
  // The snapshot is a reviewer's aid and a brake, never the source of truth: the plan below is
  // always computed against live Leapsome. It is restored (downloaded, decrypted, parsed) while
  // the reads wait on the APIs' rate limits, not before them. Its employee count, known long before
  // the rest, is how many Personio pages to ask for before the first one answers.
  let reportCount: (count: number | null) => void = () => undefined;
  const previousCount = new Promise<number | null>((resolve) => (reportCount = resolve));
  const restoring = deps.snapshots === null ? null : restoreSafely(deps.snapshots, reportCount);
  void restoring?.finally(() => reportCount(null));
  if (restoring === null) reportCount(null);
  const resolved = deps.personio.readableAttributes().then((list) => resolveSources(needs, list));
  const early = queryWithoutList(needs);
  const leapsomeRead = deps.leapsome.readState(reading);
  // Leapsome is read long before Personio at any size: indexed for the plan while Personio's pacing
  // still holds the run, in a turn of its own (not inside the answer that completed the read).
  const indexed = leapsomeRead.then(async (state) => {
    await letIoThrough();
    return indexLeapsome(state);
  });
  indexed.catch(() => undefined); // the read's failure is handled below
  const reads = Promise.all([
    (early === null ? resolved : Promise.resolve(early)).then((query) => deps.personio.readEmployees(query, reading, previousCount)),
    leapsomeRead,
  ]);
  reads.catch(() => undefined); // handled below, once the attribute list has passed
  let query: EmployeeQuery;
  let listing: EmployeeListing;
  let leapsome: LeapsomeState;
  try {
    query = await resolved;
    [listing, leapsome] = await reads;
  } finally {
    reading.end();
  }
  if (listing.firstProblem !== null) {
    deps.log(
      `Personio's employee list did not hold together (${listing.firstProblem}), so it was read again: ${listing.problem === null ? 'consistent the second time' : `still inconsistent (${listing.problem}); no deactivations this run`}.`,
    );
  }
  const { state: personio, facts } = await confirmVanished(deps.personio, listing, leapsome, query, deps.log);
  const restored = restoring === null ? null : await restoring;
  const previous = restored === null ? null : restoredSnapshot(restored);
  const missingReason = restored === null ? 'the cache input is false' : missingSnapshotReason(restored);
  const readAt = deps.now();
  deps.log(
    `Read ${personio.employees.length} Personio employees (${personio.rejected.length} unreadable) and ${leapsome.users.length} Leapsome users, ${leapsome.teams.length} teams.`,
  );

  const statuses = settings.plan.statuses;
  const index = await indexed;
  const plan = labelProvenance(
    planSync({ personio, leapsome, settings: settings.plan, listing: facts, now: readAt.getTime(), index }),
    previous,
    personio.employees,
    settings.plan.fields,
  );
  // Only known once Leapsome is read, but still a configuration error: reported before any write.
  throwOnHandMadeCollisions(plan.clashes);
  const sourceProblem = checkSourceDrop({
    previousInScope: previous === null ? null : inScopeCount(previous.employees, statuses),
    currentInScope: inScopeCount(personio.employees, statuses),
    currentTotal: personio.employees.length,
    maxDrop: settings.maxSourceDrop,
    ...(previous === null ? {} : { previousTakenAt: previous.takenAt }),
  });

  const digest = previous === null ? null : personioDigest(previous, personio.employees, statuses, settings.plan.fields);
  const fingerprints = fingerprintPlan(plan, leapsome);
  const requests = (): RunOutcome['requests'] => {
    const p = deps.personio.stats();
    const l = deps.leapsome.stats();
    return { personio: p.total, leapsome: l.total, leapsomeWrites: l.writes };
  };

  // A person at a terminal sees the plan and says yes before the first write.
  let cancelled: string | null = null;
  const wouldWrite = sourceProblem === null && !settings.dryRun && hasChanges(plan) && !plan.deactivationGuard.exceeded;
  if (wouldWrite && deps.confirm !== undefined) {
    const preview: RunOutcome = {
      mode: 'dry-run',
      plan,
      apply: null,
      refusedReason: null,
      startedAt,
      finishedAt: deps.now().toISOString(),
      requests: requests(),
      snapshot: { digest, previousTakenAt: previous?.takenAt ?? null, missingReason, saved: 'not yet' },
      fields: settings.fields.map((rule) => rule.field),
      fingerprints,
    };
    if (!(await deps.confirm(preview))) cancelled = APPLY_CANCELLED;
  }

  const apply =
    sourceProblem !== null || cancelled !== null || settings.dryRun ? null : await applyWithProgress(plan, deps.leapsome, progress);
  const refusedReason = sourceProblem ?? cancelled ?? apply?.refused ?? null;
  const mode: RunOutcome['mode'] = refusedReason !== null ? 'refused' : settings.dryRun ? 'dry-run' : 'applied';

  // A listing that stayed inconsistent, or an employee whose lookup failed: Personio was not read
  // completely, and this run's picture must not become the next run's baseline.
  const personioReadComplete = facts.problem === null && [...facts.lookups.values()].every((l) => l.kind !== 'failed');
  const decision = snapshotSaveDecision({ cacheEnabled: deps.snapshots !== null, eventName: deps.eventName, personioReadComplete, mode });
  let saved: string;
  if (decision.save && deps.snapshots !== null) {
    const snapshot = buildSnapshot({
      personio,
      leapsome,
      attributes: readAttributeNames(query),
      actionVersion: deps.actionVersion,
      takenAt: readAt,
      ...(apply === null ? {} : { createdUserIds: apply.createdUserIds, createdTeamIds: apply.createdTeamIds }),
    });
    if (previous !== null && sameSnapshotContent(previous, snapshot)) {
      saved = 'not saved: nothing in it changed since the last snapshot, which stays the baseline';
    } else {
      const result = await deps.snapshots.save(snapshot);
      saved = result.saved ? `saved as ${result.key}` : `not saved: ${result.reason}`;
    }
  } else {
    saved = `not saved: ${decision.save ? 'no store' : decision.reason}`;
  }
  const snapshotReport: SnapshotReport = { digest, previousTakenAt: previous?.takenAt ?? null, missingReason, saved };
  return {
    mode,
    plan,
    apply,
    refusedReason,
    startedAt,
    finishedAt: deps.now().toISOString(),
    requests: requests(),
    snapshot: snapshotReport,
    fields: settings.fields.map((rule) => rule.field),
    fingerprints,
  };
}

/** The names under which the snapshot's employees hold what was read: fixed keys and extras' names. */
function readAttributeNames(query: EmployeeQuery): string[] {
  return [...query.keys.filter((key) => FIXED_KEYS.has(key)), ...query.extras.map((e) => e.name)];
}

/** A team-names entry naming a hand-made Leapsome team, reported with the entry's file and line. */
function throwOnHandMadeCollisions(clashes: readonly Clash[]): void {
  const collisions = clashes.flatMap((c) => (c.kind === 'team' && c.cause === 'hand-made' ? [c] : []));
  if (collisions.length === 0) return;
  const located = collisions.flatMap((c) =>
    c.entry === null
      ? []
      : [
          {
            ...c.entry,
            key: `team-names.${c.entry.key}`,
            message: `"${c.displayName}" is the name of Leapsome team ${c.holder.leapsomeId}, which was made by hand (no externalId); the sync never changes hand-made teams. Choose another name, or rename that team in Leapsome.`,
          },
        ],
  );
  if (located.length === collisions.length) throw new ConfigFileError(located);
  throw new SettingsError(`Invalid team-names:\n- ${collisions.map((c) => c.detail).join('\n- ')}`);
}

/** Applies the plan, its writes reported as one phase. */
async function applyWithProgress(plan: Plan, writer: LeapsomeWriter, progress: Progress): Promise<ApplyResult> {
  const writing = progress.start('Writing to Leapsome', 'writes');
  try {
    return await applyPlan(plan, writer, { progress: writing });
  } finally {
    writing.end();
  }
}

/** Stores report failures as results; should one throw anyway, the run goes on as a first run. */
async function restoreSafely(store: SnapshotStore, onEmployeeCount: OnEmployeeCount): Promise<RestoreResult> {
  try {
    return await store.restore(onEmployeeCount);
  } catch (error) {
    return { kind: 'unavailable', reason: `snapshot restore failed: ${errorMessage(error)}` };
  }
}

export type ApprovedPlanDependencies = Pick<SyncDependencies, 'leapsome' | 'log' | 'now' | 'progress'>;

/**
 * Applies exactly the operations of an approved plan (a dry run's plan file). Leapsome is read again
 * and each operation whose record changed since is skipped and reported. Personio is not read: the
 * plan is what was reviewed, and changes in Personio since are the next regular run's business.
 * No snapshot is read or saved, because none of this run's data came from Personio.
 */
export async function runApprovedPlan(settings: Settings, approved: ApprovedPlan, deps: ApprovedPlanDependencies): Promise<RunOutcome> {
  const startedAt = deps.now().toISOString();
  const report = { planId: approved.planId, plannedAt: approved.plannedAt, plannedBy: approved.plannedBy };
  const finish = (outcome: Omit<RunOutcome, 'startedAt' | 'finishedAt' | 'requests' | 'snapshot' | 'fields'>): RunOutcome => {
    const l = deps.leapsome.stats();
    const requests = { personio: 0, leapsome: l.total, leapsomeWrites: l.writes };
    return { ...outcome, startedAt, finishedAt: deps.now().toISOString(), requests, snapshot: null, fields: approved.fields };
  };
  // A plan made against another Leapsome (staging vs production) must not be applied here.
  if (approved.leapsomeBaseUrl !== settings.leapsome.baseUrl) {
    return finish({
      mode: 'refused',
      plan: { ...approved.plan, users: [], teams: [] },
      apply: null,
      refusedReason: `The plan was made against ${approved.leapsomeBaseUrl}, but this run targets ${settings.leapsome.baseUrl}. Nothing was written.`,
      fingerprints: { users: [], teams: [] },
      approvedPlan: { ...report, stale: [] },
    });
  }

  const progress = deps.progress ?? noProgress;
  const reading = progress.start('Reading Leapsome', 'records');
  const leapsome = await deps.leapsome.readState(reading).finally(() => reading.end());
  const check = checkFreshness(approved.plan, approved.fingerprints, leapsome);
  deps.log(
    `Plan ${approved.planId}: ${check.fresh.users.length + check.fresh.teams.length} operations still match Leapsome, ${check.stale.length} skipped because their record changed since the plan was made.`,
  );
  // The brake applies to what this run would write, with this run's max-deactivations (raise it
  // for the approving run when the deactivations are intended).
  const planned = check.fresh.users.filter((op) => op.kind === 'deactivate').length;
  // What the plan run reported (skips, clashes, warnings, loops, the pre-boarding schedule) was for its review.
  const plan = {
    ...check.fresh,
    skipped: [],
    clashes: [],
    warnings: [],
    supervisorCycles: [],
    preboarding: [],
    deactivationGuard: deactivationGuard(approved.plan.deactivationGuard.base, planned, settings.plan.maxDeactivations),
  };
  const apply = settings.dryRun ? null : await applyWithProgress(plan, deps.leapsome, progress);
  const refusedReason = apply?.refused ?? null;
  return finish({
    mode: refusedReason !== null ? 'refused' : settings.dryRun ? 'dry-run' : 'applied',
    plan,
    apply,
    refusedReason,
    fingerprints: check.fingerprints,
    approvedPlan: { ...report, stale: check.stale },
  });
}
