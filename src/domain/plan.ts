// The Plan is a value: the planner returns it, the reporter renders it, the plan JSON saves it and
// the applier executes it. It references people by Personio id (always known) and by Leapsome id
// (known for existing users; for users created in this run the applier learns it on creation).

import type { Gender, OrgField, UserAttributeName, UserAttributes } from './types.js';

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

export interface ManagerChange {
  /** Current manager as read from Leapsome (null = none). */
  readonly from: { readonly leapsomeId: string; readonly name: string } | null;
  /** Desired manager (null = clear). */
  readonly to: ManagerTarget | null;
}

export type FieldValue = string | boolean | null;

export interface FieldChange {
  readonly field: UserAttributeName | 'active';
  readonly from: FieldValue;
  readonly to: FieldValue;
}

/** Why a planned change happens; filled by the snapshot digest (issue 4), 'unknown' without one. */
export type Provenance = 'personio' | 'leapsome-edit' | 'unknown';

export type UserOp =
  | {
      readonly kind: 'create';
      readonly employeeId: string;
      readonly attributes: UserAttributes;
      readonly manager: ManagerTarget | null;
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
      /** Adopting a pre-existing Leapsome user with the same email and no externalId. */
      readonly adopt: boolean;
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

export type TeamOp =
  | {
      readonly kind: 'create';
      readonly externalId: string;
      readonly field: OrgField;
      readonly displayName: string;
      readonly members: readonly TeamMember[];
    }
  | {
      readonly kind: 'update';
      readonly teamId: string;
      readonly externalId: string;
      readonly field: OrgField;
      readonly displayName: string;
      /** Set when the Personio org unit was renamed (or the team is adopted under a new externalId). */
      readonly rename: { readonly from: string; readonly to: string } | null;
      readonly adopt: boolean;
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
  | 'supervisor-cycle'
  | 'external-id-conflict'
  | 'email-conflict'
  | 'email-domain';

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
}

export interface Plan {
  readonly users: readonly UserOp[];
  readonly teams: readonly TeamOp[];
  readonly skipped: readonly SkippedRecord[];
  readonly warnings: readonly PlanWarning[];
  readonly stats: PlanStats;
  readonly deactivationGuard: DeactivationGuard;
}

export type { Gender };
