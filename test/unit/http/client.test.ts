import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, HttpError, UnknownOutcomeError, type HttpClient, type HttpClientOptions } from '../../../src/http/index.js';
import { fakeTime, sendJson, sendText, startServer, type Handler, type TestServer } from './test-server.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function serve(handler: Handler): Promise<TestServer> {
  const server = await startServer(handler);
  cleanups.push(() => server.close());
  return server;
}

function client(server: { url: string }, options: Partial<HttpClientOptions> = {}): HttpClient {
  const http = createHttpClient({ name: 'leapsome', baseUrl: `${server.url}/scim/v1`, ...options });
  cleanups.push(() => http.close());
  return http;
}

function fast(overrides: Partial<HttpClientOptions> = {}): Partial<HttpClientOptions> & { time: ReturnType<typeof fakeTime> } {
  const time = fakeTime();
  return { clock: time.clock, sleep: time.sleep, random: () => 0.5, time, ...overrides };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('HttpClient basics', () => {
  it('sends default and request headers, encodes the query and returns parsed JSON', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { ok: true }));
    const http = client(server, { headers: { Authorization: 'Bearer secret-token', 'X-Personio-App-ID': 'APP' } });
    const response = await http.request({
      method: 'GET',
      endpoint: '/Users?filter',
      path: '/Users',
      query: { filter: 'userName eq "a+b@example.com"', 'attributes[]': ['first_name', 'email'], limit: 100 },
      idempotent: true,
    });
    expect(response).toEqual({ status: 200, body: { ok: true } });
    const [request] = server.requests;
    expect(request?.path).toBe('/scim/v1/Users');
    expect(request?.query.get('filter')).toBe('userName eq "a+b@example.com"');
    expect(request?.query.getAll('attributes[]')).toEqual(['first_name', 'email']);
    expect(request?.target).toContain('filter=userName%20eq%20%22a%2Bb%40example.com%22');
    expect(request?.headers.authorization).toBe('Bearer secret-token');
    expect(request?.headers['x-personio-app-id']).toBe('APP');
    expect(request?.headers.accept).toBe('application/json');
  });

  it('sends JSON bodies with a content type and returns null for an empty 2xx body', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const http = client(server);
    const response = await http.request({ method: 'PATCH', endpoint: '/Groups/:id', path: '/Groups/g1', body: { a: 1 }, idempotent: true });
    expect(response).toEqual({ status: 204, body: null });
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ a: 1 });
  });

  it('refuses a template endpoint without a concrete path', async () => {
    const http = client({ url: 'http://127.0.0.1:9' });
    await expect(http.request({ method: 'GET', endpoint: '/Users/:id', idempotent: true })).rejects.toThrow(TypeError);
  });

  it('refuses plain http to a non-loopback host, which would expose credentials', () => {
    expect(() => createHttpClient({ name: 'personio', baseUrl: 'http://api.personio.de' })).toThrow(/https/);
    expect(() => createHttpClient({ name: 'personio', baseUrl: 'https://api.personio.de' })).not.toThrow();
  });

  it('rejects a non-JSON 2xx body with an error naming the endpoint', async () => {
    const server = await serve((_req, res) => sendText(res, 200, '<html>hello</html>'));
    const error = await caught(client(server).request({ method: 'GET', endpoint: '/Users', idempotent: true }));
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).kind).toBe('invalid-body');
    expect((error as HttpError).message).toBe('leapsome GET /Users failed: HTTP 200 with a body that is not JSON');
  });
});

