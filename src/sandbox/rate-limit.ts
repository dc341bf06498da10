// Sliding-window rate limits (a log of the last `limit` accepted requests in a ring buffer), the
// shape both vendors document: "15 req/s and 300 req/min", "30 req/s". O(1) per request.

export class SlidingWindow {
  private readonly stamps: Float64Array;
  private head = 0;
  private size = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`rate limit must be a positive integer, got ${limit}`);
    this.stamps = new Float64Array(limit);
  }

  /** Ms until a request would be accepted; 0 when one is accepted now. */
  waitMs(now: number): number {
    if (this.size < this.limit) return 0;
    const freeAt = (this.stamps[this.head] ?? 0) + this.windowMs;
    return freeAt > now ? freeAt - now : 0;
  }

  record(now: number): void {
    if (this.size < this.limit) {
      this.stamps[(this.head + this.size) % this.limit] = now;
      this.size += 1;
    } else {
      // Full and the oldest has expired (checked by waitMs): the oldest slot is reused.
      this.stamps[this.head] = now;
      this.head = (this.head + 1) % this.limit;
    }
  }

  reset(): void {
    this.head = 0;
    this.size = 0;
  }
}

/**
 * Admits a request only if every window has room, and then counts it in all of them (a request
 * rejected by one limit must not use up another). Returns 0 when admitted, else ms to wait.
 */
export function admit(windows: readonly SlidingWindow[], now: number): number {
  let wait = 0;
  for (const w of windows) wait = Math.max(wait, w.waitMs(now));
  if (wait > 0) return wait;
  for (const w of windows) w.record(now);
  return 0;
}

/** Seconds for a Retry-After header: whole seconds, at least 1. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
