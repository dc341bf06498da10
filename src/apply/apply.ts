// Executes a Plan against Leapsome in the order correctness needs:
//   1. create users            (every later step may reference them)
//   2. update users + managers (both ends exist now; in waves when a manager's email changes too)
//   3. create/rename teams, set memberships (members must exist)
//   4. deactivations last      (nobody loses access before the rest is in place)
// One bad record never blocks the rest: its failure is recorded and the run goes on. Additional
// managers are written with step 2, when every user they name exists.

import pLimit from 'p-limit';
import { isTakeover, type ManagerTarget, type Plan, type PersonLabel, type TeamMember, type TeamOp, type UserOp } from '../domain/plan.js';
import type { ProfileField } from '../domain/fields.js';
import type { IdentityAttributeName, LeapsomeUser, UserAttributeName, UserAttributes } from '../domain/types.js';
import { IDENTITY_ATTRIBUTE_NAMES } from '../domain/types.js';
import { sameValue } from '../domain/compare.js';
import { CREATE_USER_FIELDS, type ApplyProgress, type LeapsomeWriter, type TeamPatch, type UserPatch } from '../domain/ports.js';

export const MAX_MEMBERS_PER_PATCH = 100;

export interface ApplyFailure {
  readonly person: PersonLabel | null;
  readonly team: string | null;
  readonly operation: string;
  readonly reason: string;
}

export interface ApplyCounts {
  created: number;
  updated: number;
  reactivated: number;
  deactivated: number;
  teamsCreated: number;
  teamsRenamed: number;
  membershipChanges: number;
  managerChanges: number;
  /** Users and teams taken over (from another integration or unmarked). */
  takenOver: number;
}

/** Every count at zero: where counting starts. */
export function noCounts(): ApplyCounts {
  return {
    created: 0,
    updated: 0,
    reactivated: 0,
    deactivated: 0,
    teamsCreated: 0,
    teamsRenamed: 0,
    membershipChanges: 0,
    managerChanges: 0,
    takenOver: 0,
  };
}

export interface ApplyResult {
  /** Set when the applier refused to write at all (e.g. the deactivation guard tripped). */
  readonly refused: string | null;
  readonly failures: readonly ApplyFailure[];
  readonly counts: ApplyCounts;
  /** Personio id -> Leapsome id of the users created in this run. */
  readonly createdUserIds: ReadonlyMap<string, string>;
  /** Team externalId -> Leapsome id of the teams created in this run. */
  readonly createdTeamIds: ReadonlyMap<string, string>;
}

export interface ApplyOptions {
  /** Upper bound on requests in flight; the HTTP layer paces them under the rate limit. */
  readonly concurrency?: number;
  /** Errors that make every further write pointless (bad token): they abort the run. */
  readonly isFatal?: (error: unknown) => boolean;
  /** Told of every write as it completes (retries and 429 pauses are not completions). */
  readonly progress?: ApplyProgress;
}

type CreateOp = Extract<UserOp, { kind: 'create' }>;
type UpdateOp = Extract<UserOp, { kind: 'update' }>;
type DeactivateOp = Extract<UserOp, { kind: 'deactivate' }>;

interface PatchJob {
  readonly employeeId: string;
  readonly leapsomeId: string;
  readonly person: PersonLabel;
  readonly patch: UserPatch;
  readonly managerEmployeeId: string | null;
  readonly countsAs: 'created' | 'updated' | 'reactivated';
  readonly managerChange: boolean;
  readonly takeover: boolean;
  /** Writes the plan counted for this job: one, or none for a new user whose POST was predicted to carry everything. */
  readonly planned: number;
}

export function errorReason(error: unknown): string {
  if (error instanceof Error) {
    const detail = (error as { detail?: unknown }).detail;
    return typeof detail === 'string' && detail !== '' && !error.message.includes(detail) ? `${error.message}: ${detail}` : error.message;
  }
  return String(error);
}

