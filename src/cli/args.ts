// The command line: subcommands, their flags (named like the action's inputs), help texts, and the
// parse of argv into one invocation. Secrets never come from flags: a flag ends up in the shell's
// history and in the process list, so credentials are read from the environment only.
import { parseArgs } from 'node:util';
import { INPUT_DEFAULTS, isSecretInput, type InputName } from '../settings/settings.js';
import { errorMessage } from '../shared/errors.js';

export const BIN = 'personio-leapsome-sync';

/** Environment variables that carry the secret inputs. */
export const SECRETS_FROM_ENV: Readonly<Partial<Record<InputName, string>>> = {
  'personio-client-id': 'PERSONIO_CLIENT_ID',
  'personio-client-secret': 'PERSONIO_CLIENT_SECRET',
  'leapsome-scim-token': 'LEAPSOME_SCIM_TOKEN',
  'snapshot-key': 'PERSONIO_LEAPSOME_SYNC_SNAPSHOT_KEY',
};

/** Inputs that mean nothing outside GitHub Actions. */
const ACTIONS_ONLY: readonly string[] = ['github-token'];

/** One line per input, for --help (the README and action.yml say more). */
export const FLAG_HELP: Readonly<Record<string, string>> = {
  'auto-invite': 'report new accounts as "invited by Leapsome" (Leapsome\'s own invite switch decides); default false',
  'dry-run': 'with --plan-file: check the plan against Leapsome, write nothing',
  statuses: 'Personio statuses that get an active account; default active,leave',
  'preboard-days': 'onboarding employees get their account this many days before the hire date; default empty (statuses decides)',
  'teams-from': 'Personio fields that become teams: department, team, office, subcompany, custom attribute keys; default department',
  'adopt-teams': "take over a same-name team: unmarked (default: only without externalId) or by-name (also another integration's)",
  'adopt-users': "take over a same-email user: unmarked (default: only without externalId) or by-email (also another integration's)",
  exclude: 'take employees out of scope: email:<glob>, department:<name>, id:<personio id> (repeatable)',
  'max-deactivations': 'refuse to write above this many deactivations: a number or a percentage; default 20%',
  'personio-base-url': 'Personio API root; default https://api.personio.de',
  'leapsome-base-url': 'Leapsome SCIM root; default https://api.leapsome.com/scim/v1',
  cache: 'keep the encrypted snapshot of the last run (in .personio-leapsome-sync/); default true',
  'personio-app-id': 'X-Personio-App-ID header (UPPER_SNAKE_CASE); default PERSONIO_LEAPSOME_SYNC',
  'max-source-drop': 'refuse to write when Personio has this much fewer employees in scope than last time; default 20%',
  'summary-detail': 'counts: leave names, emails and values out of the output; default full',
  'config-file': 'YAML settings file; default .github/personio-leapsome.yml when it exists',
  'plan-file': 'apply exactly this plan (written by plan --out or plan --json)',
};

/** Inputs given several times are joined, as the action's multi-line or comma-separated inputs. */
const LIST_INPUTS: Readonly<Record<string, string>> = { statuses: ',', 'teams-from': ',', exclude: '\n' };

const isBooleanInput = (name: string): boolean => {
  const fallback = (INPUT_DEFAULTS as Readonly<Record<string, string>>)[name];
  return fallback === 'true' || fallback === 'false';
};

export type CommandName = 'plan' | 'apply' | 'attributes';

interface ToolFlag {
  readonly name: string;
  readonly value?: string;
  readonly help: string;
}

interface CommandSpec {
  readonly summary: string;
  readonly usage: string;
  readonly about: string;
  /** Action inputs this command takes as flags. */
  readonly inputs: (name: string) => boolean;
  readonly flags: readonly ToolFlag[];
}

const JSON_FLAG: ToolFlag = { name: 'json', help: 'print the result as JSON on stdout (logs and progress go to stderr)' };
const FULL_FLAG: ToolFlag = { name: 'full', help: 'list every change; otherwise long lists are folded with a count' };
const SUMMARY_FLAG: ToolFlag = {
  name: 'summary-file',
  value: 'path',
  help: 'also write the job summary Markdown (what GitHub would show) to this file',
};

const settingInput = (name: string): boolean => !isSecretInput(name) && !(name in SECRETS_FROM_ENV) && !ACTIONS_ONLY.includes(name);

