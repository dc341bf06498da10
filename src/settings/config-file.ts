// The YAML config file -> the same strings the inputs carry, or every problem at once as
// "<file>:<line>: `<key>`: <problem>" (with the line, GitHub can annotate the file in a PR diff).
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { SettingsError } from './errors.js';
import {
  CONFIG_KEYS,
  CONFIG_ONLY_KEYS,
  configFileSchema,
  INPUT_CONFIG_KEYS,
  INPUT_ONLY_KEYS,
  type ConfigFileValues,
  type ConfigKey,
  type ConfigOnlyValues,
  type InputConfigKey,
} from './config-schema.js';
import { FIELDS_KEYS } from './fields-schema.js';
import { inputString } from './grammar.js';

export interface ConfigProblem {
  readonly file: string;
  readonly line: number;
  /** Dotted path of the key (`exclude.2`), or null for a problem with the file as a whole. */
  readonly key: string | null;
  readonly message: string;
}

/** A config file that failed to load; `problems` carry file and line for annotations. */
export class ConfigFileError extends SettingsError {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`Invalid config file:\n- ${problems.map(formatProblem).join('\n- ')}`);
  }
}

export function formatProblem(p: ConfigProblem): string {
  return `${p.file}:${p.line}: ${p.key === null ? '' : `\`${p.key}\`: `}${p.message}`;
}

/** Where a setting was written: shown in messages, and GitHub annotates the file at that line. */
export interface ConfigLocation {
  readonly file: string;
  readonly line: number;
}

/** A loaded config file: its path as shown to users, its values in input form and its config-only values. */
export interface ConfigFile {
  readonly path: string;
  /** Keys that are also inputs, as the input's string would be. */
  readonly values: Readonly<Partial<Record<InputConfigKey, string>>>;
  /** Keys only the file holds, as validated. */
  readonly structured: ConfigOnlyValues;
  /** Every key the file sets, in CONFIG_KEYS order. */
  readonly keys: readonly ConfigKey[];
  /** Where a key path (`['fields', 'level', 'from']`) is written, for problems found after loading. */
  locate(path: readonly (string | number)[]): ConfigLocation;
}

/** Parses and validates the file's text; `path` is only used in messages. */
export function parseConfigFile(text: string, path: string): ConfigFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number): number => lines.linePos(offset).line;
  if (doc.errors.length > 0) {
    throw new ConfigFileError(
      doc.errors.map((error) => ({
        file: path,
        line: lineAt(error.pos[0]),
        key: null,
        message: `not valid YAML: ${error.message.split('\n')[0] ?? error.message}`,
      })),
    );
  }
  const data: unknown = doc.contents === null ? {} : doc.toJS({ maxAliasCount: 100 });
  const parsed = configFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new ConfigFileError(
      parsed.error.issues.flatMap((issue) => problemsOf(issue, [], data, doc, path, lineAt)).sort((a, b) => a.line - b.line),
    );
  }
  const structured: Record<string, unknown> = {};
  for (const key of CONFIG_ONLY_KEYS) if (parsed.data[key] !== undefined) structured[key] = parsed.data[key];
  const values = asInputs(parsed.data);
  return {
    path,
    values,
    structured: structured as ConfigOnlyValues,
    keys: CONFIG_KEYS.filter((key) => key in values || key in structured),
    locate: (keyPath) => ({ file: path, line: lineAt(nodeOffset(doc, keyPath)) }),
  };
}

type KeyPath = readonly (string | number)[];

function problemsOf(
  issue: z.core.$ZodIssue,
  prefix: KeyPath,
  data: unknown,
  doc: Document,
  file: string,
  lineAt: (offset: number) => number,
): ConfigProblem[] {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      file,
      line: lineAt(keyOffset(doc, [...path, key])),
      key: [...path, key].join('.'),
      message: unknownKeyMessage(path, key),
    }));
  }
  if (path.length === 0) return [{ file, line: 1, key: null, message: 'expected a mapping of settings, e.g. `statuses: [active, leave]`' }];
  // A union (a field's short or long form): a table is meant as the long form, so its own
  // problems (`map.L3`, `apply`) say more than "matches no alternative".
  if (issue.code === 'invalid_union' && isPlainObject(valueAt(data, path))) {
    const branch = issue.errors.find(
      (issues) => issues.length > 0 && issues.every((i) => i.path.length > 0 || i.code === 'unrecognized_keys' || i.code === 'custom'),
    );
    if (branch !== undefined) return branch.flatMap((inner) => problemsOf(inner, path, data, doc, file, lineAt));
  }
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  return [{ file, line: lineAt(nodeOffset(doc, path)), key: path.join('.'), message }];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(data: unknown, path: KeyPath): unknown {
  let value = data;
  for (const key of path)
    value = isPlainObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/** Where the value at `path` starts, else where its key is written. */
function nodeOffset(doc: Document, path: KeyPath): number {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  return (hasRange(node) ? node.range?.[0] : undefined) ?? keyOffset(doc, path);
}

function hasRange(node: unknown): node is { range?: [number, number, number] | null } {
  return typeof node === 'object' && node !== null && 'range' in node;
}

/** Where a key is written (the key itself, not its value), falling back to the start of the file. */
function keyOffset(doc: Document, path: KeyPath): number {
  const parent = path.length <= 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return 0;
  const last = path[path.length - 1];
  for (const pair of parent.items) {
    if (isScalar(pair.key) && pair.key.value === last) return pair.key.range?.[0] ?? 0;
  }
  return parent.range?.[0] ?? 0;
}

function unknownKeyMessage(parent: KeyPath, key: string): string {
  const reason = parent.length === 0 ? INPUT_ONLY_KEYS[key] : undefined;
  if (reason !== undefined) return `not allowed in the config file: ${reason}`;
  const [what, allowed] =
    parent.length === 1 && parent[0] === 'fields' ? ['field', FIELDS_KEYS] : parent.length === 0 ? ['key', CONFIG_KEYS] : ['key', null];
  const normalised = key.toLowerCase().replace(/[-_\s]/g, '');
  const near = allowed?.find((k) => editDistance(k.replace(/-/g, ''), normalised) <= 2);
  return `unknown ${what}${near === undefined ? '' : ` (did you mean \`${near}\`?)`}${allowed === null ? '' : `; allowed: ${allowed.join(', ')}`}`;
}

/** The file's typed values in the string form of the inputs, so both go through one parser. */
function asInputs(values: ConfigFileValues): Partial<Record<InputConfigKey, string>> {
  const out: Partial<Record<InputConfigKey, string>> = {};
  for (const key of INPUT_CONFIG_KEYS) {
    const value = values[key];
    if (value !== undefined) out[key] = inputString(key, value);
  }
  return out;
}

/** Levenshtein distance, for "did you mean" on misspelt keys (teamsFrom, team-from, statuses_). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
