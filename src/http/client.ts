// The one way this project talks HTTP: an undici Agent with keep-alive, per-API pacing under
// sliding-window limits, a concurrency cap, a per-request timeout and retries that respect
// idempotency. Both API clients (Personio, Leapsome) build on this.

import pLimit from 'p-limit';
import { Agent } from 'undici';
import { HttpError, UnknownOutcomeError, type ApiName, type HttpErrorInit } from './errors.js';
import { extractErrorDetail } from './error-detail.js';
import { scaleRetryPolicy, timingOverrides } from './env.js';
import { Pacer, type WindowLimit } from './pacer.js';
import { classifyNetworkError, parseRetryAfter, retryDelayMs, RETRYABLE_STATUSES, type RetryPolicy } from './retry.js';
import { outcomeOfStatus, StatsCounter, type HttpStats } from './stats.js';
import { buildPath, parseBaseUrl, type Query } from './url.js';
import { letIoThrough } from '../shared/cpu-slices.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpClientOptions {
  readonly name: ApiName;
  readonly baseUrl: string;
  /** Sent with every request (e.g. Authorization, X-Personio-App-ID). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sliding-window limits; each request waits for a slot under every limit that applies to it. */
  readonly limits?: readonly WindowLimit[];
  readonly maxConcurrency?: number;
  /** Per attempt, covering connection, headers and body. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Safety margin added to every window (see Pacer). */
  readonly windowMarginMs?: number;
  /** Allows plain http to non-loopback hosts. Never set this for real credentials. */
  readonly allowInsecureHttp?: boolean;
  readonly clock?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** What an API client may tune; name and base URL belong to the client itself. */
export type HttpOverrides = Partial<Omit<HttpClientOptions, 'name' | 'baseUrl'>>;

export interface HttpRequest {
  readonly method: HttpMethod;
  /**
   * Path template used as the label in stats, limits and errors, e.g. "/Users/:id" or
   * "/Users?filter". Must not contain ids, emails or query values.
   */
  readonly endpoint: string;
  /** Concrete path below the base URL; defaults to `endpoint` when that is a plain path. */
  readonly path?: string;
  readonly query?: Query;
  readonly headers?: Readonly<Record<string, string>>;
  /** Serialised as JSON. */
  readonly body?: unknown;
  /**
   * False for requests that create something (POST): they are only retried when the server
   * provably did not process them; otherwise UnknownOutcomeError is thrown.
   */
  readonly idempotent: boolean;
  /**
   * Error statuses that are an answer, not a failure (e.g. 404 for "no such employee"): returned as a
   * response with the parsed JSON body (null when it is not JSON), never retried.
   */
  readonly acceptStatuses?: readonly number[];
}

export interface HttpResponse {
  readonly status: number;
  /** Parsed JSON (null for an empty body); callers validate it with zod. */
  readonly body: unknown;
}

export interface HttpClient {
  readonly name: ApiName;
  request(request: HttpRequest): Promise<HttpResponse>;
  stats(): HttpStats;
  close(): Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxTotalRetryMs: 60_000,
  min429DelayMs: 1_000,
};

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_CONCURRENCY = 8;
/**
 * Clock granularity only (whole milliseconds, rounded on our side and the server's): server-side
 * queueing and the network are covered by counting slots from the answer (see Pacer).
 */
const DEFAULT_WINDOW_MARGIN_MS = 2;

