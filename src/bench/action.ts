// Runs the bundled action (dist/index.js) as the runner does, against the sandbox. A preload module
// reports the process's peak RSS when it exits.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runActionProcess, sandboxInputs } from '../sandbox/action-process.js';
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

/**
 * The snapshot is on, as by default: restored and saved encrypted in `stateDir` (the local store;
 * on GitHub the Actions cache moves the same file), so its cost is measured too.
 */
export async function runBundledAction(
  actionPath: string,
  sandbox: Sandbox,
  stateDir: string,
  node: string = process.execPath,
  config: string | null = null,
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'pls-bench-'));
  try {
    // The config file, where a workflow that checked out the repository has it.
    if (config !== null) {
      mkdirSync(join(dir, '.github'));
      writeFileSync(join(dir, '.github', 'personio-leapsome.yml'), config);
    }
    const rssFile = join(dir, 'rss.txt');
    const preload = join(dir, 'rss.mjs');
    writeFileSync(preload, PRELOAD);
    const run = await runActionProcess({
      entry: actionPath,
      node,
      nodeArgs: ['--import', pathToFileURL(preload).href],
      inputs: { ...sandboxInputs(sandbox), cache: 'true' },
      workDir: dir,
      env: {
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: dir,
        RUNNER_TEMP: dir,
        PERSONIO_LEAPSOME_SYNC_STATE_DIR: stateDir,
        PLS_BENCH_RSS_FILE: rssFile,
      },
    });
    let maxRssKb: number | null = null;
    try {
      maxRssKb = Number(readFileSync(rssFile, 'utf8'));
    } catch {
      maxRssKb = null;
    }
    return { code: run.code, wallMs: run.wallMs, maxRssKb, log: run.stdout + run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
