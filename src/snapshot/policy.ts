// When a run may save its snapshot. The snapshot is the baseline for the next run's digest, drift
// labels and source guard, so only a run that read Personio completely and actually brought
// Leapsome in line may set it, and only where the cache is trusted.
export type RunMode = 'applied' | 'dry-run' | 'refused';

export interface SaveDecisionInput {
  /** The `cache` input. */
  readonly cacheEnabled: boolean;
  /** `GITHUB_EVENT_NAME`; null outside GitHub. */
  readonly eventName: string | null;
  /** Every Personio page was read without error. */
  readonly personioReadComplete: boolean;
  readonly mode: RunMode;
}

export type SaveDecision = { readonly save: true } | { readonly save: false; readonly reason: string };

export function snapshotSaveDecision({ cacheEnabled, eventName, personioReadComplete, mode }: SaveDecisionInput): SaveDecision {
  if (!cacheEnabled) return { save: false, reason: 'the cache input is false' };
  // A pull request's cache is readable from the PR itself (and from forks); never feed it our baseline.
  if (eventName !== null && eventName.startsWith('pull_request')) return { save: false, reason: `not saved on ${eventName} events` };
  if (!personioReadComplete) return { save: false, reason: 'Personio was not read completely' };
  // After a refusal the old baseline must stay, or simply re-running would get past the guards.
  if (mode === 'refused') return { save: false, reason: 'the run was refused, so the previous snapshot stays the baseline' };
  // After a dry run Leapsome still differs, and the next run would label pending Personio changes as manual edits.
  if (mode === 'dry-run') return { save: false, reason: 'dry runs do not move the baseline' };
  return { save: true };
}