/** One attempt's result: a response, or a failure with what may be done about it. */
type AttemptResult =
  | { readonly ok: true; readonly response: HttpResponse }
  | {
      readonly ok: false;
      readonly error: Omit<HttpErrorInit, 'api' | 'method' | 'endpoint'>;
      readonly retryable: boolean;
      /** The request may have been processed; a non-idempotent one must not be retried. */
      readonly maybeProcessed: boolean;
      readonly retryAfterMs: number | null;
    };

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = parseBaseUrl(options.baseUrl, options.allowInsecureHttp ?? false);
  const overrides = timingOverrides();
  const policy: RetryPolicy = scaleRetryPolicy({ ...DEFAULT_RETRY_POLICY, ...options.retry }, overrides.retryScale);
  const timeoutMs = overrides.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxConcurrency = options.maxConcurrency ?? DEFAULT_CONCURRENCY;
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const defaultHeaders = lowerCaseKeys(options.headers ?? {});
  const pacer = new Pacer(options.limits ?? [], {
    clock,
    sleep,
    windowMarginMs: options.windowMarginMs ?? DEFAULT_WINDOW_MARGIN_MS,
  });
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) throw new RangeError('maxConcurrency must be a positive integer');
  // First come, first served: a request waits for a free slot in the order it was made.
  const inFlight = pLimit(maxConcurrency);
  const counter = new StatsCounter();
  const agent = new Agent({
    connections: maxConcurrency,
    // Our own timer (below) is authoritative; undici's must not fire first.
    headersTimeout: timeoutMs + 1_000,
    bodyTimeout: timeoutMs + 1_000,
    connect: { timeout: Math.min(timeoutMs, 10_000) },
  });

  /** `answered` is called once the response headers are in: the server has admitted the request by then. */
  async function send(request: HttpRequest, path: string, answered: () => void): Promise<AttemptResult> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...defaultHeaders,
      ...lowerCaseKeys(request.headers ?? {}),
    };
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await agent.request({
        origin: base.origin,
        path,
        method: request.method,
        headers,
        body,
        signal: controller.signal,
      });
      answered();
      const text = await response.body.text();
      // Parsed in a turn of the event loop of its own: the other answers of a burst, already read
      // from their sockets, are seen first, and the pacing counts their slots from that moment.
      // Parsed here and now, each body (its JSON, then its caller's first slice of records) held
      // every later answer back by a few ms: over a burst of 15 pages they were seen ~60 ms apart,
      // and every later burst inherited that spread.
      await letIoThrough();
      return interpretResponse(response.statusCode, headerValue(response.headers['retry-after']), text, request.acceptStatuses ?? []);
    } catch (error) {
      if (timedOut) {
        counter.recordOutcome('timeout');
        return { ok: false, error: { kind: 'timeout' }, retryable: true, maybeProcessed: true, retryAfterMs: null };
      }
      counter.recordOutcome('network');
      const failure = classifyNetworkError(error);
      return {
        ok: false,
        error: { kind: 'network', code: failure.code },
        retryable: failure.sent !== 'unknown',
        maybeProcessed: failure.sent !== 'no',
        retryAfterMs: null,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  function interpretResponse(status: number, retryAfter: string | undefined, text: string, accepted: readonly number[]): AttemptResult {
    counter.recordOutcome(outcomeOfStatus(status));
    if (accepted.includes(status)) return { ok: true, response: { status, body: parseJsonOrNull(text) } };
    if (status >= 200 && status < 300) {
      if (text.trim() === '') return { ok: true, response: { status, body: null } };
      try {
        return { ok: true, response: { status, body: JSON.parse(text) as unknown } };
      } catch {
        return {
          ok: false,
          error: { kind: 'invalid-body', status },
          retryable: false,
          maybeProcessed: true,
          retryAfterMs: null,
        };
      }
    }
    return {
      ok: false,
      error: { kind: 'status', status, detail: extractErrorDetail(text) },
      retryable: RETRYABLE_STATUSES.has(status),
      // 4xx (429 included) is a refusal; only a 5xx may come after the server did the work.
      maybeProcessed: status >= 500,
      retryAfterMs: parseRetryAfter(retryAfter, clock()),
    };
  }

  async function attempt(
    request: HttpRequest,
    label: string,
    path: string,
    isRetry: boolean,
  ): Promise<{ result: AttemptResult; sentAt: number }> {
    // Concurrency slot first, pacing slot second: the pacing timestamp must be the real send time.
    return inFlight(async () => {
      const slot = await pacer.acquire(label);
      const sentAt = clock();
      counter.recordAttempt(label, request.method, isRetry);
      // The slot counts from the response headers (not the end of a large body), or from the failure.
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        slot.done();
      };
      try {
        return { result: await send(request, path, release), sentAt };
      } finally {
        release();
      }
    });
  }

  async function request(request: HttpRequest): Promise<HttpResponse> {
    const label = `${request.method} ${request.endpoint}`;
    const path = buildPath(base, requestPath(request), request.query);
    // The retry budget starts when the first attempt is sent: time queued behind the pacer (e.g.
    // page 500 of a large Personio read) is not retrying and must not use the budget up.
    let firstAttemptAt: number | null = null;
    for (let attemptNo = 1; ; attemptNo += 1) {
      const { result, sentAt } = await attempt(request, label, path, attemptNo > 1);
      firstAttemptAt ??= sentAt;
      if (result.ok) return result.response;

      const init: HttpErrorInit = {
        ...result.error,
        api: options.name,
        method: request.method,
        endpoint: label,
        attempts: attemptNo,
      };
      if (result.maybeProcessed && !request.idempotent) throw new UnknownOutcomeError(init);
      if (!result.retryable || attemptNo >= policy.maxAttempts) throw new HttpError(init);

      const status = result.error.status ?? null;
      const delay = retryDelayMs(policy, attemptNo, random, status, result.retryAfterMs);
      if (clock() - firstAttemptAt + delay > policy.maxTotalRetryMs) throw new HttpError(init);
      if (status === 429) pacer.pauseUntil(clock() + Math.max(result.retryAfterMs ?? 0, policy.min429DelayMs));
      await sleep(delay);
    }
  }

  return {
    name: options.name,
    request,
    stats: () => counter.snapshot(),
    close: () => agent.close(),
  };
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function requestPath(request: HttpRequest): string {
  if (request.path !== undefined) return request.path;
  if (/[?:]/.test(request.endpoint)) throw new TypeError(`endpoint ${request.endpoint} is a template; pass path`);
  return request.endpoint;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
