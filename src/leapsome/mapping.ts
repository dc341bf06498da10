// SCIM resources <-> domain values. Empty strings read as null; on write, null is sent as "" (how
// Leapsome clears a field is UNCONFIRMED, and "" is the plausible string form).

import type { TeamPatch, UserPatch } from '../domain/ports.js';
import { DEFAULT_FIELD_SOURCES, type FieldName, type ProfileField } from '../domain/fields.js';
import type { LeapsomeTeam, LeapsomeUser, ProfileValues, RejectedRecord, UserAttributes } from '../domain/types.js';
import { describeIssues } from '../http/parse.js';
import { customValue, ENT, groupResource, hasId, userResource, type UserResource } from './wire.js';

// The write shapes are the applier's port; this adapter implements it.
export type { TeamPatch, UserPatch };

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly rejected: RejectedRecord };

/** Which of a user's fields to keep: the ones the sync owns. Others are not held in memory. */
export interface UserProjection {
  readonly profile: readonly ProfileField[];
  readonly additionalManagers: boolean;
}

export function projectionOf(fields: readonly FieldName[]): UserProjection {
  return {
    profile: fields.filter((f): f is ProfileField => f !== 'additional-managers'),
    additionalManagers: fields.includes('additional-managers'),
  };
}

/** What the sync owns without a `fields` setting. */
export const DEFAULT_PROJECTION: UserProjection = projectionOf(Object.keys(DEFAULT_FIELD_SOURCES) as FieldName[]);

export function parseUser(raw: unknown, projection: UserProjection = DEFAULT_PROJECTION): Parsed<LeapsomeUser> {
  const parsed = userResource.safeParse(raw);
  if (!parsed.success) return { ok: false, rejected: rejection(raw, describeIssues(parsed.error)) };
  const profile = profileOf(parsed.data, projection);
  if (typeof profile === 'string') return { ok: false, rejected: rejection(raw, profile) };
  return { ok: true, value: toLeapsomeUser(parsed.data, profile, projection) };
}

export function parseTeam(raw: unknown): Parsed<LeapsomeTeam> {
  const parsed = groupResource.safeParse(raw);
  if (!parsed.success) return { ok: false, rejected: rejection(raw, describeIssues(parsed.error)) };
  const { id, displayName, externalId } = parsed.data;
  return { ok: true, value: { id, displayName, externalId: emptyToNull(externalId) } };
}

const NO_IDS: readonly string[] = Object.freeze([]);

function toLeapsomeUser(user: UserResource, profile: ProfileValues, projection: UserProjection): LeapsomeUser {
  const ent = user[ENT];
  const entManager = ent?.manager;
  const entManagerId = typeof entManager === 'string' ? emptyToNull(entManager) : (entManager?.managerId ?? null);
  const topManagerId = typeof user.manager === 'string' ? emptyToNull(user.manager) : (user.manager?.value ?? null);
  return {
    id: user.id,
    userName: user.userName,
    externalId: emptyToNull(user.externalId),
    active: user.active ?? true,
    givenName: user.name?.givenName ?? null,
    familyName: user.name?.familyName ?? null,
    displayName: user.displayName,
    managerId: entManagerId ?? topManagerId,
    profile,
    additionalManagerIds: projection.additionalManagers ? additionalManagerIds(ent?.additionalManagers) : NO_IDS,
    teamIds: [...new Set((user.groups ?? []).map((group) => group.value))],
  };
}

/** Read as `{managerId, displayName}` objects (spec); a string is taken as the id it echoes. */
function additionalManagerIds(list: NonNullable<UserResource[typeof ENT]>['additionalManagers']): readonly string[] {
  const ids = new Set<string>();
  for (const item of list ?? []) {
    const id = typeof item === 'string' ? emptyToNull(item) : (item?.managerId ?? null);
    if (id !== null) ids.add(id);
  }
  return ids.size === 0 ? NO_IDS : [...ids];
}

/** The owned profile fields as read, in the projection's order (one shape for every user); a reason when one is unreadable. */
function profileOf(user: UserResource, projection: UserProjection): ProfileValues | string {
  const ent = user[ENT];
  const profile: Partial<Record<ProfileField, string | null>> = {};
  for (const field of projection.profile) {
    switch (field) {
      case 'title':
        profile[field] = user.title;
        break;
      case 'location':
        profile[field] = ent?.location ?? user.location;
        break;
      case 'start-date':
        profile[field] = datePart(ent?.startDate ?? null);
        break;
      case 'end-date':
        profile[field] = datePart(ent?.endDate ?? null);
        break;
      case 'birthday':
        profile[field] = datePart(ent?.birthday ?? null);
        break;
      case 'gender':
        profile[field] = ent?.gender?.trim().toLowerCase() ?? null;
        break;
      case 'level':
        profile[field] = ent?.level ?? null;
        break;
      case 'division':
        profile[field] = ent?.division ?? null;
        break;
      case 'cost-center':
        profile[field] = ent?.costCenter ?? null;
        break;
      default: {
        const id = field.slice('custom.'.length);
        // Ids are lower-cased in the settings; Leapsome's own spelling is kept in the resource.
        const key = ent === null || ent === undefined ? undefined : id in ent ? id : Object.keys(ent).find((k) => k.toLowerCase() === id);
        const parsed = customValue.safeParse(key === undefined || ent === null || ent === undefined ? null : (ent[key] ?? null));
        if (!parsed.success) return `${ENT}.${id}: expected text`;
        const value = parsed.data;
        const text = value === null ? null : typeof value === 'object' ? (value.value ?? null) : value;
        profile[field] = text === null ? null : emptyToNull(String(text));
      }
    }
  }
  return profile;
}

