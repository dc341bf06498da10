import { describe, expect, it } from 'vitest';
import { extractErrorDetail } from '../../../src/http/error-detail.js';
import { Pacer } from '../../../src/http/pacer.js';
import { classifyNetworkError, parseRetryAfter, retryDelayMs, type RetryPolicy } from '../../../src/http/retry.js';
import { fakeTime } from './test-server.js';

describe('Pacer', () => {
  it('hands out max slots per window, then waits for the oldest to leave (plus the margin)', async () => {
    const time = fakeTime(0);
    const pacer = new Pacer([{ max: 2, windowMs: 1_000 }], { clock: time.clock, sleep: time.sleep, windowMarginMs: 10 });
    const starts: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await pacer.acquire('GET /x');
      starts.push(time.clock());
    }
    expect(starts).toEqual([0, 0, 1_010, 1_010, 2_020]);
  });

  it('satisfies every applicable window at once', async () => {
    const time = fakeTime(0);
    const pacer = new Pacer(
      [
        { max: 3, windowMs: 100, endpoints: ['GET /v1/company/employees*'] },
        { max: 4, windowMs: 10_000, endpoints: ['GET /v1/company/employees*'] },
      ],
      { clock: time.clock, sleep: time.sleep, windowMarginMs: 0 },
    );
    const starts: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await pacer.acquire('GET /v1/company/employees');
      starts.push(time.clock());
    }
    expect(starts).toEqual([0, 0, 0, 100, 10_000]);
    // The prefix pattern covers sub-paths (the three slots at 0 have left the 10 s window)...
    await pacer.acquire('GET /v1/company/employees/attributes');
    await pacer.acquire('GET /v1/company/employees');
    expect(time.clock()).toBe(10_000);
    await pacer.acquire('GET /v1/company/employees');
    expect(time.clock()).toBe(10_100);
    // ...and other endpoints are not limited.
    await pacer.acquire('POST /v1/auth');
    expect(time.clock()).toBe(10_100);
  });

  it('serves waiters in arrival order and honours a pause after a 429', async () => {
    const time = fakeTime(0);
    const pacer = new Pacer([{ max: 1, windowMs: 100 }], { clock: time.clock, sleep: time.sleep, windowMarginMs: 0 });
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => pacer.acquire('GET /x').then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    pacer.pauseUntil(time.clock() + 5_000);
    await pacer.acquire('GET /y');
    expect(time.clock()).toBe(5_200);
  });

  it('counts a slot from when its answer arrived, and never forgets one still in flight', async () => {
    const time = fakeTime(0);
    const pacer = new Pacer([{ max: 1, windowMs: 1_000 }], { clock: time.clock, sleep: time.sleep, windowMarginMs: 0 });
    const first = await pacer.acquire('GET /x');
    time.advance(300);
    first.done();
    await pacer.acquire('GET /x').then((slot) => {
      expect(time.clock()).toBe(1_300);
      // Still in flight long after its window: it may yet be admitted, so it keeps counting once answered.
      time.advance(5_000);
      slot.done();
    });
    await pacer.acquire('GET /x');
    expect(time.clock()).toBe(7_300);
  });

  it('rejects nonsensical limits', () => {
    const timing = { clock: () => 0, sleep: () => Promise.resolve(), windowMarginMs: 0 };
    expect(() => new Pacer([{ max: 0, windowMs: 1 }], timing)).toThrow(RangeError);
    expect(() => new Pacer([{ max: 1, windowMs: 0 }], timing)).toThrow(RangeError);
  });
});

describe('retry helpers', () => {
  const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, maxTotalRetryMs: 10_000, min429DelayMs: 1_000 };

  it('parses Retry-After as seconds or HTTP date', () => {
    const now = Date.parse('2025-03-02T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sun, 02 Mar 2025 10:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('Sun, 02 Mar 2025 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });

  it('jitters the exponential backoff and never goes below what the server asked', () => {
    expect(retryDelayMs(policy, 1, () => 0.5, 500, null)).toBe(50);
    expect(retryDelayMs(policy, 3, () => 0.5, 500, null)).toBe(200);
    expect(retryDelayMs(policy, 10, () => 0.5, 500, null)).toBe(500);
    expect(retryDelayMs(policy, 1, () => 0.5, 503, 2_000)).toBe(2_000);
    expect(retryDelayMs(policy, 1, () => 0, 429, null)).toBe(1_000);
    expect(retryDelayMs(policy, 1, () => 0, 429, 4_000)).toBe(4_000);
  });

  it('tells connection failures (never sent) from failures after sending', () => {
    expect(classifyNetworkError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toEqual({ code: 'ECONNREFUSED', sent: 'no' });
    expect(classifyNetworkError(new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]))).toEqual({
      code: 'ECONNREFUSED',
      sent: 'no',
    });
    expect(classifyNetworkError(Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET', cause: { code: 'ECONNRESET' } }))).toEqual({
      code: 'UND_ERR_SOCKET',
      sent: 'maybe',
    });
    expect(classifyNetworkError(new Error('odd'))).toEqual({ code: 'UNKNOWN', sent: 'unknown' });
  });
});

describe('extractErrorDetail', () => {
  it('takes SCIM detail, Personio error.message or v2 errors[0].detail, and nothing from HTML', () => {
    expect(extractErrorDetail('{"detail":"Resource not found","status":"404"}')).toBe('Resource not found');
    expect(extractErrorDetail('{"success":false,"error":{"code":401,"message":"Authorization is not provided"}}')).toBe(
      'Authorization is not provided',
    );
    expect(extractErrorDetail('{"errors":[{"title":"Bad request","detail":"Provided request parameters are invalid."}]}')).toBe(
      'Provided request parameters are invalid.',
    );
    expect(extractErrorDetail('<html><body>Bad Gateway</body></html>')).toBeNull();
    expect(extractErrorDetail('')).toBeNull();
  });

  it('shortens long text and masks emails and tokens', () => {
    const detail = extractErrorDetail(JSON.stringify({ message: `a.b@example.org Bearer xyz ${'x'.repeat(400)}` }));
    expect(detail).toMatch(/^<email> Bearer <redacted> x+…$/);
    expect(detail?.length).toBe(200);
  });
});
