import { describe, expect, it } from 'vitest';
import type { PersonioStatus } from '../../../src/domain/types.js';
import { isEmptyDigest, personioDigest } from '../../../src/plan/digest.js';
import { dept, employee, office, unit } from './builders.js';
import { company, snapshotOf, TAKEN_AT } from '../snapshot/fixtures.js';

const STATUSES: readonly PersonioStatus[] = ['active', 'leave'];

describe('personioDigest', () => {
  it('is empty when nothing changed, and counts who is in scope', () => {
    const digest = personioDigest(snapshotOf(), company(), STATUSES);
    expect(isEmptyDigest(digest)).toBe(true);
    expect(digest).toMatchObject({ previousTakenAt: TAKEN_AT, previousInScope: 3, currentInScope: 3 });
  });

  it('lists joiners: new in Personio, or coming into scope from a status other than inactive', () => {
    const before = [...company(), employee({ id: '5', firstName: 'Onboarding', lastName: 'Olga', status: 'onboarding' })];
    const now = [
      ...company(),
      employee({ id: '5', firstName: 'Onboarding', lastName: 'Olga' }),
      employee({ id: '6', firstName: 'New', lastName: 'Nina' }),
    ];
    const digest = personioDigest(snapshotOf(before), now, STATUSES);
    expect(digest.joiners).toEqual([
      { id: '5', name: 'Onboarding Olga' },
      { id: '6', name: 'New Nina' },
    ]);
    expect(digest.rehires).toEqual([]);
    expect(digest.currentInScope).toBe(5);
  });

  it('lists rehires: inactive in the snapshot, in scope now (their other changes are not listed again)', () => {
    const now = company().map((e) => (e.id === '4' ? { ...e, status: 'active' as const, position: 'Advisor' } : e));
    const digest = personioDigest(snapshotOf(), now, STATUSES);
    expect(digest.rehires).toEqual([{ id: '4', name: 'Old Timer' }]);
    expect(digest.joiners).toEqual([]);
    expect(digest.titleChanges).toEqual([]);
  });

  it('lists leavers: out of scope now (with the status) or gone from Personio', () => {
    const now = company()
      .filter((e) => e.id !== '3')
      .map((e) => (e.id === '2' ? { ...e, status: 'inactive' as const } : e));
    const digest = personioDigest(snapshotOf(), now, STATUSES);
    expect(digest.leavers).toEqual([
      { id: '2', name: 'Alan Turing', status: 'inactive' },
      { id: '3', name: 'Ada Lovelace', status: null },
    ]);
    expect(digest.currentInScope).toBe(1);
  });

  it('does not call someone a leaver who was never in scope', () => {
    const digest = personioDigest(
      snapshotOf(),
      company().filter((e) => e.id !== '4'),
      STATUSES,
    );
    expect(digest.leavers).toEqual([]);
  });

  it('lists department moves (and other org unit moves) by unit id', () => {
    const now = company().map((e) =>
      e.id === '3' ? { ...e, org: { ...e.org, department: dept('10', 'Engineering'), office: office('7', 'Berlin') } } : e,
    );
    const digest = personioDigest(snapshotOf(), now, STATUSES);
    expect(digest.moves).toEqual([
      { person: { id: '3', name: 'Ada Lovelace' }, field: 'department', from: dept('20', 'Research'), to: dept('10', 'Engineering') },
      { person: { id: '3', name: 'Ada Lovelace' }, field: 'office', from: null, to: office('7', 'Berlin') },
    ]);
  });

  it('lists org unit renames once per unit, not as moves, across every employee', () => {
    const now = company().map((e) => (e.org.department?.id === '10' ? { ...e, org: { ...e.org, department: dept('10', 'R&D') } } : e));
    const digest = personioDigest(snapshotOf(), now, STATUSES);
    expect(digest.renames).toEqual([{ field: 'department', id: '10', from: 'Engineering', to: 'R&D' }]);
    expect(digest.moves).toEqual([]);
  });

  it('takes a unit name from the lowest employee id when records disagree', () => {
    const before = [
      employee({ id: '2', org: { team: unit('team', '5', 'B') } }),
      employee({ id: '10', org: { team: unit('team', '5', 'Z') } }),
    ];
    const now = [
      employee({ id: '2', org: { team: unit('team', '5', 'C') } }),
      employee({ id: '10', org: { team: unit('team', '5', 'Z') } }),
    ];
    expect(personioDigest(snapshotOf(before), now, STATUSES).renames).toEqual([{ field: 'team', id: '5', from: 'B', to: 'C' }]);
  });

  it('lists supervisor, title, email and name changes', () => {
    const now = company().map((e) => {
      if (e.id === '2') return { ...e, supervisorId: '3', position: 'Lead' };
      if (e.id === '3') return { ...e, supervisorId: null, email: 'ada@acme.test', preferredName: 'Countess Ada' };
      return e;
    });
    const digest = personioDigest(snapshotOf(), now, STATUSES);
    const alan = { id: '2', name: 'Alan Turing' };
    const ada = { id: '3', name: 'Countess Ada' };
    const grace = { id: '1', name: 'Grace Hopper' };
    expect(digest.supervisorChanges).toEqual([
      { person: alan, from: grace, to: { id: '3', name: 'Countess Ada' } },
      { person: ada, from: grace, to: null },
    ]);
    expect(digest.titleChanges).toEqual([{ person: alan, from: null, to: 'Lead' }]);
    expect(digest.emailChanges).toEqual([{ person: ada, from: 'ada.lovelace@acme.test', to: 'ada@acme.test' }]);
    expect(digest.nameChanges).toEqual([{ person: ada, from: 'Ada Lovelace', to: 'Countess Ada' }]);
  });

  it('names a supervisor Personio no longer has by their id', () => {
    const before = [employee({ id: '1', supervisorId: '99' }), employee({ id: '99', firstName: 'Gone', lastName: 'Boss' })];
    const now = [employee({ id: '1', supervisorId: null })];
    const digest = personioDigest(snapshotOf(before), now, STATUSES);
    expect(digest.supervisorChanges).toEqual([
      { person: { id: '1', name: 'First Last1' }, from: { id: '99', name: 'Gone Boss' }, to: null },
    ]);
    const rehired = personioDigest(
      snapshotOf([employee({ id: '1', supervisorId: '98' })]),
      [employee({ id: '1', supervisorId: '99' })],
      STATUSES,
    );
    expect(rehired.supervisorChanges[0]?.from).toEqual({ id: '98', name: '98' });
  });

  it('scales linearly: 20,000 employees in well under a second', () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      employee({ id: String(i + 1), org: { department: dept(String(i % 50), `D${i % 50}`) } }),
    );
    const moved = many.map((e, i) => (i % 10 === 0 ? { ...e, org: { ...e.org, department: dept('x', 'X') } } : e));
    const started = performance.now();
    const digest = personioDigest(snapshotOf(many), moved, STATUSES);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(digest.moves).toHaveLength(2_000);
  });
});

