import { describe, expect, it } from 'vitest';
import { indexLeapsome } from '../../../src/plan/leapsome-index.js';
import { planSync } from '../../../src/plan/planner.js';
import { dept, employee, leapsomeState, personioState, settings, team, userFor, type Scenario } from './builders.js';

describe('planSync with the Leapsome index made in advance (as the pipeline does while Personio is read)', () => {
  it('plans exactly what it plans when it indexes Leapsome itself', () => {
    const sales = dept('10', 'Sales');
    const boss = employee({ id: '1', org: { department: sales } });
    const employees = [
      boss,
      employee({ id: '2', supervisorId: '1', org: { department: sales }, position: 'New title' }),
      employee({ id: '3', status: 'inactive' }),
    ];
    const s: Scenario = {
      employees,
      users: [userFor(boss), userFor(employees[1]!, { title: 'Old title' }), userFor(employees[2]!)],
      teams: [team({ id: 't1', displayName: 'Old Sales', externalId: 'personio:department:10' })],
    };
    const input = { personio: personioState(s), leapsome: leapsomeState(s), settings: settings() };
    const fresh = planSync(input);
    expect(fresh.users.length + fresh.teams.length).toBeGreaterThan(0);
    expect(planSync({ ...input, index: indexLeapsome(input.leapsome) })).toEqual(fresh);
  });
});
