import { afterEach, describe, expect, it } from 'vitest';
import { ENTERPRISE, startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { arr, call, obj, scim } from './helpers.js';

let sb: Sandbox | null = null;
async function start(options: SandboxOptions = {}): Promise<Sandbox> {
  sb = await startSandbox({ rateLimits: false, company: { size: 5 }, ...options });
  return sb;
}
afterEach(async () => {
  await sb?.close();
  sb = null;
});

const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
const scimErrorBody = (status: number): unknown => ({ schemas: [ERROR_SCHEMA], status: String(status), detail: expect.any(String) });

async function createUser(s: Sandbox, userName: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const reply = await scim(s, 'POST', '/Users', { userName, name: { givenName: 'Given', familyName: userName.split('@')[0] }, ...extra });
  expect(reply.status).toBe(201);
  return obj(reply.body);
}

describe('SCIM auth and routing', () => {
  it('answers 403 with an RFC error body for a missing or wrong token', async () => {
    const s = await start();
    const none = await call(`${s.leapsomeUrl}/Users`);
    expect(none.status).toBe(403);
    expect(none.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '403' });
    const wrong = await scim(s, 'GET', '/Users', undefined, 'not-the-token');
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual(scimErrorBody(403));
  });

  it('refuses every DELETE with 405 and logs the attempt', async () => {
    const s = await start();
    const user = await createUser(s, 'a@example.com');
    const del = await scim(s, 'DELETE', `/Users/${String(user.id)}`);
    expect(del.status).toBe(405);
    expect((await scim(s, 'DELETE', '/Groups/x')).status).toBe(405);
    expect(s.writes().map((w) => `${w.method} ${w.route} ${w.status}`)).toEqual([
      'POST /Users 201',
      'DELETE /Users/:id 405',
      'DELETE /Groups/:id 405',
    ]);
    expect(s.leapsome.listUsers()).toHaveLength(1);
  });

  it('serves ServiceProviderConfig and accepts lower-case resource paths', async () => {
    const s = await start();
    const spc = await scim(s, 'GET', '/ServiceProviderConfig');
    expect(spc.status).toBe(200);
    expect(obj(spc.body)).toMatchObject({ patch: { supported: true }, bulk: { supported: false }, filter: { supported: true } });
    expect((await scim(s, 'GET', '/users')).status).toBe(200);
    expect(s.requestCounts()).toEqual({ 'GET /ServiceProviderConfig': 1, 'GET /Users': 1 });
    expect((await scim(s, 'GET', '/Nope')).status).toBe(404);
  });
});

describe('SCIM POST /Users', () => {
  it('creates a user in the documented shape', async () => {
    const s = await start();
    const user = await createUser(s, 'Jane.Doe@Example.com', { externalId: '4711', displayName: 'Jane von Doe' });
    expect(user).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      externalId: '4711',
      userName: 'Jane.Doe@Example.com',
      name: { givenName: 'Given', familyName: 'Jane.Doe' },
      displayName: 'Jane von Doe',
      title: 'Colleague',
      active: true,
      emails: [{ primary: true, type: 'work', value: 'Jane.Doe@Example.com' }],
      groups: [],
      meta: { resourceType: 'User', location: `${s.leapsomeUrl}/Users/${String(user.id)}`, version: expect.any(String) },
    });
    expect(user).not.toHaveProperty('manager');
    const plain = await createUser(s, 'no.ext@example.com');
    expect(plain.externalId).toBeNull();
  });

  it('answers 201 {} for an existing userName (case-insensitive), or 409 when configured', async () => {
    const s = await start();
    await createUser(s, 'dup@example.com');
    const again = await scim(s, 'POST', '/Users', { userName: 'DUP@example.com' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual({});
    expect(s.leapsome.listUsers()).toHaveLength(1);
    await s.close();

    const strict = await start({ leapsome: { existingUserOnPost: 'conflict409' } });
    await createUser(strict, 'dup@example.com');
    const conflict = await scim(strict, 'POST', '/Users', { userName: 'dup@example.com' });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '409', scimType: 'uniqueness' });
  });

  it('requires userName and an organisation email domain', async () => {
    const s = await start();
    for (const body of [{}, { userName: '' }, { userName: 42 }]) {
      const reply = await scim(s, 'POST', '/Users', body);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '400' });
    }
    const foreign = await scim(s, 'POST', '/Users', { userName: 'someone@gmail.com' });
    expect(foreign.status).toBe(400);
    expect(String(obj(foreign.body).detail)).toContain('gmail.com');
    s.leapsome.setOrgDomains(['example.com', 'gmail.com']);
    expect((await scim(s, 'POST', '/Users', { userName: 'someone@gmail.com' })).status).toBe(201);
    expect(
      (
        await call(`${s.leapsomeUrl}/Users`, {
          method: 'POST',
          headers: { authorization: `Bearer ${s.credentials.leapsomeToken}` },
          body: 'nope',
        })
      ).status,
    ).toBe(400);
  });

  it('ignores extension attributes on POST unless configured', async () => {
    const s = await start();
    const body = { userName: 'ext@example.com', [ENTERPRISE]: { department: 'Sales', startDate: '2024-01-02' }, location: 'Berlin' };
    const user = obj((await scim(s, 'POST', '/Users', body)).body);
    expect(obj(user[ENTERPRISE])).not.toHaveProperty('department');
    await s.close();
    const honouring = await start({ leapsome: { honourExtensionOnPost: true } });
    const honoured = obj((await scim(honouring, 'POST', '/Users', body)).body);
    expect(obj(honoured[ENTERPRISE])).toMatchObject({ department: 'Sales', startDate: '2024-01-02', location: 'Berlin' });
  });
});

