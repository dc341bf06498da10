// Leapsome's users and teams as the SCIM fake holds them: creation-ordered arrays for paging by
// slicing, Maps for every lookup the API offers (id, userName, externalId, group name), and the
// documented validation rules. Both the HTTP API and the test control API write through here.

export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const GENDERS = ['male', 'female', 'diverse'] as const;
export const MAX_GROUP_NAME = 128;
export const MAX_MEMBERS_PER_PATCH = 100;

/** Custom attributes defined in the sandbox organisation (Settings → Users & Teams), by id. */
export const DEFAULT_LEAPSOME_CUSTOM_ATTRIBUTES: Readonly<Record<string, string>> = {
  '6140868326541a4da586db0b': 'Skills',
  '6140868326541a4da586db0c': 'Contract',
  '6140868326541a4da586db0d': 'Remote days',
};

/** An error with a SCIM status; the HTTP layer renders it as an RFC 7644 error body. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: string,
  ) {
    super(detail);
  }
}

const bad = (detail: string, scimType = 'invalidValue'): ScimError => new ScimError(400, detail, scimType);

export interface UserFields {
  userName: string;
  externalId: string | null;
  givenName: string | null;
  familyName: string | null;
  displayName: string | null;
  /** null renders as Leapsome's default title, "Colleague". */
  title: string | null;
  active: boolean;
  photo: string | null;
  location: string | null;
  department: string | null;
  costCenter: string | null;
  division: string | null;
  level: string | null;
  startDate: string | null;
  endDate: string | null;
  birthday: string | null;
  gender: string | null;
  employmentType: string | null;
}

/** A write to a user. Absent keys are left alone; null clears. Managers are references. */
export interface UserChanges extends Partial<UserFields> {
  /** The manager as written: Leapsome id, email or externalId; null (or '') clears it. */
  manager?: string | null;
  additionalManagers?: readonly string[] | null;
  /** Custom attributes keyed by their 24-hex id; null clears one. */
  custom?: Readonly<Record<string, string | null>>;
}

export interface ScimUser extends UserFields {
  readonly id: string;
  managerId: string | null;
  additionalManagerIds: string[];
  readonly custom: Map<string, string>;
  /** Team ids, in the order the user joined them. */
  readonly groups: Set<string>;
  readonly created: number;
  lastModified: number;
  version: number;
}

export interface ScimGroup {
  readonly id: string;
  displayName: string;
  externalId: string | null;
  readonly members: Set<string>;
  readonly created: number;
  lastModified: number;
  version: number;
}

export interface GroupChanges {
  displayName?: string;
  externalId?: string | null;
  /** Default false: the given members are added. True: membership becomes exactly `members`. */
  replaceMembers?: boolean;
  members?: readonly string[];
}

/** The profile fields that are empty on a new user and that a PUT resets (same names in both shapes). */
const BLANK_PROFILE = {
  externalId: null,
  givenName: null,
  familyName: null,
  displayName: null,
  title: null,
  photo: null,
  location: null,
  department: null,
  costCenter: null,
  division: null,
  level: null,
  startDate: null,
  endDate: null,
  birthday: null,
  gender: null,
  employmentType: null,
} as const;

/** What a PUT resets before applying its body (a full replacement; `active` only if given). */
const PUT_RESET: Required<Omit<UserChanges, 'userName' | 'active' | 'custom'>> = {
  ...BLANK_PROFILE,
  manager: null,
  additionalManagers: null,
};

/** Fields copied verbatim from a change onto a user. */
const PLAIN_FIELDS = [
  'externalId',
  'givenName',
  'familyName',
  'displayName',
  'title',
  'active',
  'photo',
  'location',
  'department',
  'costCenter',
  'division',
  'level',
  'startDate',
  'endDate',
  'birthday',
  'gender',
  'employmentType',
] as const satisfies ReadonlyArray<keyof UserFields>;

export interface WriteOptions {
  /** Enforce the organisation's email domains (the API does; the test control API does not). */
  readonly checkDomain: boolean;
}

export class ScimStore {
  private readonly userList: ScimUser[] = [];
  private readonly groupList: ScimGroup[] = [];
  private readonly usersById = new Map<string, ScimUser>();
  private readonly usersByName = new Map<string, ScimUser>();
  private readonly usersByExternalId = new Map<string, ScimUser[]>();
  private readonly groupsById = new Map<string, ScimGroup>();
  private readonly groupsByName = new Map<string, ScimGroup>();
  private readonly groupsByExternalId = new Map<string, ScimGroup[]>();
  private domains: string[];
  private idCounter = 0;
  /** Lower-cased ids of the custom attributes that exist; null accepts any well-formed id. */
  private customIds: Set<string> | null;

