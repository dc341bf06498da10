import { describe, expect, it } from 'vitest';
import { creates, employee, office, only, plan } from './builders.js';

describe('rule 2: desired attributes', () => {
  it('maps every owned attribute from the employee', () => {
    const e = employee({
      id: '7',
      email: 'ada@acme.test',
      firstName: 'Ada',
      lastName: 'Lovelace',
      position: 'Engineer',
      hireDate: '2020-01-15',
      terminationDate: '2030-06-30',
      gender: 'female',
      org: { office: office('3', 'Berlin') },
    });
    expect(only(creates(plan({ employees: [e] }))).attributes).toEqual({
      userName: 'ada@acme.test',
      externalId: '7',
      givenName: 'Ada',
      familyName: 'Lovelace',
      displayName: 'Ada Lovelace',
      profile: { title: 'Engineer', location: 'Berlin', 'start-date': '2020-01-15', 'end-date': '2030-06-30', gender: 'female' },
    });
  });

  it('uses the preferred name as displayName when set', () => {
    const e = employee({ firstName: 'Augusta', lastName: 'King', preferredName: 'Ada King' });
    expect(only(creates(plan({ employees: [e] }))).attributes.displayName).toBe('Ada King');
  });

  it('leaves title, dates, location and gender empty when Personio has none', () => {
    const a = only(creates(plan({ employees: [employee()] }))).attributes;
    expect(a.profile).toEqual({ title: null, location: null, 'start-date': null, 'end-date': null, gender: null });
  });
});
