// Small builders for planner tests: every field has a dull default, tests state only what matters.
import type { ListingFacts } from '../../../src/domain/lifecycle.js';
import type { Plan, TeamOp, UserOp } from '../../../src/domain/plan.js';
import type {
  Employee,
  LeapsomeState,
  LeapsomeTeam,
  LeapsomeUser,
  OrgField,
  OrgUnit,
  PersonioState,
  PlanSettings,
  RejectedRecord,
} from '../../../src/domain/types.js';
import { DEFAULT_FIELD_SOURCES, type FieldRule, type StandardFieldName } from '../../../src/domain/fields.js';
import type { ProfileValues } from '../../../src/domain/types.js';
import { planSync } from '../../../src/plan/planner.js';

export type EmployeeInput = Omit<Partial<Employee>, 'org'> & { readonly org?: Partial<Record<OrgField, OrgUnit | null>> };

export const unit = (field: OrgField, id: string, name: string): OrgUnit => ({ field, id, name });
export const dept = (id: string, name: string): OrgUnit => unit('department', id, name);
export const office = (id: string, name: string): OrgUnit => unit('office', id, name);

export function employee(input: EmployeeInput = {}): Employee {
  const id = input.id ?? '1';
  return {
    id,
    email: input.email === undefined ? `e${id}@acme.test` : input.email,
    firstName: input.firstName ?? 'First',
    lastName: input.lastName ?? `Last${id}`,
    preferredName: input.preferredName ?? null,
    status: input.status ?? 'active',
    position: input.position ?? null,
    org: { department: null, team: null, office: null, subcompany: null, ...input.org },
    supervisorId: input.supervisorId ?? null,
    hireDate: input.hireDate ?? null,
    hireDateOffsetMinutes: input.hireDateOffsetMinutes ?? null,
    terminationDate: input.terminationDate ?? null,
    gender: input.gender ?? null,
    attributes: input.attributes ?? {},
  };
}

/** A user; the default fields' values may be given by name as before `fields` (title, startDate, …) or in `profile`. */
export type UserInput = Omit<Partial<LeapsomeUser>, 'profile'> & {
  readonly title?: string | null;
  readonly startDate?: string | null;
  readonly endDate?: string | null;
  readonly location?: string | null;
  readonly gender?: string | null;
  readonly profile?: ProfileValues;
};

export function leapsomeUser(input: UserInput = {}): LeapsomeUser {
  const id = input.id ?? 'u1';
  return {
    id,
    userName: input.userName ?? `${id}@acme.test`,
    externalId: input.externalId ?? null,
    active: input.active ?? true,
    givenName: input.givenName ?? null,
    familyName: input.familyName ?? null,
    displayName: input.displayName ?? null,
    managerId: input.managerId ?? null,
    profile: {
      title: input.title ?? null,
      location: input.location ?? null,
      'start-date': input.startDate ?? null,
      'end-date': input.endDate ?? null,
      gender: input.gender ?? null,
      ...input.profile,
    },
    additionalManagerIds: input.additionalManagerIds ?? [],
    teamIds: input.teamIds ?? [],
  };
}

/** A Leapsome user already in line with the employee's desired attributes (default fields). */
export function userFor(e: Employee, input: UserInput = {}): LeapsomeUser {
  return leapsomeUser({
    id: `L${e.id}`,
    userName: e.email ?? `missing-${e.id}@acme.test`,
    externalId: e.id,
    givenName: e.firstName,
    familyName: e.lastName,
    displayName: e.preferredName ?? `${e.firstName} ${e.lastName}`,
    title: e.position,
    startDate: e.hireDate,
    endDate: e.terminationDate,
    location: e.org.office?.name ?? null,
    gender: e.gender,
    ...input,
  });
}

/** The rules the sync runs with when the settings have no `fields` key. */
export const DEFAULT_RULES: readonly FieldRule[] = Object.entries(DEFAULT_FIELD_SOURCES).map(([field, from]) =>
  rule(field as StandardFieldName, from),
);

