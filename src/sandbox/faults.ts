// Fault injection: latency, 429s, HTML 5xx pages, "applied but answered 5xx" writes and requests that
// never get an answer. Decisions come from a seeded PRNG so a failing run can be replayed.

import { mulberry32 } from './random.js';
import type { FaultKind } from './request-log.js';

export interface FaultConfig {
  /** Fixed delay before every answer. */
  readonly latencyMs?: number;
  /** Extra uniform random delay in [0, latencyJitterMs). */
  readonly latencyJitterMs?: number;
  /** Share of requests answered 429 (API error body). */
  readonly p429?: number;
  /** Share of those 429s sent without a Retry-After header. */
  readonly p429NoRetryAfter?: number;
  /** Retry-After value on injected 429s (default 1). */
  readonly retryAfterSeconds?: number;
  /** Share of requests answered with an nginx-style HTML 5xx page, before any change is made. */
  readonly p5xx?: number;
  /** Statuses picked for p5xx (default 502, 503, 504). */
  readonly statuses5xx?: readonly number[];
  /** Share of requests answered 500 with the API's own JSON error body. */
  readonly p500?: number;
  /** Writes only (non-GET): APPLY the change, then answer 502/504 — the "unknown outcome" case. */
  readonly p5xxAfterWrite?: number;
  /** Share of requests never answered (until the client gives up or the sandbox closes). */
  readonly pHang?: number;
  /**
   * Personio listings only: share of records left out of a page while its metadata stays as it is,
   * like a proxy that loses records. Drawn from a sequence of its own, so other decisions keep theirs.
   */
  readonly pDropRecord?: number;
  /** PRNG seed (default 1). Setting a config restarts the sequence. */
  readonly seed?: number;
  /** Routes that are never faulted: `"/v1/auth"` (any method) or `"POST /Users"`. */
  readonly exclude?: readonly string[];
  /** When set, only these routes are faulted (same syntax as `exclude`). */
  readonly only?: readonly string[];
}

export interface FaultDecision {
  readonly latencyMs: number;
  readonly kind: Exclude<FaultKind, 'rateLimit'> | null;
  /** HTTP status for 5xx kinds. */
  readonly status: number;
  /** Retry-After seconds for an injected 429, or null to send none. */
  readonly retryAfter: number | null;
}

const NO_FAULT: FaultDecision = { latencyMs: 0, kind: null, status: 0, retryAfter: null };

export class FaultInjector {
  private config: FaultConfig = {};
  private rand: () => number = mulberry32(1);
  private dropRand: () => number = mulberry32(10);

  /** Replaces the whole configuration and restarts the PRNG. */
  set(config: FaultConfig): void {
    for (const key of ['p429', 'p429NoRetryAfter', 'p5xx', 'p500', 'p5xxAfterWrite', 'pHang', 'pDropRecord'] as const) {
      const p = config[key];
      if (p !== undefined && !(p >= 0 && p <= 1)) throw new Error(`faults.${key} must be within 0..1, got ${p}`);
    }
    this.config = { ...config };
    this.rand = mulberry32(config.seed ?? 1);
    this.dropRand = mulberry32((config.seed ?? 1) * 7 + 3);
  }

  /** Merges into the current configuration; the PRNG restarts only when `seed` is given. */
  update(partial: FaultConfig): void {
    const [rand, dropRand] = [this.rand, this.dropRand];
    this.set({ ...this.config, ...partial });
    if (partial.seed === undefined) [this.rand, this.dropRand] = [rand, dropRand];
  }

  clear(): void {
    this.set({});
  }

  get(): FaultConfig {
    return { ...this.config };
  }

  decide(method: string, route: string): FaultDecision {
    const c = this.config;
    if (!this.applies(method, route)) return NO_FAULT;
    // Always draw the same number of values, so which branch fires never shifts later decisions.
    const [rHang, r429, rNoRetry, r5xx, rStatus, r500, rAfter, rJitter] = Array.from({ length: 8 }, () => this.rand()) as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const latencyMs = (c.latencyMs ?? 0) + (c.latencyJitterMs ?? 0) * rJitter;
    const write = method !== 'GET' && method !== 'HEAD';
    if (rHang < (c.pHang ?? 0)) return { latencyMs, kind: 'hang', status: 0, retryAfter: null };
    if (r429 < (c.p429 ?? 0)) {
      const retryAfter = rNoRetry < (c.p429NoRetryAfter ?? 0) ? null : (c.retryAfterSeconds ?? 1);
      return { latencyMs, kind: '429', status: 429, retryAfter };
    }
    if (r5xx < (c.p5xx ?? 0)) {
      const statuses = c.statuses5xx ?? [502, 503, 504];
      const status = statuses[Math.floor(rStatus * statuses.length)] ?? 502;
      return { latencyMs, kind: '5xx', status, retryAfter: null };
    }
    if (r500 < (c.p500 ?? 0)) return { latencyMs, kind: '500', status: 500, retryAfter: null };
    if (write && rAfter < (c.p5xxAfterWrite ?? 0)) {
      return { latencyMs, kind: '5xxAfterWrite', status: rStatus < 0.5 ? 502 : 504, retryAfter: null };
    }
    return latencyMs > 0 ? { ...NO_FAULT, latencyMs } : NO_FAULT;
  }

  /** Whether to leave one record out of a listing page (`pDropRecord`). */
  dropRecord(method: string, route: string): boolean {
    const p = this.config.pDropRecord ?? 0;
    return p > 0 && this.applies(method, route) && this.dropRand() < p;
  }

  private applies(method: string, route: string): boolean {
    const matches = (patterns: readonly string[]): boolean => patterns.some((p) => p === route || p === `${method} ${route}`);
    if (this.config.only !== undefined && !matches(this.config.only)) return false;
    if (this.config.exclude !== undefined && matches(this.config.exclude)) return false;
    return true;
  }
}
