// Leapsome SCIM client: full read of users and groups, lookups, and writes that never create a
// duplicate (an unknown outcome is checked against the remote state before posting again).

import { mapInSlices } from '../shared/cpu-slices.js';
import type { FieldName } from '../domain/fields.js';
import type { LeapsomeState, LeapsomeTeam, LeapsomeUser, RejectedRecord, UserAttributes } from '../domain/types.js';
import {
  createHttpClient,
  HttpError,
  parseBody,
  ResponseShapeError,
  UnknownOutcomeError,
  type HttpOverrides,
  type HttpStats,
  type WindowLimit,
} from '../http/index.js';
import type { ProgressCounter } from '../domain/ports.js';
import { ExistingResourceNotFoundError } from './errors.js';
import {
  createUserBody,
  DEFAULT_PROJECTION,
  parseTeam,
  parseUser as parseUserResource,
  patchTeamBody,
  patchUserBody,
  projectionOf,
  scimEquals,
  type Parsed,
  type TeamPatch,
  type UserPatch,
} from './mapping.js';
import { listResponse, type ListResponse } from './wire.js';

export type { TeamPatch, UserPatch } from './mapping.js';

export interface LeapsomeClientOptions {
  readonly baseUrl: string;
  /** SCIM bearer token. */
  readonly token: string;
  /** The fields the sync owns: users are read with these (default: what it owns without `fields`). */
  readonly fields?: readonly FieldName[];
  readonly http?: HttpOverrides;
}

export interface LeapsomeClient {
  /** Every user and team; user records are reported to `progress` page by page. */
  readState(progress?: ProgressCounter): Promise<LeapsomeState>;
  findUserByUserName(email: string): Promise<LeapsomeUser | null>;
  /** Returns the created user, or the existing user with that userName (the caller reconciles it). */
  createUser(attributes: UserAttributes): Promise<LeapsomeUser>;
  patchUser(id: string, patch: UserPatch): Promise<LeapsomeUser>;
  /** Returns the created team, or the existing team of that name (the caller decides whether it is ours). */
  createTeam(displayName: string, externalId: string): Promise<LeapsomeTeam>;
  findTeamByName(displayName: string): Promise<LeapsomeTeam | null>;
  /** Throws RangeError for more than 100 members. */
  patchTeam(id: string, patch: TeamPatch): Promise<void>;
  stats(): HttpStats;
  close(): Promise<void>;
}

/** "At most 30 requests per second in parallel" (spec); the pacer adds a safety margin. */
export const LEAPSOME_LIMITS: readonly WindowLimit[] = [{ max: 30, windowMs: 1_000 }];

const LEAPSOME_HTTP_DEFAULTS: HttpOverrides = {
  limits: LEAPSOME_LIMITS,
  maxConcurrency: 10,
  timeoutMs: 30_000,
  retry: { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 10_000, maxTotalRetryMs: 60_000, min429DelayMs: 1_000 },
};

/**
 * Leapsome serves up to 5,000 users per page, but a page that large is ~30 MB of parsed JSON that
 * survives into V8's old generation: at 20k users it adds ~30 MB to peak RSS. Pages of 1,000 cost
 * 4× the list requests, read while Personio's much slower pages are read, so no wall time.
 */
const USERS_PAGE_SIZE = 1_000;
const GROUPS_PAGE_SIZE = 1_000;
/** Resources parsed between two chances for other answers to be seen (see cpu-slices.ts). */
const RESOURCES_PER_SLICE = 20;
/** POSTs per create when outcomes stay unknown; each is preceded by a lookup that found nothing. */
const MAX_CREATE_POSTS = 3;
const MAX_PAGES = 1_000;