/** A rule as the settings would make it; `map` keys are normalised like the settings do. */
export function rule(
  field: FieldRule['field'],
  from: string,
  options: { map?: Record<string, string>; default?: string; apply?: FieldRule['apply'] } = {},
): FieldRule {
  const map = options.map === undefined ? null : new Map(Object.entries(options.map).map(([k, v]) => [k.trim().toLowerCase(), v]));
  return { field, from, map, default: options.default ?? null, apply: options.apply ?? 'always' };
}

export function team(input: Partial<LeapsomeTeam> = {}): LeapsomeTeam {
  return { id: input.id ?? 't1', displayName: input.displayName ?? 'Team', externalId: input.externalId ?? null };
}

export function settings(input: Partial<PlanSettings> = {}): PlanSettings {
  return {
    statuses: input.statuses ?? ['active', 'leave'],
    teamsFrom: input.teamsFrom ?? ['department'],
    exclude: input.exclude ?? [],
    maxDeactivations: input.maxDeactivations ?? { kind: 'percent', value: 20 },
    autoInvite: input.autoInvite ?? false,
    teamNames: input.teamNames ?? [],
    adoptTeams: input.adoptTeams ?? 'unmarked',
    adoptUsers: input.adoptUsers ?? 'unmarked',
    fields: input.fields ?? DEFAULT_RULES,
    preboardDays: input.preboardDays ?? null,
  };
}

export interface Scenario {
  readonly employees?: readonly Employee[];
  readonly rejected?: readonly RejectedRecord[];
  readonly users?: readonly LeapsomeUser[];
  readonly teams?: readonly LeapsomeTeam[];
  readonly leapsomeRejected?: readonly RejectedRecord[];
  readonly settings?: Partial<PlanSettings>;
  /** Listing trust and lookups of vanished employees (default: trusted, none). */
  readonly listing?: ListingFacts;
  /** The run's instant, ISO 8601 (needed with preboardDays). */
  readonly now?: string;
}

export const personioState = (s: Scenario): PersonioState => ({ employees: s.employees ?? [], rejected: s.rejected ?? [] });
export const leapsomeState = (s: Scenario): LeapsomeState => ({
  users: s.users ?? [],
  teams: s.teams ?? [],
  rejected: s.leapsomeRejected ?? [],
});

export function plan(s: Scenario): Plan {
  return planSync({
    personio: personioState(s),
    leapsome: leapsomeState(s),
    settings: settings(s.settings),
    ...(s.listing === undefined ? {} : { listing: s.listing }),
    ...(s.now === undefined ? {} : { now: Date.parse(s.now) }),
  });
}

export type CreateOp = Extract<UserOp, { kind: 'create' }>;
export type UpdateOp = Extract<UserOp, { kind: 'update' }>;
export type DeactivateOp = Extract<UserOp, { kind: 'deactivate' }>;
export type TeamCreateOp = Extract<TeamOp, { kind: 'create' }>;
export type TeamUpdateOp = Extract<TeamOp, { kind: 'update' }>;

export const creates = (p: Plan): CreateOp[] => p.users.filter((op): op is CreateOp => op.kind === 'create');
export const updates = (p: Plan): UpdateOp[] => p.users.filter((op): op is UpdateOp => op.kind === 'update');
export const deactivations = (p: Plan): DeactivateOp[] => p.users.filter((op): op is DeactivateOp => op.kind === 'deactivate');
export const teamCreates = (p: Plan): TeamCreateOp[] => p.teams.filter((op): op is TeamCreateOp => op.kind === 'create');
export const teamUpdates = (p: Plan): TeamUpdateOp[] => p.teams.filter((op): op is TeamUpdateOp => op.kind === 'update');

export function only<T>(items: readonly T[]): T {
  if (items.length !== 1) throw new Error(`expected exactly one item, got ${items.length}: ${JSON.stringify(items)}`);
  return items[0] as T;
}

export const isEmpty = (p: Plan): boolean => p.users.length === 0 && p.teams.length === 0;