export const COMMANDS: Readonly<Record<CommandName, CommandSpec>> = {
  plan: {
    summary: 'read Personio and Leapsome and show what a sync would change; writes nothing',
    usage: `${BIN} plan [flags]`,
    about:
      'Reads both sides and shows the plan: users, teams, memberships and managers to add (+), change (~) or remove (-).\nNothing is written to Leapsome. Save the plan with --out to apply exactly that plan later.',
    inputs: (name) => settingInput(name) && name !== 'plan-file' && name !== 'dry-run',
    flags: [{ name: 'out', value: 'path', help: 'save the plan to this file, for apply --plan-file' }, JSON_FLAG, FULL_FLAG, SUMMARY_FLAG],
  },
  apply: {
    summary: 'make Leapsome match Personio (or, with --plan-file, apply exactly that plan)',
    usage: `${BIN} apply [--plan-file <path>] [flags]`,
    about:
      'Reads both sides, shows the plan and applies it. In a terminal it asks first (type yes); --yes, or\nrunning without a terminal (a script, CI), applies without asking. With --plan-file it applies exactly\na plan saved by plan --out, without asking: each operation whose Leapsome record changed since is\nskipped and reported, and Personio is not read (PERSONIO_CLIENT_ID and _SECRET are not needed).',
    inputs: settingInput,
    flags: [
      { name: 'yes', help: 'apply without asking (in a terminal, apply shows the plan and asks first)' },
      JSON_FLAG,
      FULL_FLAG,
      SUMMARY_FLAG,
    ],
  },
  attributes: {
    summary: 'list the Personio attributes the credential may read',
    usage: `${BIN} attributes [flags]`,
    about:
      'Lists the employee attributes the Personio API credential may read (key, label, type, universal id,\nthe values a list attribute can take), how many of the first 100 employees hold a value in each, and\nwhich setting reads it. Values themselves are never printed. Exit code 2 when the settings need an\nattribute the credential may not read. Needs PERSONIO_CLIENT_ID and PERSONIO_CLIENT_SECRET only.',
    inputs: (name) => ['config-file', 'teams-from', 'exclude', 'personio-base-url', 'personio-app-id'].includes(name),
    flags: [{ name: 'json', help: 'print the list as JSON on stdout' }],
  },
};

export const ENVIRONMENT_HELP = `Environment:
  PERSONIO_CLIENT_ID, PERSONIO_CLIENT_SECRET   Personio API credential (not needed for apply --plan-file)
  LEAPSOME_SCIM_TOKEN                          Leapsome SCIM bearer token
  PERSONIO_LEAPSOME_SYNC_SNAPSHOT_KEY          optional key for the snapshot's encryption (default: derived from the credentials)
  PERSONIO_LEAPSOME_SYNC_STATE_DIR             where the snapshot is kept (default .personio-leapsome-sync/)
  NO_COLOR                                     no colour, even in a terminal`;

export const EXIT_HELP = `Exit codes:
  0  done, or nothing to do
  1  some records failed or were skipped, or a safety brake refused the run, or the apply was not
     confirmed (then nothing was written)
  2  usage or configuration error (a flag, the config file, a plan file, a credential refused or not
     allowed an attribute the settings need); nothing was written`;

/** A command-line mistake: shown with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
  constructor(
    message: string,
    readonly command: CommandName | null,
  ) {
    super(message);
  }
}

export interface RunInvocation {
  readonly kind: 'run';
  readonly command: CommandName;
  /** Action inputs given as flags (secrets are added from the environment later). */
  readonly inputs: Readonly<Record<string, string>>;
  readonly json: boolean;
  readonly full: boolean;
  readonly out: string | null;
  readonly summaryFile: string | null;
  /** Apply without asking. */
  readonly yes: boolean;
}

export type Invocation = { readonly kind: 'help'; readonly text: string } | { readonly kind: 'version' } | RunInvocation;

function inputNames(command: CommandName): string[] {
  return Object.keys(INPUT_DEFAULTS).filter((name) => COMMANDS[command].inputs(name));
}

function flagLine(flag: string, help: string): string {
  return flag.length <= 30 ? `  ${flag.padEnd(30)} ${help}` : `  ${flag}\n  ${' '.repeat(30)} ${help}`;
}

export function mainHelp(): string {
  const commands = (Object.keys(COMMANDS) as CommandName[]).map((name) => `  ${name.padEnd(12)} ${COMMANDS[name].summary}`);
  return [
    `Usage: ${BIN} <command> [flags]`,
    '',
    'Keeps Leapsome users, teams and managers in sync with Personio; the same run as the GitHub Action.',
    '',
    'Commands:',
    ...commands,
    '',
    'Flags:',
    flagLine('-h, --help', 'help for a command: plan --help'),
    flagLine('--version', 'print the version'),
    '',
    ENVIRONMENT_HELP,
    '',
    EXIT_HELP,
    '',
    'Examples:',
    `  ${BIN} plan`,
    `  ${BIN} plan --teams-from department,office --out plan.json`,
    `  ${BIN} apply --plan-file plan.json`,
    `  ${BIN} attributes --config-file .github/personio-leapsome.yml`,
    '',
  ].join('\n');
}

