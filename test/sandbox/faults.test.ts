import { afterEach, describe, expect, it } from 'vitest';
import { FaultInjector } from '../../src/sandbox/faults.js';
import { startSandbox, type FaultConfig, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { SlidingWindow, admit } from '../../src/sandbox/rate-limit.js';
import { call, obj, scim } from './helpers.js';

const open: Sandbox[] = [];
async function start(options: SandboxOptions = {}): Promise<Sandbox> {
  const s = await startSandbox({ rateLimits: false, company: { size: 5 }, ...options });
  open.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Sequential requests, so the seeded decisions line up with arrival order. */
async function statuses(s: Sandbox, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) out.push((await scim(s, 'GET', '/Users?count=1')).status);
  return out;
}

describe('fault injection', () => {
  const config: FaultConfig = { p429: 0.2, p429NoRetryAfter: 0.5, p5xx: 0.2, seed: 1 };

  it('is reproducible for a seed and differs across seeds', async () => {
    const a = await start({ faults: { leapsome: config } });
    const b = await start({ faults: { leapsome: config } });
    const c = await start({ faults: { leapsome: { ...config, seed: 2 } } });
    const [sa, sb, sc] = await Promise.all([statuses(a, 40), statuses(b, 40), statuses(c, 40)]);
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    expect(sa.filter((x) => x === 429).length).toBeGreaterThan(2);
    expect(sa.filter((x) => x >= 500).length).toBeGreaterThan(2);
    expect(sa.filter((x) => x === 200).length).toBeGreaterThan(10);
    // Re-setting the config restarts the sequence.
    a.faults.leapsome.set(config);
    expect(await statuses(a, 40)).toEqual(sa);
  });

  it('sends 429 with and without Retry-After, and 5xx as HTML pages', async () => {
    const s = await start({ faults: { leapsome: { p429: 0.5, p429NoRetryAfter: 0.5, retryAfterSeconds: 3, p5xx: 0.4, seed: 5 } } });
    const retryAfter = new Set<string | null>();
    let sawHtml = false;
    for (let i = 0; i < 60; i += 1) {
      const reply = await scim(s, 'GET', '/Users');
      if (reply.status === 429) {
        retryAfter.add(reply.headers.get('retry-after'));
        expect(reply.body).toMatchObject({ status: '429' });
      }
      if (reply.status >= 500) {
        expect([502, 503, 504]).toContain(reply.status);
        expect(reply.headers.get('content-type')).toBe('text/html');
        expect(reply.text).toMatch(new RegExp(`<h1>${reply.status} [^<]+</h1>`));
        expect(reply.body).toBeUndefined();
        sawHtml = true;
      }
    }
    expect(retryAfter).toEqual(new Set(['3', null]));
    expect(sawHtml).toBe(true);
    expect(s.requests.filter((r) => r.fault === '429').length).toBeGreaterThan(0);
  });

  it('answers JSON 500s in each API own envelope', async () => {
    const s = await start({ faults: { personio: { p500: 1 }, leapsome: { p500: 1 } } });
    const p = await call(`${s.personioUrl}/v1/company/employees`);
    expect(p.body).toEqual({ success: false, error: { code: 500, message: 'Something went wrong' } });
    const l = await scim(s, 'GET', '/Users');
    expect(l.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '500' });
  });

  it('can exclude routes or target only some, and be changed between runs', async () => {
    const s = await start({ faults: { personio: { p5xx: 1, exclude: ['/v1/auth'] }, leapsome: { p5xx: 1, only: ['POST /Users'] } } });
    const auth = await call(`${s.personioUrl}/v1/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: s.credentials.personioClientId, client_secret: s.credentials.personioClientSecret }),
    });
    expect(auth.status).toBe(200);
    expect((await call(`${s.personioUrl}/v1/company/employees`)).status).toBeGreaterThanOrEqual(500);
    expect((await scim(s, 'GET', '/Users')).status).toBe(200);
    expect((await scim(s, 'POST', '/Users', { userName: 'a@example.com' })).status).toBeGreaterThanOrEqual(500);
    expect(s.leapsome.listUsers()).toHaveLength(0); // p5xx fails before any change
    s.faults.leapsome.clear();
    expect((await scim(s, 'POST', '/Users', { userName: 'a@example.com' })).status).toBe(201);
  });

  it('p5xxAfterWrite applies the change, then answers 502/504', async () => {
    const s = await start({ faults: { leapsome: { p5xxAfterWrite: 1 } } });
    const user = s.leapsome.addUser({ userName: 'w@example.com' });
    const reply = await scim(s, 'PATCH', `/Users/${user.id}`, { userName: 'w@example.com', title: 'Applied anyway' });
    expect([502, 504]).toContain(reply.status);
    expect(reply.headers.get('content-type')).toBe('text/html');
    expect(s.leapsome.getUser(user.id)?.title).toBe('Applied anyway');
    const created = await scim(s, 'POST', '/Users', { userName: 'new@example.com' });
    expect([502, 504]).toContain(created.status);
    expect(s.leapsome.findByUserName('new@example.com')).toBeDefined();
    // Reads are never affected by p5xxAfterWrite.
    expect((await scim(s, 'GET', `/Users/${user.id}`)).status).toBe(200);
    expect(s.writes().map((w) => w.fault)).toEqual(['5xxAfterWrite', '5xxAfterWrite']);
  });

  it('adds latency, and hangs requests until the client gives up (close() still ends them)', async () => {
    const s = await start({ faults: { leapsome: { latencyMs: 120 }, personio: { pHang: 1 } } });
    const t0 = performance.now();
    expect((await scim(s, 'GET', '/Users')).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(110);

    await expect(call(`${s.personioUrl}/v1/company/employees`, { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    expect(s.requests.find((r) => r.api === 'personio')).toMatchObject({ status: 0, fault: 'hang' });
    // A second hung request that the client never aborts: close() must not wait for it.
    const pending = fetch(`${s.personioUrl}/v1/company/employees`).catch(() => 'ended');
    await new Promise((r) => setTimeout(r, 50));
    const closing = performance.now();
    await s.close();
    expect(performance.now() - closing).toBeLessThan(1000);
    expect(await pending).toBe('ended');
  });
});

describe('Leapsome rate limit', () => {
  it('answers 429 past 30 requests per second, Retry-After only when configured', async () => {
    const s = await start({ rateLimits: {}, now: () => 5_000_000 }); // frozen clock: exact counts
    const burst = await Promise.all(Array.from({ length: 35 }, () => scim(s, 'GET', '/Users?count=1')));
    const limited = burst.filter((r) => r.status === 429);
    expect(limited).toHaveLength(5);
    expect(limited[0]?.body).toMatchObject({ status: '429' });
    expect(limited[0]?.headers.get('retry-after')).toBeNull();
    s.rateLimits.leapsome.set({ retryAfter: true });
    const more = await Promise.all(Array.from({ length: 31 }, () => scim(s, 'GET', '/Users?count=1')));
    expect(more.filter((r) => r.status === 429).map((r) => r.headers.get('retry-after'))).toEqual(['1']);
    expect(s.rateLimits.leapsome.get()).toMatchObject({ enabled: true, perSecond: 30, retryAfter: true });
  });
});

describe('building blocks', () => {
  it('SlidingWindow admits `limit` per window and frees slots as they age out', () => {
    const second = new SlidingWindow(3, 1000);
    const minute = new SlidingWindow(5, 60_000);
    const at = [0, 10, 20, 30, 1000, 1010, 1500, 2000];
    expect(at.map((t) => admit([second, minute], t))).toEqual([0, 0, 0, 970, 0, 0, 58_500, 58_000]);
    expect(admit([second, minute], 60_000)).toBe(0);
  });

  it('FaultInjector draws the same sequence regardless of which fault fires', () => {
    const a = new FaultInjector();
    a.set({ p429: 0.3, p5xx: 0.3, seed: 3 });
    const b = new FaultInjector();
    b.set({ p429: 0.3, p5xx: 0.3, seed: 3, exclude: ['/never'] });
    const seq = (f: FaultInjector): (string | null)[] =>
      Array.from({ length: 50 }, (_, i) => f.decide(i % 2 ? 'GET' : 'POST', '/Users').kind);
    expect(seq(a)).toEqual(seq(b));
    expect(() => a.set({ p429: 2 })).toThrow();
    a.update({ latencyMs: 5 });
    expect(a.get()).toMatchObject({ p429: 0.3, latencyMs: 5 });
  });

  it('request log keeps bodies of writes and counts by route template', async () => {
    const s = await start();
    const user = obj((await scim(s, 'POST', '/Users', { userName: 'l@example.com' })).body);
    await scim(s, 'PATCH', `/Users/${String(user.id)}`, { userName: 'l@example.com', title: 'T' });
    await scim(s, 'GET', `/Users/${String(user.id)}`);
    expect(s.requestCounts()).toEqual({ 'POST /Users': 1, 'PATCH /Users/:id': 1, 'GET /Users/:id': 1 });
    expect(s.writes()[1]).toMatchObject({ api: 'leapsome', method: 'PATCH', status: 200, body: { userName: 'l@example.com', title: 'T' } });
    const live = s.requests;
    s.resetLog();
    expect(live).toHaveLength(0);
  });
});