describe('retries', () => {
  it('retries a 429 without Retry-After after at least 1 s', async () => {
    let calls = 0;
    const server = await serve((_req, res) => (++calls === 1 ? sendJson(res, 429, {}) : sendJson(res, 200, { n: calls })));
    const options = fast({ random: () => 0 });
    const response = await client(server, options).request({ method: 'GET', endpoint: '/Users', idempotent: true });
    expect(response.body).toEqual({ n: 2 });
    expect(Math.max(...options.time.sleeps)).toBeGreaterThanOrEqual(1_000);
  });

  it('honours Retry-After in delta-seconds', async () => {
    let calls = 0;
    const server = await serve((_req, res) => (++calls === 1 ? sendJson(res, 429, {}, { 'retry-after': '7' }) : sendJson(res, 200, {})));
    const options = fast();
    await client(server, options).request({ method: 'GET', endpoint: '/Users', idempotent: true });
    expect(options.time.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(7_000);
  });

  it('honours Retry-After as an HTTP date', async () => {
    let calls = 0;
    const options = fast();
    const server = await serve((_req, res) =>
      ++calls === 1
        ? sendJson(res, 503, {}, { 'retry-after': new Date(options.time.clock() + 5_000).toUTCString() })
        : sendJson(res, 200, {}),
    );
    await client(server, options).request({ method: 'GET', endpoint: '/Users', idempotent: true });
    const slept = options.time.sleeps.reduce((a, b) => a + b, 0);
    expect(slept).toBeGreaterThanOrEqual(4_000);
    expect(slept).toBeLessThanOrEqual(5_000);
  });

  it('retries 5xx with an HTML body for GET and never puts the HTML into the error', async () => {
    const server = await serve((_req, res) => sendText(res, 502, '<html><body><h1>502 Bad Gateway</h1></body></html>'));
    const error = await caught(
      client(server, fast({ retry: { maxAttempts: 3 } })).request({ method: 'GET', endpoint: '/Users', idempotent: true }),
    );
    expect(server.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).not.toBeInstanceOf(UnknownOutcomeError);
    const httpError = error as HttpError;
    expect(httpError.status).toBe(502);
    expect(httpError.detail).toBeNull();
    expect(httpError.attempts).toBe(3);
    expect(httpError.message).toBe('leapsome GET /Users failed: HTTP 502');
  });

  it('uses exponential backoff with full jitter, capped by maxDelayMs', async () => {
    const server = await serve((_req, res) => sendJson(res, 500, {}));
    const options = fast({ random: () => 0.999, retry: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 500, maxTotalRetryMs: 60_000 } });
    await caught(client(server, options).request({ method: 'GET', endpoint: '/Users', idempotent: true }));
    expect(options.time.sleeps).toEqual([99, 199, 399, 499]);
  });

  it('stops when the total retry budget would be exceeded', async () => {
    const server = await serve((_req, res) => sendJson(res, 503, {}, { 'retry-after': '10' }));
    const options = fast({ retry: { maxAttempts: 10, maxTotalRetryMs: 15_000 } });
    const error = await caught(client(server, options).request({ method: 'GET', endpoint: '/Users', idempotent: true }));
    expect((error as HttpError).status).toBe(503);
    expect(server.requests).toHaveLength(2);
    expect(options.time.sleeps).toEqual([10_000]);
  });

  it('starts the retry budget when the first attempt is sent, not while it queues behind the pacer', async () => {
    let calls = 0;
    const server = await serve((_req, res) => (++calls === 2 ? sendJson(res, 503, {}) : sendJson(res, 200, {})));
    const options = fast({
      limits: [{ max: 1, windowMs: 30_000 }],
      windowMarginMs: 0,
      retry: { maxAttempts: 3, baseDelayMs: 100, maxTotalRetryMs: 5_000 },
    });
    const http = client(server, options);
    // The second request waits 30 s for its first slot, then fails once: that is one retry, well inside the budget.
    await Promise.all([1, 2].map(() => http.request({ method: 'GET', endpoint: '/Users', idempotent: true })));
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry other 4xx and keeps a sanitised detail apart from the message', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 409, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '409',
        detail: 'User jane.doe@example.com already exists <b>really</b>; token papi-abc123',
      }),
    );
    const error = (await caught(
      client(server, fast()).request({ method: 'POST', endpoint: '/Users', body: { userName: 'jane.doe@example.com' }, idempotent: false }),
    )) as HttpError;
    expect(server.requests).toHaveLength(1);
    expect(error).not.toBeInstanceOf(UnknownOutcomeError);
    expect(error.status).toBe(409);
    expect(error.detail).toBe('User <email> already exists really ; token <redacted>');
    expect(error.message).toBe('leapsome POST /Users failed: HTTP 409');
  });

  it('reads the Personio error envelope message', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 404, { success: false, error: { code: 404, message: 'Es ist ein Problem aufgetreten' } }),
    );
    const error = (await caught(client(server, fast()).request({ method: 'GET', endpoint: '/x', idempotent: true }))) as HttpError;
    expect(error.detail).toBe('Es ist ein Problem aufgetreten');
  });
});

