// SCIM resources <-> domain values. Empty strings read as null; on write, null is sent as "" (how
// Leapsome clears a field is UNCONFIRMED, and "" is the plausible string form).

import type { TeamPatch, UserPatch } from '../apply/ports.js';
import type { LeapsomeTeam, LeapsomeUser, RejectedRecord, UserAttributes } from '../domain/types.js';
import { describeIssues } from '../http/parse.js';
import { ENT, groupResource, hasId, userResource, type UserResource } from './wire.js';

// The write shapes are the applier's port; this adapter implements it.
export type { TeamPatch, UserPatch };

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly rejected: RejectedRecord };

export function parseUser(raw: unknown): Parsed<LeapsomeUser> {
  const parsed = userResource.safeParse(raw);
  if (!parsed.success) return { ok: false, rejected: rejection(raw, describeIssues(parsed.error)) };
  return { ok: true, value: toLeapsomeUser(parsed.data) };
}

export function parseTeam(raw: unknown): Parsed<LeapsomeTeam> {
  const parsed = groupResource.safeParse(raw);
  if (!parsed.success) return { ok: false, rejected: rejection(raw, describeIssues(parsed.error)) };
  const { id, displayName, externalId } = parsed.data;
  return { ok: true, value: { id, displayName, externalId: emptyToNull(externalId) } };
}

function toLeapsomeUser(user: UserResource): LeapsomeUser {
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
    title: user.title,
    managerId: entManagerId ?? topManagerId,
    startDate: datePart(ent?.startDate ?? null),
    endDate: datePart(ent?.endDate ?? null),
    location: ent?.location ?? user.location,
    gender: ent?.gender?.trim().toLowerCase() ?? null,
    teamIds: [...new Set((user.groups ?? []).map((group) => group.value))],
  };
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
  return {
    userName: attributes.userName,
    name: { givenName: attributes.givenName, familyName: attributes.familyName },
    displayName: attributes.displayName,
    ...(attributes.title === null ? {} : { title: attributes.title }),
    externalId: attributes.externalId,
  };
}

/** A partial resource object (the form the spec documents), not an RFC 7644 PatchOp. */
export function patchUserBody(patch: UserPatch): Record<string, unknown> {
  const a = patch.attributes ?? {};
  if (a.userName !== undefined && a.userName !== patch.userName) {
    throw new TypeError('UserPatch.attributes.userName must equal UserPatch.userName');
  }
  const body: Record<string, unknown> = { userName: patch.userName };
  const enterprise: Record<string, string> = {};
  if (a.givenName !== undefined || a.familyName !== undefined) {
    body.name = {
      ...(a.givenName === undefined ? {} : { givenName: a.givenName }),
      ...(a.familyName === undefined ? {} : { familyName: a.familyName }),
    };
  }
  if (a.displayName !== undefined) body.displayName = a.displayName;
  if (a.title !== undefined) body.title = a.title ?? '';
  if (a.externalId !== undefined) body.externalId = a.externalId;
  if (a.location !== undefined) {
    // Both spellings are documented; sending both keeps them from disagreeing.
    body.location = a.location ?? '';
    enterprise.location = a.location ?? '';
  }
  if (a.startDate !== undefined) enterprise.startDate = a.startDate ?? '';
  if (a.endDate !== undefined) enterprise.endDate = a.endDate ?? '';
  if (a.gender !== undefined) enterprise.gender = a.gender ?? '';
  if (patch.manager !== undefined) enterprise.manager = patch.manager ?? '';
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