/** Leapsome documents YYYY-MM-DD; should a datetime come back, compare by its date part. */
function datePart(value: string | null): string | null {
  if (value === null) return null;
  return /^\d{4}-\d{2}-\d{2}(?:[T ].*)?$/.test(value.trim()) ? value.trim().slice(0, 10) : value;
}

function emptyToNull(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  return text.trim() === '' ? null : text;
}

function rejection(raw: unknown, reason: string): RejectedRecord {
  const id = hasId.safeParse(raw);
  return { source: 'leapsome', recordId: id.success ? id.data.id : null, reason };
}

/** POST /Users accepts only these documented fields; the rest is set by a follow-up PATCH. */
export function createUserBody(attributes: UserAttributes): Record<string, unknown> {
  const title = attributes.profile.title;
  return {
    userName: attributes.userName,
    name: { givenName: attributes.givenName, familyName: attributes.familyName },
    displayName: attributes.displayName,
    ...(title === undefined || title === null ? {} : { title }),
    externalId: attributes.externalId,
  };
}

/** Where each standard profile field goes in the extension (`title` and `location` are handled apart). */
const EXTENSION_KEYS: Readonly<Record<string, string>> = {
  'start-date': 'startDate',
  'end-date': 'endDate',
  birthday: 'birthday',
  gender: 'gender',
  level: 'level',
  division: 'division',
  'cost-center': 'costCenter',
};

/** A partial resource object (the form the spec documents), not an RFC 7644 PatchOp. */
export function patchUserBody(patch: UserPatch): Record<string, unknown> {
  const a = patch.attributes ?? {};
  if (a.userName !== undefined && a.userName !== patch.userName) {
    throw new TypeError('UserPatch.attributes.userName must equal UserPatch.userName');
  }
  const body: Record<string, unknown> = { userName: patch.userName };
  const enterprise: Record<string, unknown> = {};
  if (a.givenName !== undefined || a.familyName !== undefined) {
    body.name = {
      ...(a.givenName === undefined ? {} : { givenName: a.givenName }),
      ...(a.familyName === undefined ? {} : { familyName: a.familyName }),
    };
  }
  if (a.displayName !== undefined) body.displayName = a.displayName;
  if (a.externalId !== undefined) body.externalId = a.externalId;
  for (const [field, value] of Object.entries(a.profile ?? {}) as [ProfileField, string | null | undefined][]) {
    if (value === undefined) continue;
    const text = value ?? '';
    if (field === 'title') body.title = text;
    else if (field === 'location') {
      // Both spellings are documented; sending both keeps them from disagreeing.
      body.location = text;
      enterprise.location = text;
    } else enterprise[EXTENSION_KEYS[field] ?? field.slice('custom.'.length)] = text;
  }
  if (patch.manager !== undefined) enterprise.manager = patch.manager ?? '';
  // The write form is an array of ids (Leapsome id, email or externalId); [] clears them (UNCONFIRMED).
  if (patch.additionalManagers !== undefined) enterprise.additionalManagers = [...patch.additionalManagers];
  if (patch.active !== undefined) body.active = patch.active;
  if (Object.keys(enterprise).length > 0) body[ENT] = enterprise;
  return body;
}

export const MAX_MEMBERS_PER_PATCH = 100;

export function patchTeamBody(patch: TeamPatch): Record<string, unknown> {
  const members = patch.members ?? [];
  if (members.length > MAX_MEMBERS_PER_PATCH) {
    throw new RangeError(`PATCH /Groups accepts at most ${MAX_MEMBERS_PER_PATCH} members per request (got ${members.length})`);
  }
  return {
    ...(patch.displayName === undefined ? {} : { displayName: patch.displayName }),
    ...(patch.externalId === undefined ? {} : { externalId: patch.externalId }),
    ...(patch.members === undefined ? {} : { members: members.map((value) => ({ value })) }),
    ...(patch.replaceMembers === undefined ? {} : { replaceMembers: patch.replaceMembers }),
  };
}

/** A SCIM `eq` filter with the value quoted; `"` and `\` are escaped so a value cannot break out. */
export function scimEquals(attribute: 'userName' | 'displayName', value: string): string {
  return `${attribute} eq "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
