// The sandbox: a local fake Personio v1 and a fake Leapsome SCIM API, seeded with a sample company,
// with a request log, fault injection and rate limits, plus an in-process control API for tests,
// the demo and benchmarks. It speaks only the wire formats and shares no code with our clients.

import { startApiServer, type PipelineDeps } from './api-server.js';
import { DEFAULT_DOMAIN, sampleCompany } from './company.js';
import { FaultInjector } from './faults.js';
import type { RunningServer } from './http-util.js';
import { PersonioApi, DEFAULT_PERSONIO_RATE_LIMITS, type PersonioSettings } from './personio-server.js';
import { PersonioStore } from './personio-store.js';
import { RequestLog, type ApiName } from './request-log.js';
import { ScimApi, DEFAULT_LEAPSOME_RATE_LIMITS, type ScimSettings } from './scim-server.js';
import { MAX_MEMBERS_PER_PATCH, ScimStore, type ScimGroup, type ScimUser } from './scim-store.js';
import { renderUser } from './scim-wire.js';
import type { LeapsomeControl, LeapsomeTeamView, LeapsomeUserView, Sandbox, SandboxCredentials, SandboxOptions } from './types.js';

export { sampleCompany, DEFAULT_DOMAIN, DEFAULT_TODAY, COST_CENTER_CODE_KEY, berlinMidnight } from './company.js';
export type { SampleCompanyOptions, SandboxEmployee, SandboxOrgUnit, SandboxStatus, SandboxGender } from './company.js';
export type { FaultConfig } from './faults.js';
export type { ApiName, FaultKind, RequestLogEntry } from './request-log.js';
export type { PersonioRateLimits, PersonioSettings } from './personio-server.js';
export type { LeapsomeRateLimits, ScimSettings } from './scim-server.js';
export type { EmployeeInput } from './personio-store.js';
export type { UserChanges } from './scim-store.js';
export { DEFAULT_LEAPSOME_CUSTOM_ATTRIBUTES, ScimError, ENTERPRISE } from './scim-store.js';
export { DEFAULT_CUSTOM_ATTRIBUTES, type AttributeDefinition } from './personio-wire.js';
export { BENCH_EXTRA_FIELDS, BENCH_FIELDS, EXAMPLE_FIELDS } from './sample-fields.js';
export { seedPreviousIntegration, builtinTeamMark, connectorUserMark, type PreviousIntegration } from './previous-integration.js';
export type {
  SandboxOptions,
  SandboxCredentials,
  PersonioControl,
  LeapsomeUserInput,
  LeapsomeTeamInput,
  LeapsomeUserView,
  LeapsomeTeamView,
  LeapsomeControl,
  FaultControl,
  RateLimitControl,
  Sandbox,
} from './types.js';

