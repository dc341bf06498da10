import { describe, expect, it } from 'vitest';
import { applyPlan, membershipPatches, plannedWrites } from '../../../src/apply/apply.js';
import type { ApplyProgress, LeapsomeWriter, TeamPatch, UserPatch } from '../../../src/domain/ports.js';
import type { Plan, TeamOp, UserOp } from '../../../src/domain/plan.js';
import type { LeapsomeTeam, LeapsomeUser, UserAttributes } from '../../../src/domain/types.js';

function attrs(id: string, extra: Partial<UserAttributes> = {}): UserAttributes {
  return {
    userName: `p${id}@example.com`,
    externalId: id,
    givenName: `Given${id}`,
    familyName: `Family${id}`,
    displayName: `Given${id} Family${id}`,
    ...extra,
    profile: { title: 'Engineer', location: 'Berlin', 'start-date': '2024-01-01', 'end-date': null, gender: null, ...extra.profile },
  };
}

function plan(users: UserOp[], teams: TeamOp[] = [], guard: Partial<Plan['deactivationGuard']> = {}): Plan {
  return {
    users,
    teams,
    skipped: [],
    clashes: [],
    warnings: [],
    stats: { employees: 0, inScope: 0, excluded: 0, managedUsers: 0, unmanagedUsers: 0, managedTeams: 0, unmanagedTeams: 0 },
    deactivationGuard: { base: 10, limit: 2, planned: 0, exceeded: false, ...guard },
    supervisorCycles: [],
    preboarding: [],
  };
}

class HttpishError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly detail = '',
  ) {
    super(message);
  }
}

/** An in-memory Leapsome that records every call in order. */
class FakeLeapsome implements LeapsomeWriter {
  calls: string[] = [];
  users = new Map<string, LeapsomeUser>();
  patches: Array<{ id: string; patch: UserPatch }> = [];
  teamPatches: Array<{ id: string; patch: TeamPatch }> = [];
  failCreateFor = new Set<string>();
  existingOnCreate = new Map<string, LeapsomeUser>();
  failAllWith: HttpishError | null = null;
  foreignTeam: LeapsomeTeam | null = null;
  private next = 1;

  async createUser(a: UserAttributes): Promise<LeapsomeUser> {
    this.calls.push(`createUser ${a.externalId}`);
    if (this.failAllWith) throw this.failAllWith;
    if (this.failCreateFor.has(a.externalId)) throw new HttpishError('POST /Users -> 400', 400, 'email domain not allowed');
    const existing = this.existingOnCreate.get(a.userName);
    if (existing) return existing;
    const user: LeapsomeUser = {
      id: `u${this.next++}`,
      userName: a.userName,
      externalId: a.externalId,
      active: true,
      givenName: a.givenName,
      familyName: a.familyName,
      displayName: a.displayName,
      managerId: null,
      // POST takes the title only; the rest comes with the follow-up PATCH.
      profile: { title: a.profile.title ?? 'Colleague', location: null, 'start-date': null, 'end-date': null, gender: null },
      additionalManagerIds: [],
      teamIds: [],
    };
    this.users.set(user.id, user);
    return user;
  }
  async patchUser(id: string, patch: UserPatch): Promise<LeapsomeUser> {
    this.calls.push(`patchUser ${id}`);
    if (this.failAllWith) throw this.failAllWith;
    this.patches.push({ id, patch });
    return this.users.get(id) as LeapsomeUser;
  }
  async createTeam(displayName: string, externalId: string): Promise<LeapsomeTeam> {
    this.calls.push(`createTeam ${displayName}`);
    if (this.foreignTeam) return this.foreignTeam;
    return { id: `t-${displayName}`, displayName, externalId };
  }
  async patchTeam(id: string, patch: TeamPatch): Promise<void> {
    this.calls.push(`patchTeam ${id}`);
    this.teamPatches.push({ id, patch });
  }
}

const create = (id: string, manager: string | null = null, extra: Partial<UserAttributes> = {}): UserOp => ({
  kind: 'create',
  employeeId: id,
  attributes: attrs(id, extra),
  manager: manager === null ? null : { employeeId: manager, email: `p${manager}@example.com`, name: `M${manager}`, leapsomeId: null },
  additionalManagers: [],
  invite: 'pending',
});

