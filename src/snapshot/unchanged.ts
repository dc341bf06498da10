// Whether a run's snapshot would say nothing new: the same content as the one restored, apart from
// when it was taken. Most scheduled runs change nothing, and saving costs every one of them an
// encryption, a write and, on GitHub, an upload and a cache entry of the repository's quota
// (https://docs.github.com/en/actions/reference/workflows-and-actions/dependency-caching). The
// restored snapshot then stays the baseline: every run since read Personio as it holds it, so what
// changes after is still what changed since the last run, and restoring it keeps it from eviction.
import type { Snapshot } from '../domain/snapshot.js';

/** Equal in everything but `takenAt`: employees, the attributes read, Leapsome ids and the action version. */
export function sameSnapshotContent(previous: Snapshot, next: Snapshot): boolean {
  const { takenAt: _previousTakenAt, ...before } = previous;
  const { takenAt: _nextTakenAt, ...after } = next;
  return sameJson(before, after);
}

/**
 * Structural equality of JSON-shaped data (what a snapshot is made of): key order does not matter,
 * a key missing on one side does. Several times faster than util.isDeepStrictEqual, which also
 * weighs prototypes and property descriptors no snapshot has.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    if (!Object.hasOwn(y, key) || !sameJson(x[key], y[key])) return false;
    keys += 1;
  }
  for (const _key in y) keys -= 1;
  return keys === 0;
}
