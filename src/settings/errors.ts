/** Thrown for any invalid input or config file; the message names the input or key and what is wrong. */
export class SettingsError extends Error {
  override readonly name: string = 'SettingsError';
}