export function commandHelp(command: CommandName): string {
  const spec = COMMANDS[command];
  const inputs = inputNames(command).map((name) => {
    const help = FLAG_HELP[name] ?? 'as the action input of this name';
    return flagLine(isBooleanInput(name) ? `--${name}, --no-${name}` : `--${name} <value>`, help);
  });
  const own = spec.flags.map((f) => flagLine(`--${f.name}${f.value === undefined ? '' : ` <${f.value}>`}`, f.help));
  return [
    `Usage: ${spec.usage}`,
    '',
    spec.about,
    '',
    'Flags (every setting is also a key of the config file; a flag overrides the file):',
    ...inputs,
    ...own,
    flagLine('-h, --help', 'this help'),
    '',
    ENVIRONMENT_HELP,
    '',
    EXIT_HELP,
    '',
  ].join('\n');
}

/** `--cache=false` -> `--no-cache`, `--cache=true` -> `--cache`: the inputs' spelling, for boolean flags. */
function normaliseBooleans(args: readonly string[]): string[] {
  return args.map((arg) => {
    const m = /^--([a-z-]+)=(true|false)$/i.exec(arg);
    if (m === null || !isBooleanInput(m[1] as string)) return arg;
    return (m[2] as string).toLowerCase() === 'true' ? `--${m[1]}` : `--no-${m[1]}`;
  });
}

function secretHint(name: string): string | null {
  const variable = SECRETS_FROM_ENV[name as InputName];
  if (variable !== undefined)
    return `--${name} is a secret: set ${variable} in the environment instead (a flag would land in your shell history)`;
  if (isSecretInput(name)) return `--${name} is a secret and has no meaning outside GitHub Actions`;
  return null;
}

export function parseInvocation(argv: readonly string[]): Invocation {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic !== undefined && topic in COMMANDS) return { kind: 'help', text: commandHelp(topic as CommandName) };
    return { kind: 'help', text: mainHelp() };
  }
  if (first === '--version' || first === '-v') return { kind: 'version' };
  if (!(first in COMMANDS)) {
    const hint = first.startsWith('-') ? ' (flags come after a command: plan --dry-run is just plan)' : '';
    throw new UsageError(`unknown command ${JSON.stringify(first)}${hint}; commands: ${Object.keys(COMMANDS).join(', ')}`, null);
  }
  const command = first as CommandName;
  const spec = COMMANDS[command];
  if (rest.includes('-h') || rest.includes('--help')) return { kind: 'help', text: commandHelp(command) };

  const names = inputNames(command);
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const name of names) options[name] = isBooleanInput(name) ? { type: 'boolean' } : { type: 'string', multiple: name in LIST_INPUTS };
  for (const flag of spec.flags) options[flag.name] = { type: flag.value === undefined ? 'boolean' : 'string' };

  for (const arg of rest) {
    const name = /^--(?:no-)?([a-z-]+)/i.exec(arg)?.[1];
    const hint = name === undefined ? null : secretHint(name);
    if (hint !== null) throw new UsageError(hint, command);
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: normaliseBooleans(rest), options, allowPositionals: false, allowNegative: true, strict: true });
  } catch (error) {
    const message = errorMessage(error);
    const known = Object.keys(INPUT_DEFAULTS).find((name) => message.includes(`'--${name}'`) && !names.includes(name));
    const why = known === undefined ? '' : ` (${command} does not take --${known})`;
    throw new UsageError(`${message.replace(/\. To specify a positional argument.*$/s, '')}${why}`, command);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const inputs: Record<string, string> = {};
  for (const name of names) {
    const value = values[name];
    if (value === undefined) continue;
    inputs[name] = Array.isArray(value) ? value.join(LIST_INPUTS[name] ?? ',') : String(value);
  }
  const text = (name: string): string | null => (typeof values[name] === 'string' ? (values[name] as string) : null);
  return {
    kind: 'run',
    command,
    inputs,
    json: values.json === true,
    full: values.full === true,
    out: text('out'),
    summaryFile: text('summary-file'),
    yes: values.yes === true,
  };
}
