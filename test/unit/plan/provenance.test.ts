import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/domain/plan.js';
import type { Employee, LeapsomeTeam, LeapsomeUser } from '../../../src/domain/types.js';
import { labelProvenance } from '../../../src/plan/provenance.js';
import {
  creates,
  DEFAULT_RULES,
  deactivations,
  dept,
  employee,
  leapsomeUser,
  only,
  plan,
  rule,
  team,
  teamUpdates,
  updates,
  userFor,
  type UserInput,
} from './builders.js';
import { snapshotOf } from '../snapshot/fixtures.js';

const ada = employee({
  id: '1',
  email: 'ada@acme.test',
  firstName: 'Ada',
  lastName: 'Lovelace',
  position: 'Engineer',
  org: { department: dept('10', 'Engineering') },
});
const boss = employee({
  id: '2',
  email: 'boss@acme.test',
  firstName: 'Grace',
  lastName: 'Hopper',
  org: { department: dept('10', 'Engineering') },
});
const engineering = team({ id: 'T10', displayName: 'Engineering', externalId: 'personio:department:10' });
const research = team({ id: 'T20', displayName: 'Research', externalId: 'personio:department:20' });

interface Run {
  readonly before: readonly Employee[] | null;
  readonly now: readonly Employee[];
  readonly users: readonly LeapsomeUser[];
  readonly teams?: readonly LeapsomeTeam[];
}

function labelled({ before, now, users, teams = [] }: Run): Plan {
  // Every employee missing from `now` was confirmed gone by a lookup.
  const present = new Set(now.map((e) => e.id));
  const gone = users.flatMap((u) =>
    u.externalId !== null && !present.has(u.externalId) ? [[u.externalId, { kind: 'gone' as const }] as const] : [],
  );
  const planned = plan({ employees: now, users, teams, listing: { problem: null, lookups: new Map(gone) } });
  return labelProvenance(planned, before === null ? null : snapshotOf(before), now, DEFAULT_RULES);
}

const inTeam = (e: Employee, teamId: string, extra: UserInput = {}): LeapsomeUser => userFor(e, { teamIds: [teamId], ...extra });