const defaultIsFatal = (error: unknown): boolean => {
  const status = (error as { status?: unknown } | null)?.status;
  return status === 401 || status === 403;
};

export async function applyPlan(plan: Plan, writer: LeapsomeWriter, options: ApplyOptions = {}): Promise<ApplyResult> {
  const counts = noCounts();
  const failures: ApplyFailure[] = [];
  if (plan.deactivationGuard.exceeded) {
    const g = plan.deactivationGuard;
    return {
      refused: `${g.planned} deactivations planned, above the max-deactivations limit of ${g.limit} (of ${g.base} managed active users). Nothing was written. Check Personio for a data problem; if the deactivations are intended, raise \`max-deactivations\` for one run.`,
      failures,
      counts,
      createdUserIds: new Map(),
      createdTeamIds: new Map(),
    };
  }

  // Bounds memory and open promises; pacing under the rate limit is the HTTP layer's job.
  const limit = pLimit(Math.max(1, options.concurrency ?? 32));
  const isFatal = options.isFatal ?? defaultIsFatal;
  const progress = options.progress ?? NO_PROGRESS;
  progress.grow(plannedWrites(plan));
  let fatal: unknown = null;
  /**
   * Runs one operation, planned to take `planned` writes; a failure is recorded against it, a fatal
   * one stops all that follow. Its writes are counted as they complete, and what it did not write
   * is settled against the plan, so done never passes the total and reaches it at the end.
   */
  const attempt = async <T>(
    what: Omit<ApplyFailure, 'reason'>,
    planned: number,
    action: (w: LeapsomeWriter) => Promise<T>,
  ): Promise<T | undefined> => {
    const op = countedWrites(writer, progress, planned);
    if (fatal !== null) {
      op.settle(false);
      return undefined;
    }
    try {
      const result = await action(op.writer);
      op.settle(true);
      return result;
    } catch (error) {
      if (isFatal(error)) fatal ??= error;
      failures.push({ ...what, reason: errorReason(error) });
      op.settle(false);
      return undefined;
    }
  };

  // Personio id -> Leapsome id, for everyone the plan knows plus everyone created below.
  const ids = new Map<string, string>();
  const createdUserIds = new Map<string, string>();
  const createdTeamIds = new Map<string, string>();
  const creates: CreateOp[] = [];
  const updates: UpdateOp[] = [];
  const deactivations: DeactivateOp[] = [];
  for (const op of plan.users) {
    if (op.kind === 'create') creates.push(op);
    else if (op.kind === 'update') {
      updates.push(op);
      ids.set(op.employeeId, op.leapsomeId);
    } else deactivations.push(op);
  }

  // 1. Create users.
  progress.step('creating users');
  const created = await limit.map(creates, (op) =>
    attempt({ person: labelOf(op.employeeId, null, op.attributes), team: null, operation: 'create user' }, 1, async (w) => {
      const user = await w.createUser(op.attributes);
      if (user.externalId !== null && user.externalId !== op.attributes.externalId) {
        throw new Error(
          `a Leapsome user with this email already exists and belongs to another record (externalId ${user.externalId}); it was not changed`,
        );
      }
      ids.set(op.employeeId, user.id);
      createdUserIds.set(op.employeeId, user.id);
      return user;
    }),
  );

  // 2. Update attributes and managers.
  progress.step('updating users and managers');
  const jobs: PatchJob[] = [];
  creates.forEach((op, i) => {
    const user = created[i];
    const predicted = createNeedsPatch(op) ? 1 : 0;
    if (user === undefined) {
      // Not created: its follow-up PATCH will not be sent either.
      progress.advance(0, predicted);
      return;
    }
    const job = patchForCreated(op, user, ids, failures);
    if (job !== null) jobs.push({ ...job, planned: predicted });
    else {
      progress.grow(-predicted);
      counts.created++;
    }
  });
  for (const op of updates) jobs.push(patchForUpdate(op, ids, failures));

  for (const wave of inWaves(jobs, plan)) {
    await limit.map(wave, async (job) => {
      const operation = job.countsAs === 'created' ? 'set attributes of new user' : 'update user';
      const ok = await attempt({ person: job.person, team: null, operation }, job.planned, async (w) => {
        await w.patchUser(job.leapsomeId, job.patch);
        return true;
      });
      if (!ok) return;
      counts[job.countsAs]++;
      if (job.managerChange) counts.managerChanges++;
      if (job.takeover) counts.takenOver++;
    });
  }

  // 3. Teams: create, rename/adopt, then memberships (at most 100 members per request).
  progress.step('teams and memberships');
  await limit.map(plan.teams, async (op) => {
    await attempt(
      { person: null, team: op.displayName, operation: op.kind === 'create' ? 'create team' : 'update team' },
      teamWrites(op),
      async (w) => {
        await applyTeam(op, w, ids, counts, createdTeamIds);
      },
    );
  });

  // 4. Deactivations last.
  progress.step('deactivating users');
  await limit.map(deactivations, async (op) => {
    const ok = await attempt(
      {
        person: { employeeId: op.employeeId, leapsomeId: op.leapsomeId, name: op.name, email: op.userName },
        team: null,
        operation: 'deactivate user',
      },
      1,
      async (w) => {
        await w.patchUser(op.leapsomeId, { userName: op.userName, active: false });
        return true;
      },
    );
    if (ok) counts.deactivated++;
  });

  if (fatal !== null) {
    failures.push({
      person: null,
      team: null,
      operation: 'apply',
      reason: `stopped after a fatal error, remaining writes were not attempted: ${errorReason(fatal)}`,
    });
  }
  return { refused: null, failures, counts, createdUserIds, createdTeamIds };
}

