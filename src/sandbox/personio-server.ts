// Fake Personio API v1: POST /v1/auth and the employees endpoints, with the documented auth rules,
// paging limits, whitelist, error envelope and rate limits, as Personio documents them:
// https://developer.personio.de/reference/auth, https://github.com/personio/api-docs
// (personio-personnel-data-api-oa3.yaml) and
// https://developer.personio.de/changelog/rate-limits-on-get-employees-endpoint-may-6-2024.

import { randomBytes } from 'node:crypto';
import { defaultLogBody, type Admission, type ApiDefinition } from './api-server.js';
import type { FaultInjector } from './faults.js';
import {
  bearerToken,
  header,
  isRecord,
  JsonCache,
  jsonResponse,
  tryParseJson,
  type SandboxRequest,
  type SandboxResponse,
} from './http-util.js';
import { PersonioCatalogue, personioError, type AttributeDefinition, type SupervisorShape } from './personio-wire.js';
import type { PersonioEntry, PersonioStore } from './personio-store.js';
import type { SandboxEmployee } from './company.js';
import { admit, SlidingWindow } from './rate-limit.js';

export interface PersonioSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Readable attribute keys for the credential; null = every attribute the sandbox knows. */
  readonly whitelist: readonly string[] | null;
  /** Nested supervisor with names and email ('full', the ShortEmployee schema) or only its id. */
  readonly supervisorShape: SupervisorShape;
  /**
   * What `limit` > 100 does. Real behaviour is UNCONFIRMED; our default is a 400 with the v1
   * envelope so a client that asks for too much notices at once. 'cap' silently uses 100.
   */
  readonly limitAboveMax: 'error' | 'cap';
  readonly customAttributes?: readonly AttributeDefinition[];
}

export interface PersonioRateLimits {
  readonly enabled: boolean;
  /** GET /v1/company/employees: burst per second and per minute (sliding windows). */
  readonly employeesPerSecond: number;
  readonly employeesPerMinute: number;
  /** All v1 endpoints, per client IP. */
  readonly perIpPerMinute: number;
  /** POST /v1/auth, followed by a cool-down once exceeded. */
  readonly authPerMinute: number;
  readonly authCooldownMs: number;
  /** Whether 429s carry Retry-After (not documented for v1, so off by default). */
  readonly retryAfter: boolean;
}

export const DEFAULT_PERSONIO_RATE_LIMITS: PersonioRateLimits = {
  enabled: true,
  employeesPerSecond: 15,
  employeesPerMinute: 300,
  perIpPerMinute: 2000,
  authPerMinute: 60,
  authCooldownMs: 60_000,
  retryAfter: false,
};

const TOKEN_TTL_MS = 86_400_000;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;
const EMPLOYEES = '/v1/company/employees';

interface IssuedToken {
  readonly token: string;
  expiresAt: number;
}

export class PersonioApi implements ApiDefinition {
  readonly api = 'personio' as const;
  private readonly catalogue: PersonioCatalogue;
  private whitelist: Set<string> | null;
  private readonly tokens = new Map<string, IssuedToken>();
  private current: IssuedToken | null = null;
  private limits: PersonioRateLimits = DEFAULT_PERSONIO_RATE_LIMITS;
  private readonly perIp = new Map<string, SlidingWindow>();
  private employeeWindows: SlidingWindow[] = [];
  private authWindow = new SlidingWindow(60, 60_000);
  private authBlockedUntil = 0;
  /** Full listings begun (an unfiltered request at offset 0 begins one). */
  private listingCount = 0;
  private hidden: { readonly ids: ReadonlySet<number>; readonly listings: ReadonlySet<number> }[] = [];
  private midRead: { readonly listing: number; readonly change: () => void }[] = [];
  private readonly rendered = new JsonCache<number>();

  constructor(
    private readonly store: PersonioStore,
    private readonly settings: PersonioSettings,
    private readonly now: () => number,
    private readonly faults: FaultInjector | null = null,
  ) {
    this.catalogue = new PersonioCatalogue(settings.customAttributes);
    this.whitelist = settings.whitelist === null ? null : new Set(settings.whitelist);
    this.setRateLimits({});
  }

