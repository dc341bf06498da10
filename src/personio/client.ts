// Personio v1 client: token handling, the readable-attributes check and the paged employee read.

import type { Employee, PersonioState, RejectedRecord } from '../domain/types.js';
import {
  createHttpClient,
  HttpError,
  parseBody,
  ResponseShapeError,
  type HttpOverrides,
  type HttpRequest,
  type HttpStats,
  type WindowLimit,
} from '../http/index.js';
import { TokenSource } from './auth.js';
import { parseEmployeeRecord, type RecordResult } from './employee.js';
import { ConfigurationError, MissingAttributesError } from './errors.js';
import { isLastPage, remainingOffsets, type FetchedPage } from './pagination.js';
import { attributeKey, attributeList, employeesPage } from './wire.js';

export interface PersonioClientOptions {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Sent as X-Personio-App-ID on every request; UPPER_SNAKE_CASE (docs §1.3). */
  readonly appId: string;
  /** Sent as X-Personio-Partner-ID when set (marketplace partners). */
  readonly partnerId?: string;
  /** Called with every token obtained, e.g. to mask it in logs. */
  readonly onToken?: (token: string) => void;
  readonly http?: HttpOverrides;
}

export interface PersonioClient {
  /** Throws MissingAttributesError (a ConfigurationError) naming every attribute the credential cannot read. */
  checkAttributes(required: readonly string[]): Promise<void>;
  /** All employees; records that do not parse are returned as `rejected`, never thrown. */
  readEmployees(attributes: readonly string[]): Promise<PersonioState>;
  stats(): HttpStats;
  close(): Promise<void>;
}

const EMPLOYEES = '/v1/company/employees';
const ATTRIBUTES = '/v1/company/employees/attributes';
const PAGE_SIZE = 100;
/** Guards against a server whose metadata never says "last page". */
const MAX_PAGES = 10_000;

/** Documented limits (docs §3.3); the HTTP layer paces requests to stay under all of them. */
export const PERSONIO_LIMITS: readonly WindowLimit[] = [
  { max: 15, windowMs: 1_000, endpoints: ['GET /v1/company/employees*'] },
  { max: 300, windowMs: 60_000, endpoints: ['GET /v1/company/employees*'] },
  { max: 60, windowMs: 60_000, endpoints: ['POST /v1/auth'] },
  { max: 2_000, windowMs: 60_000 },
];

const PERSONIO_HTTP_DEFAULTS: HttpOverrides = {
  limits: PERSONIO_LIMITS,
  // A whole burst (15 pages) at once: with fewer, each second's last pages start a round trip or
  // two late, and since slots count from their answers, every later second inherits the delay.
  maxConcurrency: 15,
  timeoutMs: 60_000,
  retry: { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 30_000, maxTotalRetryMs: 120_000, min429DelayMs: 1_000 },
};

export function createPersonioClient(options: PersonioClientOptions): PersonioClient {
  if (!/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(options.appId)) {
    throw new ConfigurationError('The Personio app id must be UPPER_SNAKE_CASE, for example MY_COMPANY_LEAPSOME_SYNC.');
  }
  const http = createHttpClient({
    ...PERSONIO_HTTP_DEFAULTS,
    ...options.http,
    retry: { ...PERSONIO_HTTP_DEFAULTS.retry, ...options.http?.retry },
    name: 'personio',
    baseUrl: options.baseUrl,
    headers: {
      ...options.http?.headers,
      'X-Personio-App-ID': options.appId,
      ...(options.partnerId === undefined ? {} : { 'X-Personio-Partner-ID': options.partnerId }),
    },
  });
  const tokens = new TokenSource({
    http,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    clock: options.http?.clock ?? Date.now,
    onToken: options.onToken,
  });

  /** Sends with the bearer token; after a 401 gets a fresh token once and tries again. */
  async function authorised(request: HttpRequest): Promise<unknown> {
    const token = await tokens.get();
    try {
      return (await http.request(withToken(request, token))).body;
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 401) throw error;
      const renewed = await tokens.renew(token);
      return (await http.request(withToken(request, renewed))).body;
    }
  }

  async function checkAttributes(required: readonly string[]): Promise<void> {
    const label = `GET ${ATTRIBUTES}`;
    const body = parseBody(attributeList, await authorised({ method: 'GET', endpoint: ATTRIBUTES, idempotent: true }), 'personio', label);
    if (body.success === false) throw new ResponseShapeError('personio', label, 'success is false');
    const allowed = new Set<string>();
    for (const item of body.data) {
      const parsed = attributeKey.safeParse(item);
      if (parsed.success) allowed.add(parsed.data.key);
    }
    // `id` is always returned and is not listed as a readable attribute.
    const missing = [...new Set(required)].filter((key) => key !== 'id' && !allowed.has(key));
    if (missing.length > 0) throw new MissingAttributesError(missing);
  }

  /** One page, its records parsed at once so that the raw JSON of every page is never held together. */
  async function fetchPage(offset: number, attributes: readonly string[]): Promise<FetchedPage & { readonly records: RecordResult[] }> {
    const label = `GET ${EMPLOYEES}`;
    const raw = await authorised({
      method: 'GET',
      endpoint: EMPLOYEES,
      query: { limit: PAGE_SIZE, offset, ...(attributes.length > 0 ? { 'attributes[]': attributes } : {}) },
      idempotent: true,
    });
    const page = parseBody(employeesPage, raw, 'personio', label);
    if (page.success === false) throw new ResponseShapeError('personio', label, 'success is false');
    return { offset, page: { metadata: page.metadata, limit: page.limit, size: page.data.length }, records: page.data.map(parseEmployeeRecord) };
  }

  async function readEmployees(attributes: readonly string[]): Promise<PersonioState> {
    const first = await fetchPage(0, attributes);
    // The HTTP layer paces these under Personio's limits.
    const rest = await Promise.all(remainingOffsets(first).map((offset) => fetchPage(offset, attributes)));
    const pages = [first, ...rest];
    // If the company grew while we were reading, the last page's metadata says there is more.
    for (let last = pages[pages.length - 1] ?? first; !isLastPage(last); ) {
      if (pages.length >= MAX_PAGES) throw new ResponseShapeError('personio', `GET ${EMPLOYEES}`, 'pagination does not end');
      last = await fetchPage(last.offset + last.page.size, attributes);
      pages.push(last);
    }
    return collect(pages.flatMap((page) => page.records));
  }

  return {
    checkAttributes,
    readEmployees,
    stats: () => http.stats(),
    close: () => http.close(),
  };
}

/** Keeps the first occurrence of each id (pages can overlap). */
function collect(results: readonly RecordResult[]): PersonioState {
  const employees: Employee[] = [];
  const rejected: RejectedRecord[] = [];
  const seen = new Set<string>();
  const seenRejections = new Set<string>();
  for (const result of results) {
    if (result.ok) {
      if (seen.has(result.employee.id)) continue;
      seen.add(result.employee.id);
      employees.push(result.employee);
    } else {
      const key = result.rejected.recordId === null ? null : `${result.rejected.recordId}\n${result.rejected.reason}`;
      if (key !== null && seenRejections.has(key)) continue;
      if (key !== null) seenRejections.add(key);
      rejected.push(result.rejected);
    }
  }
  return { employees, rejected };
}

function withToken(request: HttpRequest, token: string): HttpRequest {
  return { ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } };
}
