import { describe, expect, it } from 'vitest';
import { scaleRetryPolicy, timingOverrides } from '../../../src/http/env.js';
import type { RetryPolicy } from '../../../src/http/retry.js';

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 20_000, maxTotalRetryMs: 60_000, min429DelayMs: 1_000 };

describe('test timing knobs (PLS_HTTP_RETRY_SCALE, PLS_HTTP_TIMEOUT_MS)', () => {
  it('change nothing when unset', () => {
    expect(timingOverrides({})).toEqual({ retryScale: null, timeoutMs: null });
    expect(scaleRetryPolicy(policy, null)).toBe(policy);
  });

  it('scale every delay of the policy but not the attempts or the total budget', () => {
    const o = timingOverrides({ PLS_HTTP_RETRY_SCALE: '0.01', PLS_HTTP_TIMEOUT_MS: '250' });
    expect(o).toEqual({ retryScale: 0.01, timeoutMs: 250 });
    expect(scaleRetryPolicy(policy, o.retryScale)).toEqual({
      maxAttempts: 5,
      baseDelayMs: 5,
      maxDelayMs: 200,
      maxTotalRetryMs: 60_000,
      min429DelayMs: 10,
    });
  });

  it('refuse values that are not positive numbers', () => {
    expect(() => timingOverrides({ PLS_HTTP_RETRY_SCALE: 'fast' })).toThrow(/PLS_HTTP_RETRY_SCALE must be a positive number/);
    expect(() => timingOverrides({ PLS_HTTP_TIMEOUT_MS: '0' })).toThrow(/PLS_HTTP_TIMEOUT_MS/);
  });
});
