// The types the core speaks. Wire formats (Personio attribute objects, SCIM resources) never leak
// past the adapters in personio/ and leapsome/: everything else sees only these values.
import type { FieldRule, ProfileField } from './fields.js';

export const ORG_FIELDS = ['department', 'team', 'office', 'subcompany'] as const;
export type OrgField = (typeof ORG_FIELDS)[number];

/** A Personio source of teams: an org field, or a custom attribute key (`dynamic_<n>`). */
export type TeamSource = OrgField | `dynamic_${string}`;
export const CUSTOM_ATTRIBUTE_KEY = /^dynamic_\d+$/;
export const isTeamSource = (value: string): value is TeamSource =>
  (ORG_FIELDS as readonly string[]).includes(value) || CUSTOM_ATTRIBUTE_KEY.test(value);

export const PERSONIO_STATUSES = ['active', 'inactive', 'onboarding', 'leave'] as const;
export type PersonioStatus = (typeof PERSONIO_STATUSES)[number];

/**
 * What Personio asks integrations to send as X-Personio-App-ID: UPPER_SNAKE_CASE
 * (https://developer.personio.de/v2.0/reference/include-our-headers-in-your-requests).
 */
export const PERSONIO_APP_ID = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

export const GENDERS = ['male', 'female', 'diverse'] as const;
export type Gender = (typeof GENDERS)[number];

/** A Personio org unit (department, team, office or subcompany). Ids are kept as strings. */
export interface OrgUnit {
  readonly field: OrgField;
  readonly id: string;
  readonly name: string;
}

/**
 * A Personio attribute's value as text: one value, or the values of a multi-valued attribute
 * (tags) in Personio's order; null when empty. Org units give their name, dates YYYY-MM-DD, cost
 * centers the name with the highest percentage, numbers the digits Personio sends.
 */
export type AttributeValue = string | readonly string[] | null;

