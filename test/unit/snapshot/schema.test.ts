import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src/domain/snapshot.js';
import { buildSnapshot, decodeSnapshot, encodeSnapshot } from '../../../src/snapshot/schema.js';
import { employee, leapsomeUser } from '../plan/builders.js';
import { company, leapsome, READ, snapshotOf, TAKEN_AT } from './fixtures.js';

const asJson = (value: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

/** Encodes any object the way encodeSnapshot lays a snapshot out (header line, one line per employee), without its checks. */
function linesOf(value: unknown): Buffer {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return Buffer.from(`${JSON.stringify(value)}\n`);
  const { employees, ...rest } = value as Record<string, unknown>;
  const list = Array.isArray(employees) ? employees : [];
  return Buffer.from(
    [JSON.stringify({ ...rest, employeeCount: list.length }), ...list.map((e) => JSON.stringify(e))].map((l) => `${l}\n`).join(''),
  );
}
const parseSnapshot = (value: unknown) => decodeSnapshot(linesOf(value));

describe('buildSnapshot', () => {
  it('keeps the employees (sorted by id), the Leapsome ids they map to, the time and the versions', () => {
    const snapshot = buildSnapshot({
      personio: { employees: [...company()].reverse(), rejected: [] },
      leapsome,
      actionVersion: '1.2.3',
      takenAt: new Date(TAKEN_AT),
      attributes: READ,
    });
    expect(snapshot.schemaVersion).toBe(2);
    expect(snapshot.attributes).toEqual(READ);
    expect(snapshot.actionVersion).toBe('1.2.3');
    expect(snapshot.takenAt).toBe(TAKEN_AT);
    expect(snapshot.employees.map((e) => e.id)).toEqual(['1', '2', '3', '4']);
    expect(snapshot.employees[1]).toEqual(company()[1]);
    expect(snapshot.leapsomeUserIds).toEqual({ '1': 'L1', '2': 'L2' });
    expect(snapshot.leapsomeTeamIds).toEqual({ 'personio:department:10': 'T10' });
  });

  it('copies only domain fields, so nothing an adapter attached ends up in the cache', () => {
    const withExtra = { ...employee({ id: '9' }), rawBody: { token: 'secret' } };
    const snapshot = buildSnapshot({
      personio: { employees: [withExtra], rejected: [] },
      leapsome,
      actionVersion: 'x',
      takenAt: TAKEN_AT,
      attributes: READ,
    });
    expect(JSON.stringify(snapshot)).not.toContain('secret');
    expect(parseSnapshot(asJson(snapshot)).ok).toBe(true);
  });

  it('leaves out ids that several Leapsome users or teams claim', () => {
    const users = [
      leapsomeUser({ id: 'A', externalId: '1' }),
      leapsomeUser({ id: 'B', externalId: '1' }),
      leapsomeUser({ id: 'C', externalId: '2' }),
    ];
    const snapshot = buildSnapshot({
      personio: { employees: company(), rejected: [] },
      leapsome: { ...leapsome, users },
      actionVersion: 'x',
      takenAt: TAKEN_AT,
      attributes: READ,
    });
    expect(snapshot.leapsomeUserIds).toEqual({ '2': 'C' });
  });
});

describe('decodeSnapshot', () => {
  it('reads back what encodeSnapshot writes: a header line, then one line per employee', () => {
    const snapshot = snapshotOf();
    const encoded = encodeSnapshot(snapshot);
    expect(decodeSnapshot(encoded)).toEqual({ ok: true, snapshot });
    const lines = encoded.toString('utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1 + snapshot.employees.length);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ schemaVersion: 2, employeeCount: snapshot.employees.length });
    expect(JSON.parse(lines[1] ?? '')).toEqual(snapshot.employees[0]);
  });

  it('keeps names with line breaks and non-ASCII text intact (JSON escapes the newlines)', () => {
    const base = snapshotOf();
    const first = base.employees[0];
    if (first === undefined) throw new Error('fixture has employees');
    const snapshot: Snapshot = {
      ...base,
      employees: [{ ...first, lastName: 'Müller\nSchmidt', position: 'Ärztin 👩‍⚕️' }, ...base.employees.slice(1)],
    };
    expect(decodeSnapshot(encodeSnapshot(snapshot))).toEqual({ ok: true, snapshot });
  });

  it('notices missing employee lines and lines that are not JSON', () => {
    const encoded = encodeSnapshot(snapshotOf()).toString('utf8').trimEnd().split('\n');
    const count = encoded.length - 1;
    expect(decodeSnapshot(Buffer.from(encoded.slice(0, -1).join('\n')))).toEqual({
      ok: false,
      reason: `${count - 1} employees, the header says ${count}`,
    });
    expect(decodeSnapshot(Buffer.from([...encoded.slice(0, 2), '{oops', ...encoded.slice(3)].join('\n')))).toEqual({
      ok: false,
      reason: 'employees.1: not JSON',
    });
    expect(decodeSnapshot(Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty' });
  });

  it('names another schema version, old or new', () => {
    expect(parseSnapshot({ ...asJson(snapshotOf()), schemaVersion: 1 })).toEqual({ ok: false, reason: 'schema version 1, expected 2' });
    expect(parseSnapshot({ ...asJson(snapshotOf()), schemaVersion: 3 })).toEqual({ ok: false, reason: 'schema version 3, expected 2' });
    expect(parseSnapshot({ employees: [] })).toEqual({ ok: false, reason: 'schema version missing, expected 2' });
  });

  it('names the bad field', () => {
    const json = asJson(snapshotOf());
    const employees = json['employees'] as Record<string, unknown>[];
    employees[2] = { ...employees[2], status: 'retired' };
    const result = parseSnapshot(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^employees\.2\.status: /);
  });

  it('rejects unknown fields, a unit filed under the wrong field, bad dates and non-objects', () => {
    const base = asJson(snapshotOf());
    expect(parseSnapshot({ ...base, token: 'x' })).toMatchObject({ ok: false, reason: expect.stringMatching(/Unrecognized key/) });
    const employees = base['employees'] as Record<string, unknown>[];
    const wrongField = {
      ...base,
      employees: [
        { ...employees[0], org: { department: { field: 'team', id: '1', name: 'x' }, team: null, office: null, subcompany: null } },
      ],
    };
    expect(parseSnapshot(wrongField)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^employees\.0\.org\.department\.field: /),
    });
    const badDate = { ...base, employees: [{ ...employees[0], hireDate: '1.2.2020' }] };
    expect(parseSnapshot(badDate)).toMatchObject({ ok: false, reason: expect.stringMatching(/^employees\.0\.hireDate: /) });
    expect(parseSnapshot({ ...base, takenAt: 'yesterday' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^takenAt: /) });
    expect(parseSnapshot([])).toEqual({ ok: false, reason: 'not a JSON object' });
    expect(parseSnapshot(null)).toEqual({ ok: false, reason: 'not a JSON object' });
  });
});
