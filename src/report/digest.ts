// The "Changes in Personio since the last run" section of the job summary, rendered from the
// snapshot digest. Every Personio text goes through escapeText.
import type { AttributeValue, OrgUnit } from '../domain/types.js';
import type { DigestPerson, PersonioDigest } from '../plan/digest.js';
import { escapeText as e } from './escape.js';
import { table, tableSection } from './markdown.js';

const DEFAULT_MAX_ROWS = 200;

export interface DigestRenderOptions {
  /** Why there is no digest (first run, cache unavailable, snapshot unusable); shown when digest is null. */
  readonly missingReason?: string;
  /** `counts` leaves names and emails out (the `summary-detail` input). */
  readonly detail?: 'full' | 'counts';
  /** Rows shown per table before "… and N more". */
  readonly maxRows?: number;
}

type Row = readonly string[];

interface Category {
  readonly title: string;
  readonly header: Row;
  readonly rows: readonly Row[];
}

const who = (p: DigestPerson): string => `${e(p.name)} (${e(p.id)})`;
const text = (value: string | null): string => (value === null || value === '' ? '<i>empty</i>' : e(value));
const unitName = (unit: OrgUnit | null): string => (unit === null ? '<i>none</i>' : e(unit.name));
const values = (value: AttributeValue): string => text(value === null || typeof value === 'string' ? value : value.join(', '));

/** `2026-11-24T06:00:12.345Z` -> `2026-11-24 06:00 UTC`; anything unparsable is shown as given. */
export function formatTakenAt(takenAt: string): string {
  const time = new Date(takenAt);
  if (Number.isNaN(time.getTime())) return e(takenAt);
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function categories(d: PersonioDigest): Category[] {
  return [
    { title: 'Joiners', header: ['Person', 'Personio id'], rows: d.joiners.map((p) => [e(p.name), e(p.id)]) },
    { title: 'Rehires', header: ['Person', 'Personio id'], rows: d.rehires.map((p) => [e(p.name), e(p.id)]) },
    {
      title: 'Leavers',
      header: ['Person', 'Personio id', 'Now'],
      rows: d.leavers.map((p) => [e(p.name), e(p.id), p.status === null ? 'no longer in Personio' : `status ${p.status}`]),
    },
    {
      title: 'Moves between org units',
      header: ['Person', 'Field', 'From', 'To'],
      rows: d.moves.map((m) => [who(m.person), m.field, unitName(m.from), unitName(m.to)]),
    },
    {
      title: 'Org units renamed',
      header: ['Field', 'Id', 'Old name', 'New name'],
      rows: d.renames.map((r) => [r.field, e(r.id), e(r.from), e(r.to)]),
    },
    {
      title: 'Supervisor changes',
      header: ['Person', 'Old supervisor', 'New supervisor'],
      rows: d.supervisorChanges.map((c) => [
        who(c.person),
        c.from === null ? '<i>none</i>' : who(c.from),
        c.to === null ? '<i>none</i>' : who(c.to),
      ]),
    },
    {
      title: 'Title changes',
      header: ['Person', 'Old title', 'New title'],
      rows: d.titleChanges.map((c) => [who(c.person), text(c.from), text(c.to)]),
    },
    {
      title: 'Email changes',
      header: ['Person', 'Old email', 'New email'],
      rows: d.emailChanges.map((c) => [who(c.person), text(c.from), text(c.to)]),
    },
    {
      title: 'Name changes',
      header: ['Personio id', 'Old name', 'New name'],
      rows: d.nameChanges.map((c) => [e(c.person.id), text(c.from), text(c.to)]),
    },
    {
      title: 'Attribute changes',
      header: ['Person', 'Attribute', 'Old', 'New'],
      rows: d.attributeChanges.map((c) => [
        who(c.person),
        `${e(c.attribute)}${c.fields.length === 0 ? '' : ` (${c.fields.map(e).join(', ')})`}`,
        values(c.from),
        values(c.to),
      ]),
    },
  ];
}

/** How many changes of each kind, in the order the digest lists them (kinds with none left out). */
export function digestCounts(d: PersonioDigest): { readonly title: string; readonly count: number }[] {
  return categories(d)
    .filter((c) => c.rows.length > 0)
    .map((c) => ({ title: c.title, count: c.rows.length }));
}

function renderCategory(category: Category, maxRows: number): string {
  return tableSection(`#### ${category.title} (${category.rows.length})`, category.header, category.rows, { maxRows });
}

/**
 * The digest section. With `digest` null (no usable previous snapshot) it is a single line saying
 * so, because then no change can be attributed to Personio or to a manual edit.
 */
export function renderDigest(digest: PersonioDigest | null, takenAt: string | null, options: DigestRenderOptions = {}): string {
  if (digest === null) {
    const why = options.missingReason === undefined ? '' : ` (${e(options.missingReason)})`;
    return (
      `### Changes in Personio since the last run\n\n` +
      `No previous snapshot${why}: changes in Personio cannot be listed, and planned changes are not labelled as coming from Personio or overriding a manual edit.\n`
    );
  }
  const when = formatTakenAt(takenAt ?? digest.previousTakenAt);
  const heading = `### Changes in Personio since the last run (${when})\n\nIn scope: ${digest.previousInScope} then, ${digest.currentInScope} now.\n`;
  const present = categories(digest).filter((c) => c.rows.length > 0);
  if (present.length === 0) return `${heading}\nNo changes in Personio since the last run.\n`;
  if (options.detail === 'counts') {
    return `${heading}\n${table(
      ['Change', 'Count'],
      digestCounts(digest).map((c) => [c.title, String(c.count)]),
    )}\n`;
  }
  const maxRows = Math.max(0, options.maxRows ?? DEFAULT_MAX_ROWS);
  return [heading, ...present.map((c) => renderCategory(c, maxRows))].join('\n');
}