export function createLeapsomeClient(options: LeapsomeClientOptions): LeapsomeClient {
  const projection = options.fields === undefined ? DEFAULT_PROJECTION : projectionOf(options.fields);
  const parseUser = (raw: unknown): Parsed<LeapsomeUser> => parseUserResource(raw, projection);
  const http = createHttpClient({
    ...LEAPSOME_HTTP_DEFAULTS,
    ...options.http,
    retry: { ...LEAPSOME_HTTP_DEFAULTS.retry, ...options.http?.retry },
    name: 'leapsome',
    baseUrl: options.baseUrl,
    headers: { ...options.http?.headers, Authorization: `Bearer ${options.token}` },
  });

  async function getList(path: '/Users' | '/Groups', endpoint: string, query: Record<string, string | number>): Promise<ListResponse> {
    const { body } = await http.request({ method: 'GET', endpoint, path, query, idempotent: true });
    return parseBody(listResponse, body, 'leapsome', `GET ${endpoint}`);
  }

  /**
   * Every resource, page after page (startIndex is 1-based), each page parsed as it arrives. The
   * pages are read while Personio's much slower pages are read, so fetching them one at a time costs
   * no wall time and keeps only one page of raw JSON in memory. Resources added while reading show
   * up as a larger totalResults and are read too.
   */
  async function readAll<T>(
    path: '/Users' | '/Groups',
    count: number,
    parse: (raw: unknown) => Parsed<T>,
    progress?: ProgressCounter,
  ): Promise<Parsed<T>[]> {
    const parsed: Parsed<T>[] = [];
    let expected = 0;
    for (let startIndex = 1, pages = 1; ; pages += 1) {
      const list = await getList(path, path, { startIndex, count });
      const resources = list.Resources ?? [];
      const total = list.totalResults ?? 0;
      // In slices: a page of 1,000 users parsed in one go would hold up Personio's answers.
      for (const item of await mapInSlices(resources, parse, RESOURCES_PER_SLICE)) parsed.push(item);
      if (progress !== undefined) {
        // Resources added while reading make the total grow.
        const known = Math.max(total, parsed.length);
        if (known > expected) progress.grow(known - expected);
        expected = Math.max(expected, known);
        progress.advance(resources.length);
      }
      if (resources.length === 0) {
        if (startIndex === 1 && total > 0)
          throw new ResponseShapeError('leapsome', `GET ${path}`, `totalResults is ${total} but no resources were returned`);
        return parsed;
      }
      startIndex += resources.length;
      if (startIndex > total) return parsed;
      if (pages >= MAX_PAGES) throw new ResponseShapeError('leapsome', `GET ${path}`, 'pagination does not end');
    }
  }

  async function readState(progress?: ProgressCounter): Promise<LeapsomeState> {
    const [users, groups] = await Promise.all([
      readAll('/Users', USERS_PAGE_SIZE, parseUser, progress),
      readAll('/Groups', GROUPS_PAGE_SIZE, parseTeam),
    ]);
    const rejected: RejectedRecord[] = [];
    return { users: dedupeById(users, rejected), teams: dedupeById(groups, rejected), rejected };
  }

  async function findUserByUserName(email: string): Promise<LeapsomeUser | null> {
    const list = await getList('/Users', '/Users?filter', { filter: scimEquals('userName', email) });
    const wanted = email.trim().toLowerCase();
    return pickMatch(list, 'GET /Users?filter', parseUser, (user) => user.userName.trim().toLowerCase() === wanted);
  }

  async function findTeamByName(displayName: string): Promise<LeapsomeTeam | null> {
    const list = await getList('/Groups', '/Groups?filter', { filter: scimEquals('displayName', displayName) });
    const label = 'GET /Groups?filter';
    // Prefer the exact name; a case-insensitive match is what a 409 "name in use" most likely meant.
    return (
      pickMatch(list, label, parseTeam, (team) => team.displayName === displayName) ??
      pickMatch(list, label, parseTeam, (team) => team.displayName.toLowerCase() === displayName.toLowerCase())
    );
  }

  /**
   * POSTs a create; on "already exists" (409, or 201 without a resource) or an unknown outcome it
   * looks the resource up first. Only when an unknown outcome is followed by "not found" is the
   * POST sent again, so a resource is never created twice.
   */
  async function createOnce<T>(
    resource: 'user' | 'team',
    path: '/Users' | '/Groups',
    body: Record<string, unknown>,
    parse: (raw: unknown) => Parsed<T>,
    lookup: () => Promise<T | null>,
  ): Promise<T> {
    let lastUnknown: UnknownOutcomeError | null = null;
    for (let post = 1; post <= MAX_CREATE_POSTS; post += 1) {
      let outcome: 'exists' | 'unknown';
      try {
        const response = await http.request({ method: 'POST', endpoint: path, body, idempotent: false });
        const created = parse(response.body);
        if (created.ok) return created.value;
        outcome = 'exists';
      } catch (error) {
        if (error instanceof UnknownOutcomeError) {
          outcome = 'unknown';
          lastUnknown = error;
        } else if (error instanceof HttpError && error.status === 409) outcome = 'exists';
        else throw error;
      }
      const found = await lookup();
      if (found !== null) return found;
      if (outcome === 'exists') throw new ExistingResourceNotFoundError(resource, `POST ${path}`);
    }
    throw lastUnknown ?? new Error(`leapsome POST ${path}: gave up`);
  }

  function createUser(attributes: UserAttributes): Promise<LeapsomeUser> {
    return createOnce('user', '/Users', createUserBody(attributes), parseUser, () => findUserByUserName(attributes.userName));
  }

  function createTeam(displayName: string, externalId: string): Promise<LeapsomeTeam> {
    return createOnce('team', '/Groups', { displayName, externalId }, parseTeam, () => findTeamByName(displayName));
  }

  async function patchUser(id: string, patch: UserPatch): Promise<LeapsomeUser> {
    const path = `/Users/${encodeURIComponent(id)}`;
    // Setting the same values again is harmless, so PATCH may be retried.
    const { body } = await http.request({ method: 'PATCH', endpoint: '/Users/:id', path, body: patchUserBody(patch), idempotent: true });
    const updated = parseUser(body);
    if (updated.ok) return updated.value;
    // The spec promises the updated user; if the body is not one, read it back instead.
    const reread = parseUser((await http.request({ method: 'GET', endpoint: '/Users/:id', path, idempotent: true })).body);
    if (reread.ok) return reread.value;
    throw new ResponseShapeError('leapsome', 'GET /Users/:id', reread.rejected.reason);
  }

  async function patchTeam(id: string, patch: TeamPatch): Promise<void> {
    const body = patchTeamBody(patch);
    await http.request({
      method: 'PATCH',
      endpoint: '/Groups/:id',
      path: `/Groups/${encodeURIComponent(id)}`,
      body,
      idempotent: true,
    });
  }

  return {
    readState,
    findUserByUserName,
    createUser,
    patchUser,
    createTeam,
    findTeamByName,
    patchTeam,
    stats: () => http.stats(),
    close: () => http.close(),
  };
}

function pickMatch<T>(list: ListResponse, label: string, parse: (raw: unknown) => Parsed<T>, matches: (value: T) => boolean): T | null {
  const resources = list.Resources ?? [];
  let unreadable: string | null = null;
  for (const raw of resources) {
    const parsed = parse(raw);
    if (parsed.ok && matches(parsed.value)) return parsed.value;
    if (!parsed.ok) unreadable ??= parsed.rejected.reason;
  }
  // A candidate we cannot read might be the one we are looking for: do not report "not found".
  if (unreadable !== null) throw new ResponseShapeError('leapsome', label, unreadable);
  return null;
}

function dedupeById<T extends { readonly id: string }>(results: readonly Parsed<T>[], rejected: RejectedRecord[]): T[] {
  const seen = new Set<string>();
  const values: T[] = [];
  for (const result of results) {
    if (!result.ok) {
      rejected.push(result.rejected);
      continue;
    }
    if (seen.has(result.value.id)) continue;
    seen.add(result.value.id);
    values.push(result.value);
  }
  return values;
}
