// Fake Leapsome SCIM API (https://api.leapsome.com/scim/v1/api-docs/): /Users, /Groups,
// /ServiceProviderConfig behind a static bearer token, with the documented quirks and limits.

import type { Admission, ApiDefinition } from './api-server.js';
import { defaultLogBody } from './api-server.js';
import { bearerToken, JsonCache, jsonResponse, type SandboxRequest, type SandboxResponse } from './http-util.js';
import { admit, SlidingWindow } from './rate-limit.js';
import { ScimError, type ScimGroup, type ScimStore, type ScimUser } from './scim-store.js';
import {
  listResponse,
  notFound,
  parseEqFilter,
  parseGroupPatch,
  parseJsonObject,
  parseUserDefinition,
  renderGroup,
  renderUser,
  scimError,
  serviceProviderConfig,
} from './scim-wire.js';

export interface ScimSettings {
  readonly token: string;
  /** Path prefix of the API, default `/scim/v1`. */
  readonly basePath: string;
  /**
   * POST /Users for a userName that exists: `'empty201'` answers 201 `{}` (the documented quirk,
   * default); `'conflict409'` answers 409.
   */
  readonly existingUserOnPost: 'empty201' | 'conflict409';
  /** `filter=externalId eq …` on /Users: UNCONFIRMED in the real API, so a 400 unless enabled. */
  readonly externalIdFilter: boolean;
  /** Whether POST /Users applies manager, location and ENT.* (UNCONFIRMED; default false). */
  readonly honourExtensionOnPost: boolean;
}

export interface LeapsomeRateLimits {
  readonly enabled: boolean;
  /** Requests per sliding second (documented: 30). */
  readonly perSecond: number;
  /** Whether 429s carry Retry-After (not documented, so off by default). */
  readonly retryAfter: boolean;
}

export const DEFAULT_LEAPSOME_RATE_LIMITS: LeapsomeRateLimits = { enabled: true, perSecond: 30, retryAfter: false };

const MAX_USERS_PER_PAGE = 5000;
const MAX_GROUPS_PER_PAGE = 1000;

type Resource = 'Users' | 'Groups' | 'ServiceProviderConfig';
const RESOURCES: Readonly<Record<string, Resource>> = {
  users: 'Users',
  groups: 'Groups',
  serviceproviderconfig: 'ServiceProviderConfig',
};

export class ScimApi implements ApiDefinition {
  readonly api = 'leapsome' as const;
  /** Absolute URL of the API root; set once the server listens (used in meta.location). */
  baseUrl = '';
  private readonly rendered = new JsonCache<string>();
  private limits: LeapsomeRateLimits = DEFAULT_LEAPSOME_RATE_LIMITS;
  private window = new SlidingWindow(DEFAULT_LEAPSOME_RATE_LIMITS.perSecond, 1000);

  constructor(
    private readonly store: ScimStore,
    readonly settings: ScimSettings,
  ) {}

  setRateLimits(partial: Partial<LeapsomeRateLimits>): void {
    this.limits = { ...this.limits, ...partial };
    this.window = new SlidingWindow(this.limits.perSecond, 1000);
  }

  getRateLimits(): LeapsomeRateLimits {
    return { ...this.limits };
  }

  // ---- ApiDefinition ---------------------------------------------------------------------------

  /** `/Users`, `/Users/:id`, …; resource names are matched case-insensitively (Merge uses /users). */
  route(_method: string, path: string): string {
    const parsed = this.parsePath(path);
    if (parsed === null) return path;
    if (parsed.resource === null) return parsed.rest;
    return parsed.id === null ? `/${parsed.resource}` : `/${parsed.resource}/:id`;
  }

  admit(_req: SandboxRequest, _route: string, now: number): Admission {
    if (!this.limits.enabled) return { waitMs: 0, retryAfter: false };
    return { waitMs: admit([this.window], now), retryAfter: this.limits.retryAfter };
  }

  errorResponse(status: number, message: string, headers: Record<string, string> = {}): SandboxResponse {
    return scimError(status, message, undefined, headers);
  }

  logBody(req: SandboxRequest): unknown {
    return defaultLogBody(req);
  }