describe('SCIM GET /Users', () => {
  it('pages 1-based in creation order with totalResults and itemsPerPage', async () => {
    const s = await start();
    for (let i = 1; i <= 5; i += 1) s.leapsome.addUser({ userName: `u${i}@example.com` });
    const first = obj((await scim(s, 'GET', '/Users?startIndex=1&count=2')).body);
    expect(first).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 5,
      itemsPerPage: 2,
      startIndex: 1,
    });
    expect(arr(first.Resources).map((u) => obj(u).userName)).toEqual(['u1@example.com', 'u2@example.com']);
    const third = obj((await scim(s, 'GET', '/Users?startIndex=5&count=2')).body);
    expect(arr(third.Resources).map((u) => obj(u).userName)).toEqual(['u5@example.com']);
    expect(obj((await scim(s, 'GET', '/Users?startIndex=9')).body)).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
    expect(obj((await scim(s, 'GET', '/Users?count=0')).body)).toMatchObject({ totalResults: 5, itemsPerPage: 0 });
    expect(obj((await scim(s, 'GET', '/Users')).body)).toMatchObject({ totalResults: 5, itemsPerPage: 5 });
    expect(obj((await scim(s, 'GET', '/Users?count=99999')).body)).toMatchObject({ itemsPerPage: 5 });
    expect((await scim(s, 'GET', '/Users?count=abc')).status).toBe(400);
  });

  it('lists a user as changed after a change to them or to their manager (renderings are cached until the store changes)', async () => {
    const s = await start();
    const boss = s.leapsome.addUser({ userName: 'boss@example.com', givenName: 'Ada', familyName: 'Boss' });
    const user = s.leapsome.addUser({ userName: 'u1@example.com', title: 'Engineer', manager: boss.id });
    const listed = async (): Promise<Record<string, unknown>> =>
      obj(
        arr(obj((await scim(s, 'GET', '/Users')).body).Resources)
          .map(obj)
          .find((u) => u.id === user.id),
      );
    expect((await listed()).title).toBe('Engineer');
    s.leapsome.editUser(user.id, { title: 'Staff Engineer' });
    expect((await listed()).title).toBe('Staff Engineer');
    s.leapsome.editUser(boss.id, { givenName: 'Grace' });
    expect(obj(obj((await listed())[ENTERPRISE]).manager).displayName).toBe('Grace Boss');
  });

  it('filters on userName eq (case-insensitive, quoted or not) only', async () => {
    const s = await start();
    s.leapsome.addUser({ userName: 'Mia.Schmidt@example.com', externalId: '17' });
    s.leapsome.addUser({ userName: 'other@example.com' });
    const q = (f: string): string => `/Users?filter=${encodeURIComponent(f)}`;
    for (const f of ['userName eq "mia.schmidt@example.com"', 'username EQ Mia.Schmidt@example.com']) {
      const body = obj((await scim(s, 'GET', q(f))).body);
      expect(body.totalResults, f).toBe(1);
      expect(obj(arr(body.Resources)[0]).userName).toBe('Mia.Schmidt@example.com');
    }
    expect(obj((await scim(s, 'GET', q('userName eq "nobody@example.com"'))).body)).toMatchObject({ totalResults: 0, Resources: [] });
    const ext = await scim(s, 'GET', q('externalId eq "17"'));
    expect(ext.status).toBe(400);
    expect(ext.body).toMatchObject({ scimType: 'invalidFilter' });
    expect((await scim(s, 'GET', q('userName co "mia"'))).status).toBe(400);
    await s.close();

    const lenient = await start({ leapsome: { externalIdFilter: true } });
    lenient.leapsome.addUser({ userName: 'x@example.com', externalId: '17' });
    expect(obj((await scim(lenient, 'GET', q('externalId eq "17"'))).body).totalResults).toBe(1);
  });

  it('GET /Users/{id} falls back to externalId and 404s with the documented body', async () => {
    const s = await start();
    const user = s.leapsome.addUser({ userName: 'x@example.com', externalId: '1042' });
    expect(obj((await scim(s, 'GET', `/Users/${user.id}`)).body).id).toBe(user.id);
    expect(obj((await scim(s, 'GET', '/Users/1042')).body).id).toBe(user.id);
    const missing = await scim(s, 'GET', '/Users/000000000000000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ schemas: [ERROR_SCHEMA], detail: 'Resource not found', status: '404' });
  });
});