describe('applyPlan', () => {
  it('creates users, then patches attributes and managers, then teams, then deactivations', async () => {
    const fake = new FakeLeapsome();
    const p = plan(
      [
        {
          kind: 'deactivate',
          employeeId: '9',
          leapsomeId: 'old',
          userName: 'p9@example.com',
          name: 'Leaver',
          reason: 'status inactive',
          provenance: 'unknown',
        },
        create('2', '1'),
        create('1'),
      ],
      [
        {
          kind: 'create',
          externalId: 'personio:department:7',
          field: 'department',
          sources: [],
          displayName: 'Eng',
          members: [
            { employeeId: '1', leapsomeId: null, name: 'a' },
            { employeeId: '2', leapsomeId: null, name: 'b' },
          ],
        },
      ],
    );
    const result = await applyPlan(p, fake, { concurrency: 4 });
    expect(result.failures).toEqual([]);
    const phase = (call: string) => ['createUser', 'patchUser', 'createTeam', 'patchTeam'].indexOf(call.split(' ')[0] as string);
    const firstDeactivation = fake.calls.indexOf('patchUser old');
    expect(firstDeactivation).toBe(fake.calls.length - 1);
    const ordered = fake.calls.slice(0, firstDeactivation).map(phase);
    expect(ordered).toEqual([...ordered].sort((a, b) => a - b));
    // The new user gets what POST does not take (start date, location) and the manager's email.
    const patchOf2 = fake.patches.find((p2) => p2.patch.userName === 'p2@example.com');
    expect(patchOf2?.patch).toMatchObject({
      manager: 'p1@example.com',
      attributes: { profile: { 'start-date': '2024-01-01', location: 'Berlin' } },
    });
    expect(patchOf2?.patch.attributes?.profile).not.toHaveProperty('title');
    expect(patchOf2?.patch.attributes).not.toHaveProperty('givenName');
    expect(fake.teamPatches).toHaveLength(1);
    expect(fake.teamPatches[0]).toMatchObject({ id: 't-Eng', patch: { replaceMembers: true } });
    expect(new Set(fake.teamPatches[0]?.patch.members)).toEqual(new Set(['u1', 'u2']));
    expect(result.counts).toMatchObject({ created: 2, deactivated: 1, teamsCreated: 1, membershipChanges: 2, managerChanges: 1 });
  });

  it('writes nothing at all when the deactivation guard is exceeded', async () => {
    const fake = new FakeLeapsome();
    const result = await applyPlan(plan([create('1')], [], { planned: 5, limit: 2, base: 10, exceeded: true }), fake);
    expect(fake.calls).toEqual([]);
    expect(result.refused).toContain('5 deactivations planned');
    expect(result.refused).toContain('max-deactivations');
  });

  it('keeps going after one record fails and does not point others at a manager that was never created', async () => {
    const fake = new FakeLeapsome();
    fake.failCreateFor.add('1');
    const result = await applyPlan(plan([create('1'), create('2', '1'), create('3')]), fake);
    expect(result.counts.created).toBe(2);
    expect(result.failures.map((f) => f.operation)).toEqual(['create user', 'set manager']);
    expect(result.failures[0]?.reason).toContain('email domain not allowed');
    expect(fake.patches.some((p) => p.patch.manager !== undefined)).toBe(false);
  });

  it('does not take over an existing Leapsome user that belongs to another record', async () => {
    const fake = new FakeLeapsome();
    const other = { ...(await fake.createUser(attrs('5'))), userName: 'p1@example.com' };
    fake.calls = [];
    fake.existingOnCreate.set('p1@example.com', other);
    const result = await applyPlan(plan([create('1')]), fake);
    expect(result.failures[0]?.reason).toContain('belongs to another record');
    expect(fake.calls).toEqual(['createUser 1']);
  });

  it('reactivates and fully updates an existing inactive user found by userName after a create', async () => {
    const fake = new FakeLeapsome();
    const existing = { ...(await fake.createUser(attrs('1', { profile: { title: 'Old' } }))), externalId: null, active: false };
    fake.existingOnCreate.set('p1@example.com', existing);
    await applyPlan(plan([create('1')]), fake);
    expect(fake.patches[0]?.patch).toMatchObject({ active: true, attributes: { externalId: '1', profile: { title: 'Engineer' } } });
  });

  it('patches a manager whose email changes before anyone is pointed at the new address', async () => {
    const fake = new FakeLeapsome();
    const update = (id: string, managerId: string | null, emailChange: boolean): UserOp => ({
      kind: 'update',
      employeeId: id,
      leapsomeId: `L${id}`,
      attributes: attrs(id),
      changes: emailChange ? [{ field: 'userName', from: `old${id}@example.com`, to: `p${id}@example.com` }] : [],
      manager:
        managerId === null
          ? null
          : { from: null, to: { employeeId: managerId, email: `p${managerId}@example.com`, name: 'M', leapsomeId: `L${managerId}` } },
      additionalManagers: null,
      takeover: null,
      reactivate: false,
      provenance: 'unknown',
    });
    // 3 reports to 2, 2 reports to 1; 1 and 2 both change email.
    await applyPlan(plan([update('3', '2', false), update('2', '1', true), update('1', null, true)]), fake, { concurrency: 8 });
    expect(fake.calls).toEqual(['patchUser L1', 'patchUser L2', 'patchUser L3']);
  });

  it('sends both name parts when only one changes, since Leapsome requires the pair', async () => {
    const fake = new FakeLeapsome();
    const op: UserOp = {
      kind: 'update',
      employeeId: '1',
      leapsomeId: 'L1',
      attributes: attrs('1', { familyName: 'Married' }),
      changes: [{ field: 'familyName', from: 'Family1', to: 'Married' }],
      manager: null,
      additionalManagers: null,
      takeover: null,
      reactivate: false,
      provenance: 'unknown',
    };
    await applyPlan(plan([op]), fake);
    expect(fake.patches[0]?.patch).toEqual({ userName: 'p1@example.com', attributes: { givenName: 'Given1', familyName: 'Married' } });
  });

  it('writes additional managers as Leapsome ids, users created in the same run included, in the same PATCH as the fields', async () => {
    const fake = new FakeLeapsome();
    const mentor = (id: string, leapsomeId: string | null) => ({ employeeId: id, email: `p${id}@example.com`, name: `M${id}`, leapsomeId });
    const p = plan([
      { ...create('1'), additionalManagers: [mentor('2', null), mentor('7', 'L7')] } as UserOp,
      create('2'),
      {
        kind: 'update',
        employeeId: '3',
        leapsomeId: 'L3',
        attributes: attrs('3', { profile: { level: 'Senior' } }),
        changes: [{ field: 'level', from: null, to: 'Senior' }],
        manager: null,
        additionalManagers: { from: [{ leapsomeId: 'L9', name: 'Old' }], to: [mentor('2', null)] },
        takeover: null,
        reactivate: false,
        provenance: 'unknown',
      },
    ]);
    const result = await applyPlan(p, fake);
    expect(result.failures).toEqual([]);
    const created2 = [...fake.users.values()].find((u) => u.externalId === '2')?.id;
    const patchOf = (userName: string) => fake.patches.filter((x) => x.patch.userName === userName);
    expect(patchOf('p1@example.com')).toHaveLength(1);
    expect(patchOf('p1@example.com')[0]?.patch.additionalManagers).toEqual([created2, 'L7']);
    expect(patchOf('p3@example.com')).toEqual([
      { id: 'L3', patch: { userName: 'p3@example.com', attributes: { profile: { level: 'Senior' } }, additionalManagers: [created2] } },
    ]);
    expect(result.counts).toMatchObject({ created: 2, updated: 1 });
  });

  it('leaves out an additional manager whose creation failed, and says so', async () => {
    const fake = new FakeLeapsome();
    fake.failCreateFor.add('2');
    const p = plan([
      {
        ...create('1'),
        additionalManagers: [
          { employeeId: '2', email: 'p2@example.com', name: 'M2', leapsomeId: null },
          { employeeId: '7', email: 'p7@example.com', name: 'M7', leapsomeId: 'L7' },
        ],
      } as UserOp,
      create('2'),
    ]);
    const result = await applyPlan(p, fake);
    expect(result.failures.map((f) => [f.operation, f.reason])).toEqual([
      ['create user', expect.stringContaining('email domain not allowed')],
      ['set additional managers', 'M2 could not be created, so they were left out of the additional managers'],
    ]);
    expect(fake.patches.find((x) => x.patch.userName === 'p1@example.com')?.patch.additionalManagers).toEqual(['L7']);
  });

  it('stops writing after an authentication failure instead of failing every record', async () => {
    const fake = new FakeLeapsome();
    fake.failAllWith = new HttpishError('POST /Users -> 403', 403);
    const result = await applyPlan(plan([create('1'), create('2'), create('3')]), fake, { concurrency: 1 });
    expect(fake.calls).toEqual(['createUser 1']);
    expect(result.failures.at(-1)?.reason).toContain('remaining writes were not attempted');
  });

  it('refuses to manage a team name that belongs to someone else', async () => {
    const fake = new FakeLeapsome();
    fake.foreignTeam = { id: 'hand', displayName: 'Eng', externalId: 'okta:123' };
    const result = await applyPlan(
      plan(
        [],
        [{ kind: 'create', externalId: 'personio:department:7', field: 'department', sources: [], displayName: 'Eng', members: [] }],
      ),
      fake,
    );
    expect(result.failures[0]?.reason).toContain('not managed by this sync');
    expect(fake.teamPatches).toEqual([]);
  });

  it('renames and adopts a team in the same request as its membership', async () => {
    const fake = new FakeLeapsome();
    await applyPlan(
      plan(
        [],
        [
          {
            kind: 'update',
            teamId: 'T',
            externalId: 'personio:department:7',
            field: 'department',
            sources: [],
            displayName: 'New',
            rename: { from: 'Old', to: 'New' },
            takeover: { kind: 'unmarked', previousExternalId: null },
            members: [{ employeeId: '1', leapsomeId: 'L1', name: 'a' }],
            added: [{ employeeId: '1', leapsomeId: 'L1', name: 'a' }],
            removed: [],
            provenance: 'unknown',
          },
        ],
      ),
      fake,
    );
    expect(fake.teamPatches).toEqual([
      { id: 'T', patch: { displayName: 'New', externalId: 'personio:department:7', members: ['L1'], replaceMembers: true } },
    ]);
  });

  it('takes over a team and a user another integration marked, and counts the takeovers it wrote', async () => {
    const fake = new FakeLeapsome();
    const user: UserOp = {
      kind: 'update',
      employeeId: '1',
      leapsomeId: 'L1',
      attributes: attrs('1'),
      changes: [{ field: 'externalId', from: 'okta|1', to: '1' }],
      manager: null,
      additionalManagers: null,
      takeover: { kind: 'foreign', previousExternalId: 'okta|1' },
      reactivate: false,
      provenance: 'unknown',
    };
    const team: TeamOp = {
      kind: 'update',
      teamId: 'T',
      externalId: 'personio:department:7',
      field: 'department',
      sources: [{ field: 'department', id: '7', name: 'Eng' }],
      displayName: 'Eng',
      rename: null,
      takeover: { kind: 'foreign', previousExternalId: 'hris:7' },
      members: [{ employeeId: '1', leapsomeId: 'L1', name: 'a' }],
      added: [],
      removed: [{ employeeId: null, leapsomeId: 'X', name: 'stale' }],
      provenance: 'unknown',
    };
    const result = await applyPlan(plan([user], [team]), fake);
    expect(fake.patches[0]?.patch).toEqual({ userName: 'p1@example.com', attributes: { externalId: '1' } });
    expect(fake.teamPatches).toEqual([
      { id: 'T', patch: { displayName: 'Eng', externalId: 'personio:department:7', members: ['L1'], replaceMembers: true } },
    ]);
    expect(result.counts).toMatchObject({ updated: 1, takenOver: 2, membershipChanges: 1 });
  });
});

