import { failedCount, hasChanges, outcomeCounts, type RunOutcome } from '../run/outcome.js';

/** The action's outputs (the names action.yml declares; workflows rely on them), all as strings. */
export function actionOutputs(outcome: RunOutcome, planFile: string): Record<string, string> {
  const c = outcomeCounts(outcome);
  return {
    created: String(c.created),
    updated: String(c.updated),
    deactivated: String(c.deactivated),
    reactivated: String(c.reactivated),
    'teams-created': String(c.teamsCreated),
    'teams-renamed': String(c.teamsRenamed),
    'membership-changes': String(c.membershipChanges),
    'manager-changes': String(c.managerChanges),
    failed: String(failedCount(outcome)),
    'has-changes': String(hasChanges(outcome.plan)),
    'plan-file': planFile,
  };
}
