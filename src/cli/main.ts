// The command line's output adapter: argv and the environment -> settings -> the shared run core
// (run/run-once.ts) -> a report for a person (report/terminal.ts) or a JSON document, and the exit code.
// Nothing here speaks GitHub: no workflow commands, no annotations, no job summary file.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { writePlanFile } from '../plan-file/index.js';
import { planDocument, runContext, type PlanContext } from '../report/plan-file.js';
import type { RunOutcome } from '../run/outcome.js';
import { renderSummary } from '../report/summary.js';
import { terminalText } from '../report/escape.js';
import { renderTerminal } from '../report/terminal.js';
import { paint } from '../report/text-layout.js';
import { errorExitCode, EXIT, outcomeExitCode, runOnce, snapshotEncryptionKey } from '../run/run-once.js';
import { MissingAttributesError, READABLE_ATTRIBUTES_HINT } from '../personio/errors.js';
import { ConfigFileError } from '../settings/config-file.js';
import { loadSettings } from '../settings/load.js';
import { InvalidInputsError, SettingsError, type Settings } from '../settings/settings.js';
import { createLocalStore } from '../snapshot/local-store.js';
import type { SnapshotStore } from '../snapshot/store.js';
import { ACTION_VERSION } from '../version.js';
import { BIN, parseInvocation, SECRETS_FROM_ENV, UsageError, type RunInvocation } from './args.js';
import { listAttributes } from './attributes.js';
import { createConsole, type Console, type OutputStream } from './console.js';
import { errorMessage } from '../shared/errors.js';

