import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cacheKeyParts,
  createActionsCacheStore,
  SNAPSHOT_FILE_NAME,
  snapshotCacheKey,
  snapshotRestorePrefix,
  type CacheApi,
} from '../../../src/github/actions-cache-store.js';
import { DECRYPT_FAILED, encryptSnapshot } from '../../../src/snapshot/crypto.js';
import { createLocalStore, LOCAL_SNAPSHOT_FILE_NAME } from '../../../src/snapshot/local-store.js';
import { missingSnapshotReason, restoredSnapshot, type StoreLog } from '../../../src/snapshot/store.js';
import { KEY, OTHER_KEY, snapshotOf } from './fixtures.js';

interface RecordingLog extends StoreLog {
  readonly lines: string[];
}
function recordingLog(): RecordingLog {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    notice: (m) => lines.push(`notice: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snapshot-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cacheKeyParts', () => {
  const input = {
    personioBaseUrl: 'https://api.personio.de/',
    leapsomeBaseUrl: 'https://api.leapsome.com/scim/v1',
    personioClientId: 'client-1',
    runId: '100',
    runAttempt: '2',
  };

  it('builds an immutable per-run key and a restore prefix shared by all runs of the same setup', () => {
    const parts = cacheKeyParts(input);
    expect(parts.scopeHash).toMatch(/^[0-9a-f]{12}$/);
    expect(snapshotRestorePrefix(parts)).toBe(`personio-leapsome-sync-snapshot-${parts.scopeHash}-`);
    expect(snapshotCacheKey(parts)).toBe(`personio-leapsome-sync-snapshot-${parts.scopeHash}-100-2`);
    expect(snapshotCacheKey(parts)).not.toMatch(/personio\.de|leapsome\.com|client-1/);
  });

  it('ignores trailing slashes, tells other endpoints and client ids apart, and keeps keys comma-free', () => {
    const hash = cacheKeyParts(input).scopeHash;
    expect(cacheKeyParts({ ...input, personioBaseUrl: 'https://api.personio.de' }).scopeHash).toBe(hash);
    expect(cacheKeyParts({ ...input, personioClientId: 'client-2' }).scopeHash).not.toBe(hash);
    expect(cacheKeyParts({ ...input, leapsomeBaseUrl: 'http://127.0.0.1:9/scim' }).scopeHash).not.toBe(hash);
    expect(snapshotCacheKey(cacheKeyParts({ ...input, runId: '1,2', runAttempt: '', prefix: 'p-' }))).toBe(
      `p-${cacheKeyParts({ ...input, prefix: 'p-' }).scopeHash}-12-1`,
    );
  });
});

describe('createLocalStore', () => {
  it('misses on first use, then restores what it saved', async () => {
    const log = recordingLog();
    const store = createLocalStore({ dir: join(dir, 'nested'), encryptionKey: KEY, log });
    expect(await store.restore()).toEqual({ kind: 'miss' });
    const snapshot = snapshotOf();
    const saved = await store.save(snapshot);
    expect(saved).toEqual({ saved: true, key: join(dir, 'nested', LOCAL_SNAPSHOT_FILE_NAME) });
    expect(await store.restore()).toEqual({ kind: 'hit', snapshot, source: join(dir, 'nested', LOCAL_SNAPSHOT_FILE_NAME) });
    const bytes = await readFile(join(dir, 'nested', LOCAL_SNAPSHOT_FILE_NAME));
    expect(bytes.includes('grace.hopper@acme.test')).toBe(false);
    expect(log.lines.some((l) => l.startsWith('info: Saved'))).toBe(true);
  });

  it('ignores a snapshot under another key, with a notice', async () => {
    await createLocalStore({ dir, encryptionKey: OTHER_KEY }).save(snapshotOf());
    const log = recordingLog();
    expect(await createLocalStore({ dir, encryptionKey: KEY, log }).restore()).toEqual({ kind: 'unusable', reason: DECRYPT_FAILED });
    expect(log.lines).toEqual([expect.stringMatching(/^notice: The previous snapshot .* was ignored: could not decrypt/)]);
  });

  it('reports an unreadable directory as unavailable and a failed write as not saved, without throwing', async () => {
    await mkdir(join(dir, LOCAL_SNAPSHOT_FILE_NAME));
    const store = createLocalStore({ dir, encryptionKey: KEY });
    expect(await store.restore()).toMatchObject({ kind: 'unavailable' });
    await writeFile(join(dir, 'file'), 'x');
    expect(await createLocalStore({ dir: join(dir, 'file'), encryptionKey: KEY }).save(snapshotOf())).toMatchObject({ saved: false });
  });
});

describe('createActionsCacheStore (with a stand-in for @actions/cache)', () => {
  const key = cacheKeyParts({ personioBaseUrl: 'p', leapsomeBaseUrl: 'l', personioClientId: 'c', runId: '7', runAttempt: '1' });
  /** Holds one saved file per key, like a tiny in-memory cache service. */
  function memoryCache(overrides: Partial<CacheApi> = {}): CacheApi & { readonly calls: string[][] } {
    const stored = new Map<string, Buffer>();
    const calls: string[][] = [];
    return {
      calls,
      isFeatureAvailable: () => true,
      async saveCache(paths, k) {
        calls.push(['save', ...paths, k]);
        stored.set(k, await readFile(paths[0] ?? ''));
        return stored.size;
      },
      async restoreCache(paths, primary, restoreKeys = []) {
        calls.push(['restore', ...paths, primary, ...restoreKeys]);
        const match = [...stored.keys()].reverse().find((k) => k === primary || restoreKeys.some((r) => k.startsWith(r)));
        if (match === undefined) return undefined;
        await writeFile(paths[0] ?? '', stored.get(match) ?? Buffer.alloc(0));
        return match;
      },
      ...overrides,
    };
  }

  it('saves and restores through one fixed path, and leaves no file behind', async () => {
    const cache = memoryCache();
    const store = createActionsCacheStore({ key, encryptionKey: KEY, workDir: dir, log: recordingLog(), cache });
    expect(await store.restore()).toEqual({ kind: 'miss' });
    const snapshot = snapshotOf();
    expect(await store.save(snapshot)).toEqual({ saved: true, key: snapshotCacheKey(key) });
    expect(await store.restore()).toEqual({ kind: 'hit', snapshot, source: snapshotCacheKey(key) });
    const file = join(dir, SNAPSHOT_FILE_NAME);
    expect(cache.calls.map((c) => c[1])).toEqual([file, file, file]);
    expect(cache.calls[0]).toEqual(['restore', file, snapshotCacheKey(key), snapshotRestorePrefix(key)]);
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
  });

  it('never reads a leftover file as a restored snapshot', async () => {
    await writeFile(join(dir, SNAPSHOT_FILE_NAME), encryptSnapshot(snapshotOf(), KEY));
    const store = createActionsCacheStore({ key, encryptionKey: KEY, workDir: dir, log: recordingLog(), cache: memoryCache() });
    expect(await store.restore()).toEqual({ kind: 'miss' });
  });

  it('is unavailable, with a warning, when the cache service is not there', async () => {
    const log = recordingLog();
    const store = createActionsCacheStore({
      key,
      encryptionKey: KEY,
      workDir: dir,
      log,
      cache: memoryCache({ isFeatureAvailable: () => false }),
    });
    expect(await store.restore()).toMatchObject({ kind: 'unavailable' });
    expect(await store.save(snapshotOf())).toMatchObject({ saved: false });
    expect(log.lines.map((l) => l.split(':')[0])).toEqual(['warning', 'warning']);
  });

  it('loads @actions/cache once, on first use, and survives a load failure as "unavailable"', async () => {
    let loads = 0;
    const lazy = createActionsCacheStore({
      key,
      encryptionKey: KEY,
      workDir: dir,
      log: recordingLog(),
      loadCache: async () => (loads++, memoryCache()),
    });
    expect(loads).toBe(0);
    expect(await lazy.restore()).toEqual({ kind: 'miss' });
    expect(await lazy.save(snapshotOf())).toMatchObject({ saved: true });
    expect(loads).toBe(1);

    const log = recordingLog();
    const broken = createActionsCacheStore({
      key,
      encryptionKey: KEY,
      workDir: dir,
      log,
      loadCache: () => Promise.reject(new Error("Cannot find module './691.index.js'")),
    });
    expect(await broken.restore()).toEqual({ kind: 'unavailable', reason: expect.stringMatching(/could not be loaded: .*691\.index\.js/) });
    expect(await broken.save(snapshotOf())).toMatchObject({ saved: false, reason: expect.stringMatching(/could not be loaded/) });
    expect(log.lines.map((l) => l.split(':')[0])).toEqual(['warning', 'warning']);
  });

  it('turns -1 from saveCache into "not saved" and anything thrown into a warning, never an exception', async () => {
    const log = recordingLog();
    const minusOne = createActionsCacheStore({
      key,
      encryptionKey: KEY,
      workDir: dir,
      log,
      cache: memoryCache({ saveCache: async () => -1 }),
    });
    expect(await minusOne.save(snapshotOf())).toMatchObject({ saved: false, reason: expect.stringMatching(/did not store/) });
    const boom = (): Promise<never> => Promise.reject(new Error('Key Validation Error'));
    const throwing = createActionsCacheStore({
      key,
      encryptionKey: KEY,
      workDir: dir,
      log,
      cache: memoryCache({ saveCache: boom, restoreCache: boom }),
    });
    expect(await throwing.save(snapshotOf())).toEqual({ saved: false, reason: 'cache save failed: Key Validation Error' });
    expect(await throwing.restore()).toEqual({ kind: 'unavailable', reason: 'cache restore failed: Key Validation Error' });
    expect(log.lines.every((l) => l.startsWith('warning: '))).toBe(true);
  });

  it('treats a hit without the file as unusable', async () => {
    const store = createActionsCacheStore({
      key,
      encryptionKey: KEY,
      workDir: dir,
      log: recordingLog(),
      cache: memoryCache({ restoreCache: async () => 'some-key' }),
    });
    expect(await store.restore()).toEqual({ kind: 'unusable', reason: 'cache entry some-key did not contain the snapshot file' });
  });
});

describe('restoredSnapshot / missingSnapshotReason', () => {
  it('gives the snapshot only on a hit, and a reason otherwise', () => {
    const snapshot = snapshotOf();
    expect(restoredSnapshot({ kind: 'hit', snapshot, source: 'k' })).toBe(snapshot);
    expect(missingSnapshotReason({ kind: 'hit', snapshot, source: 'k' })).toBeNull();
    expect(restoredSnapshot({ kind: 'miss' })).toBeNull();
    expect(missingSnapshotReason({ kind: 'miss' })).toMatch(/first run/);
    expect(missingSnapshotReason({ kind: 'unusable', reason: DECRYPT_FAILED })).toBe(`the stored one was ignored: ${DECRYPT_FAILED}`);
    expect(missingSnapshotReason({ kind: 'unavailable', reason: 'down' })).toBe('snapshot store unavailable: down');
  });
});
