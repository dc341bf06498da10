import { afterEach, describe, expect, it } from 'vitest';
import type { EmployeeQuery } from '../../../src/domain/ports.js';
import { ConfigurationError, createPersonioClient, type PersonioClient } from '../../../src/personio/index.js';
import { fakeTime, sendJson, startServer, type RecordedRequest, type TestServer } from '../http/test-server.js';
import type { ServerResponse } from 'node:http';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function attr(value: unknown) {
  return { label: 'L', value, type: 'standard', universal_id: null };
}

function employee(id: number, status = 'active'): unknown {
  return {
    type: 'Employee',
    attributes: {
      id: attr(id),
      first_name: attr(`First${id}`),
      last_name: attr(`Last${id}`),
      email: attr(`user${id}@example.com`),
      status: attr(status),
      hire_date: attr('2020-01-01T00:00:00+01:00'),
    },
  };
}

interface FakePersonio {
  readonly server: TestServer;
  /** Employee records served, in order. */
  records: unknown[];
  allowed: string[];
  /** Respond to this many data calls with 401 (token "expired"). */
  unauthorisedCalls: number;
  pageSizeCap: number;
  withMetadata: boolean;
  /** Optional override for a data request. */
  intercept: ((request: RecordedRequest, response: ServerResponse) => boolean) | null;
}

async function fakePersonio(count: number): Promise<FakePersonio> {
  let tokenNo = 0;
  const state: Omit<FakePersonio, 'server'> = {
    records: Array.from({ length: count }, (_, i) => employee(i + 1)),
    allowed: ['first_name', 'last_name', 'email', 'status', 'hire_date'],
    unauthorisedCalls: 0,
    pageSizeCap: 100,
    withMetadata: true,
    intercept: null,
  };
  const server = await startServer((request, response) => {
    if (request.method === 'POST' && request.path === '/v1/auth') {
      tokenNo += 1;
      return sendJson(response, 200, { success: true, data: { token: `papi-token-${tokenNo}`, expires_in: 86_400 } });
    }
    if (request.headers.authorization !== `Bearer papi-token-${tokenNo}` || state.unauthorisedCalls > 0) {
      state.unauthorisedCalls = Math.max(0, state.unauthorisedCalls - 1);
      return sendJson(response, 401, { success: false, error: { code: 401, message: 'Authorization is not provided' } });
    }
    if (state.intercept?.(request, response)) return;
    if (request.path === '/v1/company/employees/attributes') {
      return sendJson(response, 200, {
        success: true,
        data: state.allowed.map((key) => ({ key, label: key, type: 'standard', universal_id: key })),
      });
    }
    if (request.path === '/v1/company/employees') return sendJson(response, 200, employeesPage(state, request));
    return sendJson(response, 404, { success: false, error: { code: 404, message: 'not found' } });
  });
  cleanups.push(() => server.close());
  return Object.assign(state, { server });
}

/** The page of `state.records` a request asks for, as Personio sends it. */
function employeesPage(state: Omit<FakePersonio, 'server'>, request: RecordedRequest): unknown {
  const limit = Math.min(Number(request.query.get('limit')), state.pageSizeCap);
  const offset = Number(request.query.get('offset'));
  const data = state.records.slice(offset, offset + limit);
  const total = state.records.length;
  return {
    success: true,
    ...(state.withMetadata
      ? { metadata: { total_elements: total, current_page: Math.floor(offset / limit), total_pages: Math.ceil(total / limit) } }
      : {}),
    offset,
    limit,
    data,
  };
}

/**
 * Holds the first page's answer until `enough(offsets asked meanwhile)` is true or 300 ms passed,
 * and returns the offsets of the pages asked for meanwhile.
 */
function holdFirstPage(fake: FakePersonio, enough: (asked: readonly string[]) => boolean): string[] {
  const asked: string[] = [];
  let release: (() => void) | null = null;
  fake.intercept = (request, response) => {
    if (request.path !== '/v1/company/employees') return false;
    const offset = request.query.get('offset') ?? '';
    if (offset === '0' && release === null) {
      const timer = setTimeout(() => release?.(), 300);
      release = () => {
        clearTimeout(timer);
        fake.intercept = null;
        sendJson(response, 200, employeesPage(fake, request));
      };
      return true;
    }
    asked.push(offset);
    if (enough(asked)) setImmediate(() => release?.());
    return false;
  };
  return asked;
}

