// The snapshot through the bundled action: the real @actions/cache inside node dist/index.js,
// talking to a local fake of the cache service v2, across consecutive runs.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { closedPortUrl, startFakeCacheServer, type FakeCacheServer } from '../support/fake-cache-server.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { sandboxInputs } from '../../src/sandbox/action-process.js';

let sandbox: Sandbox | null = null;
let cache: FakeCacheServer | null = null;
afterEach(async () => {
  await sandbox?.close();
  await cache?.close();
  sandbox = cache = null;
});

async function setup(): Promise<{ sb: Sandbox; cacheServer: FakeCacheServer; workDir: string }> {
  sandbox = await startSandbox({ rateLimits: false });
  cache = await startFakeCacheServer();
  // One runner: RUNNER_TEMP stays the same path across runs, as on GitHub-hosted runners.
  return { sb: sandbox, cacheServer: cache, workDir: mkdtempSync(join(tmpdir(), 'pls-cache-')) };
}

let runCounter = 100;
async function run(
  sb: Sandbox,
  resultsUrl: string,
  workDir: string,
  extra: { inputs?: Record<string, string>; event?: string } = {},
): Promise<ActionRun & { writes: number }> {
  sb.resetLog();
  const result = await runAction({
    workDir,
    inputs: { ...sandboxInputs(sb), ...extra.inputs },
    env: {
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: resultsUrl,
      ACTIONS_RUNTIME_TOKEN: 'fake-runtime-token',
      GITHUB_RUN_ID: String(runCounter++),
      GITHUB_EVENT_NAME: extra.event ?? 'schedule',
    },
  });
  writeFileSync(join(workDir, 'summary.md'), ''); // the next run starts with an empty summary, as a new step would
  return { ...result, writes: sb.writes().length };
}

/** Every byte of the stored archive, plus the tar's decompressed contents. */
function archiveText(blob: Buffer, dir: string): string {
  const file = join(dir, 'archive.tzst');
  writeFileSync(file, blob);
  let contents = '';
  try {
    contents = execFileSync('tar', ['--use-compress-program', 'zstd -d', '-xOf', file], { encoding: 'latin1' });
  } catch {
    contents = execFileSync('tar', ['-xzOf', file], { encoding: 'latin1' });
  }
  return blob.toString('latin1') + contents;
}

