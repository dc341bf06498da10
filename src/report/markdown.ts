// The Markdown the job summary and the pull-request comment are built from: tables, and blocks
// folded into <details> (GitHub renders the HTML tag; a folded block starts closed). Cell text must
// already be escaped (escape.ts): these helpers add structure, never escape.

type Row = readonly string[];

/** Tables longer than this many rows are folded. */
export const FOLD_AFTER_ROWS = 15;

export function table(header: Row, rows: readonly Row[]): string {
  const line = (row: Row): string => `| ${row.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** `content` behind a closed <details>, `summary` (inline HTML) showing. */
export function folded(summary: string, content: string): string {
  return `<details><summary>${summary}</summary>\n\n${content}\n</details>\n`;
}

export interface TableSectionOptions {
  /** Rows shown; the rest are counted. */
  readonly maxRows: number;
  /** Where the rows left out are listed (`the plan file`), said after the count; nothing when absent. */
  readonly restIn?: string;
}

/** A heading and its table, folded when long, with the rows beyond `maxRows` counted. */
export function tableSection(heading: string, header: Row, rows: readonly Row[], options: TableSectionOptions): string {
  const shown = rows.slice(0, options.maxRows);
  const more = rows.length - shown.length;
  const body =
    table(header, shown) +
    (more > 0 ? `\n\n… and ${more} more${options.restIn === undefined ? '' : `, listed in ${options.restIn}`}.` : '');
  if (rows.length <= FOLD_AFTER_ROWS) return `${heading}\n\n${body}\n`;
  return `${heading}\n\n${folded(`Show ${rows.length} rows`, `${body}\n`)}`;
}
