// `fields`: a Personio value -> the value a Leapsome field should hold, by the rule's map and
// default. Pure; the planner decides whether it is written (apply: always / on-create).
import { DATE_FIELDS, mapKey, type FieldName, type FieldRule } from '../domain/fields.js';
import { GENDERS, type AttributeValue, type Employee } from '../domain/types.js';

/** The value of a source the settings name, from the fields the adapter fills (fixed or extra). */
export function sourceValue(employee: Employee, source: string): AttributeValue {
  switch (source) {
    case 'id':
      return employee.id;
    case 'first_name':
      return employee.firstName;
    case 'last_name':
      return employee.lastName;
    case 'preferred_name':
      return employee.preferredName;
    case 'email':
      return employee.email;
    case 'status':
      return employee.status;
    case 'position':
      return employee.position;
    case 'supervisor':
      return employee.supervisorId;
    case 'hire_date':
      return employee.hireDate;
    case 'termination_date':
      return employee.terminationDate;
    case 'gender':
      return employee.gender;
    case 'department':
    case 'team':
    case 'office':
    case 'subcompany':
      return employee.org[source]?.name ?? null;
    default:
      return employee.attributes[source] ?? null;
  }
}

/** The values of an attribute value: none, one, or a multi-valued attribute's list. */
export function valuesOf(value: AttributeValue): readonly string[] {
  if (value === null) return [];
  if (typeof value === 'string') return value.trim() === '' ? [] : [value];
  return value;
}

export function sameAttributeValue(a: AttributeValue, b: AttributeValue): boolean {
  const x = valuesOf(a);
  const y = valuesOf(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** What a rule asks for: a value to set (null clears), or to leave the field as it is, and why. */
export type Desired = { readonly kind: 'set'; readonly value: string | null } | { readonly kind: 'keep'; readonly reason: string };

const set = (value: string | null): Desired => ({ kind: 'set', value });
const keep = (reason: string): Desired => ({ kind: 'keep', reason });
const NONE: readonly string[] = Object.freeze([]);
const quoted = (values: readonly string[]): string => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * The rule's map and default over the values: each value is looked up (trimmed, ignoring case);
 * an empty value takes the default, or clears. A value the map does not list takes the default;
 * without one the field is left as it is (reported). Without a map, values pass as they are.
 */
export function mapValues(
  rule: FieldRule,
  value: AttributeValue,
): { readonly values: readonly string[] | null; readonly unlisted: readonly string[] } {
  const map = rule.map;
  // Most fields: one text value, no map (this runs for every field of every employee).
  if (map === null && typeof value === 'string' && value.trim() !== '') return { values: [value.trim()], unlisted: NONE };
  const values = valuesOf(value);
  if (values.length === 0) return { values: rule.default === null || rule.default === '' ? NONE : [rule.default], unlisted: NONE };
  if (map === null) return { values: [...new Set(values.map((v) => v.trim()))], unlisted: NONE };
  const out = new Set<string>();
  const unlisted: string[] = [];
  for (const v of values) {
    const mapped = map.get(mapKey(v)) ?? rule.default;
    if (mapped === null) unlisted.push(v);
    else if (mapped !== '') out.add(mapped);
  }
  return unlisted.length > 0 && rule.default === null ? { values: null, unlisted } : { values: [...out], unlisted: NONE };
}

/** Leapsome takes dates as YYYY-MM-DD and gender as one of its three values. */
function checked(field: FieldName, value: string): Desired {
  if (DATE_FIELDS.has(field)) {
    const date = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(value.trim());
    return date?.[1] === undefined ? keep(`${JSON.stringify(value)} is not a date (YYYY-MM-DD)`) : set(date[1]);
  }
  if (field === 'gender') {
    const gender = value.trim().toLowerCase();
    return (GENDERS as readonly string[]).includes(gender)
      ? set(gender)
      : keep(`${JSON.stringify(value)} is not one of ${GENDERS.join(', ')}`);
  }
  return set(value);
}

/** The value a text field should hold: several values are joined by ", ". */
export function desiredText(rule: FieldRule, value: AttributeValue): Desired {
  const { values, unlisted } = mapValues(rule, value);
  if (values === null)
    return keep(`${quoted(unlisted)} ${unlisted.length === 1 ? 'is' : 'are'} not in \`map\`, and there is no \`default\``);
  return values.length === 0 ? set(null) : checked(rule.field, values.join(', '));
}

/** Additional managers: ids or emails, one per value, several in a value separated by commas, semicolons or new lines. */
export function desiredTokens(
  rule: FieldRule,
  value: AttributeValue,
): { readonly kind: 'set'; readonly tokens: readonly string[] } | { readonly kind: 'keep'; readonly reason: string } {
  const split = valuesOf(value)
    .flatMap((v) => v.split(/[,;\r\n]+/))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const { values, unlisted } = mapValues(rule, split);
  if (values === null)
    return {
      kind: 'keep',
      reason: `${quoted(unlisted)} ${unlisted.length === 1 ? 'is' : 'are'} not in \`map\`, and there is no \`default\``,
    };
  return {
    kind: 'set',
    tokens: [
      ...new Set(
        values
          .flatMap((v) => v.split(/[,;\r\n]+/))
          .map((v) => v.trim())
          .filter((v) => v !== ''),
      ),
    ],
  };
}
