// `fields`: each value conversion and the map / default rules, then how the planner owns fields
// (always / on-create, off) and resolves additional managers.
import { describe, expect, it } from 'vitest';
import { desiredText, desiredTokens, sourceValue } from '../../../src/plan/fields.js';
import { creates, DEFAULT_RULES, dept, employee, leapsomeUser, office, only, plan, rule, unit, updates, userFor } from './builders.js';

const CUSTOM = 'custom.6140868326541a4da586db0b';

describe('desiredText: map and default', () => {
  const level = rule('level', 'dynamic_1', { map: { L1: 'Junior', ' l2 ': 'Intermediate', L3: 'Senior' }, default: 'Unassigned' });
  const strict = rule('level', 'dynamic_1', { map: { L1: 'Junior' } });

  it('looks a value up ignoring case and surrounding spaces', () => {
    expect(desiredText(level, 'L1')).toEqual({ kind: 'set', value: 'Junior' });
    expect(desiredText(level, '  l2')).toEqual({ kind: 'set', value: 'Intermediate' });
    expect(desiredText(level, 'l3 ')).toEqual({ kind: 'set', value: 'Senior' });
  });

  it('gives an empty value the default without looking it up, or clears the field without one', () => {
    expect(desiredText(level, null)).toEqual({ kind: 'set', value: 'Unassigned' });
    expect(desiredText(level, '   ')).toEqual({ kind: 'set', value: 'Unassigned' });
    expect(desiredText(level, [])).toEqual({ kind: 'set', value: 'Unassigned' });
    expect(desiredText(strict, null)).toEqual({ kind: 'set', value: null });
    expect(desiredText(rule('level', 'x', { map: { '': 'never' } }), null)).toEqual({ kind: 'set', value: null });
  });

  it('gives a value the map does not list the default, or leaves the field unchanged naming the value', () => {
    expect(desiredText(level, 'L9')).toEqual({ kind: 'set', value: 'Unassigned' });
    expect(desiredText(strict, 'L9')).toEqual({ kind: 'keep', reason: '"L9" is not in `map`, and there is no `default`' });
  });

  it('passes values through without a map; a default then only fills an empty value', () => {
    expect(desiredText(rule('title', 'position'), ' Engineer ')).toEqual({ kind: 'set', value: 'Engineer' });
    expect(desiredText(rule('title', 'position', { default: 'Colleague' }), 'Engineer')).toEqual({ kind: 'set', value: 'Engineer' });
    expect(desiredText(rule('title', 'position', { default: 'Colleague' }), null)).toEqual({ kind: 'set', value: 'Colleague' });
  });

  it('joins the values of a multi-valued attribute by ", ", mapping each; an unlisted one takes the default', () => {
    expect(desiredText(rule(CUSTOM, 'dynamic_3'), ['Go', 'SQL'])).toEqual({ kind: 'set', value: 'Go, SQL' });
    const skills = rule(CUSTOM, 'dynamic_3', { map: { go: 'Golang', sql: 'SQL' } });
    expect(desiredText(skills, ['Go', 'SQL'])).toEqual({ kind: 'set', value: 'Golang, SQL' });
    expect(desiredText(skills, ['Go', 'Rust', 'Zig'])).toEqual({
      kind: 'keep',
      reason: '"Rust", "Zig" are not in `map`, and there is no `default`',
    });
    expect(desiredText(rule(CUSTOM, 'dynamic_3', { map: { go: 'Golang' }, default: 'Other' }), ['Go', 'Rust', 'Zig'])).toEqual({
      kind: 'set',
      value: 'Golang, Other',
    });
  });

  it('gives date fields YYYY-MM-DD and gender one of its three values, else leaves them unchanged', () => {
    expect(desiredText(rule('birthday', 'dynamic_9'), '1983-08-18')).toEqual({ kind: 'set', value: '1983-08-18' });
    expect(desiredText(rule('start-date', 'dynamic_9'), '2021-04-01T00:00:00+02:00')).toEqual({ kind: 'set', value: '2021-04-01' });
    expect(desiredText(rule('birthday', 'dynamic_9'), '18.08.1983')).toEqual({
      kind: 'keep',
      reason: '"18.08.1983" is not a date (YYYY-MM-DD)',
    });
    expect(desiredText(rule('gender', 'dynamic_9', { map: { m: 'Male', w: 'female' } }), 'M')).toEqual({ kind: 'set', value: 'male' });
    expect(desiredText(rule('gender', 'dynamic_9'), 'other')).toEqual({
      kind: 'keep',
      reason: '"other" is not one of male, female, diverse',
    });
  });
});

