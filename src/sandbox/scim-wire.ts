// Leapsome SCIM wire format: parsing request bodies (partial resource objects, not PatchOp) into
// store changes, and rendering users, groups, lists and errors as the spec shows them.

import { isRecord, jsonResponse, type SandboxResponse } from './http-util.js';
import { ENTERPRISE, ScimError, type GroupChanges, type ScimGroup, type ScimStore, type ScimUser, type UserChanges } from './scim-store.js';

export const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const CORE_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

const bad = (detail: string, scimType = 'invalidValue'): ScimError => new ScimError(400, detail, scimType);

// ---- errors ------------------------------------------------------------------------------------

/** RFC 7644 error body; `status` is a string as in Leapsome's 404 example. */
export function scimError(status: number, detail: string, scimType?: string, headers: Record<string, string> = {}): SandboxResponse {
  return jsonResponse(
    status,
    { schemas: [ERROR], status: String(status), ...(scimType === undefined ? {} : { scimType }), detail },
    headers,
  );
}

/** Exactly the documented 404 body. */
export function notFound(): SandboxResponse {
  return jsonResponse(404, { schemas: [ERROR], detail: 'Resource not found', status: '404' });
}

// ---- parsing -----------------------------------------------------------------------------------

export function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw bad('The request body is not valid JSON.', 'invalidSyntax');
  }
  if (!isRecord(value)) throw bad('The request body must be a JSON object.', 'invalidSyntax');
  return value;
}

/** A string attribute: absent -> undefined, null or '' -> null (clears), anything else -> 400. */
function optString(obj: Record<string, unknown>, key: string, path = key): string | null | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (v === null || v === '') return null;
  if (typeof v !== 'string') throw bad(`${path} must be a string.`);
  return v;
}

export interface ParseUserOptions {
  /** Honour ENT.* and the top-level manager/location (PATCH/PUT always; POST only if configured). */
  readonly extension: boolean;
}

/** A UserDefinition body (POST, PATCH, PUT). userName is required in all three. */
export function parseUserDefinition(body: Record<string, unknown>, options: ParseUserOptions): UserChanges & { userName: string } {
  const userName = body.userName;
  if (typeof userName !== 'string' || userName.trim() === '') {
    const schemas = Array.isArray(body.schemas) ? body.schemas : [];
    const hint = schemas.includes(PATCH_OP) ? ' PatchOp bodies are not supported here: send a partial resource object with userName.' : '';
    throw bad(`The userName field is required.${hint}`);
  }
  const out: UserChanges & { userName: string } = { userName };
  const changes: UserChanges = out;
  const set = <K extends keyof UserChanges>(key: K, value: UserChanges[K] | undefined): void => {
    if (value !== undefined) changes[key] = value;
  };
  const name = body.name;
  if (name === null) {
    out.givenName = null;
    out.familyName = null;
  } else if (name !== undefined) {
    if (!isRecord(name)) throw bad('name must be an object.');
    set('givenName', optString(name, 'givenName', 'name.givenName'));
    set('familyName', optString(name, 'familyName', 'name.familyName'));
  }
  set('displayName', optString(body, 'displayName'));
  set('title', optString(body, 'title'));
  set('externalId', optString(body, 'externalId'));
  if (body.active !== undefined) {
    if (typeof body.active !== 'boolean') throw bad('active must be a boolean.');
    out.active = body.active;
  }
  if (body.photos !== undefined) {
    if (body.photos === null) out.photo = null;
    else if (!Array.isArray(body.photos)) throw bad('photos must be an array.');
    else {
      const first: unknown = body.photos[0];
      if (first === undefined) out.photo = null;
      else if (!isRecord(first) || typeof first.value !== 'string') throw bad('photos[0].value must be a string.');
      else out.photo = first.value;
    }
  }
  if (!options.extension) return out;

  set('location', optString(body, 'location'));
  set('manager', optString(body, 'manager'));
  const ent = body[ENTERPRISE];
  if (ent === undefined || ent === null) return out;
  if (!isRecord(ent)) throw bad(`${ENTERPRISE} must be an object.`);
  const path = (key: string): string => `${ENTERPRISE}:${key}`;
  // The enterprise spelling wins when both are given.
  set('manager', optString(ent, 'manager', path('manager')));
  set('location', optString(ent, 'location', path('location')));
  for (const key of ['department', 'costCenter', 'division', 'level', 'startDate', 'endDate', 'birthday', 'gender'] as const) {
    set(key, optString(ent, key, path(key)));
  }
  const extra = ent.additionalManagers;
  if (extra === null) out.additionalManagers = null;
  else if (typeof extra === 'string')
    out.additionalManagers = extra
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''); // help text: comma-separated
  else if (Array.isArray(extra)) {
    out.additionalManagers = extra.map((v: unknown) => {
      if (typeof v !== 'string') throw bad(`${path('additionalManagers')} must be an array of strings.`);
      return v;
    });
  } else if (extra !== undefined) throw bad(`${path('additionalManagers')} must be an array of strings.`);
  const custom: Record<string, string | null> = {};
  for (const key of Object.keys(ent)) {
    if (!/^[0-9a-f]{24}$/i.test(key)) continue;
    custom[key] = optString(ent, key, path(key)) ?? null;
  }
  if (Object.keys(custom).length > 0) out.custom = custom;
  return out;
}

