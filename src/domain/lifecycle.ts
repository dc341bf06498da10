// What the reads learnt about who is still employed, beyond the records themselves: whether the
// employee listing can be trusted to show who left, and what direct lookups said about the
// employees it did not show. The planner takes these as data; the I/O happens in the pipeline.
import type { Employee, PersonioState, RejectedRecord } from './types.js';

/** The result of `GET /v1/company/employees/{id}` for an employee missing from the listing. */
export type VanishedLookup =
  /** The employee exists: their record was added to the Personio state (the listing missed them). */
  | { readonly kind: 'found' }
  /** Personio answered 404 with its error envelope: the employee is gone. */
  | { readonly kind: 'gone' }
  /** Not known: the lookup failed after its retries, or was not made this run. */
  | { readonly kind: 'failed'; readonly reason: string };

export interface ListingFacts {
  /**
   * Why the listing could not be trusted to show who left (it was still inconsistent when read a
   * second time); null when it could. While set, nobody is deactivated.
   */
  readonly problem: string | null;
  /** Personio id -> lookup result, for the managed users' employees the listing did not show. */
  readonly lookups: ReadonlyMap<string, VanishedLookup>;
}

export const TRUSTED_LISTING: ListingFacts = { problem: null, lookups: new Map() };

/** The employee listing as read, and whether it held together. */
export interface EmployeeListing extends PersonioState {
  /**
   * Null when the listing was consistent, on the first read or on the second; otherwise what was
   * still wrong with the second read. The records are then everyone either read returned.
   */
  readonly problem: string | null;
  /** What was wrong with the first read, when the listing was read a second time; else null. */
  readonly firstProblem: string | null;
}

/** The Personio client's answer to a direct lookup of one employee. */
export type EmployeeLookup =
  | { readonly kind: 'found'; readonly employee: Employee }
  /** Found, but the record does not parse: it is skipped like an unreadable listed record. */
  | { readonly kind: 'unreadable'; readonly rejected: RejectedRecord }
  | { readonly kind: 'gone' }
  | { readonly kind: 'failed'; readonly reason: string };
