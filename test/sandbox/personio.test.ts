import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox, type SandboxEmployee, type SandboxOptions } from '../../src/sandbox/index.js';
import { arr, call, obj, personioGet, personioToken, records, value } from './helpers.js';

let sb: Sandbox | null = null;
async function start(options: SandboxOptions = {}): Promise<Sandbox> {
  sb = await startSandbox({ rateLimits: false, ...options });
  return sb;
}
afterEach(async () => {
  await sb?.close();
  sb = null;
});

const V1_ERROR = { success: false, error: { code: expect.any(Number), message: expect.any(String) } };

describe('Personio POST /v1/auth', () => {
  it('accepts JSON and form bodies and reuses the token for 24 h', async () => {
    const s = await start();
    const json = await call(`${s.personioUrl}/v1/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: s.credentials.personioClientId, client_secret: s.credentials.personioClientSecret }),
    });
    expect(json.status).toBe(200);
    const data = obj(obj(json.body).data);
    expect(obj(json.body).success).toBe(true);
    expect(data.token).toMatch(/^papi-/);
    expect(data.expires_in).toBeGreaterThan(86_390);
    expect(data.scope).toBe('employees:read');

    const form = await call(`${s.personioUrl}/v1/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: s.credentials.personioClientId,
        client_secret: s.credentials.personioClientSecret,
      }).toString(),
    });
    expect(form.status).toBe(200);
    expect(obj(obj(form.body).data).token).toBe(data.token);
    // The secret never lands in the request log.
    expect(JSON.stringify(s.requests)).not.toContain(s.credentials.personioClientSecret);
  });

  it('refuses query-string credentials (403), bad credentials (401) and missing ones (400)', async () => {
    const s = await start();
    const q = new URLSearchParams({ client_id: s.credentials.personioClientId, client_secret: s.credentials.personioClientSecret });
    const query = await call(`${s.personioUrl}/v1/auth?${q.toString()}`, { method: 'POST' });
    expect(query.status).toBe(403);
    expect(query.body).toEqual(V1_ERROR);

    const wrong = await call(`${s.personioUrl}/v1/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: s.credentials.personioClientId, client_secret: 'nope' }),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ success: false, error: { code: 401 } });

    const missing = await call(`${s.personioUrl}/v1/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(V1_ERROR);
  });

  it('answers 401 without a token, 403 for an unknown one, 401 once expired', async () => {
    const s = await start();
    const none = await call(`${s.personioUrl}/v1/company/employees`);
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ success: false, error: { code: 401, message: 'Authorization is not provided' } });
    const bad = await personioGet(s, 'papi-not-a-token', '/v1/company/employees');
    expect(bad.status).toBe(403);
    expect(bad.body).toEqual({ success: false, error: { code: 403, message: 'Provided authorization is not valid' } });

    const token = await personioToken(s);
    s.personio.expireTokens();
    expect((await personioGet(s, token, '/v1/company/employees')).status).toBe(401);
    const fresh = await personioToken(s);
    expect(fresh).not.toBe(token);
    expect((await personioGet(s, fresh, '/v1/company/employees')).status).toBe(200);
  });
});

