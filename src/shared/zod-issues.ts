// zod issues as text: `path.to.field: problem`, one line per issue. Every boundary that reports a
// parse failure (API responses, the plan file, the snapshot, GitHub's payloads) words it this way,
// so a problem reads the same in a log line, an annotation, the job summary and a terminal.
// z.prettifyError was the alternative: its two-line "✖ problem / → at path" layout does not fit the
// one-line form these messages take, and it has no way to leave values out.
import type { z } from 'zod';

export interface IssueTextOptions {
  /** Issues shown; the rest are counted in `more`. Default: all of them. */
  readonly max?: number;
  /** What an issue at the top level is called, e.g. `(root)` or `(document)`. */
  readonly root?: string;
  /** Path segments in front of each issue's own path, e.g. a record's place in a list. */
  readonly prefix?: readonly (string | number)[];
  /** The problem's wording; zod's message by default. */
  readonly message?: (issue: z.core.$ZodIssue) => string;
}

export interface IssueText {
  readonly lines: readonly string[];
  /** Issues left out by `max`. */
  readonly more: number;
}

export function issueLines(error: z.ZodError, options: IssueTextOptions = {}): IssueText {
  const { max = error.issues.length, root = '(root)', prefix = [], message = (issue) => issue.message } = options;
  const lines = error.issues.slice(0, max).map((issue) => {
    const path = [...prefix, ...issue.path].map(String);
    return `${path.length === 0 ? root : path.join('.')}: ${message(issue)}`;
  });
  return { lines, more: Math.max(0, error.issues.length - max) };
}