describe('desiredTokens: additional managers', () => {
  it('splits ids and emails on commas, semicolons and new lines, in one value or several', () => {
    const r = rule('additional-managers', 'dynamic_7');
    expect(desiredTokens(r, '12, ada@acme.test;13\n 14 ;;')).toEqual({ kind: 'set', tokens: ['12', 'ada@acme.test', '13', '14'] });
    expect(desiredTokens(r, ['12', 'ada@acme.test; 13', '12'])).toEqual({ kind: 'set', tokens: ['12', 'ada@acme.test', '13'] });
    expect(desiredTokens(r, null)).toEqual({ kind: 'set', tokens: [] });
  });
});

describe('sourceValue', () => {
  it('reads fixed attributes from the employee, org units by name, the rest from its extra attributes', () => {
    const e = employee({
      id: '7',
      position: 'CTO',
      hireDate: '2020-01-01',
      gender: 'female',
      org: { office: office('3', 'Berlin'), subcompany: unit('subcompany', '9', 'Acme GmbH') },
      attributes: { dynamic_1: 'L2', date_of_birth: '1983-08-18', dynamic_3: ['Go'] },
    });
    expect(
      ['position', 'hire_date', 'gender', 'office', 'subcompany', 'id', 'dynamic_1', 'date_of_birth', 'dynamic_3', 'dynamic_99'].map((s) =>
        sourceValue(e, s),
      ),
    ).toEqual(['CTO', '2020-01-01', 'female', 'Berlin', 'Acme GmbH', '7', 'L2', '1983-08-18', ['Go'], null]);
  });
});

describe('the planner owns exactly the configured fields', () => {
  const ada = employee({
    id: '1',
    email: 'ada@acme.test',
    position: 'Engineer',
    gender: 'female',
    attributes: { dynamic_1: 'L3', dynamic_3: ['Go', 'SQL'], date_of_birth: '1983-08-18' },
  });
  const fields = [
    ...DEFAULT_RULES.filter((r) => r.field !== 'gender'),
    rule('level', 'dynamic_1', { map: { L3: 'Senior' } }),
    rule('birthday', 'date_of_birth'),
    rule(CUSTOM, 'dynamic_3'),
  ];

  it('creates a user with every mapped field, and none that is off', () => {
    const op = only(creates(plan({ employees: [ada], settings: { fields } })));
    expect(op.attributes.profile).toEqual({
      title: 'Engineer',
      location: null,
      'start-date': null,
      'end-date': null,
      level: 'Senior',
      birthday: '1983-08-18',
      [CUSTOM]: 'Go, SQL',
    });
    expect(op.attributes.profile).not.toHaveProperty('gender');
  });

  it('changes only what differs, and never touches a field that is off', () => {
    const user = userFor(ada, { gender: 'male', profile: { level: 'Senior', birthday: '1983-08-18', [CUSTOM]: 'Go' } });
    const op = only(updates(plan({ employees: [ada], users: [user], settings: { fields } })));
    expect(op.changes).toEqual([{ field: CUSTOM, from: 'Go', to: 'Go, SQL' }]);
  });

  it('with the default fields, owns title, location, dates and gender exactly as before', () => {
    const user = userFor(ada, { gender: 'male', profile: { level: 'Anything' } });
    expect(only(updates(plan({ employees: [ada], users: [user] }))).changes).toEqual([{ field: 'gender', from: 'male', to: 'female' }]);
  });

  it('warns once per field and value left unchanged, naming the people, and changes nothing for them', () => {
    const people = ['1', '2', '3'].map((id) => employee({ id, attributes: { dynamic_1: 'L9' } }));
    const strict = [rule('level', 'dynamic_1', { map: { L3: 'Senior' } })];
    const p = plan({
      employees: people,
      users: people.map((e) => userFor(e, { profile: { level: 'Old' } })),
      settings: { fields: strict },
    });
    expect(p.users).toEqual([]);
    expect(p.warnings.map((w) => w.message)).toEqual([
      '`level`: "L9" is not in `map`, and there is no `default`; left unchanged for First Last1 (1), First Last2 (2), First Last3 (3)',
    ]);
  });
});