describe('SCIM PATCH and PUT /Users/{id}', () => {
  it('requires userName, and rejects PatchOp bodies', async () => {
    const s = await start();
    const user = s.leapsome.addUser({ userName: 'p@example.com' });
    const noName = await scim(s, 'PATCH', `/Users/${user.id}`, { title: 'CTO' });
    expect(noName.status).toBe(400);
    const patchOp = await scim(s, 'PATCH', `/Users/${user.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    expect(patchOp.status).toBe(400);
    expect(String(obj(patchOp.body).detail)).toContain('PatchOp');
    expect((await scim(s, 'PUT', `/Users/${user.id}`, { active: false })).status).toBe(400);
    expect(s.leapsome.getUser(user.id)).toMatchObject({ title: null, active: true });
  });

  it('updates attributes partially and clears with "" or null', async () => {
    const s = await start();
    const user = s.leapsome.addUser({ userName: 'p@example.com', givenName: 'Pia', familyName: 'Park' });
    const reply = await scim(s, 'PATCH', `/Users/${user.id}`, {
      userName: 'p@example.com',
      title: 'Engineer',
      active: false,
      externalId: '9',
      [ENTERPRISE]: {
        department: 'Engineering',
        startDate: '2021-04-01',
        endDate: '2025-12-31',
        gender: 'female',
        location: 'Berlin',
        level: 'L3',
      },
    });
    expect(reply.status).toBe(200);
    expect(obj(reply.body)).toMatchObject({
      title: 'Engineer',
      active: false,
      externalId: '9',
      name: { givenName: 'Pia', familyName: 'Park' },
    });
    expect(obj(obj(reply.body)[ENTERPRISE])).toMatchObject({
      department: 'Engineering',
      startDate: '2021-04-01',
      gender: 'female',
      location: 'Berlin',
    });

    const cleared = obj(
      (await scim(s, 'PATCH', `/Users/${user.id}`, { userName: 'p@example.com', title: '', [ENTERPRISE]: { endDate: null, location: '' } }))
        .body,
    );
    expect(cleared.title).toBe('Colleague'); // Leapsome's default title
    expect(obj(cleared[ENTERPRISE])).not.toHaveProperty('endDate');
    expect(obj(cleared[ENTERPRISE])).not.toHaveProperty('location');
    expect(obj(cleared[ENTERPRISE]).department).toBe('Engineering');

    expect((await scim(s, 'PATCH', `/Users/${user.id}`, { userName: 'p@example.com', [ENTERPRISE]: { gender: 'other' } })).status).toBe(
      400,
    );
    expect(
      (await scim(s, 'PATCH', `/Users/${user.id}`, { userName: 'p@example.com', [ENTERPRISE]: { startDate: '01.04.2021' } })).status,
    ).toBe(400);
    expect((await scim(s, 'PATCH', `/Users/${user.id}`, { userName: 'p@example.com', active: 'yes' })).status).toBe(400);
  });

  it('enforces the domain and uniqueness of a new userName', async () => {
    const s = await start();
    const a = s.leapsome.addUser({ userName: 'a@example.com' });
    s.leapsome.addUser({ userName: 'b@example.com' });
    const foreign = await scim(s, 'PATCH', `/Users/${a.id}`, { userName: 'a@gmail.com' });
    expect(foreign.status).toBe(400);
    expect(String(obj(foreign.body).detail)).toContain('gmail.com');
    const taken = await scim(s, 'PUT', `/Users/${a.id}`, { userName: 'B@example.com' });
    expect(taken.status).toBe(409);
    const renamed = await scim(s, 'PATCH', `/Users/${a.id}`, { userName: 'a.new@example.com' });
    expect(obj(renamed.body).emails).toEqual([{ primary: true, type: 'work', value: 'a.new@example.com' }]);
    expect(s.leapsome.findByUserName('a@example.com')).toBeUndefined();
    // A user outside the org domains (made by hand) can still be patched under the same userName.
    const odd = s.leapsome.addUser({ userName: 'odd@partner.example' });
    expect((await scim(s, 'PATCH', `/Users/${odd.id}`, { userName: 'odd@partner.example', title: 'x' })).status).toBe(200);
  });

  it('writes the manager as a string (id, email or externalId) and reads it back as objects', async () => {
    const s = await start();
    const boss = s.leapsome.addUser({ userName: 'boss@example.com', externalId: '1000', displayName: 'Big Boss' });
    const emp = s.leapsome.addUser({ userName: 'emp@example.com' });
    for (const ref of [boss.id, 'BOSS@example.com', '1000']) {
      await scim(s, 'PATCH', `/Users/${emp.id}`, { userName: 'emp@example.com', manager: null });
      const reply = await scim(s, 'PATCH', `/Users/${emp.id}`, { userName: 'emp@example.com', [ENTERPRISE]: { manager: ref } });
      expect(reply.status, ref).toBe(200);
      const body = obj(reply.body);
      expect(body.manager).toEqual({ value: boss.id });
      expect(obj(body[ENTERPRISE]).manager).toEqual({ managerId: boss.id, displayName: 'Big Boss' });
    }
    // Top-level manager works too; "" clears it.
    const cleared = obj((await scim(s, 'PATCH', `/Users/${emp.id}`, { userName: 'emp@example.com', manager: '' })).body);
    expect(cleared).not.toHaveProperty('manager');
    expect(obj(cleared[ENTERPRISE])).not.toHaveProperty('manager');
    await scim(s, 'PATCH', `/Users/${emp.id}`, { userName: 'emp@example.com', manager: 'boss@example.com' });
    expect(s.leapsome.getUser(emp.id)?.managerId).toBe(boss.id);

    const unknown = await scim(s, 'PATCH', `/Users/${emp.id}`, { userName: 'emp@example.com', manager: 'ghost@example.com' });
    expect(unknown.status).toBe(400);
    const self = await scim(s, 'PATCH', `/Users/${emp.id}`, { userName: 'emp@example.com', [ENTERPRISE]: { manager: 'emp@example.com' } });
    expect(self.status).toBe(400);
    const objectForm = await scim(s, 'PATCH', `/Users/${emp.id}`, { userName: 'emp@example.com', manager: { value: boss.id } });
    expect(objectForm.status).toBe(400); // Leapsome takes a string on write
    expect(s.leapsome.getUser(emp.id)?.managerId).toBe(boss.id);

    const extra = obj(
      (await scim(s, 'PATCH', `/Users/${emp.id}`, { userName: 'emp@example.com', [ENTERPRISE]: { additionalManagers: ['1000'] } })).body,
    );
    expect(obj(extra[ENTERPRISE]).additionalManagers).toEqual([{ managerId: boss.id, displayName: 'Big Boss' }]);
  });

  it('writes additional managers as a list of references (id, email or externalId), [] clears; unknown or self is a 400', async () => {
    const s = await start();
    const a = s.leapsome.addUser({ userName: 'a@example.com', externalId: '1', displayName: 'A' });
    const b = s.leapsome.addUser({ userName: 'b@example.com', externalId: '2', displayName: 'B' });
    const emp = s.leapsome.addUser({ userName: 'emp@example.com' });
    const set = await scim(s, 'PATCH', `/Users/${emp.id}`, {
      userName: 'emp@example.com',
      [ENTERPRISE]: { additionalManagers: [a.id, 'B@example.com', '1'] },
    });
    expect(obj(obj(set.body)[ENTERPRISE]).additionalManagers).toEqual([
      { managerId: a.id, displayName: 'A' },
      { managerId: b.id, displayName: 'B' },
    ]);
    expect(
      (
        await scim(s, 'PATCH', `/Users/${emp.id}`, {
          userName: 'emp@example.com',
          [ENTERPRISE]: { additionalManagers: ['ghost@example.com'] },
        })
      ).status,
    ).toBe(400);
    expect(
      (await scim(s, 'PATCH', `/Users/${emp.id}`, { userName: 'emp@example.com', [ENTERPRISE]: { additionalManagers: [emp.id] } })).status,
    ).toBe(400);
    expect(s.leapsome.getUser(emp.id)?.additionalManagerIds).toEqual([a.id, b.id]);
    const cleared = await scim(s, 'PATCH', `/Users/${emp.id}`, { userName: 'emp@example.com', [ENTERPRISE]: { additionalManagers: [] } });
    expect(obj(obj(cleared.body)[ENTERPRISE]).additionalManagers).toEqual([]);
  });

  it('keeps the extension fields and the custom attributes the organisation defines; an undefined custom attribute is a 400', async () => {
    const s = await start();
    const emp = s.leapsome.addUser({ userName: 'emp@example.com' });
    const ent = {
      level: 'Senior',
      birthday: '1983-08-18',
      division: 'Acme GmbH',
      costCenter: 'CC-100',
      '6140868326541A4DA586DB0B': 'Go, SQL',
    };
    const reply = obj((await scim(s, 'PATCH', `/Users/${emp.id}`, { userName: 'emp@example.com', [ENTERPRISE]: ent })).body);
    expect(obj(reply[ENTERPRISE])).toMatchObject({
      level: 'Senior',
      birthday: '1983-08-18',
      division: 'Acme GmbH',
      costCenter: 'CC-100',
      '6140868326541a4da586db0b': 'Go, SQL',
    });
    const undefinedAttribute = await scim(s, 'PATCH', `/Users/${emp.id}`, {
      userName: 'emp@example.com',
      [ENTERPRISE]: { '6140868326541a4da586dbff': 'x' },
    });
    expect(undefinedAttribute.status).toBe(400);
    expect(obj(undefinedAttribute.body).detail).toContain('does not exist in the organisation');
    const badDate = await scim(s, 'PATCH', `/Users/${emp.id}`, { userName: 'emp@example.com', [ENTERPRISE]: { birthday: '18.08.1983' } });
    expect(badDate.status).toBe(400);
    const cleared = obj(
      (
        await scim(s, 'PATCH', `/Users/${emp.id}`, {
          userName: 'emp@example.com',
          [ENTERPRISE]: { level: '', '6140868326541a4da586db0b': '' },
        })
      ).body,
    );
    expect(obj(cleared[ENTERPRISE])).not.toHaveProperty('level');
    expect(obj(cleared[ENTERPRISE])).not.toHaveProperty('6140868326541a4da586db0b');
  });

  it('PUT replaces the definition but keeps teams and (unless given) active', async () => {
    const s = await start();
    const boss = s.leapsome.addUser({ userName: 'boss@example.com' });
    const team = s.leapsome.addTeam({ displayName: 'Platform' });
    const user = s.leapsome.addUser({
      userName: 'u@example.com',
      externalId: '5',
      title: 'Dev',
      manager: boss.id,
      department: 'Eng',
      active: false,
      teamIds: [team.id],
    });
    const put = obj(
      (
        await scim(s, 'PUT', `/Users/${user.id}`, {
          userName: 'u@example.com',
          externalId: '5',
          name: { givenName: 'U', familyName: 'Ser' },
        })
      ).body,
    );
    expect(put).toMatchObject({ title: 'Colleague', externalId: '5', active: false, groups: [{ value: team.id }] });
    expect(put).not.toHaveProperty('manager');
    expect(obj(put[ENTERPRISE])).not.toHaveProperty('department');
  });

  it('addresses writes by Leapsome id only', async () => {
    const s = await start();
    s.leapsome.addUser({ userName: 'x@example.com', externalId: '77' });
    const reply = await scim(s, 'PATCH', '/Users/77', { userName: 'x@example.com', title: 'X' });
    expect(reply.status).toBe(404);
  });
});
