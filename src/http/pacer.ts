// Sliding-window pacing: a request waits until it fits under every window that applies to its
// endpoint, and only then is sent. Every attempt (retries too) takes a slot. Slots are handed out
// in arrival order so that no request starves.

export interface WindowLimit {
  /** At most this many requests start within any `windowMs`. */
  readonly max: number;
  readonly windowMs: number;
  /**
   * Endpoint labels the limit applies to, e.g. "POST /v1/auth"; a trailing `*` matches by prefix
   * ("GET /v1/company/employees*"). When omitted the limit applies to every request of the client.
   */
  readonly endpoints?: readonly string[];
}

export interface PacerTiming {
  readonly clock: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /**
   * Added to each window so that jitter between our send time and the server's arrival time
   * cannot squeeze max+1 requests into the server's view of one window.
   */
  readonly windowMarginMs: number;
}

interface Window {
  readonly max: number;
  readonly spanMs: number;
  readonly applies: (label: string) => boolean;
  /** Start times of recent requests, oldest first. */
  readonly starts: number[];
}

export class Pacer {
  private readonly windows: readonly Window[];
  private queue: Promise<void> = Promise.resolve();
  private pausedUntil = 0;

  constructor(
    limits: readonly WindowLimit[],
    private readonly timing: PacerTiming,
  ) {
    this.windows = limits.map((limit) => {
      if (!Number.isInteger(limit.max) || limit.max < 1) throw new RangeError('limit max must be a positive integer');
      if (!(limit.windowMs > 0)) throw new RangeError('limit windowMs must be positive');
      return {
        max: limit.max,
        spanMs: limit.windowMs + timing.windowMarginMs,
        applies: matcher(limit.endpoints),
        starts: [],
      };
    });
  }

  /** Resolves when a request for `label` may be sent now; the slot is taken on resolve. */
  acquire(label: string): Promise<void> {
    const applicable = this.windows.filter((window) => window.applies(label));
    const turn = this.queue.then(() => this.waitForSlot(applicable));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** After a 429 nobody should send until the server's cool-down is over. */
  pauseUntil(time: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, time);
  }

  private async waitForSlot(applicable: readonly Window[]): Promise<void> {
    for (;;) {
      const now = this.timing.clock();
      let waitMs = this.pausedUntil - now;
      for (const window of applicable) {
        while (window.starts.length > 0 && (window.starts[0] ?? 0) <= now - window.spanMs) window.starts.shift();
        if (window.starts.length >= window.max) {
          const oldestThatBlocks = window.starts[window.starts.length - window.max] ?? now;
          waitMs = Math.max(waitMs, oldestThatBlocks + window.spanMs - now);
        }
      }
      if (waitMs <= 0) {
        for (const window of applicable) window.starts.push(now);
        return;
      }
      await this.timing.sleep(waitMs);
    }
  }
}

function matcher(endpoints: readonly string[] | undefined): (label: string) => boolean {
  if (endpoints === undefined) return () => true;
  return (label) =>
    endpoints.some((pattern) => (pattern.endsWith('*') ? label.startsWith(pattern.slice(0, -1)) : label === pattern));
}