describe('apply: on-create', () => {
  const ada = employee({ id: '1', email: 'ada@acme.test', attributes: { employment_type: 'external' } });
  const fields = [
    rule(CUSTOM, 'employment_type', { map: { internal: 'Employee', external: 'Freelancer' }, apply: 'on-create' }),
    rule('title', 'position'),
  ];

  it('is written when the user is created', () => {
    expect(only(creates(plan({ employees: [ada], settings: { fields } }))).attributes.profile[CUSTOM]).toBe('Freelancer');
  });

  it('is written when an existing user is first taken over', () => {
    const unmarked = leapsomeUser({ id: 'u1', userName: 'ada@acme.test', profile: { [CUSTOM]: 'Employee' } });
    const op = only(updates(plan({ employees: [ada], users: [unmarked], settings: { fields } })));
    expect(op.takeover).toEqual({ kind: 'unmarked', previousExternalId: null });
    expect(op.changes).toContainEqual({ field: CUSTOM, from: 'Employee', to: 'Freelancer' });
  });

  it('is never written over a value of a user the sync already manages, and is no drift', () => {
    const edited = userFor(ada, { profile: { [CUSTOM]: 'Employee' } });
    expect(plan({ employees: [ada], users: [edited], settings: { fields } }).users).toEqual([]);
  });

  it('fills an empty value of a managed user (Personio wins only where Leapsome has nothing)', () => {
    const empty = userFor(ada, { profile: { [CUSTOM]: null } });
    expect(only(updates(plan({ employees: [ada], users: [empty], settings: { fields } }))).changes).toEqual([
      { field: CUSTOM, from: null, to: 'Freelancer' },
    ]);
    const nothing = employee({ id: '1', email: 'ada@acme.test', attributes: { employment_type: null } });
    expect(plan({ employees: [nothing], users: [empty], settings: { fields } }).users).toEqual([]);
  });

  it('treats a never-set title ("Colleague") as empty', () => {
    const e = employee({ id: '1', position: 'Engineer' });
    const onCreateTitle = [rule('title', 'position', { apply: 'on-create' })];
    expect(
      only(updates(plan({ employees: [e], users: [userFor(e, { title: 'Colleague' })], settings: { fields: onCreateTitle } }))).changes,
    ).toEqual([{ field: 'title', from: 'Colleague', to: 'Engineer' }]);
    expect(plan({ employees: [e], users: [userFor(e, { title: 'Hand-picked' })], settings: { fields: onCreateTitle } }).users).toEqual([]);
  });

  it('an always field is restored after a manual edit while the on-create one stays', () => {
    const e = employee({ id: '1', position: 'Engineer', attributes: { employment_type: 'external' } });
    const user = userFor(e, { title: 'Edited', profile: { [CUSTOM]: 'Edited too' } });
    expect(only(updates(plan({ employees: [e], users: [user], settings: { fields } }))).changes).toEqual([
      { field: 'title', from: 'Edited', to: 'Engineer' },
    ]);
  });
});