describe('labelProvenance: users', () => {
  it("labels a change 'personio' when Personio changed since the snapshot", () => {
    const now = [{ ...ada, position: 'Principal' }];
    const p = labelled({ before: [ada], now, users: [inTeam(ada, 'T10')], teams: [engineering] });
    expect(only(updates(p))).toMatchObject({ changes: [{ field: 'title', from: 'Engineer', to: 'Principal' }], provenance: 'personio' });
  });

  it("labels a change 'leapsome-edit' when Personio is unchanged, so Leapsome was edited by hand", () => {
    const p = labelled({ before: [ada], now: [ada], users: [inTeam(ada, 'T10', { title: 'Chief Everything' })], teams: [engineering] });
    expect(only(updates(p))).toMatchObject({ changes: [{ field: 'title' }], provenance: 'leapsome-edit' });
  });

  it("labels 'unknown' without a snapshot, and for people the snapshot does not know; creates stay as they are", () => {
    const newcomer = employee({ id: '3', email: 'new@acme.test' });
    const users = [inTeam(ada, 'T10', { title: 'x' }), userFor(newcomer, { title: 'y' })];
    const withoutSnapshot = labelled({ before: null, now: [ada, newcomer], users, teams: [engineering] });
    expect(updates(withoutSnapshot).map((op) => op.provenance)).toEqual(['unknown', 'unknown']);
    const withSnapshot = labelled({ before: [ada], now: [ada, newcomer], users, teams: [engineering] });
    expect(updates(withSnapshot).map((op) => [op.employeeId, op.provenance])).toEqual([
      ['1', 'leapsome-edit'],
      ['3', 'unknown'],
    ]);
    const created = labelled({ before: [ada], now: [ada, employee({ id: '4' })], users: [inTeam(ada, 'T10')], teams: [engineering] });
    expect(creates(created)).toHaveLength(1);
    expect(creates(created)[0]).not.toHaveProperty('provenance');
  });

  it("is 'personio' when any of an update's changes comes from Personio", () => {
    const now = [{ ...ada, lastName: 'King' }];
    const p = labelled({ before: [ada], now, users: [inTeam(ada, 'T10', { title: 'Hand-edited' })], teams: [engineering] });
    expect(only(updates(p))).toMatchObject({
      changes: [{ field: 'familyName' }, { field: 'displayName' }, { field: 'title' }],
      provenance: 'personio',
    });
  });

  it('maps each attribute to its Personio sources (email, preferred name, office, dates, gender)', () => {
    const cases: readonly Partial<Employee>[] = [
      { email: 'lovelace@acme.test' },
      { preferredName: 'Countess' },
      { hireDate: '2020-01-01' },
      { terminationDate: '2030-01-01' },
      { gender: 'female' },
      { org: { ...ada.org, office: { field: 'office', id: '1', name: 'London' } } },
    ];
    for (const change of cases) {
      const p = labelled({ before: [ada], now: [{ ...ada, ...change }], users: [inTeam(ada, 'T10')], teams: [engineering] });
      expect(only(updates(p)).provenance, JSON.stringify(change)).toBe('personio');
    }
  });

  it('labels manager changes by the supervisor, or by the supervisor coming into or out of scope', () => {
    const users = [inTeam(ada, 'T10'), inTeam(boss, 'T10')];
    const moved = labelled({ before: [ada, boss], now: [{ ...ada, supervisorId: '2' }, boss], users, teams: [engineering] });
    expect(only(updates(moved))).toMatchObject({ employeeId: '1', manager: { to: { employeeId: '2' } }, provenance: 'personio' });

    const handEdited = labelled({
      before: [ada, boss],
      now: [ada, boss],
      users: [inTeam(ada, 'T10', { managerId: 'L2' }), inTeam(boss, 'T10')],
      teams: [engineering],
    });
    expect(only(updates(handEdited))).toMatchObject({ employeeId: '1', manager: { to: null }, provenance: 'leapsome-edit' });

    const withBoss = { ...ada, supervisorId: '2' };
    const bossLeft = labelled({
      before: [withBoss, boss],
      now: [withBoss, { ...boss, status: 'inactive' }],
      users: [inTeam(withBoss, 'T10', { managerId: 'L2' }), inTeam(boss, 'T10')],
      teams: [engineering],
    });
    expect(updates(bossLeft).find((op) => op.employeeId === '1')).toMatchObject({ manager: { to: null }, provenance: 'personio' });
  });

  it('labels a reactivation by the status', () => {
    const rehired = labelled({
      before: [{ ...ada, status: 'inactive' }],
      now: [ada],
      users: [inTeam(ada, 'T10', { active: false })],
      teams: [engineering],
    });
    expect(only(updates(rehired))).toMatchObject({ reactivate: true, provenance: 'personio' });
    const handDeactivated = labelled({ before: [ada], now: [ada], users: [inTeam(ada, 'T10', { active: false })], teams: [engineering] });
    expect(only(updates(handDeactivated))).toMatchObject({ reactivate: true, provenance: 'leapsome-edit' });
  });

  it('labels a takeover by email and status', () => {
    const unlinked = leapsomeUser({
      id: 'U',
      userName: 'ada@acme.test',
      externalId: null,
      givenName: 'Ada',
      familyName: 'Lovelace',
      displayName: 'Ada Lovelace',
      title: 'Engineer',
      teamIds: ['T10'],
    });
    const handMade = labelled({ before: [ada], now: [ada], users: [unlinked], teams: [engineering] });
    expect(only(updates(handMade))).toMatchObject({ takeover: { kind: 'unmarked' }, provenance: 'leapsome-edit' });
    const cameIntoScope = labelled({ before: [{ ...ada, status: 'onboarding' }], now: [ada], users: [unlinked], teams: [engineering] });
    expect(only(updates(cameIntoScope))).toMatchObject({ takeover: { kind: 'unmarked' }, provenance: 'personio' });
  });

  it('labels deactivations by status or presence', () => {
    const users = [userFor(ada), userFor(boss)];
    const left = labelled({ before: [ada, boss], now: [{ ...ada, status: 'inactive' }], users });
    expect(deactivations(left).map((op) => [op.employeeId, op.provenance])).toEqual([
      ['1', 'personio'],
      ['2', 'personio'],
    ]);
    const reactivatedByHand = labelled({
      before: [{ ...ada, status: 'inactive' }],
      now: [{ ...ada, status: 'inactive' }],
      users: [userFor(ada)],
    });
    expect(only(deactivations(reactivatedByHand)).provenance).toBe('leapsome-edit');
    const unknownToSnapshot = labelled({ before: [boss], now: [boss], users: [userFor(ada), userFor(boss)] });
    expect(only(deactivations(unknownToSnapshot))).toMatchObject({ employeeId: '1', provenance: 'unknown' });
  });
});