  // ---- control ---------------------------------------------------------------------------------

  setWhitelist(keys: readonly string[] | null): void {
    this.whitelist = keys === null ? null : new Set(keys);
  }

  getWhitelist(): string[] {
    return this.allowed().map((d) => d.key);
  }

  /** Makes every issued token expired: the next API call answers 401 and a new /auth gives a new token. */
  expireTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
    this.current = null;
  }

  setRateLimits(partial: Partial<PersonioRateLimits>): void {
    this.limits = { ...this.limits, ...partial };
    this.employeeWindows = [
      new SlidingWindow(this.limits.employeesPerSecond, 1000),
      new SlidingWindow(this.limits.employeesPerMinute, 60_000),
    ];
    this.authWindow = new SlidingWindow(this.limits.authPerMinute, 60_000);
    this.perIp.clear();
    this.authBlockedUntil = 0;
  }

  getRateLimits(): PersonioRateLimits {
    return { ...this.limits };
  }

  /** Full listings begun so far. */
  listings(): number {
    return this.listingCount;
  }

  /** Leaves these employees out of the next `count` full listings, totals included. */
  hideFromListings(ids: readonly number[], count: number): void {
    const listings = new Set(Array.from({ length: count }, (_, i) => this.listingCount + 1 + i));
    this.hidden.push({ ids: new Set(ids), listings });
  }

  /** Runs `change` right after the first page of each of the next `count` full listings is built. */
  duringListings(change: () => void, count: number): void {
    for (let i = 1; i <= count; i += 1) this.midRead.push({ listing: this.listingCount + i, change });
  }

  // ---- ApiDefinition ---------------------------------------------------------------------------

  route(_method: string, path: string): string {
    if (/^\/v1\/company\/employees\/\d+$/.test(path)) return `${EMPLOYEES}/:id`;
    return path;
  }

  admit(req: SandboxRequest, route: string, now: number): Admission {
    const l = this.limits;
    if (!l.enabled) return { waitMs: 0, retryAfter: false };
    let ip = this.perIp.get(req.remoteAddress);
    if (ip === undefined) {
      ip = new SlidingWindow(l.perIpPerMinute, 60_000);
      this.perIp.set(req.remoteAddress, ip);
    }
    const windows = [ip];
    if (route === '/v1/auth') {
      // Past the auth limit Personio documents a 60 s cool-down, not just a sliding window.
      if (now < this.authBlockedUntil) return { waitMs: this.authBlockedUntil - now, retryAfter: l.retryAfter };
      if (this.authWindow.waitMs(now) > 0) {
        this.authBlockedUntil = now + l.authCooldownMs;
        return { waitMs: l.authCooldownMs, retryAfter: l.retryAfter };
      }
      windows.push(this.authWindow);
    } else if (route.startsWith(EMPLOYEES)) {
      windows.push(...this.employeeWindows);
    }
    return { waitMs: admit(windows, now), retryAfter: l.retryAfter };
  }

  errorResponse(status: number, message: string, headers: Record<string, string> = {}): SandboxResponse {
    return jsonResponse(status, personioError(status, message), headers);
  }

  logBody(req: SandboxRequest, route: string): unknown {
    const body = defaultLogBody(req);
    if (route !== '/v1/auth') return body;
    const fields = isRecord(body) ? body : Object.fromEntries(new URLSearchParams(req.body));
    return { ...fields, ...('client_secret' in fields ? { client_secret: '[redacted]' } : {}) };
  }

  handle(req: SandboxRequest, route: string): SandboxResponse {
    if (route === '/v1/auth') {
      return req.method === 'POST' ? this.auth(req) : this.errorResponse(405, 'Method not allowed', { allow: 'POST' });
    }
    const known =
      route === EMPLOYEES ||
      route === `${EMPLOYEES}/:id` ||
      route === `${EMPLOYEES}/attributes` ||
      route === `${EMPLOYEES}/custom-attributes`;
    if (!known) return this.errorResponse(404, 'Es ist ein Problem aufgetreten');
    if (req.method !== 'GET') return this.errorResponse(405, 'Method not allowed', { allow: 'GET' });
    const auth = this.authenticate(req);
    if ('status' in auth) return auth;
    const headers = { authorization: `Bearer ${auth.token}` }; // the same token comes back
    if (route === EMPLOYEES) return this.listEmployees(req, headers);
    if (route === `${EMPLOYEES}/:id`) return this.oneEmployee(req, headers);
    const data = this.allowed().map((d) => ({
      key: d.key,
      label: d.label,
      type: d.type,
      universal_id: d.universal_id,
      options: d.options ?? [],
    }));
    return jsonResponse(200, { success: true, data }, headers);
  }

  // ---- endpoints -------------------------------------------------------------------------------

  private auth(req: SandboxRequest): SandboxResponse {
    if (req.query.has('client_id') || req.query.has('client_secret')) {
      return this.errorResponse(
        403,
        'Query-string credentials are no longer accepted; send client_id and client_secret in the request body',
      );
    }
    const { clientId, clientSecret } = parseCredentials(req);
    if (clientId === null || clientSecret === null) return this.errorResponse(400, 'client_id and client_secret are required');
    if (clientId !== this.settings.clientId || clientSecret !== this.settings.clientSecret) {
      return this.errorResponse(401, 'Sorry, you could not be authenticated with those credentials.');
    }
    const now = this.now();
    // One token per credential, stable for 24 h from its creation (https://developer.personio.de/reference/auth).
    if (this.current === null || this.current.expiresAt <= now) {
      this.current = { token: `papi-${randomBytes(24).toString('hex')}`, expiresAt: now + TOKEN_TTL_MS };
      this.tokens.set(this.current.token, this.current);
    }
    const expiresIn = Math.floor((this.current.expiresAt - now) / 1000);
    return jsonResponse(200, { success: true, data: { token: this.current.token, expires_in: expiresIn, scope: 'employees:read' } });
  }

  private authenticate(req: SandboxRequest): IssuedToken | SandboxResponse {
    if (header(req.headers, 'authorization') === null) return this.errorResponse(401, 'Authorization is not provided');
    const token = bearerToken(req.headers);
    const issued = token === null ? undefined : this.tokens.get(token);
    if (issued === undefined) return this.errorResponse(403, 'Provided authorization is not valid');
    // Expired tokens answer 401 (our choice; UNCONFIRMED) so a client's "re-auth once on 401" path runs.
    if (issued.expiresAt <= this.now()) return this.errorResponse(401, 'Authorization has expired');
    return issued;
  }

  private listEmployees(req: SandboxRequest, headers: Record<string, string>): SandboxResponse {
    const limitParam = req.query.get('limit');
    const offsetParam = req.query.get('offset');
    let limit = DEFAULT_LIMIT;
    if (limitParam !== null) {
      if (!/^\d+$/.test(limitParam) || Number(limitParam) < 1)
        return this.errorResponse(400, 'The limit parameter must be an integer of at least 1');
      limit = Number(limitParam);
      if (limit > MAX_LIMIT) {
        if (this.settings.limitAboveMax === 'error') return this.errorResponse(400, `The limit parameter must not exceed ${MAX_LIMIT}`);
        limit = MAX_LIMIT;
      }
    }
    if (offsetParam !== null && !/^\d+$/.test(offsetParam))
      return this.errorResponse(400, 'The offset parameter must be a non-negative integer');
    const offset = offsetParam === null ? 0 : Number(offsetParam);

    const since = req.query.get('updated_since');
    const email = req.query.get('email');
    let selected: readonly PersonioEntry[];
    if (since !== null) {
      // Timezone of updated_since is UNCONFIRMED; values without an offset are read as UTC. The
      // email filter is ignored together with updated_since, as documented.
      const sinceMs = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(since) || !since.includes('T') ? since : `${since}Z`);
      if (Number.isNaN(sinceMs)) return this.errorResponse(400, 'The updated_since parameter is not a valid date');
      selected = this.store.all().filter((e) => e.kind === 'employee' && Date.parse(e.employee.lastModifiedAt) > sinceMs);
    } else if (email !== null) {
      const match = this.store.byEmail(email);
      selected = match === undefined ? [] : [{ kind: 'employee', employee: match }];
    } else {
      // A full listing: the fault switches for "the list did not hold together" apply here.
      if (offset === 0) this.listingCount += 1;
      const listing = this.listingCount;
      const hidden = this.hidden.filter((h) => h.listings.has(listing));
      selected = this.store.all();
      if (hidden.length > 0) selected = selected.filter((e) => e.kind === 'raw' || !hidden.some((h) => h.ids.has(e.employee.id)));
    }
    const keys = this.projection(req.query);
    const page = selected.slice(offset, offset + limit);
    const kept = since === null && email === null ? page.filter(() => this.faults?.dropRecord('GET', EMPLOYEES) !== true) : page;
    const records = kept.map((entry) => (entry.kind === 'raw' ? JSON.stringify(entry.record) : this.renderedRecord(entry.employee, keys)));
    const total = selected.length;
    if (since === null && email === null && offset === 0) {
      const listing = this.listingCount;
      for (const change of this.midRead.filter((m) => m.listing === listing)) change.change();
      this.midRead = this.midRead.filter((m) => m.listing > listing);
    }
    const envelope = {
      success: true,
      metadata: { total_elements: total, current_page: Math.floor(offset / limit), total_pages: Math.ceil(total / limit) },
      offset,
      limit,
    };
    // The envelope with the records' cached JSON spliced in as `data`.
    const response = jsonResponse(200, {}, headers);
    const body = `${JSON.stringify(envelope).slice(0, -1)},"data":[${records.join(',')}]}`;
    return { ...response, body, ...(kept.length < page.length ? { fault: 'dropRecord' as const } : {}) };
  }

  /** One employee's record as JSON, rendered again only once the store or what is asked for changed. */
  private renderedRecord(employee: SandboxEmployee, keys: readonly AttributeDefinition[]): string {
    const key = `${this.store.revision}|${this.settings.supervisorShape}|${keys.map((k) => k.key).join(',')}`;
    return this.rendered.text(key, employee.id, () =>
      this.catalogue.render(employee, keys, (id) => this.store.lookup(id), this.settings.supervisorShape),
    );
  }

  private oneEmployee(req: SandboxRequest, headers: Record<string, string>): SandboxResponse {
    const id = Number(req.path.slice(req.path.lastIndexOf('/') + 1));
    const employee = this.store.lookup(id);
    if (employee === undefined) return this.errorResponse(404, 'Es ist ein Problem aufgetreten');
    const data = this.catalogue.render(employee, this.projection(req.query), (i) => this.store.lookup(i), this.settings.supervisorShape);
    return jsonResponse(200, { success: true, data }, headers);
  }

  /** Whitelisted attributes, narrowed by `attributes[]` when given; `id` is always included. */
  private projection(query: URLSearchParams): AttributeDefinition[] {
    const asked = [...query.getAll('attributes[]'), ...query.getAll('attributes')].flatMap((v) => v.split(','));
    const wanted = asked.length === 0 ? null : new Set(asked.map((a) => a.trim()));
    return this.catalogue.definitions.filter(
      (d) => d.key === 'id' || ((this.whitelist === null || this.whitelist.has(d.key)) && (wanted === null || wanted.has(d.key))),
    );
  }

  private allowed(): AttributeDefinition[] {
    return this.catalogue.definitions.filter((d) => this.whitelist === null || this.whitelist.has(d.key));
  }
}

function parseCredentials(req: SandboxRequest): { clientId: string | null; clientSecret: string | null } {
  const type = header(req.headers, 'content-type') ?? '';
  let fields: Record<string, unknown> = {};
  const json = type.includes('application/x-www-form-urlencoded') ? undefined : tryParseJson(req.body);
  if (isRecord(json)) fields = json;
  else if (!type.includes('application/json')) fields = Object.fromEntries(new URLSearchParams(req.body));
  const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  return { clientId: str(fields.client_id), clientSecret: str(fields.client_secret) };
}
