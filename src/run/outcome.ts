// What a run did (or, in a dry run or a refused run, would have done): the one value the pipeline
// returns and every report renders (job summary, pull-request comment, terminal, plan JSON,
// outputs), with the counts they all show.
import { noCounts, type ApplyCounts, type ApplyFailure, type ApplyResult } from '../apply/apply.js';
import type { StaleOperation } from '../apply/approved.js';
import type { PlanFingerprints } from '../apply/fingerprint.js';
import type { FieldName } from '../domain/fields.js';
import { isTakeover, type Plan } from '../domain/plan.js';
import type { PersonioDigest } from '../plan/digest.js';

/** What the previous snapshot contributed to this run. */
export interface SnapshotReport {
  /** Null without a usable previous snapshot. */
  readonly digest: PersonioDigest | null;
  readonly previousTakenAt: string | null;
  /** Why there is no usable previous snapshot (first run, cache disabled, unreadable, ...). */
  readonly missingReason: string | null;
  /** What became of this run's snapshot: saved under a key, or why not. */
  readonly saved: string;
}

/** The refusal when the person asked to confirm the plan (in a terminal) did not. */
export const APPLY_CANCELLED = 'Apply cancelled: the plan was not confirmed. Nothing was written to Leapsome.';

/** What the run did (or, in a dry run or a refused run, would have done). */
export interface RunOutcome {
  readonly mode: 'dry-run' | 'applied' | 'refused';
  readonly plan: Plan;
  /** Null in a dry run. */
  readonly apply: ApplyResult | null;
  readonly refusedReason: string | null;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly requests: { readonly personio: number; readonly leapsome: number; readonly leapsomeWrites: number } | null;
  readonly snapshot: SnapshotReport | null;
  /** The Leapsome fields the sync owned (written to the plan file, so an apply run reads the same). */
  readonly fields: readonly FieldName[];
  /** The Leapsome record each operation was planned against, in plan order (written to the plan file). */
  readonly fingerprints?: PlanFingerprints;
  /** Set when this run applied (or, in a dry run, checked) an approved plan file. */
  readonly approvedPlan?: ApprovedPlanReport;
}

export interface ApprovedPlanReport {
  readonly planId: string;
  /** When the approved plan was made, and the run that made it (null outside GitHub). */
  readonly plannedAt: string;
  readonly plannedBy: string | null;
  /** Operations skipped because their Leapsome record changed since the plan was made. */
  readonly stale: readonly StaleOperation[];
}

/** The changes a plan contains, counted the way the outputs and the headline report them. */
export function plannedCounts(plan: Plan): ApplyCounts {
  const counts = noCounts();
  for (const op of plan.users) {
    if (op.kind === 'create') {
      counts.created++;
      if (op.manager !== null) counts.managerChanges++;
    } else if (op.kind === 'deactivate') counts.deactivated++;
    else {
      if (op.reactivate) counts.reactivated++;
      else counts.updated++;
      if (op.manager !== null) counts.managerChanges++;
      if (isTakeover(op.takeover)) counts.takenOver++;
    }
  }
  for (const op of plan.teams) {
    if (op.kind === 'create') {
      counts.teamsCreated++;
      counts.membershipChanges += op.members.length;
    } else {
      if (op.rename !== null) counts.teamsRenamed++;
      if (isTakeover(op.takeover)) counts.takenOver++;
      counts.membershipChanges += op.added.length + op.removed.length;
    }
  }
  return counts;
}

export function outcomeCounts(outcome: RunOutcome): ApplyCounts {
  return outcome.mode === 'applied' && outcome.apply !== null ? outcome.apply.counts : plannedCounts(outcome.plan);
}

export function outcomeFailures(outcome: RunOutcome): readonly ApplyFailure[] {
  return outcome.apply?.failures ?? [];
}

/**
 * Records that did not sync: skipped by the planner, clashes, supervisor cycles (one each), stale
 * operations of an approved plan, failed writes (plus a refusal).
 */
export function failedCount(outcome: RunOutcome): number {
  return (
    outcome.plan.skipped.length +
    outcome.plan.clashes.length +
    outcome.plan.supervisorCycles.length +
    (outcome.approvedPlan?.stale.length ?? 0) +
    outcomeFailures(outcome).length +
    (outcome.refusedReason === null ? 0 : 1)
  );
}

export function hasChanges(plan: Plan): boolean {
  return plan.users.length > 0 || plan.teams.length > 0;
}
