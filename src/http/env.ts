// Timing knobs for tests, read from the environment in this one place so that chaos tests can
// push storms of faults through the real bundled action in seconds. Unset (as in production) they
// change nothing.
//   PLS_HTTP_RETRY_SCALE  factor on every retry delay of our own policy: backoff base and cap and
//                         the least wait after a 429. A server's Retry-After is still honoured as
//                         sent, and the attempt limit and total retry budget stay as they are.
//   PLS_HTTP_TIMEOUT_MS   per-attempt timeout in ms, instead of the client's own.
import type { RetryPolicy } from './retry.js';

export interface TimingOverrides {
  readonly retryScale: number | null;
  readonly timeoutMs: number | null;
}

export function timingOverrides(env: NodeJS.ProcessEnv = process.env): TimingOverrides {
  return { retryScale: positive(env, 'PLS_HTTP_RETRY_SCALE'), timeoutMs: positive(env, 'PLS_HTTP_TIMEOUT_MS') };
}

export function scaleRetryPolicy(policy: RetryPolicy, scale: number | null): RetryPolicy {
  if (scale === null) return policy;
  const times = (ms: number): number => Math.max(1, Math.round(ms * scale));
  return {
    ...policy,
    baseDelayMs: times(policy.baseDelayMs),
    maxDelayMs: times(policy.maxDelayMs),
    min429DelayMs: times(policy.min429DelayMs),
  };
}

function positive(env: NodeJS.ProcessEnv, name: string): number | null {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return null;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`${name} must be a positive number`);
  return value;
}
