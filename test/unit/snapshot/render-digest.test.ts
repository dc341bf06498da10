import { describe, expect, it } from 'vitest';
import type { PersonioDigest } from '../../../src/plan/digest.js';
import { personioDigest } from '../../../src/plan/digest.js';
import { formatTakenAt, renderDigest } from '../../../src/report/digest.js';
import { dept, employee } from '../plan/builders.js';
import { company, snapshotOf, TAKEN_AT } from './fixtures.js';

const empty: PersonioDigest = {
  previousTakenAt: TAKEN_AT,
  previousInScope: 3,
  currentInScope: 3,
  joiners: [],
  leavers: [],
  rehires: [],
  moves: [],
  renames: [],
  supervisorChanges: [],
  titleChanges: [],
  emailChanges: [],
  nameChanges: [],
  attributeChanges: [],
};

describe('renderDigest', () => {
  it('titles the section with the time of the last run and says when nothing changed', () => {
    const text = renderDigest(empty, TAKEN_AT);
    expect(text).toContain('### Changes in Personio since the last run (2026-11-23 06:00 UTC)');
    expect(text).toContain('In scope: 3 then, 3 now.');
    expect(text).toContain('No changes in Personio since the last run.');
  });

  it('says so when there is no previous snapshot, with the reason escaped', () => {
    const text = renderDigest(null, null, { missingReason: 'could not decrypt <b>' });
    expect(text).toContain('### Changes in Personio since the last run\n');
    expect(text).toContain('No previous snapshot (could not decrypt &lt;b&gt;)');
  });

  it('renders a table per category with every Personio text escaped', () => {
    const now = [
      ...company().map((e) => (e.id === '2' ? { ...e, position: 'Lead | <script>' } : e)),
      employee({ id: '7', firstName: '<img src=x onerror=alert(1)>', lastName: '*bold*' }),
    ];
    const text = renderDigest(personioDigest(snapshotOf(), now, ['active', 'leave']), TAKEN_AT);
    expect(text).toContain('#### Joiners (1)');
    expect(text).toContain('| &lt;img src=x onerror=alert(1)&gt; &#42;bold&#42; | 7 |');
    expect(text).toContain('#### Title changes (1)');
    expect(text).toContain('| Alan Turing (2) | <i>empty</i> | Lead &#124; &lt;script&gt; |');
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('<img');
  });

  it('renders every category', () => {
    const before = [...company(), employee({ id: '8', status: 'active' })];
    const now = company().map((e) => {
      if (e.id === '1') return { ...e, email: 'grace@acme.test', lastName: 'Murray Hopper' };
      if (e.id === '2') return { ...e, supervisorId: '3', position: 'Lead', org: { ...e.org, department: dept('20', 'Labs') } };
      if (e.id === '3') return { ...e, org: { ...e.org, department: dept('20', 'Labs') } };
      if (e.id === '4') return { ...e, status: 'active' as const };
      return e;
    });
    const text = renderDigest(personioDigest(snapshotOf(before), [...now, employee({ id: '9' })], ['active', 'leave']), TAKEN_AT);
    for (const title of [
      'Joiners',
      'Rehires',
      'Leavers',
      'Moves between org units',
      'Org units renamed',
      'Supervisor changes',
      'Title changes',
      'Email changes',
      'Name changes',
    ]) {
      expect(text).toContain(`#### ${title} (1)`);
    }
    expect(text).toContain('| First Last8 | 8 | no longer in Personio |');
    expect(text).toContain('| department | 20 | Research | Labs |');
    expect(text).toContain('| Alan Turing (2) | department | Engineering | Labs |');
    expect(text).toContain('| Alan Turing (2) | Grace Hopper (1) | Ada Lovelace (3) |');
  });

  it('renders attribute changes with the fields they feed, values escaped, lists joined; counts only without detail', () => {
    const attributeChanges = [
      { person: { id: '2', name: 'Alan Turing' }, attribute: 'dynamic_1', fields: ['level'], from: 'L2', to: '<b>L3</b>' },
      { person: { id: '2', name: 'Alan Turing' }, attribute: 'dynamic_3', fields: [], from: null, to: ['Go', 'SQL'] },
    ];
    const text = renderDigest({ ...empty, attributeChanges }, TAKEN_AT);
    expect(text).toContain('#### Attribute changes (2)');
    expect(text).toContain('| Alan Turing (2) | dynamic&#95;1 (level) | L2 | &lt;b&gt;L3&lt;/b&gt; |');
    expect(text).toContain('| Alan Turing (2) | dynamic&#95;3 | <i>empty</i> | Go, SQL |');
    const counts = renderDigest({ ...empty, attributeChanges }, TAKEN_AT, { detail: 'counts' });
    expect(counts).toContain('| Attribute changes | 2 |');
    expect(counts).not.toContain('L2');
    expect(counts).not.toContain('Alan');
  });

  it('folds long tables and cuts them at maxRows', () => {
    const joiners = Array.from({ length: 30 }, (_, i) => ({ id: String(i), name: `P${i}` }));
    const text = renderDigest({ ...empty, joiners }, TAKEN_AT, { maxRows: 20 });
    expect(text).toContain('<details><summary>Show 30 rows</summary>');
    expect(text).toContain('| P19 | 19 |');
    expect(text).not.toContain('| P20 | 20 |');
    expect(text).toContain('… and 10 more.');
  });

  it('shows counts only with detail "counts"', () => {
    const text = renderDigest({ ...empty, joiners: [{ id: '1', name: 'Secret Name' }] }, TAKEN_AT, { detail: 'counts' });
    expect(text).toContain('| Joiners | 1 |');
    expect(text).not.toContain('Secret Name');
  });

  it('formats times in UTC and shows anything unparsable escaped', () => {
    expect(formatTakenAt('2026-11-23T07:30:00+01:00')).toBe('2026-11-23 06:30 UTC');
    expect(formatTakenAt('<soon>')).toBe('&lt;soon&gt;');
  });
});
