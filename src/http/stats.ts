// Request counters for run reports and benchmarks. Every attempt counts, retries included.

export type Outcome = '2xx' | '3xx' | '4xx' | '429' | '5xx' | 'network' | 'timeout';

export interface HttpStats {
  /** Attempts sent (retries included). */
  readonly total: number;
  /** Attempts per endpoint label, e.g. { "GET /Users": 2 }. */
  readonly byEndpoint: Readonly<Record<string, number>>;
  readonly byOutcome: Readonly<Partial<Record<Outcome, number>>>;
  /** Attempts that were retries of an earlier one. */
  readonly retries: number;
  /** Attempts with a method other than GET. */
  readonly writes: number;
}

export class StatsCounter {
  private total = 0;
  private retries = 0;
  private writes = 0;
  private readonly byEndpoint = new Map<string, number>();
  private readonly byOutcome = new Map<Outcome, number>();

  recordAttempt(label: string, method: string, isRetry: boolean): void {
    this.total += 1;
    if (isRetry) this.retries += 1;
    if (method !== 'GET') this.writes += 1;
    this.byEndpoint.set(label, (this.byEndpoint.get(label) ?? 0) + 1);
  }

  recordOutcome(outcome: Outcome): void {
    this.byOutcome.set(outcome, (this.byOutcome.get(outcome) ?? 0) + 1);
  }

  snapshot(): HttpStats {
    return {
      total: this.total,
      byEndpoint: Object.fromEntries(this.byEndpoint),
      byOutcome: Object.fromEntries(this.byOutcome),
      retries: this.retries,
      writes: this.writes,
    };
  }
}

export function outcomeOfStatus(status: number): Outcome {
  if (status === 429) return '429';
  if (status >= 500) return '5xx';
  if (status >= 400) return '4xx';
  if (status >= 300) return '3xx';
  return '2xx';
}