describe('personioDigest: attributes the settings read', () => {
  const level = { field: 'level' as const, from: 'dynamic_1', map: null, default: null, apply: 'always' as const };
  const custom = {
    field: 'custom.6140868326541a4da586db0b' as const,
    from: 'dynamic_3',
    map: null,
    default: null,
    apply: 'always' as const,
  };
  const withAttributes = (values: Record<string, Record<string, string | readonly string[] | null>>) =>
    company().map((e) => ({ ...e, attributes: values[e.id] ?? { dynamic_1: 'L1', dynamic_3: null } }));
  const read = ['first_name', 'last_name', 'email', 'status', 'dynamic_1', 'dynamic_3'];

  it('lists changed values of custom attributes with the fields they feed, for people in scope both times', () => {
    const before = { ...snapshotOf(withAttributes({ '2': { dynamic_1: 'L2', dynamic_3: ['Go'] } })), attributes: read };
    const now = withAttributes({ '2': { dynamic_1: 'L3', dynamic_3: ['Go', 'SQL'] }, '4': { dynamic_1: 'L9', dynamic_3: null } });
    const digest = personioDigest(before, now, STATUSES, [level, custom]);
    expect(digest.attributeChanges).toEqual([
      { person: { id: '2', name: 'Alan Turing' }, attribute: 'dynamic_1', fields: ['level'], from: 'L2', to: 'L3' },
      {
        person: { id: '2', name: 'Alan Turing' },
        attribute: 'dynamic_3',
        fields: ['custom.6140868326541a4da586db0b'],
        from: ['Go'],
        to: ['Go', 'SQL'],
      },
    ]);
    expect(isEmptyDigest(digest)).toBe(false);
  });

  it('compares only what both runs read: a newly mapped attribute is not a change', () => {
    const before = { ...snapshotOf(withAttributes({})), attributes: ['first_name', 'last_name', 'email', 'status', 'dynamic_1'] };
    const now = withAttributes({ '2': { dynamic_1: 'L1', dynamic_3: ['Go'] } });
    expect(personioDigest(before, now, STATUSES, [level, custom]).attributeChanges).toEqual([]);
  });
});
