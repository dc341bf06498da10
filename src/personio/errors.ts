// Errors that the user fixes in Personio's UI or in the action's inputs, not by retrying.

export const READABLE_ATTRIBUTES_HINT =
  'Allow them in Personio under Settings → Integrations → API credentials → your credential → "Readable employee attributes".';

export class ConfigurationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigurationError';
  }
}

/** The credential may not read some attributes; Personio would silently leave them out. */
export class MissingAttributesError extends ConfigurationError {
  readonly missing: readonly string[];

  constructor(missing: readonly string[]) {
    super(
      `The Personio API credential cannot read these employee attributes: ${missing.join(', ')}. ${READABLE_ATTRIBUTES_HINT}`,
    );
    this.name = 'MissingAttributesError';
    this.missing = missing;
  }
}
