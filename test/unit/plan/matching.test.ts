import { describe, expect, it } from 'vitest';
import { creates, deactivations, employee, leapsomeUser, only, plan, team, updates, userFor } from './builders.js';

describe('rule 3: matching Leapsome users (ownership)', () => {
  it('manages the user whose externalId is the Personio id, whatever its email', () => {
    const e = employee({ id: '1', email: 'new@acme.test' });
    const p = plan({ employees: [e], users: [userFor(e, { id: 'L9', userName: 'old@acme.test' })] });
    const op = only(updates(p));
    expect(op.leapsomeId).toBe('L9');
    expect(op.takeover).toBeNull();
    expect(creates(p)).toEqual([]);
  });

  it('adopts a user with the same email (case-insensitive) and no externalId', () => {
    const e = employee({ id: '1', email: 'ada@acme.test', firstName: 'Ada', lastName: 'L' });
    const p = plan({
      employees: [e],
      users: [leapsomeUser({ id: 'u5', userName: 'ADA@Acme.TEST', givenName: 'Ada', familyName: 'L', displayName: 'Ada L' })],
    });
    const op = only(updates(p));
    expect(op).toMatchObject({ leapsomeId: 'u5', takeover: { kind: 'unmarked', previousExternalId: null }, reactivate: false });
    expect(op.attributes.externalId).toBe('1');
    // Only the externalId is new: the email differs in case only.
    expect(op.changes).toEqual([{ field: 'externalId', from: null, to: '1' }]);
    expect(p.stats.managedUsers).toBe(1);
  });

  it('adopts and reactivates a deactivated same-email user', () => {
    const e = employee({ id: '1' });
    const op = only(updates(plan({ employees: [e], users: [userFor(e, { externalId: null, active: false })] })));
    expect(op).toMatchObject({ takeover: { kind: 'unmarked' }, reactivate: true });
  });

  it('with adopt-users: unmarked, reports a user another integration marked as a clash naming the setting, and never touches it', () => {
    const e = employee({ id: '1', email: 'ada@acme.test' });
    const holder = leapsomeUser({ id: 'u5', userName: 'ada@acme.test', externalId: 'workday-77', title: 'x', teamIds: ['t1'] });
    const p = plan({
      employees: [e],
      users: [holder],
      teams: [team({ id: 't1', displayName: 'Team', externalId: 'personio:department:10' })],
    });
    expect(p.users).toEqual([]);
    expect(p.skipped).toEqual([]);
    expect(only(p.clashes)).toMatchObject({
      kind: 'user',
      cause: 'marked',
      person: { employeeId: '1', email: 'ada@acme.test' },
      holder: { leapsomeId: 'u5', externalId: 'workday-77' },
      resolution: 'adopt-users: by-email',
    });
    // Frozen: the team it is in keeps it, although no employee of that department wants it.
    expect(p.teams).toEqual([]);
  });

  it('with adopt-users: by-email, takes over a user another integration marked, as a takeover with the old externalId', () => {
    const e = employee({ id: '1', email: 'ada@acme.test', firstName: 'Ada', lastName: 'L' });
    const holder = leapsomeUser({
      id: 'u5',
      userName: 'ada@acme.test',
      externalId: 'workday-77',
      givenName: 'Ada',
      familyName: 'L',
      displayName: 'Ada L',
    });
    const p = plan({ employees: [e], users: [holder], settings: { adoptUsers: 'by-email' } });
    const op = only(updates(p));
    expect(op).toMatchObject({ leapsomeId: 'u5', takeover: { kind: 'foreign', previousExternalId: 'workday-77' } });
    expect(op.changes).toEqual([{ field: 'externalId', from: 'workday-77', to: '1' }]);
    expect(p.clashes).toEqual([]);
    expect(p.stats.managedUsers).toBe(1);
  });

  it("never takes over an account carrying another known employee's Personio id, even with by-email", () => {
    const moved = employee({ id: '1', email: 'ada@acme.test' });
    const owner = employee({ id: '2', email: 'ada.old@acme.test', status: 'inactive' });
    const holder = leapsomeUser({ id: 'u5', userName: 'ada@acme.test', externalId: '2', active: false });
    const p = plan({ employees: [moved, owner], users: [holder], settings: { adoptUsers: 'by-email' } });
    expect(p.users).toEqual([]);
    expect(only(p.clashes)).toMatchObject({ kind: 'user', cause: 'other-employee', resolution: null, holder: { externalId: '2' } });
    expect(only(p.clashes).detail).toContain('never taken over');
  });

  it('does not deactivate a user with a stale Personio id whose email an employee now holds; by-email takes it over', () => {
    const e = employee({ id: '2', email: 'ada@acme.test' });
    const stale = leapsomeUser({ id: 'u5', userName: 'ada@acme.test', externalId: '1' });
    const p = plan({ employees: [e], users: [stale] });
    expect(p.users).toEqual([]);
    expect(only(p.clashes)).toMatchObject({ kind: 'user', resolution: 'adopt-users: by-email', holder: { externalId: '1' } });
    // The clash says what to do; no second message about the same account.
    expect(p.warnings).toEqual([]);
    const taken = plan({ employees: [e], users: [stale], settings: { adoptUsers: 'by-email' } });
    expect(only(updates(taken))).toMatchObject({ leapsomeId: 'u5', takeover: { kind: 'foreign', previousExternalId: '1' } });
    expect(deactivations(taken)).toEqual([]);
  });

  it('skips an employee when two Leapsome users carry its externalId', () => {
    const e = employee({ id: '1' });
    const p = plan({
      employees: [e],
      users: [userFor(e, { id: 'a', title: 'drift' }), userFor(e, { id: 'b', userName: 'other@acme.test' })],
    });
    expect(p.users).toEqual([]);
    expect(only(p.skipped)).toMatchObject({ reason: 'external-id-conflict' });
    expect(only(p.skipped).detail).toContain('a, b');
  });

  it('leaves users that match no employee alone and counts them as unmanaged', () => {
    const p = plan({
      employees: [employee({ id: '1' })],
      users: [
        leapsomeUser({ id: 'u1', userName: 'someone@acme.test' }),
        leapsomeUser({ id: 'u2', userName: 'okta@acme.test', externalId: 'okta-00u1' }),
        leapsomeUser({ id: 'u3', userName: 'inactive@acme.test', active: false }),
      ],
    });
    expect(p.users.map((op) => op.kind)).toEqual(['create']);
    expect(p.stats).toMatchObject({ managedUsers: 0, unmanagedUsers: 3 });
  });

  it('deactivates a managed user whose Personio employee vanished, once a lookup confirmed it (404)', () => {
    const p = plan({
      employees: [employee({ id: '1' })],
      users: [
        userFor(employee({ id: '1' })),
        leapsomeUser({ id: 'u42', userName: 'gone@acme.test', externalId: '42', displayName: 'Gone Person' }),
      ],
      listing: { problem: null, lookups: new Map([['42', { kind: 'gone' }]]) },
    });
    expect(only(deactivations(p))).toEqual({
      kind: 'deactivate',
      employeeId: '42',
      leapsomeId: 'u42',
      userName: 'gone@acme.test',
      name: 'Gone Person',
      reason: 'no longer in Personio (a direct lookup answered 404)',
      provenance: 'unknown',
    });
    expect(p.stats.managedUsers).toBe(2);
  });

  it('does nothing for a vanished employee whose user is already inactive', () => {
    const p = plan({ users: [leapsomeUser({ id: 'u42', externalId: '42', active: false })] });
    expect(p.users).toEqual([]);
    expect(p.stats.managedUsers).toBe(1);
  });

  it('does not treat an unreadable Personio record as vanished', () => {
    const p = plan({
      employees: [employee({ id: '1' })],
      rejected: [{ source: 'personio', recordId: '42', reason: 'attributes.status.value: Invalid option' }],
      users: [leapsomeUser({ id: 'u42', externalId: '42' })],
    });
    expect(deactivations(p)).toEqual([]);
  });
});