/** One Personio employee, normalised. Dates are local calendar dates (YYYY-MM-DD), never shifted to UTC. */
export interface Employee {
  readonly id: string;
  /** Work email as Personio holds it (trimmed); null when missing or empty. */
  readonly email: string | null;
  readonly firstName: string;
  readonly lastName: string;
  /** Preferred (display) name; null when missing or empty. */
  readonly preferredName: string | null;
  readonly status: PersonioStatus;
  /** Job title (Personio "position"); null when missing or empty. */
  readonly position: string | null;
  readonly org: Readonly<Record<OrgField, OrgUnit | null>>;
  readonly supervisorId: string | null;
  readonly hireDate: string | null;
  /**
   * The UTC offset (minutes) Personio's hire date carried: its dates are local midnight with the
   * company's offset on that day (`2021-04-01T00:00:00+02:00` -> 120). Null when it had none.
   */
  readonly hireDateOffsetMinutes: number | null;
  readonly terminationDate: string | null;
  readonly gender: Gender | null;
  /**
   * The other Personio attributes the settings read (custom attributes, cost_centers, …), keyed
   * by the name the settings use (a key or a universal id). An attribute not read is absent.
   */
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

/** A record that could not be parsed into a domain value. It is skipped and reported, never fatal. */
export interface RejectedRecord {
  readonly source: 'personio' | 'leapsome';
  /** Best-effort id of the record (Personio id or Leapsome id); null when even that was unreadable. */
  readonly recordId: string | null;
  /** Human-readable reason naming the field, e.g. `attributes.status.value: Invalid option`. */
  readonly reason: string;
}

export interface PersonioState {
  readonly employees: readonly Employee[];
  readonly rejected: readonly RejectedRecord[];
}

/** Profile field values by the config's field names (`title`, `start-date`, `custom.<id>`). */
export type ProfileValues = Readonly<Partial<Record<ProfileField, string | null>>>;

/** A Leapsome user as read over SCIM, normalised. Empty strings are read as null. */
export interface LeapsomeUser {
  readonly id: string;
  readonly userName: string;
  readonly externalId: string | null;
  readonly active: boolean;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly displayName: string | null;
  /** Leapsome id of the user's manager, as read back (the read side returns ids, not emails). */
  readonly managerId: string | null;
  /** The profile fields the sync owns, as read (null: empty); fields it does not own are not kept. */
  readonly profile: ProfileValues;
  /** Leapsome ids of the additional managers (empty unless the sync owns them). */
  readonly additionalManagerIds: readonly string[];
  /** Ids of the Leapsome teams the user belongs to (SCIM `groups[]`). */
  readonly teamIds: readonly string[];
}

export interface LeapsomeTeam {
  readonly id: string;
  readonly displayName: string;
  readonly externalId: string | null;
}

export interface LeapsomeState {
  readonly users: readonly LeapsomeUser[];
  readonly teams: readonly LeapsomeTeam[];
  readonly rejected: readonly RejectedRecord[];
}

/** Who the user is: always synced, whatever `fields` says. */
export interface IdentityAttributes {
  readonly userName: string;
  readonly externalId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly displayName: string;
}

/** Attributes the sync owns on a managed Leapsome user (managers are handled separately). */
export interface UserAttributes extends IdentityAttributes {
  /** Desired values of the owned profile fields; a field left as it is (unmapped value, on-create) is absent. */
  readonly profile: ProfileValues;
}

export type IdentityAttributeName = keyof IdentityAttributes;
export const IDENTITY_ATTRIBUTE_NAMES: readonly IdentityAttributeName[] = [
  'userName',
  'externalId',
  'givenName',
  'familyName',
  'displayName',
];
/** What a field change names: an identity attribute or a profile field. */
export type UserAttributeName = IdentityAttributeName | ProfileField;

/** Rules that take employees out of scope entirely (never created, updated or deactivated). */
export type ExcludeRule =
  | { readonly kind: 'email'; readonly glob: string }
  | { readonly kind: 'department'; readonly name: string }
  | { readonly kind: 'id'; readonly id: string };

export type Threshold = { readonly kind: 'count'; readonly value: number } | { readonly kind: 'percent'; readonly value: number };

/** Leapsome rejects longer team names (PATCH/POST /Groups: 400), per its SCIM API reference. */
export const MAX_TEAM_NAME = 128;

/** One `team-names` entry: `<source>:<Personio name>` -> a Leapsome team name. */
export interface TeamNameMapping {
  readonly source: TeamSource;
  /** As written; matched ignoring case and surrounding spaces. */
  readonly personioName: string;
  readonly leapsomeName: string;
  /** Where the entry is written, for messages; null when it did not come from a file. */
  readonly origin: { readonly file: string; readonly line: number } | null;
}

/** `unmarked`: only a same-named team without externalId is taken over; `by-name`: also one another integration marked. */
export const ADOPT_TEAMS = ['unmarked', 'by-name'] as const;
export type AdoptTeams = (typeof ADOPT_TEAMS)[number];
/** `unmarked`: only a same-email user without externalId is taken over; `by-email`: also one another integration marked. */
export const ADOPT_USERS = ['unmarked', 'by-email'] as const;
export type AdoptUsers = (typeof ADOPT_USERS)[number];

/** The part of the settings the pure planner needs. */
export interface PlanSettings {
  /** Personio statuses that get an active Leapsome account. */
  readonly statuses: readonly PersonioStatus[];
  /** Sources of Leapsome teams, in priority order. */
  readonly teamsFrom: readonly TeamSource[];
  /** Leapsome names for Personio units or values; several may name one team. */
  readonly teamNames: readonly TeamNameMapping[];
  readonly exclude: readonly ExcludeRule[];
  readonly maxDeactivations: Threshold;
  readonly autoInvite: boolean;
  readonly adoptTeams: AdoptTeams;
  readonly adoptUsers: AdoptUsers;
  /** The Leapsome fields the sync owns and their sources (resolved `fields` setting). */
  readonly fields: readonly FieldRule[];
  /**
   * Onboarding employees get their account from this many days before their hire date, whatever
   * `statuses` says; null leaves them to `statuses`.
   */
  readonly preboardDays: number | null;
}