describe('Personio GET /v1/company/employees', () => {
  it('pages by record offset with 0-based current_page and echoes the token', async () => {
    const s = await start({ company: { size: 57 } });
    const token = await personioToken(s);
    const first = await personioGet(s, token, '/v1/company/employees');
    expect(first.status).toBe(200);
    expect(first.headers.get('authorization')).toBe(`Bearer ${token}`);
    const body = obj(first.body);
    expect(body).toMatchObject({ success: true, offset: 0, limit: 50, metadata: { total_elements: 57, current_page: 0, total_pages: 2 } });
    expect(arr(body.data)).toHaveLength(50); // default limit 50

    const ids: unknown[] = [];
    for (let offset = 0; offset < 57; offset += 20) {
      const page = await personioGet(s, token, `/v1/company/employees?limit=20&offset=${offset}`);
      expect(obj(page.body).metadata).toEqual({ total_elements: 57, current_page: offset / 20, total_pages: 3 });
      ids.push(...records(page).map((r) => value(r, 'id')));
    }
    expect(ids).toEqual(s.personio.list().map((e) => e.id));

    const beyond = await personioGet(s, token, '/v1/company/employees?limit=20&offset=100');
    expect(arr(obj(beyond.body).data)).toEqual([]);
    expect((await personioGet(s, token, '/v1/company/employees?limit=100')).status).toBe(200);
  });

  it('lists an employee as changed after a change to them or to their supervisor (renderings are cached until the store changes)', async () => {
    const s = await start({ company: { size: 12 } });
    const token = await personioToken(s);
    const report = s.personio.list().find((e) => e.supervisorId !== null);
    const boss = report?.supervisorId == null ? undefined : s.personio.get(report.supervisorId);
    if (boss === undefined || report === undefined) throw new Error('the sample company has a supervisor');
    const listed = async (): Promise<Record<string, unknown>> => {
      const found = records(await personioGet(s, token, '/v1/company/employees?limit=100')).find((r) => value(r, 'id') === report.id);
      if (found === undefined) throw new Error('not listed');
      return found;
    };
    expect(value(await listed(), 'position')).toBe(report.position);
    s.personio.update(report.id, { position: 'Chief Cartographer' });
    expect(value(await listed(), 'position')).toBe('Chief Cartographer');
    s.personio.update(boss.id, { firstName: 'Renamed' });
    const supervisor = obj(value(await listed(), 'supervisor'));
    expect(value(obj(supervisor.attributes), 'first_name')).toBe('Renamed');
  });

  it('rejects limit > 100 and malformed paging with the v1 envelope', async () => {
    const s = await start();
    const token = await personioToken(s);
    for (const q of ['limit=101', 'limit=0', 'limit=abc', 'offset=-1']) {
      const reply = await personioGet(s, token, `/v1/company/employees?${q}`);
      expect(reply.status, q).toBe(400);
      expect(reply.body).toEqual(V1_ERROR);
    }
  });

  it('caps limit instead when configured', async () => {
    const s = await start({ company: { size: 120 }, personio: { limitAboveMax: 'cap' } });
    const reply = await personioGet(s, await personioToken(s), '/v1/company/employees?limit=500');
    expect(obj(reply.body).limit).toBe(100);
    expect(records(reply)).toHaveLength(100);
  });

  it('renders attribute objects: org units, nested supervisor, local-midnight dates', async () => {
    const s = await start();
    const token = await personioToken(s);
    const all = records(await personioGet(s, token, '/v1/company/employees?limit=100'));
    const ceo = all.find((r) => value(r, 'supervisor') === null);
    expect(ceo).toBeDefined();
    const member = all.find((r) => value(r, 'team') !== null && value(r, 'supervisor') !== null)!;
    expect(member.email).toEqual({
      label: 'Email',
      value: expect.stringMatching(/@example\.com$/),
      type: 'standard',
      universal_id: 'email',
    });
    expect(value(member, 'department')).toEqual({ type: 'Department', attributes: { id: expect.any(Number), name: expect.any(String) } });
    expect(value(member, 'team')).toMatchObject({ type: 'Team', attributes: { id: expect.any(Number) } });
    expect(value(member, 'office')).toMatchObject({ type: 'Office' });
    expect(value(member, 'subcompany')).toMatchObject({ type: 'Subcompany' });
    const sup = obj(value(member, 'supervisor'));
    expect(sup.type).toBe('Employee');
    const supAttrs = obj(sup.attributes);
    expect(obj(supAttrs.id)).toMatchObject({ label: 'ID', type: 'integer', value: expect.any(Number) });
    for (const k of ['first_name', 'last_name', 'email']) expect(obj(supAttrs[k]).value).toEqual(expect.any(String));
    expect(value(member, 'hire_date')).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+0[12]:00$/);
    expect(value(member, 'last_modified_at')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    expect(['male', 'female', 'diverse']).toContain(value(member, 'gender'));
    expect(typeof value(member, 'preferred_name')).toBe('string');
    expect(all.map((r) => value(r, 'status'))).toContain('inactive');
    const leaver = all.find((r) => value(r, 'status') === 'inactive')!;
    expect(value(leaver, 'termination_date')).toMatch(/T00:00:00\+0[12]:00$/);
  });

  it('serves a custom attribute of each type, cost centers, and the attribute list with types and options', async () => {
    const s = await start();
    const token = await personioToken(s);
    const list = arr(obj((await personioGet(s, token, '/v1/company/employees/custom-attributes')).body).data).map(obj);
    const byKey = new Map(list.map((a) => [a.key, a]));
    expect(byKey.get('dynamic_1146703')).toEqual({
      key: 'dynamic_1146703',
      label: 'Level',
      type: 'list',
      universal_id: null,
      options: ['L1', 'L2', 'L3', 'L4', 'L5'],
    });
    expect(byKey.get('dynamic_1146704')).toMatchObject({ type: 'tags', options: expect.arrayContaining(['TypeScript', 'Go']) });
    expect(byKey.get('dynamic_1146705')).toMatchObject({ type: 'integer' });
    expect(byKey.get('dynamic_1146710')).toMatchObject({ label: 'Mentors', type: 'standard' });
    expect(byKey.get('dynamic_180883')).toMatchObject({ label: 'Birthday', type: 'date', universal_id: 'date_of_birth' });
    expect(byKey.get('cost_centers')).toMatchObject({ type: 'standard', universal_id: 'cost_centers' });

    const all = records(await personioGet(s, token, '/v1/company/employees?limit=100'));
    expect(all.every((r) => ['L1', 'L2', 'L3', 'L4', 'L5'].includes(value(r, 'dynamic_1146703') as string))).toBe(true);
    expect(all.map((r) => value(r, 'dynamic_1146704')).some((v) => typeof v === 'string' && v.includes(','))).toBe(true); // tags: one comma-separated string
    expect(all.every((r) => Number.isInteger(value(r, 'dynamic_1146705')))).toBe(true);
    expect(all.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(value(r, 'dynamic_180883') as string))).toBe(true);
    expect(all.map((r) => value(r, 'dynamic_1146710')).filter((v) => v !== null)).toContainEqual(
      expect.stringMatching(/^\S+@example\.com; \d+$/),
    );
    const centers = arr(value(all[1]!, 'cost_centers')).map(obj);
    expect(centers[0]).toEqual({
      type: 'CostCenter',
      attributes: { id: expect.any(Number), name: expect.stringMatching(/^CC-\d+$/), percentage: expect.any(Number) },
    });

    s.personio.setWhitelist(['first_name', 'dynamic_1146703']);
    const narrow = arr(obj((await personioGet(s, token, '/v1/company/employees/attributes')).body).data).map((a) => obj(a).key);
    expect(narrow).toEqual(['first_name', 'dynamic_1146703']);
    expect(Object.keys(records(await personioGet(s, token, '/v1/company/employees'))[0]!).sort()).toEqual([
      'dynamic_1146703',
      'first_name',
      'id',
    ]);
  });

  it('projects attributes[] (id always included) and honours the whitelist silently', async () => {
    const s = await start();
    const token = await personioToken(s);
    const projected = records(
      await personioGet(s, token, '/v1/company/employees?attributes[]=email&attributes[]=first_name&attributes[]=bogus'),
    );
    expect(Object.keys(projected[0]!).sort()).toEqual(['email', 'first_name', 'id']);

    s.personio.setWhitelist(['first_name', 'email', 'status']);
    const whitelisted = records(await personioGet(s, token, '/v1/company/employees'));
    expect(Object.keys(whitelisted[0]!).sort()).toEqual(['email', 'first_name', 'id', 'status']);
    const both = records(await personioGet(s, token, '/v1/company/employees?attributes[]=email&attributes[]=department'));
    expect(Object.keys(both[0]!).sort()).toEqual(['email', 'id']);

    const attrs = await personioGet(s, token, '/v1/company/employees/attributes');
    expect(obj(attrs.body).success).toBe(true);
    expect(arr(obj(attrs.body).data)).toEqual([
      { key: 'first_name', label: 'First name', type: 'standard', universal_id: 'first_name', options: [] },
      { key: 'email', label: 'Email', type: 'standard', universal_id: 'email', options: [] },
      { key: 'status', label: 'Status', type: 'standard', universal_id: 'status', options: [] },
    ]);
  });

  it('supports the email filter, single-employee reads and the idOnly supervisor shape', async () => {
    const s = await start({ personio: { supervisorShape: 'idOnly' } });
    const token = await personioToken(s);
    const target = s.personio.list()[5]!;
    const filtered = await personioGet(s, token, `/v1/company/employees?email=${encodeURIComponent(target.email!)}`);
    expect(records(filtered).map((r) => value(r, 'id'))).toEqual([target.id]);
    expect(Object.keys(obj(obj(value(records(filtered)[0]!, 'supervisor')).attributes))).toEqual(['id']);

    const one = await personioGet(s, token, `/v1/company/employees/${target.id}`);
    expect(obj(obj(obj(one.body).data).attributes).id).toMatchObject({ value: target.id });
    const missing = await personioGet(s, token, '/v1/company/employees/999999');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(V1_ERROR);
  });

  it('filters on updated_since (email is ignored with it)', async () => {
    const s = await start();
    const token = await personioToken(s);
    const [a, b] = s.personio.list() as [SandboxEmployee, SandboxEmployee];
    s.personio.update(a.id, { lastModifiedAt: '2030-01-01T10:00:00+01:00' });
    s.personio.update(b.id, { lastModifiedAt: '2030-06-01T10:00:00+02:00' });
    const ids = async (q: string): Promise<unknown[]> =>
      records(await personioGet(s, token, `/v1/company/employees?${q}`)).map((r) => value(r, 'id'));
    expect(await ids('updated_since=2029-12-31')).toEqual([a.id, b.id]);
    expect(await ids(`updated_since=2030-03-01T00:00:00&email=${encodeURIComponent(a.email ?? '')}`)).toEqual([b.id]);
    expect((await personioGet(s, token, '/v1/company/employees?updated_since=yesterday')).status).toBe(400);
  });

  it('reflects control changes and serves injected raw records as-is', async () => {
    const s = await start({ company: { size: 5 } });
    const token = await personioToken(s);
    const added = s.personio.add({ firstName: 'Ada', lastName: 'Lovelace', status: 'onboarding' });
    expect(added.email).toBe('ada.lovelace@example.com');
    s.personio.update(added.id, { position: 'Analyst' });
    s.personio.remove(s.personio.list()[1]!.id);
    const key = s.personio.injectRawEmployee({ id: { value: 'oops' }, status: 42 });
    s.personio.injectRawRecord('not even an object');
    const data = arr(obj((await personioGet(s, token, '/v1/company/employees')).body).data);
    expect(data).toHaveLength(7);
    expect(data[5]).toEqual({ type: 'Employee', attributes: { id: { value: 'oops' }, status: 42 } });
    expect(data[6]).toBe('not even an object');
    const ada = data
      .slice(0, 5)
      .map((d) => obj(obj(d).attributes))
      .find((a) => value(a, 'id') === added.id)!;
    expect(value(ada, 'position')).toBe('Analyst');
    expect(value(ada, 'status')).toBe('onboarding');
    s.personio.removeRaw(key);
    expect(arr(obj((await personioGet(s, token, '/v1/company/employees')).body).data)).toHaveLength(6);
  });

  it('records X-Personio-App-ID and answers 405 to writes', async () => {
    const s = await start();
    const token = await personioToken(s);
    await personioGet(s, token, '/v1/company/employees?limit=1');
    const put = await call(`${s.personioUrl}/v1/company/employees`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(put.status).toBe(405);
    const get = s.requests.find((r) => r.route === '/v1/company/employees' && r.method === 'GET')!;
    expect(get).toMatchObject({ api: 'personio', appId: 'SANDBOX_TEST', status: 200, query: { limit: '1' } });
    expect(s.requestCounts({ api: 'personio' })).toEqual({
      'POST /v1/auth': 1,
      'GET /v1/company/employees': 1,
      'DELETE /v1/company/employees': 1,
    });
  });
});

