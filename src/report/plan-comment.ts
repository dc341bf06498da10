// The plan as one pull-request comment: what merging this change would do to Leapsome, rendered from
// the same Plan as the job summary (same escaping, same `summary-detail`). It must stay under
// GitHub's 65,536-character comment limit, so long lists shrink and point to the job summary.
import { hasChanges, type RunOutcome } from '../run/outcome.js';
import { diffBlocks } from './diff.js';
import { codeText, escapeText as e } from './escape.js';
import { plural } from './sentences.js';
import { countSections, countsTable, planNotes, renderPlanDiff, renderProblemSections } from './summary.js';

/** Hidden first line that finds the comment again on the next push. */
export const PLAN_COMMENT_MARKER = '<!-- personio-leapsome-sync:plan -->';
/** GitHub rejects comment bodies longer than this (characters). */
export const COMMENT_LIMIT = 65_536;
/** What we aim for: the limit minus room for multi-unit characters and GitHub's own counting. */
const COMMENT_BUDGET = 60_000;

export interface CommentOptions {
  readonly detail: 'full' | 'counts';
  /** The run's page, which holds the full job summary; null outside GitHub. */
  readonly runUrl: string | null;
  /** The commit the plan was computed for. */
  readonly headSha: string | null;
  /** The config file the plan used, as shown to users; null when there is none. */
  readonly configFile: string | null;
}

/** Whether a run deserves a new comment: it would change something, hit a clash, or a brake would stop it. */
export function commentWorthy(outcome: RunOutcome): boolean {
  return (
    hasChanges(outcome.plan) || outcome.plan.clashes.length > 0 || outcome.refusedReason !== null || outcome.plan.deactivationGuard.exceeded
  );
}

/** Inline code: entities would show literally there, so only line breaks and backticks are removed. */
const inlineCode = (text: string): string => `\`${codeText(text).replace(/`/g, "'")}\``;

function intro(options: CommentOptions): string {
  const at = options.headSha === null ? '' : ` at ${inlineCode(options.headSha.slice(0, 12))}`;
  const config =
    options.configFile === null
      ? 'the built-in defaults and the workflow inputs (no config file)'
      : `${inlineCode(options.configFile)} from this pull request`;
  return [
    PLAN_COMMENT_MARKER,
    '## Personio → Leapsome: plan for this pull request',
    '',
    `What the sync would do if this change were merged and the sync ran now, computed${at} with ${config} against live Personio and Leapsome data. Nothing is written to Leapsome from a pull request.`,
  ].join('\n');
}

function summaryLink(options: CommentOptions, text = 'full job summary'): string {
  return options.runUrl === null ? `the ${text}` : `the [${text}](${options.runUrl})`;
}

function status(outcome: RunOutcome): string {
  const lines = [countsTable(outcome)];
  if (outcome.refusedReason !== null) lines.push('', '> [!CAUTION]', `> ${e(outcome.refusedReason)}`);
  // No plan id: a pull request's plan is for reading, never applied.
  for (const note of planNotes(outcome, { planId: false })) lines.push('', note);
  return lines.join('\n');
}

function footer(outcome: RunOutcome, options: CommentOptions, trimmed: boolean): string {
  const w = outcome.plan.warnings.length;
  const lines: string[] = [];
  if (w > 0) lines.push(`${plural(w, 'warning')}: see ${summaryLink(options)}.`);
  lines.push(
    trimmed
      ? `_This comment is shortened to stay under GitHub's comment size limit; ${summaryLink(options)} lists everything._`
      : `_Updated on every push. Details: ${summaryLink(options)}._`,
  );
  return lines.join('\n\n');
}

export function renderPlanComment(outcome: RunOutcome, options: CommentOptions): string {
  const head = `${intro(options)}\n\n${status(outcome)}\n`;
  if (options.detail === 'counts') {
    const body = countSections(outcome);
    return fit(
      `${head}\n${body === '' ? 'No changes: Leapsome already matches Personio.\n' : body}\n${footer(outcome, options, false)}\n`,
      head,
      outcome,
      options,
    );
  }
  const blocks = diffBlocks(outcome.plan);
  const restIn = summaryLink(options, 'job summary');
  const limits = [Number.POSITIVE_INFINITY, 250, 100, 40, 15, 5, 0];
  for (const [i, max] of limits.entries()) {
    const diff = renderPlanDiff(blocks, max, restIn, '### Changes');
    const problems = renderProblemSections(outcome, max, restIn);
    const nothing = diff === '' && problems.length === 0 ? 'No changes: Leapsome already matches Personio.\n' : '';
    const text = [head, diff, ...problems, nothing, footer(outcome, options, i > 0)].filter((p) => p !== '').join('\n') + '\n';
    if (text.length <= COMMENT_BUDGET) return text;
  }
  return fit('', head, outcome, options);
}

/** Last resort: the headline alone, which has no lists and is always short. */
function fit(text: string, head: string, outcome: RunOutcome, options: CommentOptions): string {
  if (text !== '' && text.length <= COMMENT_BUDGET) return text;
  return `${head}\n${footer(outcome, options, true)}\n`;
}

/**
 * The comment when no plan could be made: the pull request's settings are invalid (worth a new
 * comment), or the run failed (then only an existing comment is updated, so it never shows an
 * outdated plan as if it were current).
 */
export function renderFailureComment(message: string, options: CommentOptions, cause: 'settings' | 'run'): string {
  const at = options.headSha === null ? '' : ` (at ${inlineCode(options.headSha.slice(0, 12))})`;
  const text = [
    PLAN_COMMENT_MARKER,
    '## Personio → Leapsome: plan for this pull request',
    '',
    '> [!CAUTION]',
    cause === 'settings'
      ? `> No plan${at}: the settings of this pull request cannot be used.`
      : `> No plan${at}: the run failed before a plan was made.`,
    '',
    ...message.split('\n').map((line) => (line.startsWith('- ') ? `- ${e(line.slice(2))}` : e(line))),
    '',
    `_Details: ${summaryLink(options)}._`,
    '',
  ].join('\n');
  return text.length <= COMMENT_BUDGET ? text : `${text.slice(0, COMMENT_BUDGET - 100)}\n\n…\n`;
}
