// How settings are written, once for the two places they are written: an action input (one string)
// and a key of the config file (YAML). The config file's schema checks a value against these
// patterns where it is written (so a problem has a line, and editors can check it too); the value
// then reaches the settings as the input's string would (inputString), and the inputs are parsed
// with the same patterns. A setting's grammar therefore cannot differ between the two.
import { CUSTOM_ATTRIBUTE_KEY, ORG_FIELDS, type ExcludeRule, type Threshold } from '../domain/types.js';

export type Problem = { readonly problem: string };
export const isProblem = (value: unknown): value is Problem => typeof value === 'object' && value !== null && 'problem' in value;

/**
 * A safety threshold: a whole number (`10`), or a percentage up to 100 (`20%`, `12.5%`). Leading
 * zeros and `.0` decimals of a whole number are tolerated, as the inputs always accepted them.
 */
export const THRESHOLD = /^(?:\d+(?:\.0+)?|0*(?:100(?:\.0+)?|\d{1,2}(?:\.\d+)?)\s*%)$/;

export function parseThreshold(raw: string): Threshold | Problem {
  const text = raw.trim();
  if (THRESHOLD.test(text)) {
    return text.endsWith('%') ? { kind: 'percent', value: Number(text.slice(0, -1)) } : { kind: 'count', value: Number(text) };
  }
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (percent !== null) return { problem: 'a percentage cannot exceed 100%' };
  return { problem: `expected a whole number such as 10 or a percentage such as 20%, got ${JSON.stringify(raw)}` };
}

/** One exclude rule: `email:<glob>`, `department:<name>` or `id:<Personio id>`. */
export const EXCLUDE_RULE = /^(?:(?:email|department)\s*:\s*\S.*|id\s*:\s*\d+\s*)$/;
export const EXCLUDE_RULE_HELP = 'email:<glob>, department:<name>, id:<personio id>';

/** One rule; in an input, the kind may be written in any case (`Email:`). */
export function parseExcludeRule(line: string): ExcludeRule | Problem {
  const colon = line.indexOf(':');
  const kind = colon < 0 ? '' : line.slice(0, colon).trim().toLowerCase();
  const value = colon < 0 ? '' : line.slice(colon + 1).trim();
  if (!EXCLUDE_RULE.test(`${kind}:${value}`)) {
    if (kind === 'id' && value !== '') return { problem: `rule ${JSON.stringify(line)}: a Personio id is a number` };
    return { problem: `rule ${JSON.stringify(line)} must be one of ${EXCLUDE_RULE_HELP}` };
  }
  if (kind === 'email') return { kind: 'email', glob: value };
  if (kind === 'department') return { kind: 'department', name: value };
  return { kind: 'id', id: value };
}

/** The rules of an `exclude` input: one a line; empty lines and `#` comments are skipped. */
export const excludeLines = (raw: string): string[] =>
  raw
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

/** The values of a list input (`active,leave`): separated by commas or new lines, lower-cased, empty ones dropped. */
export const splitList = (raw: string): string[] =>
  raw
    .split(/[,\n]/)
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');

/** A config file value as the input's string: lists joined as the input separates them. */
export function inputString(key: string, value: string | number | boolean | null | readonly (string | number)[]): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(key === 'exclude' ? '\n' : ',');
  return String(value);
}

/** A source of teams (`teams-from`, the key of a `team-names` entry): an org field, or a custom attribute key. */
export const TEAM_SOURCE_PATTERN = `(?:${ORG_FIELDS.join('|')}|${CUSTOM_ATTRIBUTE_KEY.source.replace(/^\^|\$$/g, '')})`;
export const TEAM_SOURCE_HELP = `${ORG_FIELDS.join(', ')}, or a Personio custom attribute key such as dynamic_1146702`;

/** `preboard-days` above ten years is a typo, not a plan. */
export const MAX_PREBOARD_DAYS = 3650;

/** Empty: `statuses` alone decides; else a whole number of days, at most MAX_PREBOARD_DAYS. */
export function parsePreboardDays(raw: string): number | null | Problem {
  const text = raw.trim();
  if (text === '') return null;
  if (!/^\d+$/.test(text) || Number(text) > MAX_PREBOARD_DAYS) {
    return { problem: `expected a whole number of days from 0 to ${MAX_PREBOARD_DAYS}, or empty, got ${JSON.stringify(raw)}` };
  }
  return Number(text);
}
