import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserAttributes } from '../../../src/domain/types.js';
import { UnknownOutcomeError } from '../../../src/http/index.js';
import { createLeapsomeClient, ENT, ExistingResourceNotFoundError, type LeapsomeClient } from '../../../src/leapsome/index.js';
import { fakeTime, sendJson, startServer, type RecordedRequest, type TestServer } from '../http/test-server.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

type Json = Record<string, unknown>;

interface FakeScim {
  readonly server: TestServer;
  users: Json[];
  groups: Json[];
  /** Largest page the server returns, whatever `count` asks for. */
  pageCap: number;
  /** Answer the next POSTs this way instead of normally. */
  postModes: Array<'empty-object' | '502-after-create' | '502-before-create' | 'hang-after-create'>;
  /** Lookups do not see resources until this many filter GETs have happened (a lagging index). */
  lookupLag: number;
}

const BASE = '/scim/v1';

function unquote(filter: string, attribute: string): string | null {
  const match = new RegExp(`^${attribute} eq "((?:[^"\\\\]|\\\\.)*)"$`).exec(filter);
  return match?.[1]?.replace(/\\(.)/g, '$1') ?? null;
}

async function fakeScim(): Promise<FakeScim> {
  let nextId = 1;
  const state: Omit<FakeScim, 'server'> = { users: [], groups: [], pageCap: 5_000, postModes: [], lookupLag: 0 };

  const list = (request: RecordedRequest, response: ServerResponse, resources: Json[]) => {
    const startIndex = Number(request.query.get('startIndex') ?? '1');
    const count = Math.min(Number(request.query.get('count') ?? '5000'), state.pageCap);
    const page = resources.slice(startIndex - 1, startIndex - 1 + count);
    sendJson(response, 200, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: resources.length,
      itemsPerPage: page.length,
      startIndex,
      Resources: page,
    });
  };

  const create = (response: ServerResponse, collection: Json[], resource: Json, conflictKey: string) => {
    const existing = collection.find((r) => String(r[conflictKey]).toLowerCase() === String(resource[conflictKey]).toLowerCase());
    if (existing) return sendJson(response, 409, { status: '409', detail: `${conflictKey} already in use` });
    const mode = state.postModes.shift();
    if (mode === '502-before-create') return sendJson(response, 502, {});
    const created = { id: `id-${nextId++}`, ...resource };
    collection.push(created);
    if (mode === 'empty-object') return sendJson(response, 201, {});
    if (mode === '502-after-create') return sendJson(response, 502, {});
    if (mode === 'hang-after-create') return; // the client times out
    sendJson(response, 201, created);
  };

  const server = await startServer((request, response) => {
    if (request.headers.authorization !== 'Bearer scim-token') return sendJson(response, 403, { detail: 'Invalid token passed' });
    const body = request.body === '' ? {} : (JSON.parse(request.body) as Json);
    const path = request.path.slice(BASE.length);
    const filter = request.query.get('filter');
    if (request.method === 'GET' && path === '/Users') {
      if (filter === null) return list(request, response, state.users);
      const userName = unquote(filter, 'userName');
      if (state.lookupLag > 0) {
        state.lookupLag -= 1;
        return list(request, response, []);
      }
      return list(
        request,
        response,
        state.users.filter((u) => String(u.userName).toLowerCase() === userName?.toLowerCase()),
      );
    }
    if (request.method === 'GET' && path === '/Groups') {
      if (filter === null) return list(request, response, state.groups);
      const displayName = unquote(filter, 'displayName');
      return list(
        request,
        response,
        state.groups.filter((g) => String(g.displayName).toLowerCase() === displayName?.toLowerCase()),
      );
    }
    if (request.method === 'POST' && path === '/Users') return create(response, state.users, body, 'userName');
    if (request.method === 'POST' && path === '/Groups') return create(response, state.groups, body, 'displayName');
    const userMatch = /^\/Users\/([^/]+)$/.exec(path);
    if (userMatch) {
      const user = state.users.find((u) => u.id === decodeURIComponent(userMatch[1] ?? ''));
      if (!user) return sendJson(response, 404, { detail: 'Resource not found', status: '404' });
      if (request.method === 'PATCH') {
        if (typeof body.userName !== 'string') return sendJson(response, 400, { detail: 'The userName field is required.' });
        Object.assign(user, body);
      }
      return sendJson(response, 200, user);
    }
    const groupMatch = /^\/Groups\/([^/]+)$/.exec(path);
    if (groupMatch && request.method === 'PATCH') {
      const group = state.groups.find((g) => g.id === decodeURIComponent(groupMatch[1] ?? ''));
      if (!group) return sendJson(response, 404, { detail: 'Resource not found', status: '404' });
      return sendJson(response, 200, { id: group.id, displayName: group.displayName, members: [] });
    }
    return sendJson(response, 404, { detail: 'Resource not found', status: '404' });
  });
  cleanups.push(() => server.close());
  return Object.assign(state, { server });
}

