// The committed bundle as GitHub loads it: what the action's entry loads up front, and the license
// file that ships with it.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import { divergences } from '../../src/sandbox/oracle.js';
import { DIST_ENTRY, REPO_ROOT } from '../support/paths.js';
import { runAction } from '../support/run-action.js';
import { sandboxInputs } from '../../src/sandbox/action-process.js';

const DIST = join(REPO_ROOT, 'dist');
const entry = readFileSync(DIST_ENTRY, 'utf8');
const chunks = readdirSync(DIST).filter((f) => /^\d+\.index\.js$/.test(f));
const licenses = readFileSync(join(DIST, 'licenses.txt'), 'utf8');
const licensed = new Set(licenses.split('\n\n').map((block) => block.split('\n')[0]?.replace(/@[^@/]+$/, '')));

describe('the bundled action', () => {
  it('loads the Actions cache client (Azure SDK) and Octokit only when needed, from separate chunks', () => {
    // Both are most of the bundle: loading them up front cost ~100 ms and ~30 MB on every run.
    expect(entry).not.toMatch(/@azure\/storage-blob|BlobClient/);
    expect(entry).not.toMatch(/octokit-core\.js/);
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    const chunkText = chunks.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    expect(chunkText).toMatch(/BlobClient/);
    expect(chunkText).toMatch(/octokit-core\.js/);
  });

  it('syncs without the cache and outside pull requests with the chunk files absent (they are never loaded)', async () => {
    const alone = mkdtempSync(join(tmpdir(), 'pls-entry-'));
    copyFileSync(DIST_ENTRY, join(alone, 'index.js'));
    copyFileSync(join(DIST, 'package.json'), join(alone, 'package.json'));
    const sandbox = await startSandbox({ rateLimits: false });
    try {
      const run = await runAction({ inputs: { ...sandboxInputs(sandbox), cache: 'false' }, entry: join(alone, 'index.js') });
      expect(run.stderr).not.toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND/);
      expect(run.code).toBe(0);
      expect(Number(run.outputs.created)).toBeGreaterThan(0);
      expect(divergences(sandbox)).toEqual([]);
    } finally {
      await sandbox.close();
      rmSync(alone, { recursive: true, force: true });
    }
  });

  it('ships a license file covering the packages in every chunk, not just the last one ncc wrote', () => {
    for (const name of ['@actions/core', '@actions/cache', '@azure/storage-blob', '@octokit/core', 'undici', 'zod', 'yaml']) {
      expect(licensed, name).toContain(name);
    }
    expect(licenses).toMatch(/^@actions\/cache\nMIT\nThe MIT License/m);
  });
});
