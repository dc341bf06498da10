// Runs the bundled action exactly as the runner does: `node dist/index.js` with INPUT_* variables
// (hyphens kept), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and nothing else from our environment.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_ENTRY } from './paths.js';

export interface ActionRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly summary: string;
  readonly outputs: Record<string, string>;
  readonly workDir: string;
}

export interface RunActionOptions {
  readonly inputs: Record<string, string>;
  readonly env?: Record<string, string>;
  /** Node binary; defaults to the one running the tests. */
  readonly node?: string;
  readonly timeoutMs?: number;
  readonly workDir?: string;
  /** Kill the process with SIGKILL after this many ms (crash tests). */
  readonly killAfterMs?: number;
  /** The action's entry file; defaults to dist/index.js. */
  readonly entry?: string;
}

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

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'pls-action-'));
  const summaryFile = join(workDir, 'summary.md');
  const outputFile = join(workDir, 'output.txt');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: workDir,
    GITHUB_ACTIONS: 'true',
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_WORKSPACE: workDir,
    RUNNER_TEMP: join(workDir, 'tmp'),
    GITHUB_RUN_ID: '100',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REPOSITORY: 'acme/hr-sync',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const child = spawn(options.node ?? process.execPath, [options.entry ?? DIST_ENTRY], { env, cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timers: NodeJS.Timeout[] = [];
  timers.push(setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000));
  if (options.killAfterMs !== undefined) timers.push(setTimeout(() => child.kill('SIGKILL'), options.killAfterMs));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  timers.forEach(clearTimeout);
  return {
    code,
    signal,
    stdout,
    stderr,
    summary: readFileSync(summaryFile, 'utf8'),
    outputs: existsSync(outputFile) ? parseOutputFile(readFileSync(outputFile, 'utf8')) : {},
    workDir,
  };
}