function connect(fake: FakePersonio, extra: { onToken?: (token: string) => void } = {}): PersonioClient {
  const time = fakeTime();
  const client = createPersonioClient({
    baseUrl: fake.server.url,
    clientId: 'client-id',
    clientSecret: 'client-secret',
    appId: 'PERSONIO_LEAPSOME_SYNC',
    http: { clock: time.clock, sleep: time.sleep, random: () => 0 },
    ...extra,
  });
  cleanups.push(() => client.close());
  return client;
}

const NO_EXTRAS: EmployeeQuery = { keys: [], extras: [] };
const dataRequests = (fake: FakePersonio) => fake.server.requests.filter((r) => r.path === '/v1/company/employees');

describe('Personio client', () => {
  it('authenticates once with a JSON body and sends the app id and Accept header on every request', async () => {
    const fake = await fakePersonio(3);
    const tokens: string[] = [];
    const client = connect(fake, { onToken: (token) => tokens.push(token) });
    await client.readableAttributes();
    await client.readEmployees({ keys: ['email', 'status'], extras: [] });
    const auth = fake.server.requests.filter((r) => r.path === '/v1/auth');
    expect(auth).toHaveLength(1);
    expect(auth[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(auth[0]?.body ?? '')).toEqual({ client_id: 'client-id', client_secret: 'client-secret' });
    expect(auth[0]?.target).toBe('/v1/auth');
    for (const request of fake.server.requests) {
      expect(request.headers['x-personio-app-id']).toBe('PERSONIO_LEAPSOME_SYNC');
      expect(request.headers.accept).toBe('application/json');
    }
    expect(tokens).toEqual(['papi-token-1']);
  });

  it('sends a whole burst of pages at once (15 per second), not a few at a time', async () => {
    const fake = await fakePersonio(1_500);
    let maxInFlight = 0;
    fake.intercept = (request, response) => {
      if (request.path !== '/v1/company/employees' || request.query.get('offset') === '0') return false;
      maxInFlight = Math.max(maxInFlight, fake.server.inFlight());
      const limit = Number(request.query.get('limit'));
      const offset = Number(request.query.get('offset'));
      const total = fake.records.length;
      const page = {
        success: true,
        metadata: { total_elements: total, current_page: offset / limit, total_pages: Math.ceil(total / limit) },
        offset,
        limit,
        data: fake.records.slice(offset, offset + limit),
      };
      setTimeout(() => sendJson(response, 200, page), 50);
      return true;
    };
    const state = await connect(fake).readEmployees({ keys: ['first_name', 'email'], extras: [] });
    expect(state.employees).toHaveLength(1_500);
    // Page 0, then the other 14 together: all of them fit in the first second's 15 slots.
    expect(maxInFlight).toBe(14);
  });

  it('reads every page: page 0 first, then the rest concurrently, with the attribute projection', async () => {
    const fake = await fakePersonio(250);
    const client = connect(fake);
    const state = await client.readEmployees({ keys: ['first_name', 'email'], extras: [] });
    expect(state.employees.map((e) => e.id)).toEqual(Array.from({ length: 250 }, (_, i) => String(i + 1)));
    expect(state.rejected).toEqual([]);
    const requests = dataRequests(fake);
    expect(requests.map((r) => r.query.get('offset'))).toEqual(['0', expect.any(String), expect.any(String)]);
    expect(new Set(requests.map((r) => r.query.get('offset')))).toEqual(new Set(['0', '100', '200']));
    for (const request of requests) {
      expect(request.query.get('limit')).toBe('100');
      expect(request.query.getAll('attributes[]')).toEqual(['first_name', 'email']);
    }
    expect(client.stats()).toMatchObject({ total: 4, byEndpoint: { 'POST /v1/auth': 1, 'GET /v1/company/employees': 3 }, writes: 1 });
  });

  it('follows the effective page size when the server caps limit', async () => {
    const fake = await fakePersonio(120);
    fake.pageSizeCap = 50;
    const state = await connect(fake).readEmployees(NO_EXTRAS);
    expect(state.employees).toHaveLength(120);
    expect(new Set(dataRequests(fake).map((r) => r.query.get('offset')))).toEqual(new Set(['0', '50', '100']));
    expect(dataRequests(fake)[0]?.query.has('attributes[]')).toBe(false);
  });

  it('pages sequentially until a short page when metadata is missing', async () => {
    const fake = await fakePersonio(230);
    fake.withMetadata = false;
    const state = await connect(fake).readEmployees(NO_EXTRAS);
    expect(state.employees).toHaveLength(230);
    expect(dataRequests(fake).map((r) => r.query.get('offset'))).toEqual(['0', '100', '200']);
  });

  it('pages sequentially until an empty page when neither metadata nor limit come back', async () => {
    const fake = await fakePersonio(200);
    fake.intercept = (request, response) => {
      if (request.path !== '/v1/company/employees') return false;
      const offset = Number(request.query.get('offset'));
      sendJson(response, 200, { success: true, data: fake.records.slice(offset, offset + 100) });
      return true;
    };
    const state = await connect(fake).readEmployees(NO_EXTRAS);
    expect(state.employees).toHaveLength(200);
    expect(dataRequests(fake).map((r) => r.query.get('offset'))).toEqual(['0', '100', '200']);
  });

  it('reads on when the company grew while paging, then reads the whole list again', async () => {
    const fake = await fakePersonio(200);
    fake.intercept = (request) => {
      // Two employees are hired after page 0 was served.
      if (request.query.get('offset') === '100' && fake.records.length === 200) fake.records.push(employee(201), employee(202));
      return false;
    };
    const state = await connect(fake).readEmployees(NO_EXTRAS);
    expect(state.employees).toHaveLength(202);
    expect(state).toMatchObject({
      problem: null,
      firstProblem: 'the total changed from 200 to 202 while the list was read (someone was added or removed meanwhile)',
    });
    expect(dataRequests(fake).map((r) => r.query.get('offset'))).toEqual(['0', '100', '200', '0', expect.any(String), expect.any(String)]);
  });

  it('makes a single request for an empty company', async () => {
    const fake = await fakePersonio(0);
    expect(await connect(fake).readEmployees(NO_EXTRAS)).toEqual({ employees: [], rejected: [], problem: null, firstProblem: null });
    expect(dataRequests(fake)).toHaveLength(1);
  });

  it('reads a list again once when a page comes back short (a dropped record), and trusts the second read', async () => {
    const fake = await fakePersonio(250);
    let reads = 0;
    fake.intercept = (request, response) => {
      if (request.path !== '/v1/company/employees') return false;
      const offset = Number(request.query.get('offset'));
      if (offset === 0) reads += 1;
      if (reads !== 1 || offset !== 100) return false;
      // The first read's second page loses employee 150 on the way; the metadata does not know.
      const data = fake.records.slice(100, 200).filter((_, i) => i !== 49);
      sendJson(response, 200, {
        success: true,
        metadata: { total_elements: 250, current_page: 1, total_pages: 3 },
        offset,
        limit: 100,
        data,
      });
      return true;
    };
    const state = await connect(fake).readEmployees(NO_EXTRAS);
    expect(state.employees.map((e) => e.id)).toContain('150');
    expect(state.employees).toHaveLength(250);
    expect(state).toMatchObject({ problem: null, firstProblem: 'the page at offset 100 held 99 records where 100 were expected' });
    expect(dataRequests(fake)).toHaveLength(6);
  });

  it('says what is still wrong when the second read is inconsistent too, and keeps everyone either read returned', async () => {
    const fake = await fakePersonio(150);
    let reads = 0;
    fake.intercept = (request, response) => {
      if (request.path !== '/v1/company/employees') return false;
      const offset = Number(request.query.get('offset'));
      if (offset === 0) reads += 1;
      if (offset !== 100) return false;
      // Each read loses a different record from its last page.
      const data = fake.records.slice(100, 150).filter((_, i) => i !== reads);
      sendJson(response, 200, {
        success: true,
        metadata: { total_elements: 150, current_page: 1, total_pages: 2 },
        offset,
        limit: 100,
        data,
      });
      return true;
    };
    const state = await connect(fake).readEmployees(NO_EXTRAS);
    expect(state.problem).toBe('149 records arrived, but Personio announced 150');
    expect(state.firstProblem).toBe('149 records arrived, but Personio announced 150');
    // Employee 102 was only in the second read, 103 only in the first: both are kept.
    expect(state.employees).toHaveLength(150);
    expect(dataRequests(fake)).toHaveLength(4);
  });

  it('de-duplicates by id and rejects bad records without blocking the rest; a repeated id makes the list inconsistent', async () => {
    const fake = await fakePersonio(0);
    fake.records = [employee(1), employee(2), employee(3, 'fired'), employee(2), { type: 'Employee' }];
    const state = await connect(fake).readEmployees(NO_EXTRAS);
    expect(state.employees.map((e) => e.id)).toEqual(['1', '2']);
    expect(state.problem).toBe('employee 2 came back twice (on the pages at offsets 0 and 0), so the pages shifted while they were read');
    expect(state.rejected).toEqual([
      { source: 'personio', recordId: '3', reason: 'attributes.status.value: expected one of active|inactive|onboarding|leave' },
      { source: 'personio', recordId: null, reason: 'attributes: missing (expected object)' },
    ]);
  });

  it('looks single employees up: a record, a 404 with the error envelope, a bare 404, a failure after retries', async () => {
    const fake = await fakePersonio(3);
    fake.intercept = (request, response) => {
      const match = /^\/v1\/company\/employees\/(\d+)$/.exec(request.path);
      if (match === null) return false;
      const id = Number(match[1]);
      if (id === 2) sendJson(response, 200, { success: true, data: employee(2, 'inactive') });
      else if (id === 3) sendJson(response, 200, { success: true, data: { type: 'Employee', attributes: { id: attr(3) } } });
      else if (id === 4) sendJson(response, 404, { success: false, error: { code: 0, message: 'Es ist ein Problem aufgetreten' } });
      else if (id === 5) response.writeHead(404, { 'content-type': 'text/html' }).end('<html>Not Found</html>');
      else if (id === 6) sendJson(response, 200, { success: true, data: employee(7) });
      else sendJson(response, 503, { success: false, error: { code: 503, message: 'Service Unavailable' } });
      return true;
    };
    const client = connect(fake);
    const results = await client.lookupEmployees(['2', '3', '4', '5', '6', '8', '4'], NO_EXTRAS);
    expect(results.get('2')).toMatchObject({ kind: 'found', employee: { id: '2', status: 'inactive' } });
    expect(results.get('3')).toMatchObject({
      kind: 'unreadable',
      rejected: { recordId: '3', reason: expect.stringContaining('first_name') },
    });
    expect(results.get('4')).toEqual({ kind: 'gone' });
    expect(results.get('5')).toEqual({ kind: 'failed', reason: expect.stringContaining("404 without Personio's error envelope") });
    expect(results.get('6')).toEqual({
      kind: 'failed',
      reason: 'personio GET /v1/company/employees/:id returned the record of employee 7',
    });
    expect(results.get('8')).toEqual({ kind: 'failed', reason: 'personio GET /v1/company/employees/:id failed: HTTP 503' });
    // One request per id (the 503 retried), all under one label the pacing and the stats share.
    const lookups = fake.server.requests.filter((r) => r.path.startsWith('/v1/company/employees/'));
    expect(new Set(lookups.map((r) => r.path))).toEqual(new Set(['2', '3', '4', '5', '6', '8'].map((id) => `/v1/company/employees/${id}`)));
    expect(lookups.filter((r) => r.path.endsWith('/8')).length).toBe(6);
    expect(lookups.filter((r) => !r.path.endsWith('/8')).length).toBe(5);
    expect(client.stats().byEndpoint['GET /v1/company/employees/:id']).toBe(11);
  });

  it('paces lookups under the employees limits together with the list (15 per second)', async () => {
    const fake = await fakePersonio(1_400);
    const time = fakeTime();
    const client = createPersonioClient({
      baseUrl: fake.server.url,
      clientId: 'client-id',
      clientSecret: 'client-secret',
      appId: 'PERSONIO_LEAPSOME_SYNC',
      http: { clock: time.clock, sleep: time.sleep, random: () => 0 },
    });
    cleanups.push(() => client.close());
    fake.intercept = (request, response) => {
      if (!/^\/v1\/company\/employees\/\d+$/.test(request.path)) return false;
      sendJson(response, 404, { success: false, error: { code: 404, message: 'not found' } });
      return true;
    };
    await client.readEmployees(NO_EXTRAS);
    const listedAt = time.clock();
    await client.lookupEmployees(['5001', '5002', '5003', '5004', '5005'], NO_EXTRAS);
    // The 14 pages took 14 of the second's 15 slots: 5 lookups fit only if they had a budget of their own.
    expect(time.clock() - listedAt).toBeGreaterThanOrEqual(1_000);
  });

  it('re-authenticates once after a 401 and retries the call', async () => {
    const fake = await fakePersonio(2);
    const client = connect(fake);
    await client.readableAttributes();
    fake.unauthorisedCalls = 1;
    const state = await client.readEmployees(NO_EXTRAS);
    expect(state.employees).toHaveLength(2);
    expect(fake.server.requests.filter((r) => r.path === '/v1/auth')).toHaveLength(2);
  });

  it('gives up after a second 401 instead of looping', async () => {
    const fake = await fakePersonio(2);
    fake.unauthorisedCalls = 5;
    await expect(connect(fake).readEmployees(NO_EXTRAS)).rejects.toMatchObject({ status: 401, endpoint: 'GET /v1/company/employees' });
    expect(fake.server.requests.filter((r) => r.path === '/v1/auth')).toHaveLength(2);
  });

  describe("with a size hint (the last run's employee count)", () => {
    it('asks for every page the hint implies before the first page answers', async () => {
      const fake = await fakePersonio(250);
      const askedMeanwhile = holdFirstPage(fake, (asked) => asked.length >= 2);
      const listing = await connect(fake).readEmployees(NO_EXTRAS, undefined, Promise.resolve(250));
      expect([...askedMeanwhile].sort()).toEqual(['100', '200']);
      expect(listing.employees).toHaveLength(250);
      expect(listing.firstProblem).toBeNull();
      expect(dataRequests(fake)).toHaveLength(3);
    });

    it('without a hint, waits for the first page to learn the total', async () => {
      const fake = await fakePersonio(250);
      const askedMeanwhile = holdFirstPage(fake, () => false);
      const listing = await connect(fake).readEmployees(NO_EXTRAS, undefined, Promise.resolve(null));
      expect(askedMeanwhile).toEqual([]);
      expect(listing.employees).toHaveLength(250);
      expect(dataRequests(fake)).toHaveLength(3);
    });

    it('drops a guessed page beyond a company that shrank: one request more, the listing still holds together', async () => {
      const fake = await fakePersonio(150);
      holdFirstPage(fake, (asked) => asked.length >= 3);
      const listing = await connect(fake).readEmployees(NO_EXTRAS, undefined, Promise.resolve(420));
      expect(listing.employees.map((e) => e.id)).toEqual(Array.from({ length: 150 }, (_, i) => String(i + 1)));
      expect(listing.firstProblem).toBeNull();
      expect(
        dataRequests(fake)
          .map((r) => r.query.get('offset'))
          .sort(),
      ).toEqual(['0', '100', '200', '300', '400']);
    });

    it('drops empty guessed pages when Personio sends no totals', async () => {
      const fake = await fakePersonio(150);
      fake.withMetadata = false;
      holdFirstPage(fake, (asked) => asked.length >= 2);
      const listing = await connect(fake).readEmployees(NO_EXTRAS, undefined, Promise.resolve(300));
      expect(listing.employees).toHaveLength(150);
      expect(listing.firstProblem).toBeNull();
    });

    it('reads the pages the hint did not cover once the first page tells the total (the company grew)', async () => {
      const fake = await fakePersonio(350);
      holdFirstPage(fake, (asked) => asked.length >= 1);
      const listing = await connect(fake).readEmployees(NO_EXTRAS, undefined, Promise.resolve(180));
      expect(listing.employees).toHaveLength(350);
      expect(listing.firstProblem).toBeNull();
      expect(
        dataRequests(fake)
          .map((r) => r.query.get('offset'))
          .sort(),
      ).toEqual(['0', '100', '200', '300']);
    });

    it('ignores guessed pages when the server pages by fewer records than asked (they would overlap)', async () => {
      const fake = await fakePersonio(130);
      fake.pageSizeCap = 40;
      holdFirstPage(fake, (asked) => asked.length >= 1);
      const listing = await connect(fake).readEmployees(NO_EXTRAS, undefined, Promise.resolve(130));
      expect(listing.employees.map((e) => e.id)).toEqual(Array.from({ length: 130 }, (_, i) => String(i + 1)));
      expect(listing.firstProblem).toBeNull();
    });
  });

  it('retries a page after a 5xx', async () => {
    const fake = await fakePersonio(150);
    let failed = false;
    fake.intercept = (request, response) => {
      if (request.query.get('offset') !== '100' || failed) return false;
      failed = true;
      sendJson(response, 500, { success: false, error: { code: 500, message: 'Something went wrong' } });
      return true;
    };
    const client = connect(fake);
    expect((await client.readEmployees(NO_EXTRAS)).employees).toHaveLength(150);
    expect(client.stats().retries).toBe(1);
  });

  it('rejects an envelope that is not the documented shape, naming the endpoint', async () => {
    const fake = await fakePersonio(1);
    fake.intercept = (request, response) => {
      if (request.path !== '/v1/company/employees') return false;
      sendJson(response, 200, { success: true, data: 'nope' });
      return true;
    };
    await expect(connect(fake).readEmployees(NO_EXTRAS)).rejects.toThrow(
      'personio GET /v1/company/employees returned an unexpected response: data: expected array',
    );
  });

  it('lists the readable attributes with label, type, universal id and options, skipping items without a key', async () => {
    const fake = await fakePersonio(0);
    fake.intercept = (request, response) => {
      if (request.path !== '/v1/company/employees/attributes') return false;
      sendJson(response, 200, {
        success: true,
        data: [
          { key: 'first_name', label: 'First name', type: 'standard', universal_id: 'first_name', options: [] },
          { key: 'dynamic_2', label: 'Marital status', type: 'list', universal_id: null, options: ['married', 'single'] },
          { key: 'dynamic_180883', label: 'Birthday', type: 'date', universal_id: 'date_of_birth' },
          { label: 'no key' },
        ],
      });
      return true;
    };
    expect(await connect(fake).readableAttributes()).toEqual([
      { key: 'first_name', label: 'First name', type: 'standard', universalId: 'first_name', options: [] },
      { key: 'dynamic_2', label: 'Marital status', type: 'list', universalId: null, options: ['married', 'single'] },
      { key: 'dynamic_180883', label: 'Birthday', type: 'date', universalId: 'date_of_birth', options: [] },
    ]);
  });

  it('asks for the query keys and keeps the extra attributes under the names the settings use', async () => {
    const fake = await fakePersonio(0);
    fake.records = [
      {
        type: 'Employee',
        attributes: {
          ...(employee(1) as { attributes: object }).attributes,
          dynamic_180883: { label: 'Birthday', value: '1983-08-18', type: 'date', universal_id: 'date_of_birth' },
        },
      },
    ];
    const state = await connect(fake).readEmployees({
      keys: ['first_name', 'dynamic_180883'],
      extras: [{ name: 'date_of_birth', key: 'dynamic_180883' }],
    });
    expect(state.employees[0]?.attributes).toEqual({ date_of_birth: '1983-08-18' });
    expect(dataRequests(fake)[0]?.query.getAll('attributes[]')).toEqual(['first_name', 'dynamic_180883']);
  });

  it('counts values per attribute on one page of employees, without attributes[] and without returning values', async () => {
    const fake = await fakePersonio(3);
    (fake.records[1] as { attributes: Record<string, unknown> }).attributes.email = attr('');
    const counts = await connect(fake).valueCounts(2);
    expect(counts.sampled).toBe(2);
    expect(Object.fromEntries(counts.counts)).toEqual({ id: 2, first_name: 2, last_name: 2, email: 1, status: 2, hire_date: 2 });
    expect(dataRequests(fake)).toHaveLength(1);
    expect(dataRequests(fake)[0]?.query.get('limit')).toBe('2');
    expect(dataRequests(fake)[0]?.query.has('attributes[]')).toBe(false);
  });

  it('turns rejected credentials into a ConfigurationError without the secret', async () => {
    const server = await startServer((_req, res) =>
      sendJson(res, 401, { success: false, error: { code: 401, message: 'sorry, you could not be authenticated' } }),
    );
    cleanups.push(() => server.close());
    const client = createPersonioClient({ baseUrl: server.url, clientId: 'id', clientSecret: 'very-secret', appId: 'APP' });
    cleanups.push(() => client.close());
    const error: unknown = await client.readEmployees(NO_EXTRAS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/rejected the API credentials \(POST \/v1\/auth: HTTP 401\)/);
    expect((error as Error).message).not.toContain('very-secret');
    expect(server.requests).toHaveLength(1);
  });

  it('requires an UPPER_SNAKE_CASE app id', () => {
    expect(() => createPersonioClient({ baseUrl: 'https://api.personio.de', clientId: 'a', clientSecret: 'b', appId: 'my-app' })).toThrow(
      ConfigurationError,
    );
  });
});
