// Sliding-window pacing: a request waits until it fits under every window that applies to its
// endpoint, and only then is sent. Every attempt (retries too) takes a slot. Slots are handed out
// in arrival order so that no request starves.
//
// The server counts a request when it admits it, which is somewhere between our send and its
// answer; a server that queues requests (or a slow network) can admit an earlier one late and a
// later one early, squeezing max+1 into its window. So once the answer is in, a slot counts from
// the answer's arrival: the latest moment the server can have admitted it.

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

/** Taken by `acquire`; report `done()` when the answer (or failure) arrives. */
export interface PacerSlot {
  done(): void;
}

interface Entry {
  /** Send time; after `done()`, the time the answer arrived. */
  at: number;
  inFlight: boolean;
}

interface Window {
  readonly max: number;
  readonly spanMs: number;
  readonly applies: (label: string) => boolean;
  /** Recent requests in send order; in flight ones are kept however old they are. */
  entries: Entry[];
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
        entries: [],
      };
    });
  }

  /** Resolves when a request for `label` may be sent now; the slot is taken on resolve. */
  acquire(label: string): Promise<PacerSlot> {
    const applicable = this.windows.filter((window) => window.applies(label));
    const turn = this.queue.then(() => this.waitForSlot(applicable));
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  /** After a 429 nobody should send until the server's cool-down is over. */
  pauseUntil(time: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, time);
  }

  private async waitForSlot(applicable: readonly Window[]): Promise<PacerSlot> {
    for (;;) {
      const now = this.timing.clock();
      let waitMs = this.pausedUntil - now;
      for (const window of applicable) waitMs = Math.max(waitMs, this.waitInWindow(window, now));
      if (waitMs <= 0) {
        const entry: Entry = { at: now, inFlight: true };
        for (const window of applicable) window.entries.push(entry);
        return {
          done: () => {
            entry.at = Math.max(entry.at, this.timing.clock());
            entry.inFlight = false;
          },
        };
      }
      await this.timing.sleep(waitMs);
    }
  }

  /** Ms until one more request fits in `window` (≤ 0: now). */
  private waitInWindow(window: Window, now: number): number {
    const since = now - window.spanMs;
    // An entry still in flight may yet be answered (and so count) later: never drop it.
    const live = window.entries.filter((entry) => entry.inFlight || entry.at > since);
    if (live.length !== window.entries.length) window.entries = live;
    const counted = live.filter((entry) => entry.at > since).map((entry) => entry.at);
    if (counted.length < window.max) return 0;
    // The slot frees when enough of the counted entries have left the window.
    counted.sort((a, b) => a - b);
    return (counted[counted.length - window.max] ?? now) + window.spanMs - now;
  }
}

function matcher(endpoints: readonly string[] | undefined): (label: string) => boolean {
  if (endpoints === undefined) return () => true;
  return (label) => endpoints.some((pattern) => (pattern.endsWith('*') ? label.startsWith(pattern.slice(0, -1)) : label === pattern));
}