  handle(req: SandboxRequest): SandboxResponse {
    // Nothing in Leapsome's SCIM API deletes; the sandbox refuses and the log keeps the attempt.
    if (req.method === 'DELETE') return scimError(405, 'DELETE is not supported.', undefined, { allow: 'GET, POST, PATCH, PUT' });
    if (bearerToken(req.headers) !== this.settings.token) return scimError(403, 'Invalid token passed');
    const parsed = this.parsePath(req.path);
    if (parsed === null || parsed.resource === null) return notFound();
    try {
      return this.dispatch(req, parsed.resource, parsed.id);
    } catch (err) {
      if (err instanceof ScimError) return scimError(err.status, err.detail, err.scimType);
      throw err;
    }
  }

  // ---- endpoints -------------------------------------------------------------------------------

  private dispatch(req: SandboxRequest, resource: Resource, id: string | null): SandboxResponse {
    const m = req.method;
    const notAllowed = (allow: string): SandboxResponse => scimError(405, `${m} is not supported here.`, undefined, { allow });
    if (resource === 'ServiceProviderConfig') {
      return m === 'GET' && id === null ? jsonResponse(200, serviceProviderConfig(MAX_USERS_PER_PAGE)) : notAllowed('GET');
    }
    if (resource === 'Users') {
      if (id === null) return m === 'GET' ? this.listUsers(req) : m === 'POST' ? this.createUser(req) : notAllowed('GET, POST');
      if (m === 'GET') return this.getUser(id);
      if (m === 'PATCH' || m === 'PUT') return this.updateUser(req, id, m === 'PUT');
      return notAllowed('GET, PATCH, PUT');
    }
    if (id === null) return m === 'GET' ? this.listGroups(req) : m === 'POST' ? this.createGroup(req) : notAllowed('GET, POST');
    if (m === 'GET') return this.getGroup(id);
    if (m === 'PATCH') return this.patchGroup(req, id);
    return notAllowed('GET, PATCH');
  }

  private listUsers(req: SandboxRequest): SandboxResponse {
    const { startIndex, count } = paging(req.query, MAX_USERS_PER_PAGE, MAX_USERS_PER_PAGE);
    const filter = req.query.get('filter');
    let matches: readonly ScimUser[];
    if (filter === null || filter.trim() === '') matches = this.store.users();
    else {
      const f = parseEqFilter(filter);
      if (f.attribute === 'username') {
        const user = this.store.userByUserName(f.value);
        matches = user === undefined ? [] : [user];
      } else if (f.attribute === 'externalid' && this.settings.externalIdFilter) {
        matches = this.store.usersByExternal(f.value);
      } else {
        throw new ScimError(400, `Filtering on "${f.attribute}" is not supported; only userName eq is.`, 'invalidFilter');
      }
    }
    const page = matches.slice(startIndex - 1, startIndex - 1 + count).map((u) => this.renderedUser(u));
    // The envelope with the users' cached JSON spliced in as `Resources`.
    const envelope = JSON.stringify({ ...listResponse(matches.length, startIndex, page), Resources: [] });
    const body = `${envelope.slice(0, -'[]}'.length)}[${page.join(',')}]}`;
    return { ...jsonResponse(200, {}), body };
  }

  /** A user as JSON, rendered again only once the store changed. */
  private renderedUser(user: ScimUser): string {
    return this.rendered.text(`${this.store.revision}|${this.baseUrl}`, user.id, () => renderUser(user, this.store, this.baseUrl));
  }

  private createUser(req: SandboxRequest): SandboxResponse {
    const changes = parseUserDefinition(parseJsonObject(req.body), { extension: this.settings.honourExtensionOnPost });
    this.store.checkUserName(changes.userName, { checkDomain: true });
    if (this.store.userByUserName(changes.userName) !== undefined) {
      if (this.settings.existingUserOnPost === 'empty201') return jsonResponse(201, {});
      throw new ScimError(409, `The userName "${changes.userName}" is already in use.`, 'uniqueness');
    }
    const user = this.store.createUser(changes, { checkDomain: true });
    return jsonResponse(201, renderUser(user, this.store, this.baseUrl), { location: `${this.baseUrl}/Users/${user.id}` });
  }

  private getUser(id: string): SandboxResponse {
    const user = this.store.findUser(id);
    return user === undefined ? notFound() : jsonResponse(200, renderUser(user, this.store, this.baseUrl));
  }