function connect(fake: FakeScim, timeoutMs = 5_000): LeapsomeClient {
  const time = fakeTime();
  const client = createLeapsomeClient({
    baseUrl: `${fake.server.url}${BASE}`,
    token: 'scim-token',
    http: { clock: time.clock, sleep: time.sleep, random: () => 0, timeoutMs },
  });
  cleanups.push(() => client.close());
  return client;
}

const attributes: UserAttributes = {
  userName: 'ada@example.com',
  externalId: '1',
  givenName: 'Ada',
  familyName: 'Lovelace',
  displayName: 'Ada Lovelace',
  profile: { title: 'Engineer', location: null, 'start-date': null, 'end-date': null, gender: null },
};

const posts = (fake: FakeScim, path: string) => fake.server.requests.filter((r) => r.method === 'POST' && r.path === `${BASE}${path}`);

describe('readState', () => {
  it('reads all users and groups across pages, maps them and rejects bad resources', async () => {
    const fake = await fakeScim();
    fake.pageCap = 4;
    fake.users = Array.from({ length: 10 }, (_, i) => ({
      id: `u${i + 1}`,
      userName: `user${i + 1}@example.com`,
      active: i !== 0,
      groups: [{ value: 'g1' }],
      [ENT]: { manager: { managerId: i === 0 ? '' : 'u1' } },
    }));
    fake.users.push({ id: 'u5', userName: 'duplicate@example.com' }, { id: 'bad', userName: 42 });
    fake.groups = [
      { id: 'g1', displayName: 'Sales', externalId: 'personio:department:7' },
      { id: 'g2', displayName: 'Hand made' },
    ];
    const state = await connect(fake).readState();

    expect(state.users.map((u) => u.id)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'u10']);
    expect(state.users[0]).toMatchObject({ active: false, managerId: null, teamIds: ['g1'] });
    expect(state.users[1]).toMatchObject({ active: true, managerId: 'u1' });
    expect(state.teams).toEqual([
      { id: 'g1', displayName: 'Sales', externalId: 'personio:department:7' },
      { id: 'g2', displayName: 'Hand made', externalId: null },
    ]);
    expect(state.rejected).toEqual([{ source: 'leapsome', recordId: 'bad', reason: 'userName: expected string' }]);

    const userPages = fake.server.requests.filter((r) => r.path === `${BASE}/Users`);
    expect(userPages[0]?.query.get('startIndex')).toBe('1');
    expect(new Set(userPages.map((r) => r.query.get('startIndex')))).toEqual(new Set(['1', '5', '9']));
    // 1,000 per page keeps peak memory down (see USERS_PAGE_SIZE).
    expect(userPages.every((r) => r.query.get('count') === '1000')).toBe(true);
    const groupPages = fake.server.requests.filter((r) => r.path === `${BASE}/Groups`);
    expect(groupPages.map((r) => r.query.get('count'))).toEqual(['1000']);
  });

  it('reads user pages one after another, so only one page of raw JSON is in memory at a time', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const users = Array.from({ length: 10 }, (_, i) => ({ id: `u${i + 1}`, userName: `user${i + 1}@example.com` }));
    const server = await startServer(async (request, response) => {
      const isUsers = request.path === `${BASE}/Users`;
      if (isUsers) maxInFlight = Math.max(maxInFlight, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const start = Number(request.query.get('startIndex') ?? '1');
      const page = isUsers ? users.slice(start - 1, start + 2) : [];
      if (isUsers) inFlight -= 1;
      sendJson(response, 200, { totalResults: isUsers ? users.length : 0, startIndex: start, Resources: page });
    });
    cleanups.push(() => server.close());
    const client = createLeapsomeClient({ baseUrl: `${server.url}${BASE}`, token: 'scim-token' });
    cleanups.push(() => client.close());
    expect((await client.readState()).users).toHaveLength(10);
    expect(server.requests.filter((r) => r.path === `${BASE}/Users`).map((r) => r.query.get('startIndex'))).toEqual(['1', '4', '7', '10']);
    expect(maxInFlight).toBe(1);
  });

  it('returns an empty state for an empty organisation', async () => {
    const fake = await fakeScim();
    expect(await connect(fake).readState()).toEqual({ users: [], teams: [], rejected: [] });
  });
});