/** PATCH /Groups/{id} body: displayName, externalId, replaceMembers, members[{value}]. */
export function parseGroupPatch(body: Record<string, unknown>): GroupChanges {
  const out: GroupChanges = {};
  if (body.displayName !== undefined) {
    if (typeof body.displayName !== 'string') throw bad('The displayName field is malformed.');
    out.displayName = body.displayName;
  }
  const externalId = optString(body, 'externalId');
  if (externalId !== undefined) out.externalId = externalId;
  if (body.replaceMembers !== undefined) {
    if (typeof body.replaceMembers !== 'boolean') throw bad('replaceMembers must be a boolean.');
    out.replaceMembers = body.replaceMembers;
  }
  if (body.members !== undefined) {
    if (!Array.isArray(body.members)) throw bad('members must be an array.');
    out.members = body.members.map((m: unknown) => {
      if (!isRecord(m) || typeof m.value !== 'string' || m.value === '') throw bad('Each member must be an object with a string value.');
      return m.value;
    });
  }
  return out;
}

// ---- rendering ---------------------------------------------------------------------------------

export function displayNameOf(u: ScimUser): string {
  return u.displayName ?? ([u.givenName, u.familyName].filter((s) => s !== null).join(' ') || u.userName);
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * A user as Leapsome returns it: manager READ as objects (ENT.manager {managerId, displayName},
 * top-level manager {value}), one primary work email = userName, teams in groups[].
 */
export function renderUser(u: ScimUser, store: ScimStore, baseUrl: string): Record<string, unknown> {
  const ent: Record<string, unknown> = {};
  const managerRef = (id: string): unknown => {
    const m = store.userById(id);
    return { managerId: id, displayName: m === undefined ? '' : displayNameOf(m) };
  };
  if (u.managerId !== null) ent.manager = managerRef(u.managerId);
  ent.additionalManagers = u.additionalManagerIds.map(managerRef);
  ent.attachments = [];
  const optional = {
    department: u.department,
    costCenter: u.costCenter,
    division: u.division,
    level: u.level,
    startDate: u.startDate,
    endDate: u.endDate,
    birthday: u.birthday,
    gender: u.gender,
    employmentType: u.employmentType,
    location: u.location,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== null) ent[key] = value;
  for (const [key, value] of u.custom) ent[key] = value;

  const name: Record<string, string> = {};
  if (u.givenName !== null) name.givenName = u.givenName;
  if (u.familyName !== null) name.familyName = u.familyName;
  const formatted = [u.givenName, u.familyName].filter((s) => s !== null).join(' ');
  if (formatted !== '') name.formatted = formatted;

  return {
    schemas: [CORE_USER, ENTERPRISE],
    id: u.id,
    externalId: u.externalId,
    userName: u.userName,
    name,
    displayName: displayNameOf(u),
    title: u.title ?? 'Colleague',
    active: u.active,
    emails: [{ primary: true, type: 'work', value: u.userName }],
    photos: u.photo === null ? [] : [{ value: u.photo, type: 'photo' }],
    groups: [...u.groups].map((value) => ({ value })),
    ...(u.managerId === null ? {} : { manager: { value: u.managerId } }),
    [ENTERPRISE]: ent,
    meta: {
      resourceType: 'User',
      created: iso(u.created),
      lastModified: iso(u.lastModified),
      location: `${baseUrl}/Users/${u.id}`,
      version: `W/"${u.version}"`,
    },
  };
}

/** Groups never list their members (spec: `members` maxItems 0); membership shows in users' groups[]. */
export function renderGroup(g: ScimGroup, baseUrl: string): Record<string, unknown> {
  return {
    schemas: [CORE_GROUP],
    id: g.id,
    displayName: g.displayName,
    externalId: g.externalId,
    members: [],
    meta: {
      resourceType: 'Group',
      created: iso(g.created),
      lastModified: iso(g.lastModified),
      location: `${baseUrl}/Groups/${g.id}`,
      version: `W/"${g.version}"`,
    },
  };
}

export function listResponse(totalResults: number, startIndex: number, resources: readonly unknown[]): Record<string, unknown> {
  return { schemas: [LIST_RESPONSE], totalResults, itemsPerPage: resources.length, startIndex, Resources: resources };
}

export function serviceProviderConfig(maxResults: number): Record<string, unknown> {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    documentationUrl: 'https://leapsome.zendesk.com/hc/en-us/articles/8759199332765-SCIM-API-Access',
    patch: { supported: true },
    bulk: { supported: false },
    filter: { supported: true, maxResults },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    // The spec models this as one object (RFC 7643 has an array).
    authenticationSchemes: {
      name: 'OAuth Bearer Token',
      description: 'Authentication scheme using the SCIM token generated in the Leapsome admin area',
      specUrl: 'https://www.rfc-editor.org/info/rfc6750',
      documentationUrl: 'https://leapsome.zendesk.com/hc/en-us/articles/8759199332765-SCIM-API-Access',
    },
  };
}

export interface Filter {
  readonly attribute: string;
  readonly value: string;
}

/** `attr eq "value"` (or unquoted); anything else is an invalidFilter 400. */
export function parseEqFilter(filter: string): Filter {
  const match = /^\s*([A-Za-z][\w.:-]*)\s+eq\s+(?:"((?:[^"\\]|\\.)*)"|(\S+))\s*$/i.exec(filter);
  if (match === null) throw bad(`Unsupported filter "${filter}": only the "eq" operator is supported.`, 'invalidFilter');
  const quoted = match[2];
  const value = quoted === undefined ? (match[3] ?? '') : quoted.replace(/\\(.)/g, '$1');
  return { attribute: (match[1] ?? '').toLowerCase(), value };
}
