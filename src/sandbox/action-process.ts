// Runs the bundled action as the runner does: a fresh `node dist/index.js` process whose inputs are
// INPUT_* variables (hyphens kept), with GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files and nothing
// else from our environment. Shared by the demo, the benchmark and the tests.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from './index.js';

export interface ActionProcessOptions {
  /** The action's entry file, e.g. dist/index.js. */
  readonly entry: string;
  /** Input names as in action.yml (`personio-client-id`); sent as INPUT_PERSONIO-CLIENT-ID. */
  readonly inputs: Readonly<Record<string, string>>;
  /** More environment on top of PATH and the two runner files. */
  readonly env?: Readonly<Record<string, string>>;
  /** Node binary; defaults to the one running this process. */
  readonly node?: string;
  /** Node options before the entry, e.g. `--import` of a preload module. */
  readonly nodeArgs?: readonly string[];
  /** Holds the summary and output files; a new temporary directory by default. */
  readonly workDir?: string;
  readonly cwd?: string;
  /** SIGKILL after this many ms (a hung run, or a crash test). */
  readonly killAfterMs?: number;
  /** SIGKILL as soon as this returns true, checked every few ms (e.g. after the n-th write the sandbox saw). */
  readonly killWhen?: () => boolean;
}

export interface ActionProcessRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** What the action wrote to GITHUB_STEP_SUMMARY. */
  readonly summary: string;
  readonly outputs: Record<string, string>;
  /** Spawn to exit. */
  readonly wallMs: number;
  readonly workDir: string;
}

/** The inputs that point the action at a sandbox: its URLs and credentials. */
export function sandboxInputs(sandbox: Sandbox): Record<string, string> {
  return {
    'personio-client-id': sandbox.credentials.personioClientId,
    'personio-client-secret': sandbox.credentials.personioClientSecret,
    'leapsome-scim-token': sandbox.credentials.leapsomeToken,
    'personio-base-url': sandbox.personioUrl,
    'leapsome-base-url': sandbox.leapsomeUrl,
  };
}

export async function runActionProcess(options: ActionProcessOptions): Promise<ActionProcessRun> {
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'pls-action-'));
  const summaryFile = join(workDir, 'summary.md');
  const outputFile = join(workDir, 'output.txt');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const started = performance.now();
  const child = spawn(options.node ?? process.execPath, [...(options.nodeArgs ?? []), options.entry], {
    env,
    cwd: options.cwd ?? workDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  const { killWhen } = options;
  const watcher = killWhen === undefined ? undefined : setInterval(() => killWhen() && child.kill('SIGKILL'), 2);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  clearTimeout(timer);
  clearInterval(watcher);
  return {
    code,
    signal,
    stdout,
    stderr,
    summary: readFileSync(summaryFile, 'utf8'),
    outputs: existsSync(outputFile) ? parseOutputFile(readFileSync(outputFile, 'utf8')) : {},
    wallMs: performance.now() - started,
    workDir,
  };
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<delimiter`, the value's lines, `delimiter`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const [, name, delimiter] = m as unknown as [string, string, string];
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    outputs[name] = value.join('\n');
  }
  return outputs;
}