  constructor(
    orgDomains: readonly string[],
    private readonly now: () => number,
    customAttributeIds: readonly string[] | null = Object.keys(DEFAULT_LEAPSOME_CUSTOM_ATTRIBUTES),
  ) {
    this.domains = normaliseDomains(orgDomains);
    this.customIds = customAttributeIds === null ? null : new Set(customAttributeIds.map((id) => id.toLowerCase()));
  }

  // ---- reads -----------------------------------------------------------------------------------

  /** Bumped by every change, so that what was rendered from the store can be cached until then. */
  revision = 0;

  users(): readonly ScimUser[] {
    return this.userList;
  }

  groups(): readonly ScimGroup[] {
    return this.groupList;
  }

  userById(id: string): ScimUser | undefined {
    return this.usersById.get(id);
  }

  userByUserName(userName: string): ScimUser | undefined {
    return this.usersByName.get(userName.trim().toLowerCase());
  }

  usersByExternal(externalId: string): readonly ScimUser[] {
    return this.usersByExternalId.get(externalId) ?? [];
  }

  /** Leapsome id first, then externalId (the documented GET fallback). */
  findUser(idOrExternalId: string): ScimUser | undefined {
    return this.usersById.get(idOrExternalId) ?? this.usersByExternalId.get(idOrExternalId)?.[0];
  }

  groupById(id: string): ScimGroup | undefined {
    return this.groupsById.get(id);
  }

  groupByName(name: string): ScimGroup | undefined {
    return this.groupsByName.get(groupKey(name));
  }

  findGroup(idOrExternalId: string): ScimGroup | undefined {
    return this.groupsById.get(idOrExternalId) ?? this.groupsByExternalId.get(idOrExternalId)?.[0];
  }

  orgDomains(): string[] {
    return [...this.domains];
  }

  setOrgDomains(domains: readonly string[]): void {
    this.revision += 1;
    this.domains = normaliseDomains(domains);
  }

  // ---- users -----------------------------------------------------------------------------------

  /** Throws 400 for an empty or (with checkDomain) non-organisation userName. */
  checkUserName(userName: string, options: WriteOptions): void {
    if (userName.trim() === '') throw bad('The userName field must be non-empty.');
    if (!options.checkDomain) return;
    const match = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/.exec(userName.trim());
    if (match === null) throw bad(`The userName "${userName}" is not an email address.`);
    const domain = (match[1] ?? '').toLowerCase();
    if (!this.domains.includes(domain)) {
      throw bad(`The email domain "${domain}" is not one of the organisation's email domains (${this.domains.join(', ')}).`);
    }
  }

  createUser(changes: UserChanges & { userName: string }, options: WriteOptions): ScimUser {
    this.revision += 1;
    this.checkUserName(changes.userName, options);
    if (this.userByUserName(changes.userName) !== undefined) {
      throw new ScimError(409, `The userName "${changes.userName}" is already in use.`, 'uniqueness');
    }
    const resolved = this.resolve(null, changes);
    const at = this.now();
    const user: ScimUser = {
      id: this.nextId(),
      userName: changes.userName.trim(),
      ...BLANK_PROFILE,
      active: true,
      managerId: null,
      additionalManagerIds: [],
      custom: new Map(),
      groups: new Set(),
      created: at,
      lastModified: at,
      version: 0, // applying the initial attributes below makes it 1
    };
    this.userList.push(user);
    this.usersById.set(user.id, user);
    this.usersByName.set(user.userName.toLowerCase(), user);
    this.applyResolved(user, resolved);
    return user;
  }

