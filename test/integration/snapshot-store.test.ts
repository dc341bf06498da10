// The Actions-cache snapshot store with the REAL @actions/cache (tar, zstd/gzip, twirp client,
// Azure blob upload) against a local fake of the cache service v2, across consecutive "runs".
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Employee } from '../../src/domain/types.js';
import { cacheKeyParts, createActionsCacheStore, snapshotCacheKey, snapshotRestorePrefix } from '../../src/github/actions-cache-store.js';
import { DECRYPT_FAILED, deriveSnapshotKey } from '../../src/snapshot/crypto.js';
import type { Snapshot } from '../../src/domain/snapshot.js';
import { buildSnapshot } from '../../src/snapshot/schema.js';
import type { SnapshotStore, StoreLog } from '../../src/snapshot/store.js';
import { closedPortUrl, startFakeCacheServer, type FakeCacheServer } from '../support/fake-cache-server.js';

const ENV_NAMES = [
  'ACTIONS_CACHE_SERVICE_V2',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_CACHE_URL',
  'ACTIONS_CACHE_MODE',
  'RUNNER_TEMP',
  'GITHUB_WORKSPACE',
  'GITHUB_SERVER_URL',
] as const;

const SECRETS = { personioClientSecret: 'personio-secret', leapsomeToken: 'leapsome-token' };
const ENDPOINTS = {
  personioBaseUrl: 'https://api.personio.de',
  leapsomeBaseUrl: 'https://api.leapsome.com/scim/v1',
  personioClientId: 'client-id-1',
};
const PII = ['grace.hopper@example.org', 'Grace', 'Hopper', 'Murray', 'alan.turing@example.org', 'Turing', 'Quantum Department'];

function people(lastName: string): Employee[] {
  const org = {
    department: { field: 'department' as const, id: '10', name: 'Quantum Department' },
    team: null,
    office: null,
    subcompany: null,
  };
  const base = {
    preferredName: null,
    status: 'active' as const,
    position: 'Rear Admiral',
    supervisorId: null,
    hireDate: '2020-01-01',
    hireDateOffsetMinutes: 60,
    terminationDate: null,
    gender: null,
    org,
    attributes: {},
  };
  return [
    { ...base, id: '1', email: 'grace.hopper@example.org', firstName: 'Grace', lastName },
    { ...base, id: '2', email: 'alan.turing@example.org', firstName: 'Alan', lastName: 'Turing', supervisorId: '1' },
  ];
}

function snapshotAt(takenAt: string, lastName = 'Hopper'): Snapshot {
  return buildSnapshot({
    personio: { employees: people(lastName), rejected: [] },
    leapsome: { users: [], teams: [], rejected: [] },
    actionVersion: 'test',
    takenAt,
    attributes: ['first_name', 'last_name', 'email', 'status', 'position', 'department'],
  });
}

const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
const isZstd = (archive: Buffer): boolean => archive.subarray(0, 4).equals(ZSTD_MAGIC);
/** The tar inside the archive, whichever compression @actions/cache picked on this machine. */
const untar = (archive: Buffer): Buffer => (isZstd(archive) ? execFileSync('zstd', ['-dc'], { input: archive }) : gunzipSync(archive));
const retar = (tar: Buffer, like: Buffer): Buffer => (isZstd(like) ? execFileSync('zstd', ['-c'], { input: tar }) : gzipSync(tar));

