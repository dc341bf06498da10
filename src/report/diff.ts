// The plan's changes (changes.ts) as ```diff blocks for the job summary and the pull-request
// comment. Text from Personio or Leapsome is made safe with codeText (not HTML-escaped: entities
// would show literally inside code).
import { planChanges, tallyText, takeovers, type ChangeLine, type ChangeSection, type SectionTitle, type Tally } from './changes.js';
import type { Plan } from '../domain/plan.js';
import { codeText } from './escape.js';
import { folded } from './markdown.js';

export { tallyText, takeovers };

export interface DiffBlock {
  readonly title: SectionTitle;
  /** Counts of `+`, `~` and `-` entries, e.g. `+3 ~2 -1`. */
  readonly tally: Tally;
  /** One entry per user or team; an entry is one or more lines, each starting with a marker. */
  readonly entries: readonly (readonly string[])[];
}

export interface DiffRenderOptions {
  /** Entries shown before "… and N more". */
  readonly maxEntries: number;
  /** Blocks longer than this many lines fold into <details>. */
  readonly foldAfterLines: number;
  /** Where the rest is listed, e.g. `the plan file` or a link to the job summary. */
  readonly restIn: string;
}

const INDENT = '    ';

/** One line of a diff block: the marker first, so no text can close the fence. */
export function diffLine(line: ChangeLine): string {
  const body = line.spans.map((span) => (span.kind === 'data' ? codeText(span.text) : span.text)).join('');
  return `${line.marker}${line.nested ? INDENT : ' '}${body}`;
}

function asBlock(section: ChangeSection): DiffBlock {
  return { title: section.title, tally: section.tally, entries: section.entries.map((entry) => entry.lines.map(diffLine)) };
}

/** The four blocks, in review order; empty blocks included (callers skip them). */
export function diffBlocks(plan: Plan): DiffBlock[] {
  return planChanges(plan).map(asBlock);
}

export function renderDiffBlock(block: DiffBlock, options: DiffRenderOptions): string {
  if (block.entries.length === 0) return '';
  const shown = block.entries.slice(0, Math.max(0, options.maxEntries));
  const more = block.entries.length - shown.length;
  const lines = shown.flat();
  const label = `${block.title} (${tallyText(block.tally)})`;
  const code = lines.length === 0 ? '' : '```diff\n' + lines.join('\n') + '\n```\n';
  const rest = more > 0 ? `\n… and ${more} more ${more === 1 ? 'entry' : 'entries'}, listed in ${options.restIn}.\n` : '';
  if (lines.length <= options.foldAfterLines) return `**${label}**\n\n${code}${rest}`;
  return folded(`<b>${label}</b>: ${lines.length} lines`, `${code}${rest}`);
}