describe('labelProvenance: mapped fields', () => {
  const CUSTOM = 'custom.6140868326541a4da586db0b';
  const fields = [...DEFAULT_RULES, rule('level', 'dynamic_1'), rule(CUSTOM, 'date_of_birth'), rule('additional-managers', 'dynamic_7')];
  const read = [
    'first_name',
    'last_name',
    'email',
    'status',
    'supervisor',
    'position',
    'office',
    'hire_date',
    'termination_date',
    'gender',
    'department',
    'dynamic_1',
    'date_of_birth',
    'dynamic_7',
  ];
  const withLevel = (e: Employee, level: string, mentors: string | null = null): Employee => ({
    ...e,
    attributes: { dynamic_1: level, date_of_birth: '1983-08-18', dynamic_7: mentors },
  });
  const label = (before: readonly Employee[], now: readonly Employee[], users: readonly LeapsomeUser[], snapshotRead = read): Plan =>
    labelProvenance(
      plan({ employees: now, users, teams: [engineering], settings: { fields } }),
      { ...snapshotOf(before), attributes: snapshotRead },
      now,
      fields,
    );
  const synced = (e: Employee, extra: UserInput = {}): LeapsomeUser =>
    inTeam(e, 'T10', { profile: { level: 'L1', [CUSTOM]: '1983-08-18' }, ...extra });

  it("is 'personio' when the field's source changed, 'leapsome-edit' when it did not", () => {
    const changed = label([withLevel(ada, 'L1')], [withLevel(ada, 'L2')], [synced(ada)]);
    expect(only(updates(changed))).toMatchObject({ changes: [{ field: 'level', from: 'L1', to: 'L2' }], provenance: 'personio' });
    const edited = label(
      [withLevel(ada, 'L1')],
      [withLevel(ada, 'L1')],
      [synced(ada, { profile: { level: 'Edited', [CUSTOM]: '1983-08-18' } })],
    );
    expect(only(updates(edited))).toMatchObject({ changes: [{ field: 'level', from: 'Edited', to: 'L1' }], provenance: 'leapsome-edit' });
  });

  it("is 'unknown' when the previous run did not read the source (a newly mapped field)", () => {
    const p = label(
      [withLevel(ada, 'L1')],
      [withLevel(ada, 'L2')],
      [synced(ada)],
      read.filter((a) => a !== 'dynamic_1'),
    );
    expect(only(updates(p)).provenance).toBe('unknown');
  });

  it('labels additional managers by their source and by the scope of the people they name', () => {
    const mentor = employee({ id: '3', email: 'mentor@acme.test', org: { department: dept('10', 'Engineering') } });
    const users = [synced(withLevel(boss, 'L1')), synced(withLevel(mentor, 'L1'))];
    const newMentor = label(
      [withLevel(ada, 'L1'), withLevel(boss, 'L1'), withLevel(mentor, 'L1')],
      [withLevel(ada, 'L1', 'mentor@acme.test'), withLevel(boss, 'L1'), withLevel(mentor, 'L1')],
      [synced(ada), ...users],
    );
    expect(only(updates(newMentor))).toMatchObject({ additionalManagers: { to: [{ employeeId: '3' }] }, provenance: 'personio' });
    const handEdited = label(
      [withLevel(ada, 'L1', 'mentor@acme.test'), withLevel(boss, 'L1'), withLevel(mentor, 'L1')],
      [withLevel(ada, 'L1', 'mentor@acme.test'), withLevel(boss, 'L1'), withLevel(mentor, 'L1')],
      [synced(ada, { additionalManagerIds: ['L2'] }), ...users],
    );
    expect(only(updates(handEdited))).toMatchObject({ additionalManagers: { from: [{ leapsomeId: 'L2' }] }, provenance: 'leapsome-edit' });
    const mentorLeft = label(
      [withLevel(ada, 'L1', '3'), withLevel(boss, 'L1'), withLevel(mentor, 'L1')],
      [withLevel(ada, 'L1', '3'), withLevel(boss, 'L1'), { ...withLevel(mentor, 'L1'), status: 'inactive' }],
      [synced(ada, { additionalManagerIds: ['L3'] }), ...users],
    );
    expect(updates(mentorLeft).find((op) => op.employeeId === '1')).toMatchObject({
      additionalManagers: { to: [] },
      provenance: 'personio',
    });
  });
});