interface Captured extends StoreLog {
  readonly lines: string[];
}
const capture = (): Captured => {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    notice: (m) => lines.push(`notice: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
  };
};

let server: FakeCacheServer;
let root: string;
let savedEnv: Partial<Record<(typeof ENV_NAMES)[number], string>>;
/** What @actions/cache itself printed (workflow commands such as ::warning::). */
let stdout: string[];

beforeAll(async () => {
  server = await startFakeCacheServer();
  root = await mkdtemp(join(tmpdir(), 'snapshot-cache-'));
  await mkdir(join(root, 'workspace'), { recursive: true });
  await mkdir(join(root, 'runner-temp'), { recursive: true });
  savedEnv = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));
});

afterAll(async () => {
  for (const name of ENV_NAMES) {
    const value = savedEnv[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await server.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(() => {
  for (const name of ENV_NAMES) delete process.env[name];
  // GITHUB_SERVER_URL stays unset: a non-github host would switch the library to the v1 protocol.
  process.env['ACTIONS_CACHE_SERVICE_V2'] = 'true';
  process.env['ACTIONS_RESULTS_URL'] = server.url;
  process.env['ACTIONS_RUNTIME_TOKEN'] = 'fake-runtime-token';
  process.env['RUNNER_TEMP'] = join(root, 'runner-temp');
  process.env['GITHUB_WORKSPACE'] = join(root, 'workspace');
  server.faults.down = false;
  server.faults.readDenied = false;
  server.faults.writeDenied = false;
  server.faults.methods = {};
  stdout = [];
  // Kept, not echoed: the library is chatty (progress lines, debug commands).
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** One workflow run's store: same setup, its own run id. */
function run(
  runId: string,
  options: { log?: StoreLog; secrets?: typeof SECRETS; endpoints?: typeof ENDPOINTS; attempt?: string } = {},
): SnapshotStore {
  return createActionsCacheStore({
    key: cacheKeyParts({ ...(options.endpoints ?? ENDPOINTS), runId, runAttempt: options.attempt ?? '1' }),
    encryptionKey: deriveSnapshotKey(options.secrets ?? SECRETS),
    // The same absolute path in every run, as RUNNER_TEMP is on hosted runners.
    workDir: join(root, 'runner-temp', 'personio-leapsome-sync'),
    log: options.log ?? capture(),
  });
}

describe('snapshot store on the real @actions/cache against the fake cache service v2', () => {
  const parts = (runId: string, attempt = '1') => cacheKeyParts({ ...ENDPOINTS, runId, runAttempt: attempt });

  it('run 1 misses and saves; run 2 restores it by prefix and saves its own; run 3 gets the newest', async () => {
    const first = snapshotAt('2026-11-22T06:00:00.000Z');
    const log1 = capture();
    const run1 = run('100', { log: log1 });
    expect(await run1.restore()).toEqual({ kind: 'miss' });
    expect(await run1.save(first)).toEqual({ saved: true, key: snapshotCacheKey(parts('100')) });

    const second = snapshotAt('2026-11-23T06:00:00.000Z', 'Murray');
    const run2 = run('101');
    expect(await run2.restore()).toEqual({ kind: 'hit', snapshot: first, source: snapshotCacheKey(parts('100')) });
    expect(await run2.save(second)).toEqual({ saved: true, key: snapshotCacheKey(parts('101')) });

    expect(await run('102').restore()).toEqual({ kind: 'hit', snapshot: second, source: snapshotCacheKey(parts('101')) });

    // The wire: v2 twirp with our key and prefix, the same cache version on save and restore.
    const lookups = server.requests.filter((r) => r.twirp === 'GetCacheEntryDownloadURL');
    expect(lookups[1]?.body).toMatchObject({ key: snapshotCacheKey(parts('101')), restore_keys: [snapshotRestorePrefix(parts('101'))] });
    expect(new Set(server.entries.map((e) => e.version)).size).toBe(1);
    expect(log1.lines.some((l) => l.startsWith('info: No previous snapshot in the Actions cache'))).toBe(true);
  });

  it('stores no plaintext email address or name: not in the uploaded blob, not in the archive inside', async () => {
    const key = snapshotCacheKey(parts('200'));
    expect(await run('200').save(snapshotAt('2026-11-24T06:00:00.000Z'))).toMatchObject({ saved: true });
    const blob = server.blob(key);
    expect(blob).not.toBeNull();
    const tar = untar(blob ?? Buffer.alloc(0));
    expect(tar.includes('snapshot.enc')).toBe(true);
    expect(tar.includes('PLSS')).toBe(true);
    for (const text of [blob ?? Buffer.alloc(0), tar]) {
      for (const needle of [...PII, ...Object.values(SECRETS), 'personio.de', 'client-id-1'])
        expect(text.includes(needle), needle).toBe(false);
    }
    for (const needle of ['personio.de', 'leapsome.com', 'client-id-1']) expect(key).not.toContain(needle);
  });

  it('a re-run with the same run id and attempt is not saved (immutable key), a new attempt is', async () => {
    expect(await run('300').save(snapshotAt('2026-11-24T06:00:00.000Z'))).toMatchObject({ saved: true });
    const log = capture();
    expect(await run('300', { log }).save(snapshotAt('2026-11-24T07:00:00.000Z'))).toMatchObject({ saved: false });
    expect(log.lines).toEqual([expect.stringMatching(/^warning: The snapshot was not saved/)]);
    expect(await run('300', { attempt: '2' }).save(snapshotAt('2026-11-24T07:00:00.000Z'))).toMatchObject({ saved: true });
  });

  it('misses for another setup (other endpoints or client id share nothing)', async () => {
    expect(await run('400').save(snapshotAt('2026-11-24T06:00:00.000Z'))).toMatchObject({ saved: true });
    expect(await run('401', { endpoints: { ...ENDPOINTS, personioClientId: 'another-client' } }).restore()).toEqual({ kind: 'miss' });
  });

  it('ignores, with a notice, a snapshot encrypted under another key (a rotated credential)', async () => {
    expect(await run('500').save(snapshotAt('2026-11-24T06:00:00.000Z'))).toMatchObject({ saved: true });
    const log = capture();
    const rotated = run('501', { log, secrets: { ...SECRETS, leapsomeToken: 'rotated-token' } });
    expect(await rotated.restore()).toEqual({ kind: 'unusable', reason: DECRYPT_FAILED });
    expect(log.lines).toEqual([
      expect.stringMatching(/^notice: The previous snapshot \(cache key .*-500-1\) was ignored: could not decrypt/),
    ]);
  });

  it('ignores a tampered blob: one flipped ciphertext byte inside a valid archive', async () => {
    const key = snapshotCacheKey(parts('600'));
    expect(await run('600').save(snapshotAt('2026-11-25T06:00:00.000Z'))).toMatchObject({ saved: true });
    const entry = server.entries.find((e) => e.key === key);
    const archive = entry?.data ?? Buffer.alloc(0);
    const tar = Buffer.from(untar(archive));
    // Tar checksums cover headers only, so the archive still extracts; GCM must catch it.
    const at = tar.indexOf('PLSS') + 40;
    tar[at] = (tar[at] ?? 0) ^ 0xff;
    if (entry !== undefined) entry.data = retar(tar, archive);
    expect(await run('601').restore()).toEqual({ kind: 'unusable', reason: DECRYPT_FAILED });
  });

  it('service down (connection refused): restore is a miss and save is not saved, both with warnings, nothing thrown', async () => {
    process.env['ACTIONS_RESULTS_URL'] = await closedPortUrl();
    const log = capture();
    const store = run('700', { log });
    const started = Date.now();
    const restored = await store.restore();
    expect(['miss', 'unavailable']).toContain(restored.kind);
    expect(stdout.join('')).toMatch(/::warning::Failed to restore/);
    expect(await store.save(snapshotAt('2026-11-24T06:00:00.000Z'))).toMatchObject({ saved: false });
    expect(log.lines.at(-1)).toMatch(/^warning: The snapshot was not saved/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('service dropping connections: the same, a warning and a miss', async () => {
    server.faults.down = true;
    const restored = await run('710').restore();
    expect(['miss', 'unavailable']).toContain(restored.kind);
    expect(stdout.join('')).toMatch(/::warning::Failed to restore/);
  });

  it('no cache service at all (ACTIONS_RESULTS_URL unset): unavailable, with a warning', async () => {
    delete process.env['ACTIONS_RESULTS_URL'];
    const log = capture();
    expect(await run('800', { log }).restore()).toMatchObject({ kind: 'unavailable' });
    expect(log.lines).toEqual([expect.stringMatching(/^warning: No previous snapshot: the Actions cache service is not available/)]);
  });

  it('a token without read or write scope: a miss and a warning; not saved', async () => {
    expect(await run('900').save(snapshotAt('2026-11-24T06:00:00.000Z'))).toMatchObject({ saved: true });
    server.faults.readDenied = true;
    expect(await run('901').restore()).toEqual({ kind: 'miss' });
    expect(stdout.join('')).toMatch(/::warning::Failed to restore: .*cache read denied:/);
    server.faults.writeDenied = true;
    expect(await run('902').save(snapshotAt('2026-11-24T06:00:00.000Z'))).toMatchObject({ saved: false });
  });

  it('no runtime token: not saved, with a warning, nothing thrown', async () => {
    delete process.env['ACTIONS_RUNTIME_TOKEN'];
    const log = capture();
    expect(await run('950', { log }).save(snapshotAt('2026-11-24T06:00:00.000Z'))).toMatchObject({ saved: false });
    expect(log.lines).toEqual([expect.stringMatching(/^warning: The snapshot was not saved: cache save failed: .*ACTIONS_RUNTIME_TOKEN/)]);
    expect(server.entries.some((e) => e.key.endsWith('-950-1'))).toBe(false);
  });

  it('the fake refuses twirp calls without a Bearer token (so env mistakes show up)', async () => {
    const response = await fetch(new URL('/twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('the fake assembles block uploads in block-list order (the > 128 MiB path of the Azure SDK)', async () => {
    const create = await fetch(new URL('/twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: JSON.stringify({ key: 'blocks-1', version: 'v' }),
    });
    const { signed_upload_url: upload } = (await create.json()) as { signed_upload_url: string };
    const blocks: readonly (readonly [string, string])[] = [
      ['Yg==', 'second'],
      ['YQ==', 'first '],
    ];
    for (const [id, text] of blocks) {
      expect((await fetch(`${upload}&comp=block&blockid=${encodeURIComponent(id)}`, { method: 'PUT', body: text })).status).toBe(201);
    }
    const list = '<?xml version="1.0" encoding="utf-8"?><BlockList><Latest>YQ==</Latest><Latest>Yg==</Latest></BlockList>';
    expect((await fetch(`${upload}&comp=blocklist`, { method: 'PUT', body: list })).status).toBe(201);
    const finalize = await fetch(new URL('/twirp/github.actions.results.api.v1.CacheService/FinalizeCacheEntryUpload', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: JSON.stringify({ key: 'blocks-1', version: 'v', size_bytes: '12' }),
    });
    expect(await finalize.json()).toMatchObject({ ok: true });
    expect(server.blob('blocks-1')?.toString()).toBe('first second');
    const download = await fetch(upload);
    expect(download.headers.get('content-length')).toBe('12');
    expect(await download.text()).toBe('first second');
  });
});
