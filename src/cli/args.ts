// The same pipeline outside GitHub Actions, for local runs:
//   PERSONIO_CLIENT_ID=… PERSONIO_CLIENT_SECRET=… LEAPSOME_SCIM_TOKEN=… node dist/cli/index.js --dry-run
// Every action input is a flag (--statuses active,leave, --teams-from=department, …). The summary
// is printed to the terminal; the encrypted snapshot lives in .personio-leapsome-sync/ (or
// PERSONIO_LEAPSOME_SYNC_STATE_DIR).
import { INPUT_DEFAULTS, isSecretInput } from '../settings/settings.js';

export const CREDENTIALS_FROM_ENV: Record<string, string> = {
  'personio-client-id': 'PERSONIO_CLIENT_ID',
  'personio-client-secret': 'PERSONIO_CLIENT_SECRET',
  'leapsome-scim-token': 'LEAPSOME_SCIM_TOKEN',
};

export const USAGE = `Usage: personio-leapsome-sync [--dry-run] [--<input> <value>]...
       personio-leapsome-sync attributes [--config-file <path>]   (the Personio attributes the credential may read)
Credentials come from PERSONIO_CLIENT_ID, PERSONIO_CLIENT_SECRET and LEAPSOME_SCIM_TOKEN
(never pass secrets as flags: they would end up in your shell history).
Inputs: ${Object.keys(INPUT_DEFAULTS).join(', ')}`;

/** Turns argv into action inputs; `--flag` alone means true. Throws on unknown flags and on secrets given as flags. */
export function inputsFromArgs(args: readonly string[]): Record<string, string> {
  const known = new Set(Object.keys(INPUT_DEFAULTS));
  const inputs: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unexpected argument ${JSON.stringify(arg)}\n${USAGE}`);
    const name = match[1] as string;
    if (!known.has(name)) throw new Error(`unknown option --${name}\n${USAGE}`);
    if (name in CREDENTIALS_FROM_ENV) throw new Error(`pass ${name} in ${CREDENTIALS_FROM_ENV[name]}, not as a flag`);
    if (isSecretInput(name)) throw new Error(`--${name} is a secret: pass it in INPUT_${name.toUpperCase()}, not as a flag`);
    let value = match[2];
    if (value === undefined) {
      const next = args[i + 1];
      value = next !== undefined && !next.startsWith('--') ? (i++, next) : 'true';
    }
    inputs[name] = value;
  }
  return inputs;
}