describe('idempotency', () => {
  it('does not retry a POST after a 5xx and reports an unknown outcome', async () => {
    const server = await serve((_req, res) => sendJson(res, 500, { detail: 'boom' }));
    const error = await caught(client(server, fast()).request({ method: 'POST', endpoint: '/Users', body: {}, idempotent: false }));
    expect(error).toBeInstanceOf(UnknownOutcomeError);
    expect((error as UnknownOutcomeError).status).toBe(500);
    expect((error as UnknownOutcomeError).message).toMatch(/^leapsome POST \/Users failed: outcome unknown \(HTTP 500\)/);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a POST after a 429, which the server refused before processing', async () => {
    let calls = 0;
    const server = await serve((_req, res) => (++calls === 1 ? sendJson(res, 429, {}) : sendJson(res, 201, { id: 'u1' })));
    const response = await client(server, fast()).request({ method: 'POST', endpoint: '/Users', body: {}, idempotent: false });
    expect(response).toEqual({ status: 201, body: { id: 'u1' } });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a GET after a connection reset but not a POST', async () => {
    let calls = 0;
    const server = await serve((_req, res, raw) => {
      if (++calls === 1) raw.socket.destroy();
      else sendJson(res, 200, { ok: true });
    });
    const http = client(server, fast());
    await expect(http.request({ method: 'GET', endpoint: '/Users', idempotent: true })).resolves.toEqual({
      status: 200,
      body: { ok: true },
    });
    calls = 0;
    const error = await caught(http.request({ method: 'POST', endpoint: '/Users', body: {}, idempotent: false }));
    expect(error).toBeInstanceOf(UnknownOutcomeError);
    expect((error as HttpError).kind).toBe('network');
    expect(server.requests).toHaveLength(3);
  });

  it('retries a POST after ECONNREFUSED: nothing was sent', async () => {
    const probe = await startServer(() => undefined);
    const port = probe.port;
    await probe.close();
    let server: TestServer | null = null;
    const time = fakeTime();
    const http = client(
      { url: `http://127.0.0.1:${port}` },
      {
        clock: time.clock,
        random: () => 0,
        sleep: async (ms) => {
          await time.sleep(ms);
          server ??= await startServer((_req, res) => sendJson(res, 201, { id: 'new' }), port);
          cleanups.push(() => server?.close() ?? Promise.resolve());
        },
      },
    );
    const response = await http.request({ method: 'POST', endpoint: '/Users', body: {}, idempotent: false });
    expect(response.body).toEqual({ id: 'new' });
    expect(http.stats().byOutcome).toMatchObject({ network: 1, '2xx': 1 });
  });

  it('gives up on a refused connection with a network HttpError after maxAttempts', async () => {
    const probe = await startServer(() => undefined);
    await probe.close();
    const http = client({ url: probe.url }, fast({ retry: { maxAttempts: 2 } }));
    const error = (await caught(http.request({ method: 'POST', endpoint: '/Users', body: {}, idempotent: false }))) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error).not.toBeInstanceOf(UnknownOutcomeError);
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.attempts).toBe(2);
  });
});

describe('timeouts', () => {
  it('times out a hanging response; a GET is retried, a POST reports an unknown outcome', async () => {
    const server = await serve(() => undefined); // never answers
    const http = client(server, fast({ timeoutMs: 150, retry: { maxAttempts: 2 } }));
    const started = performance.now();
    const getError = (await caught(http.request({ method: 'GET', endpoint: '/Users', idempotent: true }))) as HttpError;
    expect(getError.kind).toBe('timeout');
    expect(getError.message).toBe('leapsome GET /Users failed: timed out');
    expect(server.requests).toHaveLength(2);
    const postError = await caught(http.request({ method: 'POST', endpoint: '/Users', body: {}, idempotent: false }));
    expect(postError).toBeInstanceOf(UnknownOutcomeError);
    expect(server.requests).toHaveLength(3);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('counts the body in the timeout', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":'); // and never finishes
    });
    const error = (await caught(
      client(server, fast({ timeoutMs: 150, retry: { maxAttempts: 1 } })).request({ method: 'GET', endpoint: '/Users', idempotent: true }),
    )) as HttpError;
    expect(error.kind).toBe('timeout');
  });
});

