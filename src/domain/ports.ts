// The ports: what the run needs from the outside world, as interfaces the adapters implement (the
// Personio and SCIM clients, a progress display) and tests fake. They speak only domain types.
import type { EmployeeListing, EmployeeLookup } from './lifecycle.js';
import type { LeapsomeState, LeapsomeTeam, LeapsomeUser, UserAttributeName, UserAttributes } from './types.js';

/**
 * Where reading and writing report how far they are. Units are records read or write requests; a
 * retried request counts once, when its outcome is known.
 */
export interface ProgressCounter {
  /** More work became known (a total read from a first page), or, negative, planned work turned out not to be needed. */
  grow(units: number): void;
  /** Units finished: `succeeded`, and `failed` ones (attempted and failed, or given up because something they needed failed). */
  advance(succeeded: number, failed?: number): void;
}

/** The applier's progress: also what it is busy with, e.g. "creating users". */
export interface ApplyProgress extends ProgressCounter {
  step(label: string): void;
}

/** One attribute of `GET /v1/company/employees/attributes`: what the credential may read. */
export interface ReadableAttribute {
  readonly key: string;
  readonly label: string | null;
  readonly type: string | null;
  readonly universalId: string | null;
  /** The values of a list or tags attribute (empty for other types, or when Personio sends none). */
  readonly options: readonly string[];
}

/** An attribute read beyond the fixed ones, stored in Employee.attributes under `name`. */
export interface ExtraAttribute {
  /** The name the settings use (a key or a universal id). */
  readonly name: string;
  /** The key Personio sends it under. */
  readonly key: string;
}

/** What to ask Personio for: `attributes[]` keys, and which of them go to Employee.attributes. */
export interface EmployeeQuery {
  readonly keys: readonly string[];
  readonly extras: readonly ExtraAttribute[];
}

/** What the pipeline reads Personio through. */
export interface PersonioReader {
  readableAttributes(): Promise<readonly ReadableAttribute[]>;
  /**
   * Reports employee records as their pages are parsed. `sizeHint` (the last run's employee count,
   * if it arrives in time) lets every page be asked for before the first one answers.
   */
  readEmployees(query: EmployeeQuery, progress?: ProgressCounter, sizeHint?: Promise<number | null>): Promise<EmployeeListing>;
  lookupEmployees(ids: readonly string[], query: EmployeeQuery): Promise<ReadonlyMap<string, EmployeeLookup>>;
}

/** What the pipeline reads Leapsome through. */
export interface LeapsomeReader {
  /** Reports user records as their pages are parsed. */
  readState(progress?: ProgressCounter): Promise<LeapsomeState>;
}

/** Requests made so far, for the report. */
export interface RequestCounter {
  stats(): { readonly total: number; readonly writes: number };
}

/** A partial update of one user. `userName` is always sent: Leapsome requires it on PATCH. */
export interface UserPatch {
  readonly userName: string;
  readonly attributes?: Partial<UserAttributes>;
  /** Manager written as the manager's email; null clears it. */
  readonly manager?: string | null;
  /** The complete set of additional managers, as Leapsome ids; empty clears them. */
  readonly additionalManagers?: readonly string[];
  readonly active?: boolean;
}

export interface TeamPatch {
  readonly displayName?: string;
  readonly externalId?: string;
  /** Leapsome user ids, at most 100 per request. */
  readonly members?: readonly string[];
  /** true: the given members replace all current ones; false (default): they are added. */
  readonly replaceMembers?: boolean;
}

/** What the applier writes to Leapsome through. */
export interface LeapsomeWriter {
  /** Creates a user, resolving an unknown outcome or the `201 {}` quirk by looking the user up. */
  createUser(attributes: UserAttributes): Promise<LeapsomeUser>;
  patchUser(id: string, patch: UserPatch): Promise<LeapsomeUser>;
  /** Creates a team, or returns the existing team of that name after a 409 or unknown outcome. */
  createTeam(displayName: string, externalId: string): Promise<LeapsomeTeam>;
  patchTeam(id: string, patch: TeamPatch): Promise<void>;
}

/**
 * What `createUser` carries: Leapsome documents only these fields on POST /Users, so a new user
 * with anything else (a manager, a location, a start date) needs a PATCH after it is created.
 */
export const CREATE_USER_FIELDS: ReadonlySet<UserAttributeName> = new Set<UserAttributeName>([
  'userName',
  'externalId',
  'givenName',
  'familyName',
  'displayName',
  'title',
]);