describe('Personio rate limits', () => {
  it('answers 429 past 15 req/s on GET employees, with Retry-After only when configured', async () => {
    const s = await start({ rateLimits: {}, now: () => 1_000_000 }); // a frozen clock: the burst is exact
    const token = await personioToken(s);
    const burst = await Promise.all(Array.from({ length: 20 }, () => personioGet(s, token, '/v1/company/employees?limit=1')));
    const limited = burst.filter((r) => r.status === 429);
    expect(limited).toHaveLength(5);
    expect(limited[0]!.body).toEqual({ success: false, error: { code: 429, message: expect.any(String) } });
    expect(limited[0]!.headers.get('retry-after')).toBeNull();
    expect(s.requests.filter((r) => r.fault === 'rateLimit')).toHaveLength(5);

    s.rateLimits.personio.set({ retryAfter: true, employeesPerSecond: 2 });
    const again = await Promise.all(Array.from({ length: 3 }, () => personioGet(s, token, '/v1/company/employees?limit=1')));
    expect(again.map((r) => r.status).sort()).toEqual([200, 200, 429]);
    expect(again.find((r) => r.status === 429)!.headers.get('retry-after')).toBe('1');
  });

  it('limits /v1/auth per minute with a cool-down, and the per-minute employee window', async () => {
    let now = 1_000_000;
    const s = await start({ rateLimits: { personio: { authPerMinute: 2, employeesPerMinute: 3, retryAfter: true } }, now: () => now });
    await personioToken(s);
    const token = await personioToken(s);
    const third = await call(`${s.personioUrl}/v1/auth`, { method: 'POST', body: '{}' });
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('60');
    now += 59_000;
    expect((await call(`${s.personioUrl}/v1/auth`, { method: 'POST', body: '{}' })).status).toBe(429);

    for (let i = 0; i < 3; i += 1) {
      now += 1_000; // one per second: under the burst limit, but 3/min
      expect((await personioGet(s, token, '/v1/company/employees?limit=1')).status).toBe(200);
    }
    now += 1_000;
    const over = await personioGet(s, token, '/v1/company/employees?limit=1');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(50);
    now += 60_000;
    expect((await personioGet(s, token, '/v1/company/employees?limit=1')).status).toBe(200);
  });
});

