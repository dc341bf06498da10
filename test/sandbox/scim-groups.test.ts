import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { arr, obj, scim } from './helpers.js';

let sb: Sandbox | null = null;
async function start(): Promise<Sandbox> {
  sb = await startSandbox({ rateLimits: false, company: { size: 5 } });
  return sb;
}
afterEach(async () => {
  await sb?.close();
  sb = null;
});

/** The team ids a user belongs to, read the only way SCIM offers: the user's groups[]. */
async function groupsOf(s: Sandbox, userId: string): Promise<string[]> {
  return arr(obj((await scim(s, 'GET', `/Users/${userId}`)).body).groups).map((g) => String(obj(g).value));
}

function users(s: Sandbox, n: number, prefix = 'u'): string[] {
  return Array.from({ length: n }, (_, i) => s.leapsome.addUser({ userName: `${prefix}${i}@example.com` }).id);
}

describe('SCIM /Groups', () => {
  it('creates groups, 409s on a duplicate name (case-insensitive) and validates displayName', async () => {
    const s = await start();
    const created = await scim(s, 'POST', '/Groups', { displayName: 'Platform', externalId: '59026' });
    expect(created.status).toBe(201);
    expect(obj(created.body)).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      displayName: 'Platform',
      externalId: '59026',
      members: [],
      meta: { resourceType: 'Group' },
    });
    const dup = await scim(s, 'POST', '/Groups', { displayName: ' platform ' });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ status: '409', scimType: 'uniqueness' });
    expect((await scim(s, 'POST', '/Groups', {})).status).toBe(400);
    expect((await scim(s, 'POST', '/Groups', { displayName: '' })).status).toBe(400);
    expect((await scim(s, 'POST', '/Groups', { displayName: 'x'.repeat(129) })).status).toBe(400);
    expect((await scim(s, 'POST', '/Groups', { displayName: 'x'.repeat(128) })).status).toBe(201);
  });

  it('never returns members; membership shows only in users groups[]', async () => {
    const s = await start();
    const [a, b, c] = users(s, 3) as [string, string, string];
    const team = obj((await scim(s, 'POST', '/Groups', { displayName: 'Sales' })).body);
    const id = String(team.id);
    const patched = await scim(s, 'PATCH', `/Groups/${id}`, { members: [{ value: a }, { value: b }] });
    expect(patched.status).toBe(200);
    expect(obj(patched.body).members).toEqual([]);
    expect(obj((await scim(s, 'GET', `/Groups/${id}`)).body).members).toEqual([]);
    expect(arr(obj((await scim(s, 'GET', '/Groups')).body).Resources).map((g) => obj(g).members)).toEqual([[]]);
    expect(await groupsOf(s, a)).toEqual([id]);
    expect(await groupsOf(s, c)).toEqual([]);
    expect(s.leapsome.teamMembers(id)).toEqual([a, b]);
  });

  it('adds members by default and replaces them with replaceMembers: true', async () => {
    const s = await start();
    const [a, b, c] = users(s, 3) as [string, string, string];
    const id = String(obj((await scim(s, 'POST', '/Groups', { displayName: 'Data' })).body).id);
    await scim(s, 'PATCH', `/Groups/${id}`, { members: [{ value: a }] });
    await scim(s, 'PATCH', `/Groups/${id}`, { members: [{ value: b }], replaceMembers: false });
    expect(s.leapsome.teamMembers(id)).toEqual([a, b]);
    await scim(s, 'PATCH', `/Groups/${id}`, { members: [{ value: c }], replaceMembers: true });
    expect(s.leapsome.teamMembers(id)).toEqual([c]);
    expect(await groupsOf(s, a)).toEqual([]);
    expect(await groupsOf(s, c)).toEqual([id]);
    await scim(s, 'PATCH', `/Groups/${id}`, { members: [], replaceMembers: true });
    expect(s.leapsome.teamMembers(id)).toEqual([]);
  });

  it('rejects more than 100 members, unknown members, long and duplicate names — without partial changes', async () => {
    const s = await start();
    const ids = users(s, 101);
    const id = String(obj((await scim(s, 'POST', '/Groups', { displayName: 'Big' })).body).id);
    await scim(s, 'POST', '/Groups', { displayName: 'Taken' });
    const tooMany = await scim(s, 'PATCH', `/Groups/${id}`, { members: ids.map((value) => ({ value })) });
    expect(tooMany.status).toBe(400);
    expect((await scim(s, 'PATCH', `/Groups/${id}`, { members: ids.slice(0, 100).map((value) => ({ value })) })).status).toBe(200);
    const unknown = await scim(s, 'PATCH', `/Groups/${id}`, {
      displayName: 'Renamed',
      members: [{ value: ids[100] }, { value: 'ffffffffffffffffffffffff' }],
    });
    expect(unknown.status).toBe(400);
    expect(s.leapsome.getTeam(id)?.displayName).toBe('Big');
    expect(s.leapsome.teamMembers(id)).toHaveLength(100);
    expect((await scim(s, 'PATCH', `/Groups/${id}`, { displayName: 'y'.repeat(129) })).status).toBe(400);
    expect((await scim(s, 'PATCH', `/Groups/${id}`, { displayName: 'TAKEN' })).status).toBe(409);
    expect((await scim(s, 'PATCH', `/Groups/${id}`, { displayName: 'big' })).status).toBe(200); // own name, new case
    expect((await scim(s, 'PATCH', '/Groups/ffffffffffffffffffffffff', { displayName: 'z' })).status).toBe(404);
    expect((await scim(s, 'PUT', `/Groups/${id}`, { displayName: 'z' })).status).toBe(405);
  });

  it('filters on displayName eq, pages 1-based, and falls back to externalId on GET by id', async () => {
    const s = await start();
    for (let i = 0; i < 5; i += 1) s.leapsome.addTeam({ displayName: `Team ${i}`, externalId: `ext-${i}` });
    const q = (f: string): string => `/Groups?filter=${encodeURIComponent(f)}`;
    const one = obj((await scim(s, 'GET', q('displayName eq "team 3"'))).body);
    expect(one).toMatchObject({ totalResults: 1 });
    expect(obj(arr(one.Resources)[0]).displayName).toBe('Team 3');
    expect((await scim(s, 'GET', q('externalId eq "ext-1"'))).status).toBe(400);
    const page = obj((await scim(s, 'GET', '/Groups?startIndex=2&count=2')).body);
    expect(page).toMatchObject({ totalResults: 5, startIndex: 2, itemsPerPage: 2 });
    expect(arr(page.Resources).map((g) => obj(g).displayName)).toEqual(['Team 1', 'Team 2']);
    const byExt = obj((await scim(s, 'GET', '/Groups/ext-4')).body);
    expect(byExt.displayName).toBe('Team 4');
    expect((await scim(s, 'GET', '/Groups/nope')).status).toBe(404);
  });

  it('returns every group without paging parameters but caps an explicit count at 1000', async () => {
    const s = await start();
    for (let i = 0; i < 1005; i += 1) s.leapsome.addTeam({ displayName: `T${i}` });
    expect(obj((await scim(s, 'GET', '/Groups')).body).itemsPerPage).toBe(1005);
    expect(obj((await scim(s, 'GET', '/Groups?count=5000')).body).itemsPerPage).toBe(1000);
  });
});
