// Errors that the user fixes in Personio's UI or in the action's inputs, not by retrying.

export const READABLE_ATTRIBUTES_HINT =
  'Allow them in Personio under Settings → Integrations → API credentials → your credential → "Readable employee attributes".';

export class ConfigurationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigurationError';
  }
}

/** A Personio attribute a setting needs that the credential's attribute list does not hold. */
export interface UnreadableAttribute {
  readonly source: string;
  readonly neededBy: string;
  readonly at: { readonly file: string; readonly line: number } | null;
  readonly hint?: string;
  /** Keys of the several attributes carrying this universal id, when it is ambiguous. */
  readonly ambiguous?: readonly string[];
}

function describe(problem: UnreadableAttribute): string {
  const where = problem.at === null ? '' : ` (${problem.at.file}:${problem.at.line})`;
  const ambiguous = problem.ambiguous !== undefined && problem.ambiguous.length > 1;
  const what = ambiguous
    ? `is the universal id of several attributes (${problem.ambiguous?.join(', ')}): name one by its key`
    : 'is not among the attributes this credential may read: unknown, or not allowed for it';
  return `\`${problem.source}\`, needed by \`${problem.neededBy}\`${where}, ${what}${problem.hint === undefined ? '' : `. ${problem.hint}`}`;
}

/**
 * The credential may not read attributes the settings need; Personio would silently leave them
 * out. Unknown and unreadable cannot be told apart: the attribute list holds only what may be read.
 */
export class MissingAttributesError extends ConfigurationError {
  /** The sources that did not resolve, as the settings name them. */
  readonly missing: readonly string[];

  constructor(readonly problems: readonly UnreadableAttribute[]) {
    super(
      `The Personio API credential cannot read Personio attributes the settings need:\n- ${problems.map(describe).join('\n- ')}\n` +
        `List what it may read with \`personio-leapsome-sync attributes\`. ${READABLE_ATTRIBUTES_HINT}`,
    );
    this.name = 'MissingAttributesError';
    this.missing = [...new Set(problems.map((p) => p.source))];
  }
}
