// Each Personio attribute type turned into text, as `fields` sends it to Leapsome.
import { describe, expect, it } from 'vitest';
import { parseEmployeeRecord } from '../../../src/personio/employee.js';
import { attributeValue } from '../../../src/personio/values.js';

const attr = (value: unknown, type = 'standard', universal_id: string | null = null) => ({ label: 'Label', value, type, universal_id });
const valueOf = (raw: unknown, key = 'dynamic_1') => attributeValue(raw, key);

describe('attributeValue', () => {
  it('trims text; empty text, null and a missing attribute are empty', () => {
    expect(valueOf(attr('  Senior  '))).toEqual({ ok: true, value: 'Senior' });
    expect(valueOf(attr('multi\nline', 'multiline'))).toEqual({ ok: true, value: 'multi\nline' });
    expect(valueOf(attr('   '))).toEqual({ ok: true, value: null });
    expect(valueOf(attr(null))).toEqual({ ok: true, value: null });
    expect(valueOf(undefined)).toEqual({ ok: true, value: null });
  });

  it('gives an org unit its name', () => {
    expect(valueOf(attr({ type: 'Subcompany', attributes: { id: 7033, name: 'Example GmbH' } }), 'subcompany')).toEqual({
      ok: true,
      value: 'Example GmbH',
    });
  });

  it('gives a date the local calendar date Personio shows, never shifted to UTC', () => {
    expect(valueOf(attr('2021-04-01T00:00:00+02:00', 'date'))).toEqual({ ok: true, value: '2021-04-01' });
    expect(valueOf(attr('1983-08-18', 'date', 'date_of_birth'))).toEqual({ ok: true, value: '1983-08-18' });
    expect(valueOf(attr('', 'date'))).toEqual({ ok: true, value: null });
    expect(valueOf(attr('18.08.1983', 'date'))).toEqual({
      ok: false,
      reason: 'attributes.dynamic_1.value: expected an ISO date (YYYY-MM-DD…)',
    });
  });

  it('gives cost_centers the name with the highest percentage (the first on a tie), and an empty list as empty', () => {
    const centers = (...items: [string, number][]) =>
      attr(items.map(([name, percentage], i) => ({ type: 'CostCenter', attributes: { id: i + 1, name, percentage } })));
    expect(valueOf(centers(['Sales', 30], ['Engineering', 70]), 'cost_centers')).toEqual({ ok: true, value: 'Engineering' });
    expect(valueOf(centers(['Sales', 50], ['Engineering', 50]), 'cost_centers')).toEqual({ ok: true, value: 'Sales' });
    expect(valueOf(centers(['Cost center 1', 100]), 'cost_centers')).toEqual({ ok: true, value: 'Cost center 1' });
    expect(valueOf(attr([]), 'cost_centers')).toEqual({ ok: true, value: null });
    expect(valueOf(attr([{ type: 'CostCenter', attributes: { id: 1 } }]), 'cost_centers')).toEqual({
      ok: false,
      reason: 'attributes.cost_centers.value: item 0: expected a cost center {type, attributes: {id, name, percentage}}',
    });
  });

  it('gives a list (single choice) its value, and tags their values as a list, from an array or a comma-separated string', () => {
    expect(valueOf(attr('married', 'list'))).toEqual({ ok: true, value: 'married' });
    expect(valueOf(attr(['English', 'French'], 'tags'))).toEqual({ ok: true, value: ['English', 'French'] });
    expect(valueOf(attr('English, French,,English', 'tags'))).toEqual({ ok: true, value: ['English', 'French'] });
    expect(valueOf(attr('Go', 'tags'))).toEqual({ ok: true, value: ['Go'] });
    expect(valueOf(attr('', 'tags'))).toEqual({ ok: true, value: null });
    expect(valueOf(attr([{ type: 'Team', attributes: { id: 1, name: 'Platform' } }, 'x']))).toEqual({ ok: true, value: ['Platform', 'x'] });
  });

  it('keeps numbers as Personio sends them, integer or decimal, number or string', () => {
    expect(valueOf(attr(40, 'integer'))).toEqual({ ok: true, value: '40' });
    expect(valueOf(attr(1.5, 'decimal'))).toEqual({ ok: true, value: '1.5' });
    expect(valueOf(attr('40', 'standard'))).toEqual({ ok: true, value: '40' });
    expect(valueOf(attr(0, 'integer'))).toEqual({ ok: true, value: '0' });
  });

  it('names the attribute of a value it cannot read', () => {
    expect(valueOf('nope')).toEqual({
      ok: false,
      reason: 'attributes.dynamic_1: expected an attribute object {label, value, type, universal_id}',
    });
    expect(valueOf(attr({ no: 'name' }))).toEqual({
      ok: false,
      reason: 'attributes.dynamic_1.value: expected text, a number, a date, a list of values or an object with a name',
    });
  });
});

describe('parseEmployeeRecord with extra attributes', () => {
  const base = { id: attr(7, 'integer'), first_name: attr('Ada'), last_name: attr('Lovelace'), status: attr('active') };

  it('keeps each extra under the name the settings use, empty when Personio leaves it out', () => {
    const result = parseEmployeeRecord(
      {
        type: 'Employee',
        attributes: {
          ...base,
          dynamic_180883: attr('1983-08-18T00:00:00+01:00', 'date', 'date_of_birth'),
          dynamic_3: attr(['Go'], 'tags'),
        },
      },
      [
        { name: 'date_of_birth', key: 'dynamic_180883' },
        { name: 'dynamic_3', key: 'dynamic_3' },
        { name: 'cost_centers', key: 'cost_centers' },
      ],
    );
    expect(result).toMatchObject({
      ok: true,
      employee: { id: '7', attributes: { date_of_birth: '1983-08-18', dynamic_3: ['Go'], cost_centers: null } },
    });
  });

  it('rejects the record, naming the attribute, when an extra cannot be read', () => {
    const result = parseEmployeeRecord({ type: 'Employee', attributes: { ...base, dynamic_9: attr('31.02.2020', 'date') } }, [
      { name: 'dynamic_9', key: 'dynamic_9' },
    ]);
    expect(result).toEqual({
      ok: false,
      rejected: { source: 'personio', recordId: '7', reason: 'attributes.dynamic_9.value: expected an ISO date (YYYY-MM-DD…)' },
    });
  });
});
