// Personio v1 client: token handling, the readable-attributes list, the paged employee read (read
// again when it does not hold together) and direct lookups of single employees.

import type { EmployeeListing, EmployeeLookup } from '../domain/lifecycle.js';
import { PERSONIO_APP_ID, type Employee, type PersonioState, type RejectedRecord } from '../domain/types.js';
import {
  createHttpClient,
  HttpError,
  parseBody,
  ResponseShapeError,
  type HttpOverrides,
  type HttpRequest,
  type HttpResponse,
  type HttpStats,
  type WindowLimit,
} from '../http/index.js';
import { mapInSlices } from '../shared/cpu-slices.js';
import { TokenSource } from './auth.js';
import { parseEmployeeRecord, type RecordResult } from './employee.js';
import { ConfigurationError } from './errors.js';
import { isLastPage, listingProblem, remainingOffsets, type FetchedPage, type ListedPage } from './pagination.js';
import type { EmployeeQuery, ExtraAttribute, ProgressCounter, ReadableAttribute } from '../domain/ports.js';
import { attributeItem, attributeList, employeeNotFound, employeeResponse, employeesPage, type EmployeesPage } from './wire.js';
import { errorMessage } from '../shared/errors.js';

export interface PersonioClientOptions {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Sent as X-Personio-App-ID on every request; UPPER_SNAKE_CASE (PERSONIO_APP_ID). */
  readonly appId: string;
  /** Sent as X-Personio-Partner-ID when set (marketplace partners). */
  readonly partnerId?: string;
  /** Called with every token obtained, e.g. to mask it in logs. */
  readonly onToken?: (token: string) => void;
  readonly http?: HttpOverrides;
}

/** How many of the first employees hold a value in each attribute (the `attributes` command). */
export interface ValueCounts {
  /** Employees looked at. */
  readonly sampled: number;
  /** Attribute key -> employees with a non-empty value. */
  readonly counts: ReadonlyMap<string, number>;
}

export interface PersonioClient {
  /** The attributes this credential may read (`GET /v1/company/employees/attributes`). */
  readableAttributes(): Promise<ReadableAttribute[]>;
  /**
   * All employees, with exactly the query's attributes; records that do not parse are returned as
   * `rejected`, never thrown. Records are reported to `progress` page by page. A listing that does
   * not hold together is read once more (its records count again); `problem` says what was still wrong.
   */
  readEmployees(query: EmployeeQuery, progress?: ProgressCounter, sizeHint?: Promise<number | null>): Promise<EmployeeListing>;
  /**
   * `GET /v1/company/employees/{id}` for each id, paced with the listing (the same endpoint family
   * limits), each record parsed for the query's attributes. Never throws for one employee: a
   * failure after the retries is a `failed` result.
   */
  lookupEmployees(ids: readonly string[], query: EmployeeQuery): Promise<ReadonlyMap<string, EmployeeLookup>>;
  /** One page of employees with every readable attribute, counted, never kept: values are not returned. */
  valueCounts(sampleSize?: number): Promise<ValueCounts>;
  stats(): HttpStats;
  close(): Promise<void>;
}

const EMPLOYEES = '/v1/company/employees';
const ATTRIBUTES = '/v1/company/employees/attributes';
const PAGE_SIZE = 100;
/** Records parsed between two chances for the other answers of a burst to be seen (see cpu-slices.ts). */
const RECORDS_PER_SLICE = 25;
/** Guards against a server whose metadata never says "last page". */
const MAX_PAGES = 10_000;