export const DEFAULT_CREDENTIALS: SandboxCredentials = {
  personioClientId: 'papi-sandbox-client-id',
  personioClientSecret: 'papi-sandbox-client-secret',
  leapsomeToken: 'leapsome-sandbox-scim-token',
};

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const host = options.host ?? '127.0.0.1';
  const domain = options.company?.domain ?? DEFAULT_DOMAIN;
  const log = new RequestLog();
  const faults = { personio: new FaultInjector(), leapsome: new FaultInjector() };
  if (options.faults?.personio) faults.personio.set(options.faults.personio);
  if (options.faults?.leapsome) faults.leapsome.set(options.faults.leapsome);

  const personioStore = new PersonioStore(options.employees ?? sampleCompany(options.company), now, domain);
  const personioSettings: PersonioSettings = {
    clientId: options.personio?.clientId ?? DEFAULT_CREDENTIALS.personioClientId,
    clientSecret: options.personio?.clientSecret ?? DEFAULT_CREDENTIALS.personioClientSecret,
    whitelist: options.personio?.whitelist ?? null,
    supervisorShape: options.personio?.supervisorShape ?? 'full',
    limitAboveMax: options.personio?.limitAboveMax ?? 'error',
    ...(options.personio?.customAttributes ? { customAttributes: options.personio.customAttributes } : {}),
  };
  const personio = new PersonioApi(personioStore, personioSettings, now, faults.personio);

  const scimStore = new ScimStore(options.leapsome?.orgDomains ?? [domain], now, options.leapsome?.customAttributes);
  const scimSettings: ScimSettings = {
    token: options.leapsome?.token ?? DEFAULT_CREDENTIALS.leapsomeToken,
    basePath: (options.leapsome?.basePath ?? '/scim/v1').replace(/\/+$/, ''),
    existingUserOnPost: options.leapsome?.existingUserOnPost ?? 'empty201',
    externalIdFilter: options.leapsome?.externalIdFilter ?? false,
    honourExtensionOnPost: options.leapsome?.honourExtensionOnPost ?? false,
  };
  const scim = new ScimApi(scimStore, scimSettings);

  const limits = options.rateLimits;
  personio.setRateLimits(limits === false ? { enabled: false } : { ...DEFAULT_PERSONIO_RATE_LIMITS, ...limits?.personio });
  scim.setRateLimits(limits === false ? { enabled: false } : { ...DEFAULT_LEAPSOME_RATE_LIMITS, ...limits?.leapsome });

  const leapsome = leapsomeControl(scimStore, scim);
  for (const team of options.leapsome?.teams ?? []) leapsome.addTeam(team);
  for (const user of options.leapsome?.users ?? []) leapsome.addUser(user);

  const deps = (api: ApiName): PipelineDeps => ({ log, faults: faults[api], now, logBodies: options.logBodies ?? true });
  const servers: RunningServer[] = [];
  try {
    servers.push(await startApiServer(personio, deps('personio'), host, options.personio?.port ?? 0));
    servers.push(await startApiServer(scim, deps('leapsome'), host, options.leapsome?.port ?? 0));
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    throw err;
  }
  const [personioServer, scimServer] = servers as [RunningServer, RunningServer];
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const personioUrl = `http://${urlHost}:${personioServer.port}`;
  const leapsomeUrl = `http://${urlHost}:${scimServer.port}${scimSettings.basePath}`;
  scim.baseUrl = leapsomeUrl;

  return {
    personioUrl,
    leapsomeUrl,
    credentials: {
      personioClientId: personioSettings.clientId,
      personioClientSecret: personioSettings.clientSecret,
      leapsomeToken: scimSettings.token,
    },
    personio: {
      list: () => personioStore.list(),
      get: (id) => personioStore.get(id),
      add: (input) => personioStore.add(input),
      update: (id, patch) => personioStore.update(id, patch),
      remove: (id) => personioStore.remove(id),
      injectRawEmployee: (attributes) => personioStore.injectRawRecord({ type: 'Employee', attributes }),
      injectRawRecord: (record) => personioStore.injectRawRecord(record),
      removeRaw: (key) => personioStore.removeRaw(key),
      setWhitelist: (keys) => personio.setWhitelist(keys),
      whitelist: () => personio.getWhitelist(),
      expireTokens: () => personio.expireTokens(),
      listings: () => personio.listings(),
      hideFromListings: (ids, count = 1) => personio.hideFromListings(ids, count),
      duringListings: (change, count = 1) => personio.duringListings(change, count),
    },
    leapsome,
    faults,
    rateLimits: {
      personio: { set: (p) => personio.setRateLimits(p), get: () => personio.getRateLimits() },
      leapsome: { set: (p) => scim.setRateLimits(p), get: () => scim.getRateLimits() },
    },
    get requests() {
      return log.entries;
    },
    requestCounts: (filter) => log.counts(filter),
    writes: () => log.leapsomeWrites(),
    resetLog: () => log.reset(),
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

function leapsomeControl(store: ScimStore, scim: ScimApi): LeapsomeControl {
  const mustUser = (id: string): ScimUser => {
    const user = store.findUser(id);
    if (user === undefined) throw new Error(`leapsome: no user ${id}`);
    return user;
  };
  const addMembers = (group: ScimGroup, memberIds: readonly string[]): void => {
    for (let i = 0; i < memberIds.length; i += MAX_MEMBERS_PER_PATCH) {
      store.updateGroup(group, { members: memberIds.slice(i, i + MAX_MEMBERS_PER_PATCH) });
    }
  };
  return {
    listUsers: () => store.users().map(userView),
    getUser: (id) => {
      const user = store.findUser(id);
      return user === undefined ? undefined : userView(user);
    },
    findByUserName: (userName) => {
      const user = store.userByUserName(userName);
      return user === undefined ? undefined : userView(user);
    },
    addUser: ({ teamIds, ...input }) => {
      const user = store.createUser(input, { checkDomain: false });
      if (teamIds !== undefined) store.setUserTeams(user, teamIds);
      return userView(user);
    },
    editUser: (id, { teamIds, ...changes }) => {
      const user = mustUser(id);
      store.updateUser(user, changes, { checkDomain: false });
      if (teamIds !== undefined) store.setUserTeams(user, teamIds);
      return userView(user);
    },
    renderUser: (id) => {
      const user = store.findUser(id);
      return user === undefined ? undefined : renderUser(user, store, scim.baseUrl);
    },
    listTeams: () => store.groups().map(teamView),
    getTeam: (id) => {
      const group = store.findGroup(id);
      return group === undefined ? undefined : teamView(group);
    },
    addTeam: ({ displayName, externalId, memberIds }) => {
      const group = store.createGroup(displayName, externalId ?? null);
      addMembers(group, memberIds ?? []);
      return teamView(group);
    },
    teamMembers: (teamId) => {
      const group = store.findGroup(teamId);
      if (group === undefined) throw new Error(`leapsome: no team ${teamId}`);
      return [...group.members];
    },
    setOrgDomains: (domains) => store.setOrgDomains(domains),
    orgDomains: () => store.orgDomains(),
  };
}

function userView(u: ScimUser): LeapsomeUserView {
  return {
    id: u.id,
    userName: u.userName,
    externalId: u.externalId,
    givenName: u.givenName,
    familyName: u.familyName,
    displayName: u.displayName,
    title: u.title,
    active: u.active,
    managerId: u.managerId,
    additionalManagerIds: [...u.additionalManagerIds],
    location: u.location,
    department: u.department,
    costCenter: u.costCenter,
    division: u.division,
    level: u.level,
    startDate: u.startDate,
    endDate: u.endDate,
    birthday: u.birthday,
    gender: u.gender,
    employmentType: u.employmentType,
    photo: u.photo,
    custom: Object.fromEntries(u.custom),
    teamIds: [...u.groups],
    created: new Date(u.created).toISOString(),
    lastModified: new Date(u.lastModified).toISOString(),
    version: u.version,
  };
}

function teamView(g: ScimGroup): LeapsomeTeamView {
  return { id: g.id, displayName: g.displayName, externalId: g.externalId, memberIds: [...g.members] };
}