  /** PATCH (replace=false) or PUT (replace=true). Everything is validated before anything changes. */
  updateUser(user: ScimUser, changes: UserChanges, options: WriteOptions & { readonly replace?: boolean }): ScimUser {
    this.revision += 1;
    const effective: UserChanges = options.replace ? { ...PUT_RESET, ...changes } : changes;
    if (effective.userName !== undefined) {
      const renamed = effective.userName.trim().toLowerCase() !== user.userName.toLowerCase();
      if (renamed) this.checkUserName(effective.userName, options);
      else this.checkUserName(effective.userName, { checkDomain: false });
      const owner = this.userByUserName(effective.userName);
      if (owner !== undefined && owner !== user) {
        throw new ScimError(409, `The userName "${effective.userName}" is already in use by another user.`, 'uniqueness');
      }
    }
    const resolved = this.resolve(user, effective);
    if (options.replace) user.custom.clear();
    if (effective.userName !== undefined) {
      this.usersByName.delete(user.userName.toLowerCase());
      user.userName = effective.userName.trim();
      this.usersByName.set(user.userName.toLowerCase(), user);
    }
    this.applyResolved(user, resolved);
    return user;
  }

  /** Team membership as the control API sets it (the SCIM API only writes it through groups). */
  setUserTeams(user: ScimUser, teamIds: readonly string[]): void {
    this.revision += 1;
    for (const id of teamIds) if (!this.groupsById.has(id)) throw bad(`No team ${id}.`);
    for (const id of user.groups) this.groupsById.get(id)?.members.delete(user.id);
    user.groups.clear();
    for (const id of teamIds) this.link(this.groupsById.get(id), user);
    this.touchUser(user);
  }

  // ---- groups ----------------------------------------------------------------------------------

  createGroup(displayName: string, externalId: string | null): ScimGroup {
    this.revision += 1;
    this.checkGroupName(displayName, null);
    const at = this.now();
    const group: ScimGroup = {
      id: this.nextId(),
      displayName: displayName.trim(),
      externalId,
      members: new Set(),
      created: at,
      lastModified: at,
      version: 1,
    };
    this.groupList.push(group);
    this.groupsById.set(group.id, group);
    this.groupsByName.set(groupKey(group.displayName), group);
    if (externalId !== null) addToIndex(this.groupsByExternalId, externalId, group);
    return group;
  }

  updateGroup(group: ScimGroup, changes: GroupChanges): ScimGroup {
    this.revision += 1;
    if (changes.displayName !== undefined) this.checkGroupName(changes.displayName, group);
    const members = changes.members ?? [];
    if (members.length > MAX_MEMBERS_PER_PATCH) {
      throw bad(`The members array must not exceed ${MAX_MEMBERS_PER_PATCH} elements (got ${members.length}).`, 'tooMany');
    }
    const users = members.map((id) => {
      const user = this.usersById.get(id);
      if (user === undefined) throw bad(`Member "${id}" is not a user of the organisation.`);
      return user;
    });
    if (changes.displayName !== undefined) {
      this.groupsByName.delete(groupKey(group.displayName));
      group.displayName = changes.displayName.trim();
      this.groupsByName.set(groupKey(group.displayName), group);
    }
    if (changes.externalId !== undefined && changes.externalId !== group.externalId) {
      if (group.externalId !== null) removeFromIndex(this.groupsByExternalId, group.externalId, group);
      group.externalId = changes.externalId;
      if (group.externalId !== null) addToIndex(this.groupsByExternalId, group.externalId, group);
    }
    if (changes.replaceMembers === true && changes.members !== undefined) {
      for (const id of group.members) {
        const user = this.usersById.get(id);
        if (user !== undefined) {
          user.groups.delete(group.id);
          this.touchUser(user);
        }
      }
      group.members.clear();
    }
    for (const user of users) this.link(group, user);
    group.lastModified = this.now();
    group.version += 1;
    return group;
  }

  // ---- internals -------------------------------------------------------------------------------

  private checkGroupName(displayName: string, self: ScimGroup | null): void {
    if (displayName.trim() === '') throw bad('The displayName field is not set.');
    if (displayName.length > MAX_GROUP_NAME) throw bad(`The displayName field exceeds ${MAX_GROUP_NAME} characters.`);
    const owner = this.groupByName(displayName);
    if (owner !== undefined && owner !== self) {
      throw new ScimError(409, `The displayName "${displayName}" is already in use within the organisation.`, 'uniqueness');
    }
  }

  private link(group: ScimGroup | undefined, user: ScimUser): void {
    if (group === undefined || group.members.has(user.id)) return;
    group.members.add(user.id);
    user.groups.add(group.id);
    this.touchUser(user);
  }

