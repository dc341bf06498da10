// Runs the bundled command line (dist/cli/index.js) as a process, with only the environment given,
// either with pipes (as a script or CI would) or inside a pseudo-terminal (as an admin would), through
// util-linux `script`.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Sandbox } from '../../src/sandbox/index.js';
import { REPO_ROOT } from './paths.js';

export const CLI_ENTRY = join(REPO_ROOT, 'dist', 'cli', 'index.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  /** Empty for a terminal run: a terminal has one stream. */
  readonly stderr: string;
}

export interface CliOptions {
  readonly env?: Record<string, string>;
  readonly cwd: string;
  readonly node?: string;
  /** Run inside a pseudo-terminal this many columns wide. */
  readonly ttyColumns?: number;
  /** What a person types into that terminal (buffered until the program reads it). */
  readonly typed?: string;
}

/** The credentials of a sandbox, as the command line reads them. */
export function sandboxEnv(sandbox: Sandbox): Record<string, string> {
  return {
    PERSONIO_CLIENT_ID: sandbox.credentials.personioClientId,
    PERSONIO_CLIENT_SECRET: sandbox.credentials.personioClientSecret,
    LEAPSOME_SCIM_TOKEN: sandbox.credentials.leapsomeToken,
  };
}

export function sandboxFlags(sandbox: Sandbox): string[] {
  return ['--personio-base-url', sandbox.personioUrl, '--leapsome-base-url', sandbox.leapsomeUrl];
}

const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

/** Asynchronous on purpose: the sandbox that answers the child runs in the test's own process. */
export function runCli(args: readonly string[], options: CliOptions): Promise<CliRun> {
  const node = options.node ?? process.execPath;
  const env = { PATH: process.env.PATH ?? '', ...options.env };
  const tty = options.ttyColumns;
  if (tty !== undefined && spawnSync('script', ['--version']).status !== 0)
    throw new Error('util-linux `script` is needed for terminal tests (apt-get install util-linux)');
  const child =
    tty === undefined
      ? spawn(node, [CLI_ENTRY, ...args], { env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] })
      : // -e: exit with the child's code; -q: no "Script started" banner. The size is set inside the terminal.
        spawn('script', ['-qec', `stty cols ${tty} rows 50; exec ${[node, CLI_ENTRY, ...args].map(quote).join(' ')}`, '/dev/null'], {
          env: { TERM: 'xterm-256color', ...env },
          cwd: options.cwd,
          stdio: ['pipe', 'pipe', 'pipe'],
        });
  if (options.typed !== undefined) child.stdin?.write(options.typed);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}
