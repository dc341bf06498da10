// Shared values for the snapshot tests: a small company and a snapshot of it.
import type { Employee, LeapsomeState } from '../../../src/domain/types.js';
import type { Snapshot } from '../../../src/domain/snapshot.js';
import { buildSnapshot } from '../../../src/snapshot/schema.js';
import { dept, employee, leapsomeUser, team, unit } from '../plan/builders.js';

export const TAKEN_AT = '2026-11-23T06:00:00.000Z';
export const KEY = Buffer.alloc(32, 7);
export const OTHER_KEY = Buffer.alloc(32, 8);
/** What the default settings read (see attributeNeeds). */
export const READ = [
  'first_name',
  'last_name',
  'preferred_name',
  'email',
  'status',
  'supervisor',
  'position',
  'office',
  'hire_date',
  'termination_date',
  'gender',
  'department',
];

export function company(): Employee[] {
  return [
    employee({
      id: '1',
      email: 'grace.hopper@acme.test',
      firstName: 'Grace',
      lastName: 'Hopper',
      position: 'CTO',
      org: { department: dept('10', 'Engineering') },
    }),
    employee({
      id: '2',
      email: 'alan.turing@acme.test',
      firstName: 'Alan',
      lastName: 'Turing',
      supervisorId: '1',
      org: { department: dept('10', 'Engineering'), team: unit('team', '5', 'Compilers') },
    }),
    employee({
      id: '3',
      email: 'ada.lovelace@acme.test',
      firstName: 'Ada',
      lastName: 'Lovelace',
      supervisorId: '1',
      org: { department: dept('20', 'Research') },
    }),
    employee({ id: '4', email: 'old.timer@acme.test', firstName: 'Old', lastName: 'Timer', status: 'inactive' }),
  ];
}

export const leapsome: LeapsomeState = {
  users: [
    leapsomeUser({ id: 'L1', externalId: '1' }),
    leapsomeUser({ id: 'L2', externalId: '2' }),
    leapsomeUser({ id: 'X', externalId: null }),
  ],
  teams: [team({ id: 'T10', externalId: 'personio:department:10' }), team({ id: 'H', externalId: null })],
  rejected: [],
};

export function snapshotOf(employees: readonly Employee[] = company(), takenAt = TAKEN_AT): Snapshot {
  return buildSnapshot({ personio: { employees, rejected: [] }, leapsome, actionVersion: '1.2.3', takenAt, attributes: READ });
}
