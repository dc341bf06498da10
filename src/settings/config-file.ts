// The YAML config file -> the same strings the inputs carry, or every problem at once as
// "<file>:<line>: `<key>`: <problem>" (with the line, GitHub can annotate the file in a PR diff).
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { SettingsError } from './errors.js';
import { CONFIG_KEYS, configFileSchema, INPUT_ONLY_KEYS, type ConfigFileValues, type ConfigKey } from './config-schema.js';

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

/** A loaded config file: its path as shown to users and its values in input form. */
export interface ConfigFile {
  readonly path: string;
  readonly values: Readonly<Partial<Record<ConfigKey, string>>>;
}

/** Parses and validates the file's text; `path` is only used in messages. */
export function parseConfigFile(text: string, path: string): ConfigFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number): number => lines.linePos(offset).line;
  if (doc.errors.length > 0) {
    throw new ConfigFileError(
      doc.errors.map((error) => ({ file: path, line: lineAt(error.pos[0]), key: null, message: `not valid YAML: ${error.message.split('\n')[0] ?? error.message}` })),
    );
  }
  const data: unknown = doc.contents === null ? {} : doc.toJS({ maxAliasCount: 100 });
  const parsed = configFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new ConfigFileError(parsed.error.issues.flatMap((issue) => problemsOf(issue, doc, path, lineAt)).sort((a, b) => a.line - b.line));
  }
  return { path, values: asInputs(parsed.data) };
}

function problemsOf(issue: z.core.$ZodIssue, doc: Document, file: string, lineAt: (offset: number) => number): ConfigProblem[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ file, line: lineAt(keyOffset(doc, [...path, key])), key: [...path, key].join('.'), message: unknownKeyMessage(key) }));
  }
  if (path.length === 0) return [{ file, line: 1, key: null, message: 'expected a mapping of settings, e.g. `statuses: [active, leave]`' }];
  const node = doc.getIn(path, true);
  const offset = (hasRange(node) ? node.range?.[0] : undefined) ?? keyOffset(doc, path);
  return [{ file, line: lineAt(offset), key: path.join('.'), message: issue.message }];
}

function hasRange(node: unknown): node is { range?: [number, number, number] | null } {
  return typeof node === 'object' && node !== null && 'range' in node;
}

/** Where a key is written (the key itself, not its value), falling back to the start of the file. */
function keyOffset(doc: Document, path: readonly (string | number)[]): number {
  const parent = path.length <= 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return 0;
  const last = path[path.length - 1];
  for (const pair of parent.items) {
    if (isScalar(pair.key) && pair.key.value === last) return pair.key.range?.[0] ?? 0;
  }
  return parent.range?.[0] ?? 0;
}

function unknownKeyMessage(key: string): string {
  const reason = INPUT_ONLY_KEYS[key];
  if (reason !== undefined) return `not allowed in the config file: ${reason}`;
  const normalised = key.toLowerCase().replace(/[-_\s]/g, '');
  const near = CONFIG_KEYS.find((k) => editDistance(k.replace(/-/g, ''), normalised) <= 2);
  return `unknown key${near === undefined ? '' : ` (did you mean \`${near}\`?)`}; allowed: ${CONFIG_KEYS.join(', ')}`;
}

/** The file's typed values in the string form of the inputs, so both go through one parser. */
function asInputs(values: ConfigFileValues): Partial<Record<ConfigKey, string>> {
  const out: Partial<Record<ConfigKey, string>> = {};
  for (const key of CONFIG_KEYS) {
    const value = values[key];
    if (value === undefined) continue;
    if (value === null) out[key] = '';
    else if (Array.isArray(value)) out[key] = value.join(key === 'exclude' ? '\n' : ',');
    else out[key] = String(value);
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