const NO_PROGRESS: ApplyProgress = { grow: () => undefined, advance: () => undefined, step: () => undefined };

/** True when a new user needs a PATCH after its POST: something the POST does not carry is set. */
export function createNeedsPatch(op: CreateOp): boolean {
  if (op.manager !== null || op.additionalManagers.length > 0) return true;
  return (Object.entries(op.attributes.profile) as [ProfileField, string | null | undefined][]).some(
    ([name, value]) => !CREATE_USER_FIELDS.has(name) && value !== null && value !== undefined,
  );
}

const placeholders = (n: number): string[] => new Array<string>(n).fill('');

/** The writes one team operation is planned to take (applyTeam sends exactly these, unless members could not be created). */
export function teamWrites(op: TeamOp): number {
  if (op.kind === 'create')
    return (
      1 + (op.members.length > 0 ? membershipPatches(placeholders(op.members.length), placeholders(op.members.length), false).length : 0)
    );
  const members =
    op.members === null
      ? 0
      : membershipPatches(placeholders(op.members.length), placeholders(op.added.length), op.removed.length > 0).length;
  return members > 0 ? members : op.rename !== null || op.takeover !== null ? 1 : 0;
}

/**
 * The write requests applying this plan takes, as the applier will send them: a POST per new user
 * (and a PATCH when it has more than the POST carries), a PATCH per update and deactivation, a POST
 * per new team and its membership PATCHes (at most 100 members each). The total of its progress.
 */
export function plannedWrites(plan: Plan): number {
  let writes = 0;
  for (const op of plan.users) writes += op.kind === 'create' ? 1 + (createNeedsPatch(op) ? 1 : 0) : 1;
  for (const op of plan.teams) writes += teamWrites(op);
  return writes;
}