describe('Personio listing faults: a list that does not hold together', () => {
  const ids = (reply: Awaited<ReturnType<typeof personioGet>>): number[] => records(reply).map((r) => Number(value(r, 'id')));
  const total = (reply: Awaited<ReturnType<typeof personioGet>>): unknown => obj(obj(reply.body).metadata).total_elements;

  it('hides employees from the next listings only, totals included, while a lookup by id still finds them', async () => {
    const s = await start({ company: { size: 30 } });
    const token = await personioToken(s);
    const [first, second] = s.personio.list();
    s.personio.hideFromListings([first?.id ?? 0, second?.id ?? 0]);
    expect(s.personio.listings()).toBe(0);
    const hidden = await personioGet(s, token, '/v1/company/employees?limit=100&offset=0');
    expect(s.personio.listings()).toBe(1);
    expect(ids(hidden)).not.toContain(first?.id);
    expect(total(hidden)).toBe(28);
    expect((await personioGet(s, token, `/v1/company/employees/${first?.id}`)).status).toBe(200);
    const next = await personioGet(s, token, '/v1/company/employees?limit=100&offset=0');
    expect(ids(next)).toContain(first?.id);
    expect(total(next)).toBe(30);
  });

  it('runs a change right after the first page of a listing, so the later pages shift and report another total', async () => {
    const s = await start({ company: { size: 30 } });
    const token = await personioToken(s);
    s.personio.duringListings(() => s.personio.add({ firstName: 'Mid', lastName: 'Read' }), 2);
    const page0 = await personioGet(s, token, '/v1/company/employees?limit=10&offset=0');
    const page1 = await personioGet(s, token, '/v1/company/employees?limit=10&offset=10');
    expect([total(page0), total(page1)]).toEqual([30, 31]);
    await personioGet(s, token, '/v1/company/employees?limit=10&offset=0');
    await personioGet(s, token, '/v1/company/employees?limit=10&offset=0');
    // Two listings, two hires; the third listing changed nothing.
    expect(s.personio.list()).toHaveLength(32);
  });

  it('drops records from list pages at the configured rate, metadata untouched, and logs it', async () => {
    const s = await start({ company: { size: 100 }, faults: { personio: { pDropRecord: 0.2, seed: 5 } } });
    const token = await personioToken(s);
    const page = await personioGet(s, token, '/v1/company/employees?limit=100&offset=0');
    expect(records(page).length).toBeLessThan(95);
    expect(records(page).length).toBeGreaterThan(60);
    expect(total(page)).toBe(100);
    expect(s.requests.find((r) => r.route === '/v1/company/employees')?.fault).toBe('dropRecord');
    // Lookups by id are not list pages.
    const one = await personioGet(s, token, `/v1/company/employees/${s.personio.list()[0]?.id}`);
    expect(one.status).toBe(200);
  });
});