/**
 * Documented limits (https://developer.personio.de/changelog/rate-limits-on-get-employees-endpoint-may-6-2024,
 * https://developer.personio.de/changelog/ip-address-based-rate-limiting-v1-endpoints,
 * https://developer.personio.de/reference/auth); the HTTP layer paces requests to stay under all of them.
 */
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
  if (!PERSONIO_APP_ID.test(options.appId)) {
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
  async function authorisedResponse(request: HttpRequest): Promise<HttpResponse> {
    const token = await tokens.get();
    try {
      return await http.request(withToken(request, token));
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 401) throw error;
      const renewed = await tokens.renew(token);
      return await http.request(withToken(request, renewed));
    }
  }

  const authorised = async (request: HttpRequest): Promise<unknown> => (await authorisedResponse(request)).body;

  async function readableAttributes(): Promise<ReadableAttribute[]> {
    const label = `GET ${ATTRIBUTES}`;
    const body = parseBody(attributeList, await authorised({ method: 'GET', endpoint: ATTRIBUTES, idempotent: true }), 'personio', label);
    if (body.success === false) throw new ResponseShapeError('personio', label, 'success is false');
    const attributes: ReadableAttribute[] = [];
    for (const item of body.data) {
      const parsed = attributeItem.safeParse(item);
      if (!parsed.success) continue;
      const a = parsed.data;
      const options = (a.options ?? []).flatMap((o) => (typeof o === 'string' ? [o] : typeof o === 'number' ? [String(o)] : []));
      attributes.push({ key: a.key, label: a.label ?? null, type: a.type ?? null, universalId: a.universal_id ?? null, options });
    }
    return attributes;
  }

  async function fetchRaw(offset: number, limit: number, keys: readonly string[] | null): Promise<ReturnType<typeof employeesPage.parse>> {
    const label = `GET ${EMPLOYEES}`;
    const raw = await authorised({
      method: 'GET',
      endpoint: EMPLOYEES,
      query: { limit, offset, ...(keys !== null && keys.length > 0 ? { 'attributes[]': keys } : {}) },
      idempotent: true,
    });
    const page = parseBody(employeesPage, raw, 'personio', label);
    if (page.success === false) throw new ResponseShapeError('personio', label, 'success is false');
    return page;
  }

  /** One page, its records parsed at once so that the raw JSON of every page is never held together. */
  async function fetchPage(
    offset: number,
    keys: readonly string[],
    extras: readonly ExtraAttribute[],
  ): Promise<ListedPage & { readonly records: RecordResult[] }> {
    return parsePage(offset, await fetchRaw(offset, PAGE_SIZE, keys), extras);
  }

  async function parsePage(
    offset: number,
    page: EmployeesPage,
    extras: readonly ExtraAttribute[],
  ): Promise<ListedPage & { readonly records: RecordResult[] }> {
    const records = await mapInSlices(page.data, (raw) => parseEmployeeRecord(raw, extras), RECORDS_PER_SLICE);
    const ids = records.map((r) => (r.ok ? r.employee.id : r.rejected.recordId));
    return { offset, page: pageOf(page), records, ids };
  }

  async function valueCounts(sampleSize = PAGE_SIZE): Promise<ValueCounts> {
    // No `attributes[]`: Personio then sends every attribute the credential may read.
    const page = await fetchRaw(0, Math.min(PAGE_SIZE, Math.max(1, sampleSize)), null);
    const counts = new Map<string, number>();
    for (const record of page.data) {
      const attributes = (record as { attributes?: unknown } | null)?.attributes;
      if (typeof attributes !== 'object' || attributes === null) continue;
      for (const [key, attribute] of Object.entries(attributes as Record<string, unknown>)) {
        const value = (attribute as { value?: unknown } | null)?.value;
        const empty =
          value === undefined ||
          value === null ||
          (typeof value === 'string' && value.trim() === '') ||
          (Array.isArray(value) && value.length === 0);
        counts.set(key, (counts.get(key) ?? 0) + (empty ? 0 : 1));
      }
    }
    return { sampled: page.data.length, counts };
  }

  async function readEmployees(
    query: EmployeeQuery,
    progress?: ProgressCounter,
    sizeHint?: Promise<number | null>,
  ): Promise<EmployeeListing> {
    const counted = recordCounter(progress);
    const first = await readListing(query, counted, sizeHint ?? null);
    const firstProblem = listingProblem(first);
    if (firstProblem === null) return { ...collect(first.flatMap((page) => page.records)), problem: null, firstProblem: null };
    // The first read's total is the best guess of the second's size.
    const second = await readListing(query, counted, Promise.resolve(listedTotal(first)));
    const problem = listingProblem(second);
    const records = second.flatMap((page) => page.records);
    // Still inconsistent: everyone either read returned (the second read's record wins; a record
    // without an id cannot be matched across reads, so only the second read's count).
    if (problem !== null) records.push(...first.flatMap((page) => page.records).filter((r) => !(!r.ok && r.rejected.recordId === null)));
    return { ...collect(records), problem, firstProblem };
  }

  /**
   * Every page of the listing once, from offset 0. The pages after the first are asked for as soon
   * as their offsets are known: from the first page's total, or earlier from `sizeHint` (how many
   * employees the last run saw) when that arrives before the first page does. The pacing counts
   * each second's slots from the answers of the second before, so starting the whole first burst
   * one round trip earlier makes every later burst start earlier too. A guessed page beyond the
   * real total (the company shrank) costs one request and is left out.
   */
  async function readListing(
    { keys, extras }: EmployeeQuery,
    counted: RecordCounter,
    sizeHint: Promise<number | null> | null,
  ): Promise<(ListedPage & { readonly records: RecordResult[] })[]> {
    type Page = Awaited<ReturnType<typeof fetchPage>>;
    const asked = new Map<number, Promise<Page>>();
    const ask = (offset: number): void => {
      if (asked.has(offset)) return;
      // Counted (for the progress line) as it arrives, unless it was dropped meanwhile.
      const page: Promise<Page> = fetchPage(offset, keys, extras).then((p) => (asked.get(offset) === page ? counted.page(p) : p));
      page.catch(() => undefined); // awaited (or deliberately dropped) below
      asked.set(offset, page);
    };
    const firstRequest = fetchRaw(0, PAGE_SIZE, keys);
    let firstSeen = false;
    void sizeHint?.then(
      (total) => {
        if (firstSeen || total === null) return;
        for (let offset = PAGE_SIZE; offset < total && offset < MAX_PAGES * PAGE_SIZE; offset += PAGE_SIZE) ask(offset);
      },
      () => undefined,
    );
    const firstRaw = await firstRequest;
    firstSeen = true;
    const total = firstRaw.metadata?.total_elements ?? null;
    counted.expect(total);
    const firstPage = pageOf(firstRaw);
    // A server that capped `limit` pages differently from the guess: guessed pages would overlap.
    const guessesFit = isLastPage({ offset: 0, page: firstPage }) || firstPage.size === PAGE_SIZE;
    const guessed = new Set(guessesFit ? asked.keys() : []);
    if (!guessesFit) asked.clear();
    // The other pages are asked for before the first page's records are parsed, so that its
    // parsing never delays them (nor, through the pacing, every page after them).
    for (const offset of remainingOffsets({ offset: 0, page: firstPage })) ask(offset);
    const first = counted.page(await parsePage(0, firstRaw, extras));
    const pages = [first];
    for (const [offset, page] of asked) {
      if (guessed.has(offset) && (total === null || offset >= total)) {
        // A guess past the end (or with no total to tell): an empty page or a failure says nothing;
        // records mean the company grew.
        const late = await page.catch(() => null);
        if (late !== null && late.page.size > 0) pages.push(late);
        continue;
      }
      pages.push(await page);
    }
    pages.sort((a, b) => a.offset - b.offset);
    // If the company grew while we were reading, the last page's metadata says there is more.
    for (let last = pages[pages.length - 1] ?? first; !isLastPage(last);) {
      if (pages.length >= MAX_PAGES) throw new ResponseShapeError('personio', `GET ${EMPLOYEES}`, 'pagination does not end');
      last = counted.page(await fetchPage(last.offset + last.page.size, keys, extras));
      pages.push(last);
    }
    return pages;
  }

  /**
   * One employee by id. The endpoint takes no attribute projection: it sends every attribute the
   * credential may read, and only the query's are kept.
   */
  async function lookupEmployee(id: string, extras: readonly ExtraAttribute[]): Promise<EmployeeLookup> {
    const endpoint = `${EMPLOYEES}/:id`;
    const label = `GET ${endpoint}`;
    let response: HttpResponse;
    try {
      response = await authorisedResponse({
        method: 'GET',
        endpoint,
        path: `${EMPLOYEES}/${encodeURIComponent(id)}`,
        idempotent: true,
        acceptStatuses: [404],
      });
    } catch (error) {
      // Rejected credentials end the run as anywhere else; anything else is this lookup's failure.
      if (error instanceof ConfigurationError) throw error;
      return { kind: 'failed', reason: errorMessage(error) };
    }
    if (response.status === 404) {
      // Only Personio's own "not found" confirms that the employee is gone; a bare 404 (a proxy, a
      // wrong base URL) proves nothing.
      if (employeeNotFound.safeParse(response.body).success) return { kind: 'gone' };
      return {
        kind: 'failed',
        reason: `personio ${label} answered 404 without Personio's error envelope (a proxy or a wrong personio-base-url?)`,
      };
    }
    const body = employeeResponse.safeParse(response.body);
    if (!body.success || body.data.success === false)
      return { kind: 'failed', reason: `personio ${label} returned an unexpected response` };
    const record = parseEmployeeRecord(body.data.data, extras);
    const recordId = record.ok ? record.employee.id : record.rejected.recordId;
    if (recordId !== id) return { kind: 'failed', reason: `personio ${label} returned the record of employee ${recordId ?? '(no id)'}` };
    return record.ok ? { kind: 'found', employee: record.employee } : { kind: 'unreadable', rejected: record.rejected };
  }

  async function lookupEmployees(ids: readonly string[], query: EmployeeQuery): Promise<ReadonlyMap<string, EmployeeLookup>> {
    // All at once: the HTTP layer's concurrency cap and pacing bound them like the listing's pages.
    const unique = [...new Set(ids)];
    const results = await Promise.all(unique.map((id) => lookupEmployee(id, query.extras)));
    return new Map(unique.map((id, i) => [id, results[i] ?? { kind: 'failed', reason: 'no result' }]));
  }

  return {
    readableAttributes,
    readEmployees,
    lookupEmployees,
    valueCounts,
    stats: () => http.stats(),
    close: () => http.close(),
  };
}

/**
 * Reports records page by page against the total the first page announced, growing it when more
 * arrive; a second read of the list announces (and adds) its own total.
 */
interface RecordCounter {
  expect(total: number | null): void;
  page<P extends { readonly page: { readonly size: number } }>(page: P): P;
}

function recordCounter(progress: ProgressCounter | undefined): RecordCounter {
  let expected = 0;
  let seen = 0;
  return {
    expect(total) {
      if (total === null || progress === undefined) return;
      // A second read (the first did not hold together) adds its own records to the expectation.
      expected += total;
      progress.grow(total);
    },
    page(page) {
      seen += page.page.size;
      if (seen > expected) {
        progress?.grow(seen - expected);
        expected = seen;
      }
      progress?.advance(page.page.size);
      return page;
    },
  };
}

/** The total a listing announced, or else the records it held. */
function listedTotal(pages: readonly ListedPage[]): number {
  const announced = pages[0]?.page.metadata?.total_elements;
  return announced ?? pages.reduce((sum, page) => sum + page.page.size, 0);
}

/** What paging needs to know of a page (see pagination.ts). */
function pageOf(page: EmployeesPage): FetchedPage['page'] {
  return { metadata: page.metadata, limit: page.limit, size: page.data.length };
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