  /** Writes address users by Leapsome id only (externalId in the path is UNCONFIRMED for writes). */
  private updateUser(req: SandboxRequest, id: string, replace: boolean): SandboxResponse {
    const user = this.store.userById(id);
    if (user === undefined) return notFound();
    const changes = parseUserDefinition(parseJsonObject(req.body), { extension: true });
    this.store.updateUser(user, changes, { checkDomain: true, replace });
    return jsonResponse(200, renderUser(user, this.store, this.baseUrl));
  }

  private listGroups(req: SandboxRequest): SandboxResponse {
    // "We return all results if none is given": no count means every group; an explicit count caps at 1000.
    const { startIndex, count } = paging(req.query, MAX_GROUPS_PER_PAGE, Number.MAX_SAFE_INTEGER);
    const filter = req.query.get('filter');
    let matches: readonly ScimGroup[];
    if (filter === null || filter.trim() === '') matches = this.store.groups();
    else {
      const f = parseEqFilter(filter);
      if (f.attribute !== 'displayname') {
        throw new ScimError(400, `Filtering on "${f.attribute}" is not supported; only displayName eq is.`, 'invalidFilter');
      }
      const group = this.store.groupByName(f.value);
      matches = group === undefined ? [] : [group];
    }
    const page = matches.slice(startIndex - 1, startIndex - 1 + count).map((g) => renderGroup(g, this.baseUrl));
    return jsonResponse(200, listResponse(matches.length, startIndex, page));
  }

  private createGroup(req: SandboxRequest): SandboxResponse {
    const body = parseJsonObject(req.body);
    if (typeof body.displayName !== 'string') throw new ScimError(400, 'The displayName field is not set.', 'invalidValue');
    if (body.externalId !== undefined && body.externalId !== null && typeof body.externalId !== 'string') {
      throw new ScimError(400, 'externalId must be a string.', 'invalidValue');
    }
    // members on POST are not documented; they are ignored (add them with PATCH).
    const externalId = typeof body.externalId === 'string' && body.externalId !== '' ? body.externalId : null;
    const group = this.store.createGroup(body.displayName, externalId);
    return jsonResponse(201, renderGroup(group, this.baseUrl), { location: `${this.baseUrl}/Groups/${group.id}` });
  }

  private getGroup(id: string): SandboxResponse {
    const group = this.store.findGroup(id);
    return group === undefined ? notFound() : jsonResponse(200, renderGroup(group, this.baseUrl));
  }

  private patchGroup(req: SandboxRequest, id: string): SandboxResponse {
    const group = this.store.groupById(id);
    if (group === undefined) return notFound();
    this.store.updateGroup(group, parseGroupPatch(parseJsonObject(req.body)));
    return jsonResponse(200, renderGroup(group, this.baseUrl));
  }

  private parsePath(path: string): { resource: Resource | null; id: string | null; rest: string } | null {
    const base = this.settings.basePath;
    if (path !== base && !path.startsWith(`${base}/`)) return null;
    const rest = path.slice(base.length) || '/';
    const parts = rest.split('/').filter((p) => p !== '');
    const resource = RESOURCES[(parts[0] ?? '').toLowerCase()] ?? null;
    if (resource === null || parts.length > 2) return { resource: null, id: null, rest };
    let id: string | null = null;
    if (parts[1] !== undefined) {
      try {
        id = decodeURIComponent(parts[1]);
      } catch {
        id = parts[1];
      }
    }
    return { resource, id, rest };
  }
}

/** SCIM paging: startIndex is 1-based (values < 1 read as 1), count is capped at `max` (negative = 0). */
function paging(query: URLSearchParams, max: number, defaultCount: number): { startIndex: number; count: number } {
  const int = (name: string): number | null => {
    const raw = query.get(name);
    if (raw === null || raw === '') return null;
    if (!/^-?\d+$/.test(raw.trim())) throw new ScimError(400, `${name} must be an integer.`, 'invalidValue');
    return Number(raw);
  };
  const start = int('startIndex');
  const count = int('count');
  return {
    startIndex: start === null || start < 1 ? 1 : start,
    count: count === null ? defaultCount : Math.max(0, Math.min(max, count)),
  };
}
