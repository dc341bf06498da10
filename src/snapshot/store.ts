// Where the previous snapshot lives between runs: the Actions cache on GitHub, a local directory
// for the demo and local runs. Stores never throw: a store that fails means "no previous
// snapshot", which the run survives (as a first run), and they log their own outcome.
import type { Snapshot } from '../domain/snapshot.js';

export type RestoreResult =
  /** `source` says where it came from: the matched cache key or the file path. */
  | { readonly kind: 'hit'; readonly snapshot: Snapshot; readonly source: string }
  /** Nothing stored yet (first run, evicted, another scope). Never read as "no employees". */
  | { readonly kind: 'miss' }
  /** Something was found but cannot be used: wrong key, tampered, old schema. Ignored, never trusted. */
  | { readonly kind: 'unusable'; readonly reason: string }
  /** The store itself is not reachable (no cache service, I/O error). */
  | { readonly kind: 'unavailable'; readonly reason: string };

export type SaveResult = { readonly saved: true; readonly key: string } | { readonly saved: false; readonly reason: string };

/**
 * Called with the employee count in the snapshot's header as soon as that is read, well before the
 * employees are: the Personio read uses it to ask for every page at once (see the Personio client).
 * A snapshot that later turns out unusable may have reported a count; it is only ever a guess.
 */
export type OnEmployeeCount = (count: number) => void;

export interface SnapshotStore {
  restore(onEmployeeCount?: OnEmployeeCount): Promise<RestoreResult>;
  save(snapshot: Snapshot): Promise<SaveResult>;
}

/** The logging a store needs; @actions/core's info/notice/warning fit as they are. */
export interface StoreLog {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
}

export const silentLog: StoreLog = { info: () => undefined, notice: () => undefined, warning: () => undefined };

/** The snapshot to compare against, or null: a miss or an unusable snapshot is "no history", never "no employees". */
export const restoredSnapshot = (result: RestoreResult): Snapshot | null => (result.kind === 'hit' ? result.snapshot : null);

/** Why there is no previous snapshot, for the summary; null on a hit. */
export function missingSnapshotReason(result: RestoreResult): string | null {
  switch (result.kind) {
    case 'hit':
      return null;
    case 'miss':
      return 'first run, or the last one is older than the cache keeps';
    case 'unusable':
      return `the stored one was ignored: ${result.reason}`;
    case 'unavailable':
      return `snapshot store unavailable: ${result.reason}`;
  }
}
