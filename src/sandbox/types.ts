// What the sandbox offers its callers (tests, the demo, the benchmark): the options it starts with
// and the handle it returns, with the controls for each fake API. The implementation is index.ts.
import type { SampleCompanyOptions, SandboxEmployee } from './company.js';
import type { FaultConfig } from './faults.js';
import type { PersonioRateLimits, PersonioSettings } from './personio-server.js';
import type { EmployeeInput } from './personio-store.js';
import type { ApiName, RequestLogEntry } from './request-log.js';
import type { LeapsomeRateLimits, ScimSettings } from './scim-server.js';
import type { UserChanges } from './scim-store.js';

export interface SandboxOptions {
  /** Personio employees to serve; default: `sampleCompany(company)`. */
  readonly employees?: readonly SandboxEmployee[];
  /** Options for the generated sample company (ignored when `employees` is given). */
  readonly company?: SampleCompanyOptions;
  /** Interface to listen on (default 127.0.0.1). */
  readonly host?: string;
  readonly personio?: Partial<PersonioSettings> & { readonly port?: number };
  readonly leapsome?: Partial<ScimSettings> & {
    readonly port?: number;
    /** Email domains the organisation owns (default: the company's domain, i.e. example.com). */
    readonly orgDomains?: readonly string[];
    /** Ids of the custom attributes that exist (default: DEFAULT_LEAPSOME_CUSTOM_ATTRIBUTES); null accepts any id. */
    readonly customAttributes?: readonly string[] | null;
    /** Users that already exist in Leapsome (created in order; managers may refer to earlier ones). */
    readonly users?: readonly LeapsomeUserInput[];
    /** Teams that already exist in Leapsome (created before the users). */
    readonly teams?: readonly LeapsomeTeamInput[];
  };
  /** Per-API overrides, or `false` to switch both off (benchmarks). Defaults: 15/s + 300/min, 30/s. */
  readonly rateLimits?: false | { readonly personio?: Partial<PersonioRateLimits>; readonly leapsome?: Partial<LeapsomeRateLimits> };
  readonly faults?: { readonly personio?: FaultConfig; readonly leapsome?: FaultConfig };
  /** Keep request bodies of writes in the log (default true). */
  readonly logBodies?: boolean;
  /** Clock for tokens, rate limits and timestamps (default Date.now). */
  readonly now?: () => number;
}

export interface SandboxCredentials {
  readonly personioClientId: string;
  readonly personioClientSecret: string;
  readonly leapsomeToken: string;
}

export interface PersonioControl {
  /** Copies of all employees, in API order. */
  list(): SandboxEmployee[];
  get(id: number): SandboxEmployee | undefined;
  /** Adds an employee; missing fields get defaults (id = highest + 1, email from the names). */
  add(input?: EmployeeInput): SandboxEmployee;
  /** Changes an employee (last_modified_at moves unless given). */
  update(id: number, patch: EmployeeInput): SandboxEmployee;
  remove(id: number): boolean;
  /** Appends `{type:"Employee", attributes}` with arbitrary JSON as attributes; returns a key for removeRaw. */
  injectRawEmployee(attributes: unknown): string;
  /** Appends an arbitrary data item (not even wrapped in `{type, attributes}`). */
  injectRawRecord(record: unknown): string;
  removeRaw(key: string): boolean;
  /** Readable attributes of the credential; null = all. Others are silently left out. */
  setWhitelist(keys: readonly string[] | null): void;
  whitelist(): string[];
  /** Expires every token: API calls answer 401 until the client authenticates again. */
  expireTokens(): void;
  /** Full listings begun so far (each unfiltered read from offset 0 is one). */
  listings(): number;
  /**
   * Leaves these employees out of the next `count` full listings (default 1), totals included: a
   * listing that missed them. They are still found by id (`GET /v1/company/employees/{id}`).
   */
  hideFromListings(ids: readonly number[], count?: number): void;
  /**
   * Runs `change` (a hire, a removal) right after the first page of each of the next `count` full
   * listings (default 1) is served: the total changes while a client pages.
   */
  duringListings(change: () => void, count?: number): void;
}

export interface LeapsomeUserInput extends UserChanges {
  readonly userName: string;
  readonly teamIds?: readonly string[];
}