describe('lookups', () => {
  it('finds a user by userName with a quoted filter and a case-insensitive comparison', async () => {
    const fake = await fakeScim();
    fake.users = [{ id: 'u1', userName: 'Ada@Example.com' }];
    const client = connect(fake);
    expect(await client.findUserByUserName('ada@example.com')).toMatchObject({ id: 'u1' });
    expect(await client.findUserByUserName('nobody@example.com')).toBeNull();
    expect(fake.server.requests[0]?.query.get('filter')).toBe('userName eq "ada@example.com"');
    expect(client.stats().byEndpoint).toEqual({ 'GET /Users?filter': 2 });
  });

  it('finds a team by name, escaping quotes in the filter', async () => {
    const fake = await fakeScim();
    fake.groups = [{ id: 'g1', displayName: 'R&D "Labs"' }];
    const client = connect(fake);
    expect(await client.findTeamByName('R&D "Labs"')).toEqual({ id: 'g1', displayName: 'R&D "Labs"', externalId: null });
    expect(fake.server.requests[0]?.query.get('filter')).toBe('displayName eq "R&D \\"Labs\\""');
  });
});

describe('createUser', () => {
  it('creates a user with the documented POST fields', async () => {
    const fake = await fakeScim();
    const user = await connect(fake).createUser(attributes);
    expect(user).toMatchObject({ id: 'id-1', userName: 'ada@example.com', externalId: '1', profile: { title: 'Engineer' } });
    expect(JSON.parse(posts(fake, '/Users')[0]?.body ?? '')).toEqual({
      userName: 'ada@example.com',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      displayName: 'Ada Lovelace',
      title: 'Engineer',
      externalId: '1',
    });
    expect(posts(fake, '/Users')[0]?.headers['content-type']).toBe('application/json');
  });

  it('looks the user up after the documented 201 {} for an existing user', async () => {
    const fake = await fakeScim();
    fake.postModes = ['empty-object'];
    const user = await connect(fake).createUser(attributes);
    expect(user).toMatchObject({ id: 'id-1', userName: 'ada@example.com' });
    expect(posts(fake, '/Users')).toHaveLength(1);
  });

  it('returns the existing user after a 409', async () => {
    const fake = await fakeScim();
    fake.users = [{ id: 'existing', userName: 'ADA@example.com', externalId: '' }];
    const user = await connect(fake).createUser(attributes);
    expect(user).toMatchObject({ id: 'existing', externalId: null });
    expect(posts(fake, '/Users')).toHaveLength(1);
  });

  it('after a 5xx that did create the user, finds it instead of posting again', async () => {
    const fake = await fakeScim();
    fake.postModes = ['502-after-create'];
    const user = await connect(fake).createUser(attributes);
    expect(user).toMatchObject({ id: 'id-1' });
    expect(posts(fake, '/Users')).toHaveLength(1);
    expect(fake.users).toHaveLength(1);
  });

  it('after a timeout that did create the user, finds it instead of posting again', async () => {
    const fake = await fakeScim();
    fake.postModes = ['hang-after-create'];
    const user = await connect(fake, 200).createUser(attributes);
    expect(user).toMatchObject({ id: 'id-1' });
    expect(posts(fake, '/Users')).toHaveLength(1);
  });

  it('posts again only after a lookup found nothing', async () => {
    const fake = await fakeScim();
    fake.postModes = ['502-before-create'];
    const user = await connect(fake).createUser(attributes);
    expect(user).toMatchObject({ id: 'id-1' });
    const sequence = fake.server.requests.map((r) => `${r.method} ${r.path.slice(BASE.length)}${r.query.has('filter') ? '?filter' : ''}`);
    expect(sequence).toEqual(['POST /Users', 'GET /Users?filter', 'POST /Users']);
  });

  it('gives up with UnknownOutcomeError when the outcome stays unknown', async () => {
    const fake = await fakeScim();
    fake.postModes = ['502-before-create', '502-before-create', '502-before-create'];
    await expect(connect(fake).createUser(attributes)).rejects.toBeInstanceOf(UnknownOutcomeError);
    expect(posts(fake, '/Users')).toHaveLength(3);
    expect(fake.users).toHaveLength(0);
  });

  it('reports a 201 {} whose user cannot be found', async () => {
    const fake = await fakeScim();
    fake.postModes = ['empty-object'];
    fake.lookupLag = 1;
    await expect(connect(fake).createUser(attributes)).rejects.toBeInstanceOf(ExistingResourceNotFoundError);
    expect(posts(fake, '/Users')).toHaveLength(1);
  });
});