describe('snapshot in the Actions cache', () => {
  it('saves an encrypted snapshot, restores it on the next run and shows what changed in Personio', async () => {
    const { sb, cacheServer, workDir } = await setup();
    const first = await run(sb, cacheServer.url, workDir);
    expect(first.code, first.stdout).toBe(0);
    expect(first.summary).toContain('No previous snapshot');
    expect(first.summary).toMatch(/Snapshot of this run: saved as personio-leapsome-sync-snapshot-/);
    const entry = cacheServer.entries.find((e) => e.finalized);
    expect(entry).toBeDefined();

    // The archive holds ciphertext only: no email address, name or credential in it.
    const text = archiveText(cacheServer.blob(entry?.key ?? '') ?? Buffer.alloc(0), workDir);
    expect(text.length).toBeGreaterThan(0);
    for (const e of sb.personio.list().slice(0, 20)) {
      expect(text).not.toContain(e.email ?? '@@none');
      expect(text).not.toContain(e.lastName);
    }
    expect(text).not.toContain(sb.credentials.personioClientSecret);
    expect(text).not.toMatch(/[a-z0-9.]+@example\.com/);

    // A day later: a hire and a title change in Personio, a manual title edit in Leapsome.
    const active = sb.personio.list().filter((e) => e.status === 'active');
    const [promoted, edited] = [active[4], active[9]];
    if (!promoted || !edited) throw new Error('sample too small');
    sb.personio.add({ firstName: 'Hanna', lastName: 'Neumann', status: 'active', department: promoted.department });
    sb.personio.update(promoted.id, { position: 'Head of Everything' });
    const editedUser = sb.leapsome.getUser(String(edited.id));
    sb.leapsome.editUser(editedUser?.id ?? '', { title: 'Chief Vibes Officer' });

    const second = await run(sb, cacheServer.url, workDir);
    expect(second.code, second.stdout).toBe(0);
    expect(second.summary).toMatch(/### Changes in Personio since the last run \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)/);
    expect(second.summary).toContain('Hanna Neumann');
    expect(second.summary).toContain('Head of Everything');
    const rows = second.summary.split('\n');
    expect(rows.find((r) => r.includes('Head of Everything') && r.includes('title'))).toContain('changed in Personio');
    expect(rows.find((r) => r.includes('Chief Vibes Officer'))).toContain('overrides a manual edit in Leapsome');
    expect(cacheServer.entries.filter((e) => e.finalized)).toHaveLength(2);

    // Nothing changed since: no new cache entry, and the second run's snapshot stays the baseline.
    const third = await run(sb, cacheServer.url, workDir);
    expect(third.code, third.stdout).toBe(0);
    expect(third.summary).toContain(
      'Snapshot of this run: not saved&#58; nothing in it changed since the last snapshot, which stays the baseline.',
    );
    expect(third.summary).toContain('No changes in Personio since the last run.');
    expect(cacheServer.entries.filter((e) => e.finalized)).toHaveLength(2);

    // A change after that is reported against it, and saved.
    sb.personio.update(edited.id, { position: 'Chief Vibes Officer' });
    const fourth = await run(sb, cacheServer.url, workDir);
    expect(fourth.code, fourth.stdout).toBe(0);
    expect(fourth.summary).toContain('Chief Vibes Officer');
    expect(fourth.summary).toMatch(/Snapshot of this run: saved as personio-leapsome-sync-snapshot-/);
    expect(cacheServer.entries.filter((e) => e.finalized)).toHaveLength(3);
  });

  it('never saves on pull_request events', async () => {
    const { sb, cacheServer, workDir } = await setup();
    const result = await run(sb, cacheServer.url, workDir, { event: 'pull_request', inputs: { 'dry-run': 'true' } });
    expect(result.code).toBe(0);
    expect(cacheServer.entries).toEqual([]);
    expect(result.summary).toContain('not saved on pull&#95;request events');
  });

  it('restores the snapshot while reading the APIs, not before', async () => {
    const { sb, cacheServer, workDir } = await setup();
    expect((await run(sb, cacheServer.url, workDir)).code).toBe(0);
    cacheServer.faults.latencyMs = 400; // a slow cache service
    const restoresBefore = cacheServer.requests.length;
    const second = await run(sb, cacheServer.url, workDir);
    expect(second.code, second.stdout).toBe(0);
    expect(second.summary).not.toContain('No previous snapshot');
    const download = cacheServer.requests.slice(restoresBefore).find((r) => r.twirp === 'GetCacheEntryDownloadURL');
    const firstApiRequest = sb.requests[0];
    if (download === undefined || firstApiRequest === undefined) throw new Error('expected a cache lookup and API requests');
    // The APIs are asked before the cache has even answered where the snapshot is.
    expect(firstApiRequest.at).toBeLessThan(download.at + 400);
  });

  it('goes on as a first run with a warning when the cache service is down', async () => {
    const { sb, workDir } = await setup();
    const result = await run(sb, await closedPortUrl(), workDir);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('::warning::');
    expect(result.summary).toContain('No previous snapshot');
    expect(sb.leapsome.listUsers().length).toBeGreaterThan(30);
  });

  it('ignores a snapshot encrypted with another key, with a notice, and never acts on it', async () => {
    const { sb, cacheServer, workDir } = await setup();
    expect((await run(sb, cacheServer.url, workDir, { inputs: { 'snapshot-key': 'first-key' } })).code).toBe(0);
    const second = await run(sb, cacheServer.url, workDir, { inputs: { 'snapshot-key': 'another-key' } });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/::notice::.*could not decrypt/);
    expect(second.summary).toContain('No previous snapshot');
    expect(second.writes).toBe(0);
  });

  it('refuses to write when the in-scope count drops by more than max-source-drop', async () => {
    const { sb, cacheServer, workDir } = await setup();
    expect((await run(sb, cacheServer.url, workDir)).code).toBe(0);
    const active = sb.personio.list().filter((e) => e.status === 'active' || e.status === 'leave');
    for (const e of active.slice(0, Math.ceil(active.length / 2))) sb.personio.remove(e.id);
    const refused = await run(sb, cacheServer.url, workDir, { inputs: { 'max-deactivations': '100%' } });
    expect(refused.code).toBe(1);
    expect(refused.writes).toBe(0);
    expect(refused.summary).toContain('Refused: nothing was written to Leapsome');
    expect(refused.summary).toContain('max-source-drop');
    expect(refused.summary).toContain(String(active.length));
    // The refused run kept the old baseline, so simply running again is refused again...
    expect((await run(sb, cacheServer.url, workDir, { inputs: { 'max-deactivations': '100%' } })).code).toBe(1);
    // ...until someone allows it.
    const allowed = await run(sb, cacheServer.url, workDir, { inputs: { 'max-deactivations': '100%', 'max-source-drop': '60%' } });
    expect(allowed.code).toBe(0);
    expect(allowed.writes).toBeGreaterThan(0);
  });

  it('refuses an empty Personio even without a snapshot', async () => {
    const { sb, cacheServer, workDir } = await setup();
    for (const e of sb.personio.list()) sb.personio.remove(e.id);
    const result = await run(sb, cacheServer.url, workDir);
    expect(result.code).toBe(1);
    expect(result.writes).toBe(0);
    expect(result.summary).toContain('Personio returned no employees at all');
  });
});
