import { describe, expect, it } from 'vitest';
import type { ListingFacts, VanishedLookup } from '../../../src/domain/lifecycle.js';
import { vanishedEmployeeIds } from '../../../src/plan/vanished.js';
import {
  deactivations,
  dept,
  employee,
  leapsomeUser,
  only,
  personioState,
  leapsomeState,
  plan,
  team,
  teamUpdates,
  updates,
  userFor,
} from './builders.js';

const listing = (lookups: Record<string, VanishedLookup>, problem: string | null = null): ListingFacts => ({
  problem,
  lookups: new Map(Object.entries(lookups)),
});

describe('employees missing from the listing', () => {
  const kept = employee({ id: '1', org: { department: dept('10', 'Eng') } });
  const gone = leapsomeUser({ id: 'u42', userName: 'gone@acme.test', externalId: '42', displayName: 'Gone Person', teamIds: ['t10'] });
  const eng = team({ id: 't10', displayName: 'Eng', externalId: 'personio:department:10' });

  it('asks for a lookup only for active users with a Personio id the listing lacks, sorted, each once', () => {
    const s = {
      employees: [kept, employee({ id: '2', email: 'newid@acme.test' })],
      rejected: [{ source: 'personio' as const, recordId: '7', reason: 'bad' }],
      users: [
        userFor(kept),
        leapsomeUser({ id: 'a', externalId: '100' }),
        leapsomeUser({ id: 'b', externalId: '42' }),
        leapsomeUser({ id: 'c', externalId: '42', userName: 'twin@acme.test' }),
        leapsomeUser({ id: 'd', externalId: '9', active: false }), // inactive: nothing to deactivate
        leapsomeUser({ id: 'e', externalId: '7' }), // an unreadable record is not missing
        leapsomeUser({ id: 'f', externalId: 'okta-1' }), // not a Personio id
        leapsomeUser({ id: 'g', externalId: '55', userName: 'NewId@acme.test' }), // same person under a new id
      ],
    };
    expect(vanishedEmployeeIds(personioState(s), leapsomeState(s))).toEqual(['42', '100']);
    expect(vanishedEmployeeIds(personioState({ employees: [kept] }), leapsomeState({ users: [userFor(kept)] }))).toEqual([]);
  });

  it('deactivates on a confirmed 404 only', () => {
    const p = plan({
      employees: [kept],
      users: [userFor(kept, { teamIds: ['t10'] }), gone],
      teams: [eng],
      listing: listing({ '42': { kind: 'gone' } }),
    });
    expect(only(deactivations(p))).toMatchObject({ employeeId: '42', reason: 'no longer in Personio (a direct lookup answered 404)' });
    expect(p.skipped).toEqual([]);
    // The leaver leaves the team, as any leaver.
    expect(only(teamUpdates(p)).removed.map((m) => m.leapsomeId)).toEqual(['u42']);
  });

  it('keeps a user whose lookup failed, or was never made, active and in their teams, and fails the run', () => {
    for (const [lookups, why] of [
      [
        { '42': { kind: 'failed', reason: 'personio GET /v1/company/employees/:id failed: HTTP 503' } },
        'looking the employee up failed: personio GET /v1/company/employees/:id failed: HTTP 503',
      ],
      [{}, 'no lookup was made'],
    ] as const) {
      const p = plan({ employees: [kept], users: [userFor(kept, { teamIds: ['t10'] }), gone], teams: [eng], listing: listing(lookups) });
      expect(p.users).toEqual([]);
      expect(p.teams).toEqual([]);
      expect(only(p.skipped)).toEqual({
        reason: 'unconfirmed-leaver',
        person: { employeeId: '42', leapsomeId: 'u42', name: 'Gone Person', email: 'gone@acme.test' },
        detail: `missing from Personio's employee list and not confirmed gone (${why}); not deactivated this run`,
      });
    }
  });

  it('plans an employee the listing missed by their status, and says the listing missed them', () => {
    const missed = employee({
      id: '42',
      email: 'gone@acme.test',
      firstName: 'Gone',
      lastName: 'Person',
      position: 'Lead',
      org: { department: dept('10', 'Eng') },
    });
    const p = plan({
      employees: [kept, missed],
      users: [
        userFor(kept, { teamIds: ['t10'] }),
        leapsomeUser({
          id: 'u42',
          userName: 'gone@acme.test',
          externalId: '42',
          displayName: 'Gone Person',
          teamIds: ['t10'],
          title: 'old',
        }),
      ],
      teams: [eng],
      listing: listing({ '42': { kind: 'found' } }),
    });
    expect(deactivations(p)).toEqual([]);
    expect(only(updates(p))).toMatchObject({
      employeeId: '42',
      changes: [{ field: 'givenName' }, { field: 'familyName' }, { field: 'title', to: 'Lead' }],
    });
    expect(only(p.warnings).message).toBe(
      "Gone Person (42) was missing from Personio's employee list, but looking them up by id found them (status active), so they were planned by their status as usual, not as gone.",
    );
  });

  it('holds back every deactivation while the listing is inconsistent, says why, and keeps their teams', () => {
    const leaver = employee({ id: '2', status: 'inactive', org: { department: dept('10', 'Eng') } });
    const hire = employee({ id: '3' });
    const p = plan({
      employees: [kept, leaver, hire],
      users: [userFor(kept, { teamIds: ['t10'] }), userFor(leaver, { teamIds: ['t10'] }), gone],
      teams: [eng],
      listing: listing({ '42': { kind: 'gone' } }, 'the total changed from 3 to 4 while the list was read'),
    });
    expect(deactivations(p)).toEqual([]);
    // Everything else proceeds.
    expect(p.users.map((op) => [op.kind, op.employeeId])).toEqual([['create', '3']]);
    expect(p.teams).toEqual([]);
    expect(p.skipped.map((s) => [s.reason, s.person.employeeId, s.detail])).toEqual([
      ['listing-inconsistent', '2', "not deactivated this run (status inactive in Personio): Personio's employee list was inconsistent"],
      [
        'listing-inconsistent',
        '42',
        "not deactivated this run (no longer in Personio (a direct lookup answered 404)): Personio's employee list was inconsistent",
      ],
    ]);
    expect(p.deactivationGuard.planned).toBe(0);
    expect(only(p.warnings).message).toBe(
      "No deactivations this run (2 held back): Personio's employee list was still inconsistent when read a second time: the total changed from 3 to 4 while the list was read",
    );
  });

  it('says why even when nothing was held back, without failing anyone', () => {
    const p = plan({ employees: [kept], users: [userFor(kept)], listing: listing({}, 'employee 1 came back twice') });
    expect(p.skipped).toEqual([]);
    expect(only(p.warnings).message).toContain('No deactivations this run: ');
  });
});
