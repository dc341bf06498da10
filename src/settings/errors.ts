/** Thrown for any invalid input or config file; the message names the input or key and what is wrong. */
export class SettingsError extends Error {
  override readonly name: string = 'SettingsError';
}

/** One invalid setting: the input's name, the config file it came from (null: an input), and what is wrong. */
export interface InputProblem {
  readonly input: string;
  readonly file: string | null;
  readonly message: string;
}

/** Invalid inputs, all at once; `problems` lets each entry name the setting its own way (an input, a flag). */
export class InvalidInputsError extends SettingsError {
  constructor(readonly problems: readonly InputProblem[]) {
    super(
      `Invalid inputs:\n- ${problems.map((p) => `${p.file === null ? `input \`${p.input}\`` : `\`${p.input}\` (from ${p.file})`}: ${p.message}`).join('\n- ')}`,
    );
  }
}
