// What the applier needs from Leapsome. The SCIM client implements it; tests use fakes.
import type { LeapsomeTeam, LeapsomeUser, UserAttributeName, UserAttributes } from '../domain/types.js';

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
export const CREATE_USER_FIELDS: ReadonlySet<UserAttributeName> = new Set<UserAttributeName>(['userName', 'externalId', 'givenName', 'familyName', 'displayName', 'title']);

/**
 * Where the applier reports its writes as they complete, for a progress display. Units are write
 * requests; a retried request counts once, when its outcome is known.
 */
export interface ApplyProgress {
  /** Writes that became known (positive) or turned out not to be needed (negative). */
  grow(writes: number): void;
  /** Writes answered: succeeded, and failed (or not sent because something they needed failed). */
  advance(succeeded: number, failed?: number): void;
  step(label: string): void;
}