describe('additional managers', () => {
  const eng = dept('10', 'Engineering');
  const boss = employee({ id: '1', email: 'boss@acme.test', org: { department: eng } });
  const mentor = employee({ id: '2', email: 'Mentor@acme.test', org: { department: eng } });
  const other = employee({ id: '3', email: 'other@acme.test', org: { department: eng } });
  const leaver = employee({ id: '4', email: 'gone@acme.test', status: 'inactive' });
  const withMentors = (value: string | readonly string[]) =>
    employee({ id: '5', email: 'ada@acme.test', supervisorId: '1', org: { department: eng }, attributes: { dynamic_7: value } });
  const fields = [...DEFAULT_RULES, rule('additional-managers', 'dynamic_7')];

  it('resolves ids and emails to in-scope employees, leaving out the person and their primary manager', () => {
    const ada = withMentors('2; other@ACME.test, 5\n1');
    const p = plan({ employees: [boss, mentor, other, ada], settings: { fields } });
    const op = creates(p).find((o) => o.employeeId === '5');
    expect(op?.additionalManagers.map((m) => m.employeeId)).toEqual(['2', '3']);
    expect(op?.additionalManagers[0]).toEqual({ employeeId: '2', email: 'Mentor@acme.test', name: 'First Last2', leapsomeId: null });
    expect(p.warnings).toEqual([]);
  });

  it('warns for what does not resolve and sets the rest', () => {
    const ada = withMentors(['4', 'nobody@acme.test', '999', 'not-an-id', '2']);
    const p = plan({ employees: [boss, mentor, leaver, ada], settings: { fields } });
    expect(
      creates(p)
        .find((o) => o.employeeId === '5')
        ?.additionalManagers.map((m) => m.employeeId),
    ).toEqual(['2']);
    expect(p.warnings.map((w) => w.message)).toEqual([
      '`additional-managers` of First Last5 (5): "4" is First Last4, whose status inactive is not synced, so it is left out',
      '`additional-managers` of First Last5 (5): "999" is not a Personio employee id, so it is left out',
      '`additional-managers` of First Last5 (5): "nobody@acme.test" is not the work email of an employee the sync keeps in Leapsome, so it is left out',
      '`additional-managers` of First Last5 (5): "not-an-id" is neither a Personio id nor a work email, so it is left out',
    ]);
  });

  it('compares as a set: another order is no change; a missing or extra one is', () => {
    const ada = withMentors('3, 2');
    const users = [userFor(boss), userFor(mentor), userFor(other)];
    const same = userFor(ada, { managerId: 'L1', additionalManagerIds: ['L2', 'L3'] });
    expect(plan({ employees: [boss, mentor, other, ada], users: [...users, same], settings: { fields } }).users).toEqual([]);
    const drifted = userFor(ada, { managerId: 'L1', additionalManagerIds: ['L2', 'L1'] });
    const op = only(updates(plan({ employees: [boss, mentor, other, ada], users: [...users, drifted], settings: { fields } })));
    expect(op.changes).toEqual([]);
    expect(op.additionalManagers).toEqual({
      from: [
        { leapsomeId: 'L1', name: 'First Last1' },
        { leapsomeId: 'L2', name: 'First Last2' },
      ],
      to: [
        { employeeId: '2', email: 'Mentor@acme.test', name: 'First Last2', leapsomeId: 'L2' },
        { employeeId: '3', email: 'other@acme.test', name: 'First Last3', leapsomeId: 'L3' },
      ],
    });
  });

  it('points at users created in the same run, and clears them when Personio has none', () => {
    const ada = withMentors('3');
    const op = only(
      updates(plan({ employees: [boss, other, ada], users: [userFor(boss), userFor(ada, { managerId: 'L1' })], settings: { fields } })),
    );
    expect(op.additionalManagers?.to).toEqual([{ employeeId: '3', email: 'other@acme.test', name: 'First Last3', leapsomeId: null }]);
    const cleared = only(
      updates(
        plan({
          employees: [boss, withMentors('')],
          users: [userFor(boss), userFor(withMentors(''), { managerId: 'L1', additionalManagerIds: ['L1'] })],
          settings: { fields },
        }),
      ),
    );
    expect(cleared.additionalManagers).toEqual({ from: [{ leapsomeId: 'L1', name: 'First Last1' }], to: [] });
  });

  it('are left alone when the field is off', () => {
    const ada = withMentors('2');
    expect(
      plan({
        employees: [boss, mentor, ada],
        users: [userFor(boss), userFor(mentor), userFor(ada, { managerId: 'L1', additionalManagerIds: ['L3'] })],
      }).users,
    ).toEqual([]);
  });
});