describe('membershipPatches', () => {
  const ids = (n: number, prefix = 'u') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it('sends up to 100 members as one complete list that replaces the old one', () => {
    expect(membershipPatches(ids(100), ids(3), true)).toEqual([{ members: ids(100), replaceMembers: true }]);
    expect(membershipPatches([], [], true)).toEqual([{ members: [], replaceMembers: true }]);
  });

  it('adds only the new members, 100 at a time, when a large team only grows', () => {
    const patches = membershipPatches(ids(250), ids(150, 'n'), false);
    expect(patches.map((p) => [p.members?.length, p.replaceMembers])).toEqual([
      [100, false],
      [50, false],
    ]);
  });

  it('replaces with the first 100 and adds the rest when a large team also loses members', () => {
    const patches = membershipPatches(ids(250), ids(1), true);
    expect(patches.map((p) => [p.members?.length, p.replaceMembers])).toEqual([
      [100, true],
      [100, false],
      [50, false],
    ]);
    expect(patches.flatMap((p) => p.members)).toEqual(ids(250));
  });
});

/** Progress as a display sees it; it checks on every report that done never passes the total. */
function progressProbe(): ApplyProgress & { total: number; succeeded: number; failed: number; steps: string[]; overshoots: number } {
  const probe = {
    total: 0,
    succeeded: 0,
    failed: 0,
    steps: [] as string[],
    overshoots: 0,
    grow(n: number) {
      probe.total += n;
    },
    advance(ok: number, bad = 0) {
      probe.succeeded += ok;
      probe.failed += bad;
      if (probe.succeeded + probe.failed > probe.total) probe.overshoots++;
    },
    step(label: string) {
      probe.steps.push(label);
    },
  };
  return probe;
}

