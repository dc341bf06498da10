// Runs the bundled action (dist/index.js) as the runner does: a fresh `node` process with INPUT_*
// variables. A preload module reports the process's peak RSS when it exits.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Sandbox } from '../sandbox/index.js';

export interface ActionRun {
  readonly code: number | null;
  readonly wallMs: number;
  /** process.resourceUsage().maxRSS of the action process, in KiB (null if it did not exit normally). */
  readonly maxRssKb: number | null;
  readonly log: string;
}

const PRELOAD = `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.PLS_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));
`;

export async function runBundledAction(
  actionPath: string,
  sandbox: Sandbox,
  node: string = process.execPath,
  extraInputs: Readonly<Record<string, string>> = {},
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'pls-bench-'));
  try {
    const files = { summary: join(dir, 'summary.md'), output: join(dir, 'output.txt'), rss: join(dir, 'rss.txt'), preload: join(dir, 'rss.mjs') };
    writeFileSync(files.summary, '');
    writeFileSync(files.output, '');
    writeFileSync(files.preload, PRELOAD);
    const inputs: Record<string, string> = {
      'personio-client-id': sandbox.credentials.personioClientId,
      'personio-client-secret': sandbox.credentials.personioClientSecret,
      'leapsome-scim-token': sandbox.credentials.leapsomeToken,
      'personio-base-url': sandbox.personioUrl,
      'leapsome-base-url': sandbox.leapsomeUrl,
      cache: 'false',
      ...extraInputs,
    };
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_OUTPUT: files.output,
      RUNNER_TEMP: dir,
      PLS_BENCH_RSS_FILE: files.rss,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

    const started = performance.now();
    const child = spawn(node, ['--import', pathToFileURL(files.preload).href, actionPath], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const wallMs = performance.now() - started;
    let maxRssKb: number | null = null;
    try {
      maxRssKb = Number(readFileSync(files.rss, 'utf8'));
    } catch {
      maxRssKb = null;
    }
    return { code, wallMs, maxRssKb, log };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