  /** Validates values and turns manager references into ids; throws before anything changes. */
  private resolve(self: ScimUser | null, c: UserChanges): UserChanges & { managerId?: string | null; additionalManagerIds?: string[] } {
    if (c.gender !== undefined && c.gender !== null && !(GENDERS as readonly string[]).includes(c.gender)) {
      throw bad(`gender must be one of ${GENDERS.join(', ')} (got "${c.gender}").`);
    }
    for (const key of ['startDate', 'endDate', 'birthday'] as const) {
      const v = c[key];
      if (v !== undefined && v !== null && !isIsoDate(v)) throw bad(`${key} must be a date in YYYY-MM-DD format (got "${v}").`);
    }
    for (const key of Object.keys(c.custom ?? {})) {
      if (!/^[0-9a-f]{24}$/i.test(key)) throw bad(`Custom attribute ids are 24 hex characters (got "${key}").`);
      // Writing an attribute that was never created is UNCONFIRMED in the real API; we refuse it.
      if (this.customIds !== null && !this.customIds.has(key.toLowerCase()))
        throw bad(`Custom attribute "${key}" does not exist in the organisation.`);
    }
    const out: UserChanges & { managerId?: string | null; additionalManagerIds?: string[] } = { ...c };
    if (c.manager !== undefined) out.managerId = c.manager === null || c.manager === '' ? null : this.resolveManager(self, c.manager).id;
    if (c.additionalManagers !== undefined) {
      out.additionalManagerIds = [
        ...new Set((c.additionalManagers ?? []).filter((r) => r !== '').map((r) => this.resolveManager(self, r).id)),
      ];
    }
    return out;
  }

  /** A manager reference may be a Leapsome id, an email (userName) or an externalId. */
  private resolveManager(self: ScimUser | null, ref: string): ScimUser {
    const manager = this.usersById.get(ref) ?? this.userByUserName(ref) ?? this.usersByExternalId.get(ref)?.[0];
    if (manager === undefined) throw bad(`Manager "${ref}" does not exist in the organisation.`);
    if (self !== null && manager === self) throw bad('A user cannot be their own manager.');
    return manager;
  }

  private applyResolved(user: ScimUser, c: ReturnType<ScimStore['resolve']>): void {
    const externalId = c.externalId === '' ? null : c.externalId;
    if (externalId !== undefined && externalId !== user.externalId) {
      if (user.externalId !== null) removeFromIndex(this.usersByExternalId, user.externalId, user);
      if (externalId !== null) addToIndex(this.usersByExternalId, externalId, user);
    }
    const target = user as unknown as Record<string, unknown>;
    for (const key of PLAIN_FIELDS) {
      const value = c[key];
      if (value !== undefined) target[key] = value === '' ? null : value;
    }
    if (c.managerId !== undefined) user.managerId = c.managerId;
    if (c.additionalManagerIds !== undefined) user.additionalManagerIds = c.additionalManagerIds;
    for (const [key, value] of Object.entries(c.custom ?? {})) {
      if (value === null || value === '') user.custom.delete(key.toLowerCase());
      else user.custom.set(key.toLowerCase(), value);
    }
    this.touchUser(user);
  }

  private touchUser(user: ScimUser): void {
    user.lastModified = this.now();
    user.version += 1;
  }

  /** 24 hex characters like Leapsome's (Mongo) ids; deterministic so runs are comparable. */
  private nextId(): string {
    this.idCounter += 1;
    return `665f1e2aa1b2c3d4${this.idCounter.toString(16).padStart(8, '0')}`;
  }
}

function normaliseDomains(domains: readonly string[]): string[] {
  return domains.map((d) => d.trim().toLowerCase().replace(/^@/, ''));
}

function groupKey(name: string): string {
  return name.trim().toLowerCase();
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
}

/**
 * Index of records by externalId. Lists stay in creation order (ids are a zero-padded counter, so
 * string order is creation order) and the earliest-created record wins lookups.
 */
function addToIndex<T extends { readonly id: string }>(index: Map<string, T[]>, key: string, item: T): void {
  const list = index.get(key);
  if (list === undefined) {
    index.set(key, [item]);
    return;
  }
  list.push(item);
  if (list.length > 1 && (list[list.length - 2]?.id ?? '') > item.id) list.sort((a, b) => (a.id < b.id ? -1 : 1));
}

function removeFromIndex<T extends { readonly id: string }>(index: Map<string, T[]>, key: string, item: T): void {
  const list = index.get(key);
  if (list === undefined) return;
  const rest = list.filter((x) => x !== item);
  if (rest.length === 0) index.delete(key);
  else index.set(key, rest);
}