describe('labelProvenance: teams', () => {
  it('labels a rename by the org unit name', () => {
    const renamed = [{ ...ada, org: { ...ada.org, department: dept('10', 'R&D') } }];
    const p = labelled({ before: [ada], now: renamed, users: [inTeam(renamed[0] as Employee, 'T10')], teams: [engineering] });
    expect(only(teamUpdates(p))).toMatchObject({ rename: { from: 'Engineering', to: 'R&D' }, provenance: 'personio' });

    const handRenamed = labelled({
      before: [ada],
      now: [ada],
      users: [inTeam(ada, 'T10')],
      teams: [{ ...engineering, displayName: 'Eng' }],
    });
    expect(only(teamUpdates(handRenamed))).toMatchObject({ rename: { from: 'Eng', to: 'Engineering' }, provenance: 'leapsome-edit' });
  });

  it('labels membership changes by the members’ org units', () => {
    const movedAda = { ...ada, org: { ...ada.org, department: dept('20', 'Research') } };
    const p = labelled({
      before: [ada, boss],
      now: [movedAda, boss],
      users: [inTeam(ada, 'T10'), inTeam(boss, 'T10')],
      teams: [engineering, research],
    });
    expect(teamUpdates(p).map((op) => [op.teamId, op.provenance])).toEqual([
      ['T10', 'personio'],
      ['T20', 'personio'],
    ]);

    const removedByHand = labelled({
      before: [ada, boss],
      now: [ada, boss],
      users: [userFor(ada), inTeam(boss, 'T10')],
      teams: [engineering],
    });
    expect(only(teamUpdates(removedByHand))).toMatchObject({ added: [{ employeeId: '1' }], provenance: 'leapsome-edit' });
  });

  it('treats a member with no Personio record as added by hand, a joiner as a Personio change', () => {
    const stranger = leapsomeUser({ id: 'S', externalId: 'contractor-7', teamIds: ['T10'] });
    const strangerRemoved = labelled({ before: [ada], now: [ada], users: [inTeam(ada, 'T10'), stranger], teams: [engineering] });
    expect(only(teamUpdates(strangerRemoved))).toMatchObject({ removed: [{ employeeId: null }], provenance: 'leapsome-edit' });

    const joiner = employee({ id: '5', org: { department: dept('10', 'Engineering') } });
    const joined = labelled({ before: [ada], now: [ada, joiner], users: [inTeam(ada, 'T10')], teams: [engineering] });
    expect(only(teamUpdates(joined))).toMatchObject({ added: [{ employeeId: '5' }], provenance: 'personio' });
  });

  it("is 'unknown' without a snapshot", () => {
    const p = labelled({ before: null, now: [ada], users: [userFor(ada)], teams: [engineering] });
    expect(only(teamUpdates(p)).provenance).toBe('unknown');
  });
});
