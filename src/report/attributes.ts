// The `attributes` command's listing: the Personio attributes a credential may read, how many
// employees hold a value in each, which setting uses it, and what the settings need but cannot
// read. Plain text for a terminal; values themselves are never shown, only counts.
import { terminalText } from './escape.js';

export interface ListedAttribute {
  readonly key: string;
  readonly label: string | null;
  readonly type: string | null;
  readonly universalId: string | null;
  readonly options: readonly string[];
}

export interface AttributeListing {
  /** As Personio lists them. */
  readonly attributes: readonly ListedAttribute[];
  /** Employees looked at and, per key, how many of them hold a value; null when not counted. */
  readonly values: { readonly sampled: number; readonly counts: ReadonlyMap<string, number> } | null;
  /** Key -> the settings that read it (`fields.level`, `teams-from`, …). */
  readonly usedBy: ReadonlyMap<string, readonly string[]>;
  /** Sources the settings name that the credential may not read (or that do not exist). */
  readonly unreadable: readonly {
    readonly source: string;
    readonly neededBy: string;
    readonly at: { readonly file: string; readonly line: number } | null;
  }[];
}

const MAX_LABEL = 32;
const MAX_OPTIONS = 12;

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

export function renderAttributeListing(listing: AttributeListing): string[] {
  const { values } = listing;
  const counted = values === null ? '' : ` Values: how many of the first ${values.sampled} employees hold one.`;
  const lines = [`The Personio credential may read ${listing.attributes.length} employee attributes.${counted}`, ''];
  const rows: string[][] = [['KEY', 'LABEL', 'TYPE', 'UNIVERSAL ID', 'VALUES', 'USED BY']];
  const options: string[][] = [];
  for (const a of listing.attributes) {
    const count = values === null ? '-' : `${values.counts.get(a.key) ?? 0}/${values.sampled}`;
    const usedBy = listing.usedBy.get(a.key) ?? [];
    rows.push([
      terminalText(a.key),
      clip(terminalText(a.label ?? ''), MAX_LABEL),
      terminalText(a.type ?? '-'),
      terminalText(a.universalId ?? '-'),
      count,
      usedBy.join(', '),
    ]);
    if (a.options.length > 0) {
      const shown = a.options.slice(0, MAX_OPTIONS).map(terminalText).join(', ');
      options.push([terminalText(a.key), `${shown}${a.options.length > MAX_OPTIONS ? `, … (${a.options.length} in all)` : ''}`]);
    }
  }
  lines.push(...table(rows));
  if (options.length > 0) lines.push('', 'Values a list or tags attribute can take (for `map`):', ...table(options).map((l) => `  ${l}`));
  if (listing.unreadable.length > 0) {
    lines.push('', 'Needed by the settings, but not among the attributes this credential may read (unknown, or not allowed for it):');
    for (const u of listing.unreadable)
      lines.push(`  ${terminalText(u.source)}  ${u.neededBy}${u.at === null ? '' : `, ${u.at.file}:${u.at.line}`}`);
  }
  lines.push('', 'In `fields` (config file), name an attribute by its key or its universal id, e.g. `birthday: date_of_birth`.');
  return lines;
}
