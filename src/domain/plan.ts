// The Plan is a value: the planner returns it, the reporter renders it, the plan JSON saves it and
// the applier executes it. It references people by Personio id (always known) and by Leapsome id
// (known for existing users; for users created in this run the applier learns it on creation).

import type { Gender, TeamSource, UserAttributeName, UserAttributes } from './types.js';

/** A person as shown in reports: enough to recognise them, nothing more. */
export interface PersonLabel {
  readonly employeeId: string | null;
  readonly leapsomeId: string | null;
  readonly name: string;
  readonly email: string | null;
}

/** Where the manager should point: a Personio employee, written to Leapsome as their email. */
export interface ManagerTarget {
  readonly employeeId: string;
  readonly email: string;
  readonly name: string;
  /** Leapsome id when the manager already exists in Leapsome; null when created in this run. */
  readonly leapsomeId: string | null;
}

/** A Leapsome user as the plan names them. */
export interface UserRef {
  readonly leapsomeId: string;
  readonly name: string;
}

export interface ManagerChange {
  /** Current manager as read from Leapsome (null = none). */
  readonly from: UserRef | null;
  /** Desired manager (null = clear). */
  readonly to: ManagerTarget | null;
}

/** The additional managers, compared as a set; `to` is empty to clear them. */
export interface AdditionalManagersChange {
  readonly from: readonly UserRef[];
  readonly to: readonly ManagerTarget[];
}

export type FieldValue = string | boolean | null;

/** A change of one attribute; profile fields go by the config's names (`start-date`, `custom.<id>`). */
export interface FieldChange {
  readonly field: UserAttributeName | 'active';
  readonly from: FieldValue;
  readonly to: FieldValue;
}

/**
 * Taking over a Leapsome record the sync did not manage yet: its externalId is set to the sync's,
 * and from then on the sync manages it like one it created.
 * - `unmarked`: it had no externalId (same email, or same team name);
 * - `foreign`: another integration had marked it (`adopt-users: by-email`, `adopt-teams: by-name`);
 * - `moved`: a team this sync made for a Personio source it no longer has (teams only).
 */
export interface Takeover {
  readonly kind: 'unmarked' | 'foreign' | 'moved';
  /** The externalId the record carried before; null when unmarked. */
  readonly previousExternalId: string | null;
}

/** Taken over from another integration or from nobody, as a switch-over review counts it (not a `moved` team). */
export const isTakeover = (t: Takeover | null): t is Takeover => t !== null && t.kind !== 'moved';

/** The Leapsome record that holds what the sync wants (a team name, a user's email). */
export interface ClashHolder {
  readonly leapsomeId: string;
  /** The team's or user's name in Leapsome. */
  readonly name: string;
  readonly externalId: string | null;
}

/**
 * A team or user the sync should manage but may not take over under the current settings. Nothing
 * is written to the holder, and the run fails after everything else is applied.
 */
export type Clash =
  | {
      readonly kind: 'team';
      /**
       * `marked`: another integration's team has the name (`adopt-teams: by-name` takes it over);
       * `hand-made`: a team-names entry names a team made by hand, a configuration error.
       */
      readonly cause: 'marked' | 'hand-made';
      /** The Leapsome team name the sync wants. */
      readonly displayName: string;
      /** The externalId the sync would give the team. */
      readonly externalId: string;
      readonly holder: ClashHolder;
      /** The team-names entry that chose the name, when one did and it came from a file. */
      readonly entry: { readonly key: string; readonly file: string; readonly line: number } | null;
      /** The setting that would take it over, as written in a workflow or config file; null when none may. */
      readonly resolution: string | null;
      readonly detail: string;
    }
  | {
      readonly kind: 'user';
      /**
       * `marked`: another integration's account has the email (`adopt-users: by-email` takes it over);
       * `other-employee`: the account carries another employee's Personio id, which nothing takes over.
       */
      readonly cause: 'marked' | 'other-employee';
      /** The employee the account is wanted for. */
      readonly person: PersonLabel;
      readonly holder: ClashHolder;
      readonly resolution: string | null;
      readonly detail: string;
    };

/** Why a planned change happens, from the comparison with the last run's snapshot (plan/provenance.ts); 'unknown' without one. */
export type Provenance = 'personio' | 'leapsome-edit' | 'unknown';

export type UserOp =
  | {
      readonly kind: 'create';
      readonly employeeId: string;
      readonly attributes: UserAttributes;
      readonly manager: ManagerTarget | null;
      /** Additional managers to set after creation (empty: none, or not owned). */
      readonly additionalManagers: readonly ManagerTarget[];
      /** Reported as "invited by Leapsome" (auto-invite) or "invite pending". */
      readonly invite: 'leapsome' | 'pending';
    }
  | {
      readonly kind: 'update';
      readonly employeeId: string;
      readonly leapsomeId: string;
      /** The full desired attributes (SCIM PATCH needs userName anyway). */
      readonly attributes: UserAttributes;
      /** Only the attributes that differ (may be empty when only the manager changes). */
      readonly changes: readonly FieldChange[];
      readonly manager: ManagerChange | null;
      /** Null when the additional managers stay as they are (or are not owned). */
      readonly additionalManagers: AdditionalManagersChange | null;
      /** Set when the user was not the sync's yet (matched by email): the externalId becomes the Personio id. */
      readonly takeover: Takeover | null;
      /** Setting active: true on a deactivated managed user. */
      readonly reactivate: boolean;
      readonly provenance: Provenance;
    }
  | {
      readonly kind: 'deactivate';
      readonly employeeId: string | null;
      readonly leapsomeId: string;
      readonly userName: string;
      readonly name: string;
      readonly reason: string;
      readonly provenance: Provenance;
    };