describe('patchUser', () => {
  it('sends a partial resource with userName and returns the updated user', async () => {
    const fake = await fakeScim();
    fake.users = [{ id: 'u 1', userName: 'ada@example.com', active: true }];
    const user = await connect(fake).patchUser('u 1', {
      userName: 'ada@example.com',
      attributes: { profile: { title: 'CTO', 'end-date': '2025-01-31' } },
      manager: 'boss@example.com',
      active: false,
    });
    expect(user).toMatchObject({ id: 'u 1', active: false, profile: { title: 'CTO', 'end-date': '2025-01-31' } });
    const patch = fake.server.requests.find((r) => r.method === 'PATCH');
    expect(patch?.path).toBe(`${BASE}/Users/u%201`);
    expect(JSON.parse(patch?.body ?? '')).toEqual({
      userName: 'ada@example.com',
      title: 'CTO',
      active: false,
      [ENT]: { endDate: '2025-01-31', manager: 'boss@example.com' },
    });
  });

  it('surfaces a 404 as HttpError with the endpoint template, not the id', async () => {
    const fake = await fakeScim();
    await expect(connect(fake).patchUser('missing-id', { userName: 'x@example.com' })).rejects.toMatchObject({
      status: 404,
      endpoint: 'PATCH /Users/:id',
      detail: 'Resource not found',
      message: 'leapsome PATCH /Users/:id failed: HTTP 404',
    });
  });
});

describe('teams', () => {
  it('creates a team, and returns the existing one after a 409', async () => {
    const fake = await fakeScim();
    const client = connect(fake);
    expect(await client.createTeam('Sales', 'personio:department:7')).toEqual({
      id: 'id-1',
      displayName: 'Sales',
      externalId: 'personio:department:7',
    });
    expect(await client.createTeam('sales', 'personio:department:8')).toEqual({
      id: 'id-1',
      displayName: 'Sales',
      externalId: 'personio:department:7',
    });
    expect(posts(fake, '/Groups')).toHaveLength(2);
    expect(fake.groups).toHaveLength(1);
  });

  it('after an unknown outcome finds the created team instead of posting again', async () => {
    const fake = await fakeScim();
    fake.postModes = ['502-after-create'];
    expect(await connect(fake).createTeam('Sales', 'personio:department:7')).toMatchObject({ id: 'id-1' });
    expect(posts(fake, '/Groups')).toHaveLength(1);
  });

  it('patches members as {value} objects and refuses more than 100 before sending', async () => {
    const fake = await fakeScim();
    fake.groups = [{ id: 'g1', displayName: 'Sales' }];
    const client = connect(fake);
    await client.patchTeam('g1', { displayName: 'Sales', members: ['u1', 'u2'], replaceMembers: true });
    const patch = fake.server.requests.find((r) => r.method === 'PATCH');
    expect(JSON.parse(patch?.body ?? '')).toEqual({
      displayName: 'Sales',
      members: [{ value: 'u1' }, { value: 'u2' }],
      replaceMembers: true,
    });
    await expect(client.patchTeam('g1', { members: Array.from({ length: 101 }, (_, i) => `u${i}`) })).rejects.toThrow(RangeError);
    expect(fake.server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });
});

describe('secrecy', () => {
  it('sends the bearer token but never puts it or emails into errors', async () => {
    const fake = await fakeScim();
    const client = createLeapsomeClient({
      baseUrl: `${fake.server.url}${BASE}`,
      token: 'wrong-token',
      http: { retry: { maxAttempts: 1 } },
    });
    cleanups.push(() => client.close());
    const error: unknown = await client.findUserByUserName('ada@example.com').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, endpoint: 'GET /Users?filter' });
    const text = `${(error as Error).message} ${JSON.stringify(error)}`;
    expect(text).not.toContain('wrong-token');
    expect(text).not.toContain('ada@example.com');
  });
});