/** One operation's writes, counted as they complete; `settle` accounts for planned writes it did not send. */
function countedWrites(
  writer: LeapsomeWriter,
  progress: ApplyProgress,
  planned: number,
): { writer: LeapsomeWriter; settle(succeeded: boolean): void } {
  let sent = 0;
  const count = async <T>(write: () => Promise<T>): Promise<T> => {
    sent++;
    if (sent > planned) progress.grow(1);
    try {
      const result = await write();
      progress.advance(1);
      return result;
    } catch (error) {
      progress.advance(0, 1);
      throw error;
    }
  };
  return {
    writer: {
      createUser: (attributes) => count(() => writer.createUser(attributes)),
      patchUser: (id, patch) => count(() => writer.patchUser(id, patch)),
      createTeam: (displayName, externalId) => count(() => writer.createTeam(displayName, externalId)),
      patchTeam: (id, patch) => count(() => writer.patchTeam(id, patch)),
    },
    settle(succeeded) {
      const unsent = planned - sent;
      if (unsent <= 0) return;
      // Not needed after all (fewer members to send), or not sent because the operation failed.
      if (succeeded) progress.grow(-unsent);
      else progress.advance(0, unsent);
    },
  };
}

function labelOf(employeeId: string, leapsomeId: string | null, attributes: UserAttributes): PersonLabel {
  return { employeeId, leapsomeId, name: attributes.displayName, email: attributes.userName };
}

/** Resolves a manager to the email to write, or explains why it cannot be set. */
function managerEmail(target: ManagerTarget, ids: ReadonlyMap<string, string>): string | null {
  return target.leapsomeId !== null || ids.has(target.employeeId) ? target.email : null;
}

function patchForCreated(op: CreateOp, user: LeapsomeUser, ids: ReadonlyMap<string, string>, failures: ApplyFailure[]): PatchJob | null {
  const person = labelOf(op.employeeId, user.id, op.attributes);
  // POST honours only the core fields; whatever did not stick (or an existing user found by
  // userName after `201 {}`) is set here.
  const identity = IDENTITY_ATTRIBUTE_NAMES.filter((name) => !sameValue(name, user[name], op.attributes[name]));
  const profile = (Object.keys(op.attributes.profile) as ProfileField[]).filter(
    (name) => !sameValue(name, user.profile[name], op.attributes.profile[name]),
  );
  const attributes = pick(op.attributes, [...identity, ...profile]);
  let manager: string | undefined;
  if (op.manager !== null) {
    const email = managerEmail(op.manager, ids);
    if (email === null)
      failures.push({
        person,
        team: null,
        operation: 'set manager',
        reason: `manager ${op.manager.name} could not be created, so the manager was not set`,
      });
    else if (user.managerId === null || user.managerId !== ids.get(op.manager.employeeId)) manager = email;
  }
  const additional = additionalManagerIds(op.additionalManagers, ids, person, failures);
  const additionalManagers = additional.length === 0 || sameSet(additional, user.additionalManagerIds) ? undefined : additional;
  const active = user.active ? undefined : true;
  if (Object.keys(attributes).length === 0 && manager === undefined && additionalManagers === undefined && active === undefined)
    return null;
  return {
    employeeId: op.employeeId,
    leapsomeId: user.id,
    person,
    patch: userPatch(op.attributes.userName, attributes, { manager, additionalManagers, active }),
    managerEmployeeId: manager !== undefined && op.manager !== null ? op.manager.employeeId : null,
    countsAs: 'created',
    managerChange: manager !== undefined,
    takeover: false,
    planned: 1,
  };
}

/** A patch with only the parts that change: undefined leaves a part out (null clears the manager). */
function userPatch(
  userName: string,
  attributes: Partial<UserAttributes>,
  parts: {
    readonly manager: string | null | undefined;
    readonly additionalManagers: readonly string[] | undefined;
    readonly active: true | undefined;
  },
): UserPatch {
  const { manager, additionalManagers, active } = parts;
  return {
    userName,
    attributes,
    ...(manager !== undefined ? { manager } : {}),
    ...(additionalManagers !== undefined ? { additionalManagers } : {}),
    ...(active ? { active } : {}),
  };
}

