import { describe, expect, it } from 'vitest';
import { sameJson, sameSnapshotContent } from '../../../src/snapshot/unchanged.js';
import { company, snapshotOf } from './fixtures.js';

describe('sameSnapshotContent', () => {
  it('ignores only when the snapshot was taken', () => {
    const before = snapshotOf(company(), '2026-11-20T05:00:00.000Z');
    expect(sameSnapshotContent(before, snapshotOf(company(), '2026-11-30T05:00:00.000Z'))).toBe(true);
  });

  it('sees a change in any employee field, attribute, Leapsome id or the action version', () => {
    const before = snapshotOf();
    const [first, ...rest] = company();
    if (first === undefined) throw new Error('empty fixture');
    const variants = [
      snapshotOf([{ ...first, position: 'Head of Everything' }, ...rest]),
      snapshotOf([{ ...first, hireDateOffsetMinutes: (first.hireDateOffsetMinutes ?? 0) + 60 }, ...rest]),
      snapshotOf([{ ...first, attributes: { ...first.attributes, extra: 'new' } }, ...rest]),
      snapshotOf([{ ...first, org: { ...first.org, office: { field: 'office', id: '999', name: 'Lisbon' } } }, ...rest]),
      snapshotOf(rest),
      { ...before, leapsomeUserIds: { ...before.leapsomeUserIds, [first.id]: 'another-user' } },
      { ...before, actionVersion: '9.9.9' },
      { ...before, attributes: [...before.attributes, 'dynamic_1'] },
    ];
    for (const next of variants) expect(sameSnapshotContent(before, next)).toBe(false);
  });
});

describe('sameJson', () => {
  it('compares JSON-shaped values structurally, whatever the key order', () => {
    expect(sameJson({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({ a: ['x'] }, { a: 'x' })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