const WRITES = /^(createUser|patchUser|createTeam|patchTeam) /;

describe('applyPlan progress', () => {
  const members = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ employeeId: String(i + 1), leapsomeId: `L${i + 1}`, name: `m${i}` }));
  const mixed = (): Plan =>
    plan(
      [
        create('1'), // start date and location: a PATCH after the POST
        create('2', '1'),
        create('3', null, { profile: { 'start-date': null, location: null } }), // the POST carries everything
        {
          kind: 'deactivate',
          employeeId: '9',
          leapsomeId: 'old',
          userName: 'p9@example.com',
          name: 'Leaver',
          reason: 'status inactive',
          provenance: 'unknown',
        },
      ],
      [
        {
          kind: 'create',
          externalId: 'personio:department:7',
          field: 'department',
          sources: [{ field: 'department', id: '7', name: 'Eng' }],
          displayName: 'Eng',
          members: members(250),
        },
        {
          kind: 'update',
          teamId: 'T',
          externalId: 'personio:department:8',
          field: 'department',
          sources: [{ field: 'department', id: '8', name: 'Ops' }],
          displayName: 'Ops',
          rename: { from: 'Op', to: 'Ops' },
          takeover: null,
          members: null,
          added: [],
          removed: [],
          provenance: 'unknown',
        },
      ],
    );

  it("counts every write once, as it completes, against the plan's write count", async () => {
    const fake = new FakeLeapsome();
    const progress = progressProbe();
    const p = mixed();
    await applyPlan(p, fake, { progress });
    const writes = fake.calls.filter((c) => WRITES.test(c)).length;
    // 3 POST /Users + 2 PATCH + 1 deactivation + 1 POST /Groups + 3 membership PATCHes (250 members) + 1 rename
    expect(writes).toBe(11);
    expect(plannedWrites(p)).toBe(11);
    expect(progress).toMatchObject({ total: 11, succeeded: 11, failed: 0, overshoots: 0 });
    expect(progress.steps).toEqual(['creating users', 'updating users and managers', 'teams and memberships', 'deactivating users']);
  });

  it('does not count a retry or a wait as done: a write is done when its outcome is known', async () => {
    const fake = new FakeLeapsome();
    let attempts = 0;
    const slow: LeapsomeWriter = {
      createUser: (a) => fake.createUser(a),
      // As the HTTP layer does: two 429s, a pause, then success, all inside one call.
      patchUser: async (id, patch) => {
        for (let i = 0; i < 2; i++) {
          attempts++;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        attempts++;
        return fake.patchUser(id, patch);
      },
      createTeam: (n, e) => fake.createTeam(n, e),
      patchTeam: (id, patch) => fake.patchTeam(id, patch),
    };
    const progress = progressProbe();
    await applyPlan(plan([create('1'), create('2')]), slow, { progress });
    expect(attempts).toBe(6);
    expect(progress).toMatchObject({ total: 4, succeeded: 4, failed: 0 });
  });

  it('counts a failed write, and the writes that depended on it, as failed; done still reaches the total', async () => {
    const fake = new FakeLeapsome();
    fake.failCreateFor.add('1');
    const progress = progressProbe();
    await applyPlan(plan([create('1'), create('2')]), fake, { progress });
    // create 1 failed (1), its PATCH was never sent (1); create 2 and its PATCH succeeded.
    expect(progress).toMatchObject({ total: 4, succeeded: 2, failed: 2, overshoots: 0 });
  });

  it('counts what a fatal error left unsent as failed', async () => {
    const fake = new FakeLeapsome();
    fake.failAllWith = new HttpishError('POST /Users -> 403', 403);
    const progress = progressProbe();
    await applyPlan(plan([create('1'), create('2'), create('3')]), fake, { concurrency: 1, progress });
    expect(progress).toMatchObject({ total: 6, succeeded: 0, failed: 6, overshoots: 0 });
  });

  it('grows the total when the POST answered with an existing user that needs more than planned', async () => {
    const fake = new FakeLeapsome();
    const existing = { ...(await fake.createUser(attrs('3', { profile: { title: 'Old' } }))), externalId: null, active: false };
    fake.calls = [];
    fake.existingOnCreate.set('p3@example.com', existing);
    const progress = progressProbe();
    await applyPlan(plan([create('3', null, { profile: { 'start-date': null, location: null } })]), fake, { progress });
    expect(fake.calls).toEqual(['createUser 3', `patchUser ${existing.id}`]);
    expect(progress).toMatchObject({ total: 2, succeeded: 2, overshoots: 0 });
  });
});