describe('pacing and concurrency', () => {
  it('never lets more than max requests arrive within any window, and uses the limit fully', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const http = client(server, { limits: [{ max: 5, windowMs: 200 }], maxConcurrency: 20 });
    const started = performance.now();
    await Promise.all(Array.from({ length: 20 }, () => http.request({ method: 'GET', endpoint: '/Users', idempotent: true })));
    const elapsed = performance.now() - started;
    const arrivals = server.requests.map((request) => request.at).sort((a, b) => a - b);
    for (let i = 5; i < arrivals.length; i += 1) {
      // The 6th arrival after any arrival must be at least one window later.
      expect((arrivals[i] ?? 0) - (arrivals[i - 5] ?? 0)).toBeGreaterThanOrEqual(200);
    }
    // 4 bursts of 5: 3 windows (plus the default margin and a round trip) of waiting, not much more.
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(elapsed).toBeLessThan(1_300);
  });

  it('counts a slot from the answer, so a server that admits late cannot see max+1 in its window', async () => {
    // The server admits (and answers) the first two requests only after 300 ms of queueing.
    const answeredAt: number[] = [];
    const server = await serve(async (_req, res) => {
      if (answeredAt.length < 2 && server.requests.length <= 2) await new Promise((resolve) => setTimeout(resolve, 300));
      answeredAt.push(performance.now());
      sendJson(res, 200, {});
    });
    const http = client(server, { limits: [{ max: 2, windowMs: 400 }], windowMarginMs: 0, maxConcurrency: 4 });
    await Promise.all(Array.from({ length: 4 }, () => http.request({ method: 'GET', endpoint: '/Users', idempotent: true })));
    answeredAt.sort((a, b) => a - b);
    // In the server's view (admission <= answer), any 3 admissions span more than the window.
    expect((answeredAt[2] ?? 0) - (answeredAt[0] ?? 0)).toBeGreaterThanOrEqual(399);
    expect((answeredAt[3] ?? 0) - (answeredAt[1] ?? 0)).toBeGreaterThanOrEqual(399);
  });

  it('counts a slot from the response headers, not from the end of a slow body', async () => {
    // Headers at once, the body 150 ms later (a large page on a slow link), within the window.
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"page":');
      setTimeout(() => res.end('1}'), 150);
    });
    const http = client(server, { limits: [{ max: 1, windowMs: 300 }], windowMarginMs: 0, maxConcurrency: 2 });
    await Promise.all([0, 1].map(() => http.request({ method: 'GET', endpoint: '/Users', idempotent: true })));
    const [first, second] = server.requests.map((request) => request.at);
    const gap = (second ?? 0) - (first ?? 0);
    // One window after the headers (~300 ms), not after the body (~450 ms).
    expect(gap).toBeGreaterThanOrEqual(280);
    expect(gap).toBeLessThan(400);
  });

  it('counts the slots of all answers already at hand before any caller works on one', async () => {
    // Three answers sent at once reach their sockets together. A caller's work on the first (parsing a
    // page) must not come before the other two answers are seen: their slots count from that moment.
    const held: Array<Parameters<Handler>[1]> = [];
    const server = await serve((_req, res) => {
      held.push(res);
      if (held.length === 3) for (const response of held) sendJson(response, 200, { ok: true });
    });
    const events: string[] = [];
    const http = client(server, {
      limits: [{ max: 10, windowMs: 1_000 }],
      clock: () => {
        events.push('clock');
        return Date.now();
      },
    });
    await Promise.all(
      ['/a', '/b', '/c'].map((path) =>
        http.request({ method: 'GET', endpoint: path, idempotent: true }).then(() => events.push(`caller ${path}`)),
      ),
    );
    // Before the answers: per request, the pacer's look at the clock and the send time.
    expect(events.slice(0, 6)).toEqual(Array(6).fill('clock'));
    // Then each slot's release, and only after all three the callers.
    expect(events.slice(6)).toEqual(['clock', 'clock', 'clock', 'caller /a', 'caller /b', 'caller /c']);
  });

  it('applies endpoint-specific limits only to matching endpoints', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const options = fast({ limits: [{ max: 1, windowMs: 60_000, endpoints: ['POST /v1/auth'] }] });
    const http = client(server, options);
    await http.request({ method: 'POST', endpoint: '/v1/auth', body: {}, idempotent: true });
    await Promise.all(
      Array.from({ length: 5 }, () => http.request({ method: 'GET', endpoint: '/v1/company/employees', idempotent: true })),
    );
    expect(options.time.sleeps).toEqual([]);
    await http.request({ method: 'POST', endpoint: '/v1/auth', body: {}, idempotent: true });
    expect(options.time.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(60_000);
  });

  it('keeps at most maxConcurrency requests in flight', async () => {
    let maxInFlight = 0;
    const server = await serve(async (_req, res) => {
      maxInFlight = Math.max(maxInFlight, server.inFlight());
      await new Promise((resolve) => setTimeout(resolve, 30));
      sendJson(res, 200, {});
    });
    const http = client(server, { maxConcurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, () => http.request({ method: 'GET', endpoint: '/Users', idempotent: true })));
    expect(maxInFlight).toBe(3);
  });

  it('sends requests waiting for a free slot in the order they were made', async () => {
    const server = await serve(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      sendJson(res, 200, {});
    });
    const http = client(server, { maxConcurrency: 1 });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => http.request({ method: 'GET', endpoint: '/Users/:id', path: `/Users/${i}`, idempotent: true })),
    );
    expect(server.requests.map((request) => request.path)).toEqual(Array.from({ length: 8 }, (_, i) => `/scim/v1/Users/${i}`));
  });

  it('refuses a concurrency cap that is not a positive whole number', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    for (const maxConcurrency of [0, -1, 1.5]) expect(() => client(server, { maxConcurrency })).toThrow(RangeError);
  });

  it('counts retries against the pacing limits', async () => {
    let calls = 0;
    const server = await serve((_req, res) => (++calls <= 2 ? sendJson(res, 503, {}) : sendJson(res, 200, {})));
    const options = fast({ random: () => 0, limits: [{ max: 2, windowMs: 10_000 }], windowMarginMs: 0 });
    await client(server, options).request({ method: 'GET', endpoint: '/Users', idempotent: true });
    // Two attempts used the window; the third had to wait for it.
    expect(options.time.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000);
  });
});