export interface CliIo {
  /** Where a person types the answer to "apply these changes?"; asked only when it is a terminal. */
  readonly stdin?: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/** Our own messages are written for the job summary: `input \`x\`` reads as --x here, other `code` as 'code'. */
export function cliWording(message: string): string {
  return terminalText(message.replace(/input `([a-z-]+)`/g, '--$1').replace(/`([^`\n]*)`/g, "'$1'"));
}

/** An input's value: secrets from the environment, the rest from flags (plan is always a dry run). */
function readInput(invocation: RunInvocation, env: NodeJS.ProcessEnv, name: string): string {
  const variable = SECRETS_FROM_ENV[name as keyof typeof SECRETS_FROM_ENV];
  if (variable !== undefined) return env[variable] ?? '';
  if (name === 'dry-run' && invocation.command === 'plan') return 'true';
  return invocation.inputs[name] ?? '';
}

/** Settings from flags and the environment, and the config file (relative to the working directory). */
function settingsFor(invocation: RunInvocation, env: NodeJS.ProcessEnv, cwd: string): Settings {
  return loadSettings((name) => readInput(invocation, env, name), { GITHUB_WORKSPACE: cwd });
}

function snapshotStore(settings: Settings, env: NodeJS.ProcessEnv, cwd: string, log: Console): SnapshotStore | null {
  if (!settings.cache) return null;
  const dir =
    env.PERSONIO_LEAPSOME_SYNC_STATE_DIR !== undefined && env.PERSONIO_LEAPSOME_SYNC_STATE_DIR !== ''
      ? env.PERSONIO_LEAPSOME_SYNC_STATE_DIR
      : resolve(cwd, '.personio-leapsome-sync');
  return createLocalStore({
    dir,
    encryptionKey: snapshotEncryptionKey(settings),
    log: { info: log.info, notice: log.info, warning: log.warning },
  });
}

/** What went wrong before or instead of a plan, in the terminal's words; config file problems as file:line: key: problem. */
function reportError(error: unknown, log: Console, command: string | null): void {
  if (error instanceof UsageError) {
    log.error(terminalText(error.message));
    log.info(`Run '${BIN}${command === null ? '' : ` ${command}`} --help' for usage.`);
    return;
  }
  if (error instanceof ConfigFileError) {
    log.error(
      `the config file has ${error.problems.length === 1 ? 'a problem' : `${error.problems.length} problems`}; nothing was read or written:`,
    );
    for (const p of error.problems)
      log.line(`${terminalText(p.file)}:${p.line}: ${p.key === null ? '' : `${terminalText(p.key)}: `}${cliWording(p.message)}`);
    return;
  }
  if (error instanceof InvalidInputsError) {
    for (const p of error.problems) {
      const variable = SECRETS_FROM_ENV[p.input as keyof typeof SECRETS_FROM_ENV];
      const where = p.file !== null ? `${terminalText(p.file)}: ${p.input}` : variable !== undefined ? variable : `--${p.input}`;
      log.error(`${where}: ${cliWording(p.message)}`);
    }
    return;
  }
  if (error instanceof MissingAttributesError) {
    log.error('the Personio credential cannot read attributes the settings need; nothing was written:');
    for (const p of error.problems) {
      const where = p.at === null ? '' : `${terminalText(p.at.file)}:${p.at.line}: `;
      const what =
        p.ambiguous !== undefined && p.ambiguous.length > 1
          ? `is the universal id of several attributes (${p.ambiguous.join(', ')}): name one by its key`
          : 'is not among the attributes this credential may read: unknown, or not allowed for it';
      log.line(`${where}${p.neededBy}: ${terminalText(p.source)} ${what}${p.hint === undefined ? '' : `. ${cliWording(p.hint)}`}`);
    }
    log.info(`'${BIN} attributes' lists what it may read. ${READABLE_ATTRIBUTES_HINT}`);
    return;
  }
  const message = errorMessage(error);
  log.error(message.split('\n').map(cliWording).join('\n'));
  if (!(error instanceof SettingsError)) log.info('Nothing was written to Leapsome.');
}

function planContext(settings: Settings, env: NodeJS.ProcessEnv): PlanContext {
  return { actionVersion: ACTION_VERSION, leapsomeBaseUrl: settings.leapsome.baseUrl, run: runContext(env) };
}

async function runCommand(invocation: RunInvocation, io: CliIo, log: Console): Promise<number> {
  if (invocation.command === 'attributes') {
    // Only Personio is asked; Leapsome's settings are not needed.
    const settings = loadSettings((name) => readInput(invocation, io.env, name), { GITHUB_WORKSPACE: io.cwd }, undefined, {
      leapsome: false,
    });
    return listAttributes(settings, { json: invocation.json, out: log.out });
  }
  const settings = settingsFor(invocation, io.env, io.cwd);
  if (settings.configFile !== null)
    log.info(
      `Config file ${settings.configFile.path}${settings.configFile.overridden.length > 0 ? `; flags override it for ${settings.configFile.overridden.join(', ')}` : ''}.`,
    );
  // In a terminal, apply shows the plan and asks first, as terraform apply does; a script is not asked.
  const ask =
    invocation.command === 'apply' && !invocation.yes && !invocation.json && io.stdin?.isTTY === true && io.stdout.isTTY === true
      ? io.stdin
      : null;
  const options = { ...log.look, full: invocation.full, detail: settings.summaryDetail };
  let asked = false;
  const outcome: RunOutcome = await runOnce(settings, {
    ...(ask === null
      ? {}
      : {
          confirm: async (preview: RunOutcome): Promise<boolean> => {
            asked = true;
            log.out(renderTerminal(preview, options));
            return confirmed(ask, io.stderr, log);
          },
        }),
    info: log.info,
    progress: log.progress,
    // No log masker outside GitHub, and nothing here prints a token.
    mask: () => undefined,
    snapshots: () => snapshotStore(settings, io.env, io.cwd, log),
    eventName: null,
    workspace: io.cwd,
  });
  const context = planContext(settings, io.env);
  if (invocation.json) log.out(`${JSON.stringify(planDocument(outcome, context), null, 2)}\n`);
  else log.out(`${asked ? '\n' : ''}${renderTerminal(outcome, { ...options, planShown: asked })}`);
  if (invocation.out !== null) {
    const path = resolve(io.cwd, invocation.out);
    await writePlanFile(path, planDocument(outcome, context));
    log.info(`Saved the plan to ${invocation.out}. Apply exactly this plan with: ${BIN} apply --plan-file ${invocation.out}`);
  }
  if (invocation.summaryFile !== null) {
    await writeFile(resolve(io.cwd, invocation.summaryFile), renderSummary(outcome, { detail: settings.summaryDetail }), 'utf8');
    log.info(`Wrote the job summary Markdown to ${invocation.summaryFile}.`);
  }
  return outcomeExitCode(outcome);
}

/** Asks "apply?" and waits for a line; only "yes" goes on. Ctrl-C or the end of input is a no. */
async function confirmed(input: NodeJS.ReadableStream, output: OutputStream, log: Console): Promise<boolean> {
  const rl = createInterface({ input, output: output as NodeJS.WritableStream, terminal: true });
  try {
    const answer = await new Promise<string | null>((resolve) => {
      rl.on('SIGINT', () => resolve(null));
      rl.on('close', () => resolve(null));
      rl.question(`\n${paint(log.look, 'heading', 'Apply these changes to Leapsome?')} Only 'yes' goes on: `, resolve);
    });
    if (answer === null) output.write('\n');
    return answer?.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let command: string | null = null;
  const log = createConsole(io.stdout, io.stderr, io.env);
  try {
    const invocation = parseInvocation(argv);
    if (invocation.kind === 'help') {
      io.stdout.write(invocation.text);
      return EXIT.ok;
    }
    if (invocation.kind === 'version') {
      io.stdout.write(`${BIN} ${ACTION_VERSION}\n`);
      return EXIT.ok;
    }
    command = invocation.command;
    return await runCommand(invocation, io, log);
  } catch (error) {
    reportError(error, log, command);
    return error instanceof UsageError ? EXIT.usage : errorExitCode(error);
  } finally {
    log.close();
  }
}
