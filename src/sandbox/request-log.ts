// What every request to the sandbox looked like and how it was answered, so tests can assert on
// traffic (e.g. "no DELETE was ever sent", "the client sent X-Personio-App-ID").

export type ApiName = 'personio' | 'leapsome';

/** Why the sandbox answered the way it did when it was not the API logic itself. */
export type FaultKind = 'hang' | '429' | '5xx' | '500' | '5xxAfterWrite' | 'rateLimit' | 'dropRecord';

export interface RequestLogEntry {
  /** 1-based arrival order across both APIs. */
  readonly seq: number;
  readonly api: ApiName;
  readonly method: string;
  /** Full request path without the query string. */
  readonly path: string;
  /** Path template relative to the API root, e.g. `/Users/:id` or `/v1/company/employees`. */
  readonly route: string;
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  /** HTTP status sent; 0 when the request was deliberately never answered (`pHang`). */
  readonly status: number;
  /** Epoch ms when the request arrived. */
  readonly at: number;
  readonly durationMs: number;
  /** The `X-Personio-App-ID` request header, or null when absent. */
  readonly appId: string | null;
  /** The `X-Personio-Partner-ID` request header, or null when absent. */
  readonly partnerId: string | null;
  readonly fault: FaultKind | null;
  /** Parsed JSON body of non-GET requests (raw text if not JSON); secrets are redacted. */
  readonly body?: unknown;
}

export class RequestLog {
  private readonly list: RequestLogEntry[] = [];
  private seq = 0;

  /** Live view: the same array keeps growing, and `reset()` empties it in place. */
  get entries(): readonly RequestLogEntry[] {
    return this.list;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  add(entry: RequestLogEntry): void {
    this.list.push(entry);
  }

  reset(): void {
    this.list.length = 0;
  }

  /** Counts by `"METHOD route"`, e.g. `{"POST /Users": 40, "PATCH /Users/:id": 40}`. */
  counts(filter: { api?: ApiName } = {}): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.list) {
      if (filter.api !== undefined && e.api !== filter.api) continue;
      const key = `${e.method} ${e.route}`;
      out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  }

  /** Every non-GET request sent to Leapsome, including rejected ones (e.g. a 405 DELETE). */
  leapsomeWrites(): RequestLogEntry[] {
    return this.list.filter((e) => e.api === 'leapsome' && e.method !== 'GET' && e.method !== 'HEAD');
  }
}

/** URLSearchParams -> plain object; repeated keys (e.g. `attributes[]`) become arrays. */
export function queryToObject(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of query) {
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[key] = [prev, value];
  }
  return out;
}