describe('stats and secrecy', () => {
  it('counts attempts by endpoint label and outcome, retries and writes', async () => {
    let calls = 0;
    const server = await serve((req, res) => (req.method === 'GET' && ++calls === 1 ? sendJson(res, 503, {}) : sendJson(res, 200, {})));
    const http = client(server, fast());
    await http.request({
      method: 'GET',
      endpoint: '/Users?filter',
      path: '/Users',
      query: { filter: 'userName eq "x@example.com"' },
      idempotent: true,
    });
    await http.request({ method: 'PATCH', endpoint: '/Users/:id', path: '/Users/abc', body: {}, idempotent: true });
    expect(http.stats()).toEqual({
      total: 3,
      byEndpoint: { 'GET /Users?filter': 2, 'PATCH /Users/:id': 1 },
      byOutcome: { '5xx': 1, '2xx': 2 },
      retries: 1,
      writes: 1,
    });
  });

  it('never puts tokens, emails, query values or bodies into error messages', async () => {
    const server = await serve((_req, res) => sendJson(res, 400, { detail: 'bad request for jane@example.com' }));
    const http = client(server, fast({ headers: { Authorization: 'Bearer top-secret-token' } }));
    const error = (await caught(
      http.request({
        method: 'PATCH',
        endpoint: '/Users/:id',
        path: '/Users/jane@example.com',
        query: { filter: 'userName eq "jane@example.com"' },
        body: { userName: 'jane@example.com', password: 'hunter2' },
        idempotent: true,
      }),
    )) as HttpError;
    const everything = `${error.message} ${error.detail ?? ''} ${error.stack ?? ''} ${JSON.stringify(error)}`;
    for (const secret of ['top-secret-token', 'jane@example.com', 'hunter2']) expect(everything).not.toContain(secret);
    expect(error.endpoint).toBe('PATCH /Users/:id');
  });
});
