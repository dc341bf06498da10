// A Personio attribute object (`{label, value, type, universal_id}`) -> its value as text, by type:
// org units give their name, dates the local date YYYY-MM-DD, `cost_centers` the name with the
// highest percentage, tags (multi-valued) a list of values, numbers the digits Personio sends.
// Used for the attributes the settings map beyond the fixed ones (attribute objects as in
// https://github.com/personio/api-docs, personio-personnel-data-api-oa3.yaml).
import { z } from 'zod';
import type { AttributeValue } from '../domain/types.js';
import { localDate } from './wire.js';

export type ValueResult = { readonly ok: true; readonly value: AttributeValue } | { readonly ok: false; readonly reason: string };

const ok = (value: AttributeValue): ValueResult => ({ ok: true, value });
const fail = (reason: string): ValueResult => ({ ok: false, reason });

const attributeObject = z.object({ value: z.unknown(), type: z.string().nullish() });
/** `{type, attributes: {id, name}}`: department, office, team, subcompany and the like. */
const named = z.object({ attributes: z.object({ name: z.string() }) });
const costCenter = z.object({ attributes: z.object({ name: z.string(), percentage: z.union([z.number(), z.string()]).nullish() }) });

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Values in order, blanks and repeats left out; null when none remain. */
function list(values: readonly string[]): readonly string[] | null {
  const seen = new Set<string>();
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed !== '') seen.add(trimmed);
  }
  return seen.size === 0 ? null : [...seen];
}

/** Numbers as Personio sends them: 40 -> "40", 1.5 -> "1.5" (no rounding, no locale). */
function number(value: number): ValueResult {
  return Number.isFinite(value) ? ok(String(value)) : fail('expected a finite number');
}

/** The cost center with the highest percentage; on a tie the first listed. */
function mainCostCenter(items: readonly unknown[]): ValueResult {
  let best: { name: string; share: number } | null = null;
  for (const [i, item] of items.entries()) {
    const parsed = costCenter.safeParse(item);
    if (!parsed.success) return fail(`item ${i}: expected a cost center {type, attributes: {id, name, percentage}}`);
    const share = Number(parsed.data.attributes.percentage ?? 0);
    const name = text(parsed.data.attributes.name);
    if (name !== null && (best === null || (Number.isFinite(share) && share > best.share)))
      best = { name, share: Number.isFinite(share) ? share : 0 };
  }
  return ok(best?.name ?? null);
}

function element(item: unknown, index: number): string | { reason: string } {
  if (typeof item === 'string') return item;
  if (typeof item === 'number' && Number.isFinite(item)) return String(item);
  const parsed = named.safeParse(item);
  return parsed.success ? parsed.data.attributes.name : { reason: `item ${index}: expected text or an object with a name` };
}

/**
 * Tags arrive as a list of values or as one comma-separated string: the v1 wire form of a tags
 * value is UNCONFIRMED (personio-api.md lists the type, not its shape), so both are read.
 */
export function attributeValue(raw: unknown, key: string): ValueResult {
  const result = convert(raw, key);
  return result.ok
    ? result
    : fail(`attributes.${key}${result.reason.startsWith('expected an attribute object') ? '' : '.value'}: ${result.reason}`);
}

function convert(raw: unknown, key: string): ValueResult {
  if (raw === undefined || raw === null) return ok(null);
  const parsed = attributeObject.safeParse(raw);
  if (!parsed.success) return fail('expected an attribute object {label, value, type, universal_id}');
  const { value, type } = parsed.data;
  if (value === undefined || value === null) return ok(null);
  if (key === 'cost_centers' && Array.isArray(value)) return mainCostCenter(value);
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((item) => named.safeParse(item).success && (item as { type?: unknown }).type === 'CostCenter'))
      return mainCostCenter(value);
    const values: string[] = [];
    for (const [i, item] of value.entries()) {
      const one = element(item, i);
      if (typeof one !== 'string') return fail(one.reason);
      values.push(one);
    }
    return ok(list(values));
  }
  if (type === 'date') {
    const date = localDate.safeParse(typeof value === 'string' ? value : String(value));
    return date.success ? ok(date.data) : fail(date.error.issues[0]?.message ?? 'expected an ISO date');
  }
  if (typeof value === 'string') return ok(type === 'tags' ? list(value.split(',')) : text(value));
  if (typeof value === 'number') return number(value);
  if (typeof value === 'boolean') return ok(String(value));
  const unit = named.safeParse(value);
  if (unit.success) return ok(text(unit.data.attributes.name));
  return fail('expected text, a number, a date, a list of values or an object with a name');
}
