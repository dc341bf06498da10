// When and how long to wait before trying a request again.

export interface RetryPolicy {
  /** Attempts in total, the first one included (1 = never retry). */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Upper bound on the time from the first attempt to the start of the last retry. */
  readonly maxTotalRetryMs: number;
  /** Least wait after a 429 without Retry-After (Personio asks for at least 1 s). */
  readonly min429DelayMs: number;
}

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** Errors raised while connecting: the request never left this machine, so any method may be retried. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Errors after the request may have reached the server: safe to retry only when idempotent. */
const MAYBE_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

export type NetworkFailure = { readonly code: string; readonly sent: 'no' | 'maybe' | 'unknown' };

/** Finds the first error code in an error, its causes and (for happy-eyeballs) its aggregated errors. */
export function classifyNetworkError(error: unknown): NetworkFailure {
  const codes = collectCodes(error, 0);
  const notSent = codes.find((code) => NOT_SENT_CODES.has(code));
  if (notSent !== undefined && codes.every((code) => !MAYBE_SENT_CODES.has(code))) return { code: notSent, sent: 'no' };
  const maybeSent = codes.find((code) => MAYBE_SENT_CODES.has(code));
  if (maybeSent !== undefined) return { code: maybeSent, sent: 'maybe' };
  return { code: codes[0] ?? 'UNKNOWN', sent: 'unknown' };
}

function collectCodes(error: unknown, depth: number): string[] {
  if (depth > 5 || typeof error !== 'object' || error === null) return [];
  const codes: string[] = [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') codes.push(code);
  codes.push(...collectCodes(cause, depth + 1));
  if (Array.isArray(errors)) for (const inner of errors) codes.push(...collectCodes(inner, depth + 1));
  return codes;
}

/** Retry-After as delta-seconds or HTTP date, in ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** Exponential backoff with full jitter, never shorter than what the server asked for. */
export function retryDelayMs(
  policy: RetryPolicy,
  failedAttempt: number,
  random: () => number,
  status: number | null,
  retryAfterMs: number | null,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  const jittered = Math.floor(random() * ceiling);
  const floor = status === 429 ? Math.max(retryAfterMs ?? 0, policy.min429DelayMs) : (retryAfterMs ?? 0);
  return Math.max(jittered, floor);
}
