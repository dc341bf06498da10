// Runs the bundled action exactly as the runner does (see src/sandbox/action-process.ts), with the
// variables a GitHub runner sets for a workflow_dispatch run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runActionProcess, type ActionProcessRun } from '../../src/sandbox/action-process.js';
import { DIST_ENTRY } from './paths.js';

export type ActionRun = ActionProcessRun;

export interface RunActionOptions {
  readonly inputs: Record<string, string>;
  readonly env?: Record<string, string>;
  /** Node binary; defaults to the one running the tests. */
  readonly node?: string;
  /** A hung run is killed after this long (default 2 minutes). */
  readonly timeoutMs?: number;
  readonly workDir?: string;
  /** Kill the process with SIGKILL as soon as this returns true (crash tests). */
  readonly killWhen?: () => boolean;
  /** The action's entry file; defaults to dist/index.js. */
  readonly entry?: string;
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'pls-action-'));
  return runActionProcess({
    entry: options.entry ?? DIST_ENTRY,
    inputs: options.inputs,
    workDir,
    killAfterMs: options.timeoutMs ?? 120_000,
    ...(options.node === undefined ? {} : { node: options.node }),
    ...(options.killWhen === undefined ? {} : { killWhen: options.killWhen }),
    env: {
      HOME: workDir,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workDir,
      RUNNER_TEMP: join(workDir, 'tmp'),
      GITHUB_RUN_ID: '100',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_REPOSITORY: 'acme/hr-sync',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      ...options.env,
    },
  });
}