export interface TeamMember {
  readonly employeeId: string | null;
  /** Null for users created in this run. */
  readonly leapsomeId: string | null;
  readonly name: string;
}

/** One Personio unit (or custom attribute value) a team is made from. */
export interface TeamSourceRef {
  readonly field: TeamSource;
  /** The org unit's id, or a custom attribute value trimmed and lower-cased. */
  readonly id: string;
  /** The name in Personio. */
  readonly name: string;
}

export type TeamOp =
  | {
      readonly kind: 'create';
      readonly externalId: string;
      /** The source the team's externalId comes from (the first of `sources`). */
      readonly field: TeamSource;
      /** Every Personio unit whose employees are members: more than one when their names map to one team. */
      readonly sources: readonly TeamSourceRef[];
      readonly displayName: string;
      readonly members: readonly TeamMember[];
    }
  | {
      readonly kind: 'update';
      readonly teamId: string;
      readonly externalId: string;
      readonly field: TeamSource;
      /** Empty for a team none of whose units has in-scope members any more (it is emptied). */
      readonly sources: readonly TeamSourceRef[];
      readonly displayName: string;
      /** Set when the Personio org unit was renamed (or a team taken over has another name). */
      readonly rename: { readonly from: string; readonly to: string } | null;
      /** Set when the team was not the sync's yet (matched by name): its externalId becomes `externalId`. */
      readonly takeover: Takeover | null;
      /** The complete desired member list; null when membership is already right. */
      readonly members: readonly TeamMember[] | null;
      readonly added: readonly TeamMember[];
      readonly removed: readonly TeamMember[];
      readonly provenance: Provenance;
    };

export type SkipReason =
  | 'invalid-record'
  | 'no-email'
  | 'duplicate-email'
  | 'external-id-conflict'
  | 'email-conflict'
  | 'email-domain'
  /** An onboarding employee under `preboard-days` without a hire date: no account until it is set. */
  | 'no-hire-date'
  /** Missing from the listing, and the direct lookup failed (or was not made): not deactivated. */
  | 'unconfirmed-leaver'
  /** A deactivation held back because the employee listing stayed inconsistent after a re-read. */
  | 'listing-inconsistent';

/** A record the sync will not touch this run; it makes the run fail at the end, after everything else. */
export interface SkippedRecord {
  readonly reason: SkipReason;
  readonly person: PersonLabel;
  readonly detail: string;
}

export interface PlanWarning {
  readonly person: PersonLabel | null;
  readonly message: string;
}

export interface DeactivationGuard {
  /** Managed active users, the base of a percentage threshold. */
  readonly base: number;
  readonly limit: number;
  readonly planned: number;
  readonly exceeded: boolean;
}

export interface PlanStats {
  readonly employees: number;
  readonly inScope: number;
  readonly excluded: number;
  readonly managedUsers: number;
  readonly unmanagedUsers: number;
  /** Leapsome teams the sync manages after this plan (its own, and those it takes over). */
  readonly managedTeams: number;
  /** Teams it leaves alone: made by hand, or held by something else. */
  readonly unmanagedTeams: number;
}

/**
 * Employees whose supervisors form a loop (A → B → A, or A → A). They are synced like anyone else
 * except for the manager links inside the loop, which stay as Leapsome has them; each loop fails
 * the run, so someone fixes Personio.
 */
export interface SupervisorCycle {
  /** The loop in supervisor order, starting at the lowest Personio id (A reports to B, B to …). */
  readonly chain: readonly PersonLabel[];
}

/** When an onboarding employee gets their Leapsome account (the `preboard-days` setting). */
export interface PreboardEntry {
  readonly person: PersonLabel;
  readonly hireDate: string | null;
  /** The first day of the account: the hire date minus `preboard-days`; null without a hire date. */
  readonly accountFrom: string | null;
  /**
   * `due`: the account is created (or kept) in this run; `kept`: the account exists already and is
   * kept although its date has not come (it is never taken away for being early); `waiting`: no
   * account until `accountFrom`; `no-hire-date`: no account, reported as skipped.
   */
  readonly state: 'due' | 'kept' | 'waiting' | 'no-hire-date';
}

export interface Plan {
  readonly users: readonly UserOp[];
  readonly teams: readonly TeamOp[];
  readonly skipped: readonly SkippedRecord[];
  /** Teams and users held by something else that the settings do not allow to take over. */
  readonly clashes: readonly Clash[];
  readonly warnings: readonly PlanWarning[];
  readonly stats: PlanStats;
  readonly deactivationGuard: DeactivationGuard;
  readonly supervisorCycles: readonly SupervisorCycle[];
  /** Every onboarding employee in reach of `preboard-days`, by Personio id; empty when it is not set. */
  readonly preboarding: readonly PreboardEntry[];
}

export type { Gender };