/** The named attributes of `source`: identity ones at the top, profile fields under `profile`. */
function pick(source: UserAttributes, names: readonly UserAttributeName[]): Partial<UserAttributes> {
  const picked: Partial<Record<IdentityAttributeName, string>> & { profile?: Partial<Record<ProfileField, string | null>> } = {};
  for (const name of names) {
    if ((IDENTITY_ATTRIBUTE_NAMES as readonly string[]).includes(name))
      picked[name as IdentityAttributeName] = source[name as IdentityAttributeName];
    else (picked.profile ??= {})[name as ProfileField] = source.profile[name as ProfileField] ?? null;
  }
  // Leapsome's name object requires both parts, so a change to either sends both.
  if ('givenName' in picked || 'familyName' in picked) {
    picked.givenName = source.givenName;
    picked.familyName = source.familyName;
  }
  return picked;
}

/**
 * Additional managers are written as Leapsome ids: every one is known by now (users created in
 * this run were created in step 1), and unlike emails they cannot change within the run.
 */
function additionalManagerIds(
  targets: readonly ManagerTarget[],
  ids: ReadonlyMap<string, string>,
  person: PersonLabel,
  failures: ApplyFailure[],
): string[] {
  const resolved: string[] = [];
  for (const target of targets) {
    const id = target.leapsomeId ?? ids.get(target.employeeId);
    if (id === undefined)
      failures.push({
        person,
        team: null,
        operation: 'set additional managers',
        reason: `${target.name} could not be created, so they were left out of the additional managers`,
      });
    else resolved.push(id);
  }
  return resolved;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === new Set(b).size && a.every((id) => b.includes(id));

function patchForUpdate(op: UpdateOp, ids: ReadonlyMap<string, string>, failures: ApplyFailure[]): PatchJob {
  const person = labelOf(op.employeeId, op.leapsomeId, op.attributes);
  const attributes = pick(
    op.attributes,
    op.changes.flatMap((change) => (change.field === 'active' ? [] : [change.field])),
  );
  let manager: string | null | undefined;
  if (op.manager !== null) {
    if (op.manager.to === null) manager = null;
    else {
      const email = managerEmail(op.manager.to, ids);
      if (email === null)
        failures.push({
          person,
          team: null,
          operation: 'set manager',
          reason: `manager ${op.manager.to.name} could not be created, so the manager was not changed`,
        });
      else manager = email;
    }
  }
  const additionalManagers =
    op.additionalManagers === null ? undefined : additionalManagerIds(op.additionalManagers.to, ids, person, failures);
  return {
    employeeId: op.employeeId,
    leapsomeId: op.leapsomeId,
    person,
    patch: userPatch(op.attributes.userName, attributes, { manager, additionalManagers, active: op.reactivate ? true : undefined }),
    managerEmployeeId: manager !== undefined && manager !== null && op.manager?.to ? op.manager.to.employeeId : null,
    countsAs: op.reactivate ? 'reactivated' : 'updated',
    managerChange: manager !== undefined,
    takeover: isTakeover(op.takeover),
    planned: 1,
  };
}

/**
 * Managers are written as emails. When a manager's own email changes in this run, their patch must
 * land before anyone points at the new address, so such jobs go in later waves (depth of the chain).
 */
function inWaves(jobs: readonly PatchJob[], plan: Plan): PatchJob[][] {
  const emailChanges = new Set<string>();
  for (const op of plan.users) {
    if (op.kind === 'update' && op.changes.some((c) => c.field === 'userName')) emailChanges.add(op.employeeId);
  }
  const byEmployee = new Map(jobs.map((job) => [job.employeeId, job]));
  const depth = new Map<string, number>();
  const depthOf = (job: PatchJob, seen: Set<string>): number => {
    const known = depth.get(job.employeeId);
    if (known !== undefined) return known;
    let d = 0;
    const managerId = job.managerEmployeeId;
    const managerJob = managerId === null ? undefined : byEmployee.get(managerId);
    if (managerId !== null && managerJob !== undefined && emailChanges.has(managerId) && !seen.has(managerId)) {
      seen.add(job.employeeId);
      d = depthOf(managerJob, seen) + 1;
    }
    depth.set(job.employeeId, d);
    return d;
  };
  const waves: PatchJob[][] = [];
  for (const job of jobs) {
    const d = depthOf(job, new Set());
    (waves[d] ??= []).push(job);
  }
  return waves.filter((wave) => wave !== undefined);
}

function resolveMembers(members: readonly TeamMember[], ids: ReadonlyMap<string, string>): string[] {
  const resolved: string[] = [];
  for (const member of members) {
    const id = member.leapsomeId ?? (member.employeeId === null ? undefined : ids.get(member.employeeId));
    // A member whose creation failed is already reported; the team gets everyone else.
    if (id !== undefined) resolved.push(id);
  }
  return resolved;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Membership requests. Up to 100 desired members: one request with replaceMembers: true and the
 * full list, which is right whether Leapsome reads PATCH members as "add" (documented default) or
 * as "the complete list" (also stated in its docs). Larger teams need several requests, which only
 * works with the documented add-only default: the first may replace, the rest add.
 */
export function membershipPatches(desired: readonly string[], added: readonly string[], removedAny: boolean): TeamPatch[] {
  if (desired.length <= MAX_MEMBERS_PER_PATCH) return [{ members: desired, replaceMembers: true }];
  if (!removedAny) return chunk(added, MAX_MEMBERS_PER_PATCH).map((members) => ({ members, replaceMembers: false }));
  return chunk(desired, MAX_MEMBERS_PER_PATCH).map((members, i) => ({ members, replaceMembers: i === 0 }));
}

async function applyTeam(
  op: TeamOp,
  writer: LeapsomeWriter,
  ids: ReadonlyMap<string, string>,
  counts: ApplyCounts,
  createdTeamIds: Map<string, string>,
): Promise<void> {
  let teamId: string;
  const header: { displayName?: string; externalId?: string } = {};
  let desiredIds: string[];
  let addedIds: string[];
  let removedAny: boolean;
  if (op.kind === 'create') {
    const team = await writer.createTeam(op.displayName, op.externalId);
    if (team.externalId !== null && team.externalId !== op.externalId) {
      throw new Error(`a team named "${team.displayName}" already exists and is not managed by this sync (externalId ${team.externalId})`);
    }
    if (team.externalId === null) header.externalId = op.externalId;
    counts.teamsCreated++;
    createdTeamIds.set(op.externalId, team.id);
    teamId = team.id;
    desiredIds = resolveMembers(op.members, ids);
    addedIds = desiredIds;
    removedAny = false;
  } else {
    teamId = op.teamId;
    if (op.rename !== null) header.displayName = op.displayName;
    if (op.takeover !== null) header.externalId = op.externalId;
    desiredIds = op.members === null ? [] : resolveMembers(op.members, ids);
    addedIds = resolveMembers(op.added, ids);
    removedAny = op.removed.length > 0;
  }
  const membersChange = op.kind === 'create' ? op.members.length > 0 : op.members !== null;
  const patches: TeamPatch[] = membersChange ? membershipPatches(desiredIds, addedIds, removedAny) : [];
  if (Object.keys(header).length > 0) {
    if (patches.length > 0) patches[0] = { ...header, ...patches[0] };
    else patches.push(header);
  }
  // Leapsome lists a missing displayName among the reasons for a 400 on PATCH /Groups: always send it.
  for (let i = 0; i < patches.length; i++) patches[i] = { displayName: op.displayName, ...patches[i] };
  for (const patch of patches) await writer.patchTeam(teamId, patch);
  if (op.kind === 'update' && op.rename !== null) counts.teamsRenamed++;
  if (op.kind === 'update' && isTakeover(op.takeover)) counts.takenOver++;
  if (membersChange) counts.membershipChanges += op.kind === 'create' ? op.members.length : op.added.length + op.removed.length;
}