export interface LeapsomeTeamInput {
  readonly displayName: string;
  readonly externalId?: string | null;
  readonly memberIds?: readonly string[];
}

/** A Leapsome user as stored (not the wire shape: see `renderUser` for that). */
export interface LeapsomeUserView {
  readonly id: string;
  readonly userName: string;
  readonly externalId: string | null;
  readonly givenName: string | null;
  readonly familyName: string | null;
  /** As written; null when never set (the API then shows "given family"). */
  readonly displayName: string | null;
  /** As written; null when never set (the API then shows "Colleague"). */
  readonly title: string | null;
  readonly active: boolean;
  readonly managerId: string | null;
  readonly additionalManagerIds: readonly string[];
  readonly location: string | null;
  readonly department: string | null;
  readonly costCenter: string | null;
  readonly division: string | null;
  readonly level: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly birthday: string | null;
  readonly gender: string | null;
  readonly employmentType: string | null;
  readonly photo: string | null;
  readonly custom: Readonly<Record<string, string>>;
  readonly teamIds: readonly string[];
  readonly created: string;
  readonly lastModified: string;
  readonly version: number;
}

export interface LeapsomeTeamView {
  readonly id: string;
  readonly displayName: string;
  readonly externalId: string | null;
  readonly memberIds: readonly string[];
}

export interface LeapsomeControl {
  listUsers(): LeapsomeUserView[];
  /** By Leapsome id, falling back to externalId (like the API). */
  getUser(idOrExternalId: string): LeapsomeUserView | undefined;
  findByUserName(userName: string): LeapsomeUserView | undefined;
  /** Creates a user directly (no domain check): unmanaged or pre-existing accounts. */
  addUser(input: LeapsomeUserInput): LeapsomeUserView;
  /** Changes a user as an admin would in the Leapsome UI; `teamIds` replaces the user's teams. */
  editUser(id: string, changes: UserChanges & { readonly teamIds?: readonly string[] }): LeapsomeUserView;
  /** The user exactly as GET /Users/{id} returns it. */
  renderUser(id: string): Record<string, unknown> | undefined;
  listTeams(): LeapsomeTeamView[];
  getTeam(idOrExternalId: string): LeapsomeTeamView | undefined;
  /** Creates a team directly, e.g. one made by hand in the Leapsome UI. */
  addTeam(input: LeapsomeTeamInput): LeapsomeTeamView;
  teamMembers(teamId: string): string[];
  setOrgDomains(domains: readonly string[]): void;
  orgDomains(): string[];
}

export interface FaultControl {
  /** Replaces the configuration and restarts the seeded sequence. */
  set(config: FaultConfig): void;
  /** Merges into the configuration (the sequence restarts only when `seed` is given). */
  update(partial: FaultConfig): void;
  clear(): void;
  get(): FaultConfig;
}

export interface RateLimitControl<T> {
  /** Merges the settings and starts the windows afresh. */
  set(partial: Partial<T>): void;
  get(): T;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:PORT (paths /v1/... below it). */
  readonly personioUrl: string;
  /** e.g. http://127.0.0.1:PORT/scim/v1 */
  readonly leapsomeUrl: string;
  readonly credentials: SandboxCredentials;
  readonly personio: PersonioControl;
  readonly leapsome: LeapsomeControl;
  readonly faults: { readonly personio: FaultControl; readonly leapsome: FaultControl };
  readonly rateLimits: { readonly personio: RateLimitControl<PersonioRateLimits>; readonly leapsome: RateLimitControl<LeapsomeRateLimits> };
  /** Every request so far (live array, emptied in place by resetLog). */
  readonly requests: readonly RequestLogEntry[];
  /** Counts by `"METHOD route"`, e.g. `"POST /Users"`, `"PATCH /Users/:id"`, `"GET /v1/company/employees"`. */
  requestCounts(filter?: { readonly api?: ApiName }): Record<string, number>;
  /** Non-GET requests sent to Leapsome (including refused ones such as a DELETE). */
  writes(): RequestLogEntry[];
  resetLog(): void;
  /** Stops both servers, ending hung and keep-alive connections. */
  close(): Promise<void>;
}
