// What the previous run saw, as the snapshot keeps it between runs: the Personio employees it read
// and the Leapsome ids it mapped them to. The planner compares the current run against it (what
// changed in Personio, where a planned change comes from, a suspicious drop); snapshot/ stores it.
import type { Employee } from './types.js';

export interface Snapshot {
  /** The stored format's version (snapshot/schema.ts); a snapshot of another version is never read. */
  readonly schemaVersion: number;
  readonly actionVersion: string;
  /** When the Personio data was read (ISO 8601). */
  readonly takenAt: string;
  /**
   * The Personio attributes that run read, by the names the settings use: a value that was not
   * read is null, which is not the same as empty (the digest and the drift labels tell them apart).
   */
  readonly attributes: readonly string[];
  /** Every employee the run read from Personio, in scope or not (rehires need the inactive ones). */
  readonly employees: readonly Employee[];
  /** Personio id -> Leapsome user id. */
  readonly leapsomeUserIds: Readonly<Record<string, string>>;
  /** Team externalId (`personio:<field>:<id>`) -> Leapsome team id. */
  readonly leapsomeTeamIds: Readonly<Record<string, string>>;
}
