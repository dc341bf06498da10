// The snapshot store on GitHub: one encrypted file saved and restored with @actions/cache. It lives
// with the Action's other GitHub adapters so that only the Action's entry can import it.
//
// Keys are immutable in the cache service, so every run saves a new key and restores the newest
// one by prefix (the "rolling snapshot" pattern). @actions/cache swallows almost every failure
// (restore -> undefined, save -> -1, with its own log line), so the return values are checked
// here and nothing ever throws out of this module.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decryptSnapshotInSlices, encryptSnapshot } from '../snapshot/crypto.js';
import type { Snapshot } from '../domain/snapshot.js';
import { errorMessage } from '../shared/errors.js';
import type { OnEmployeeCount, RestoreResult, SaveResult, SnapshotStore, StoreLog } from '../snapshot/store.js';

export const DEFAULT_CACHE_KEY_PREFIX = 'personio-leapsome-sync-snapshot-';
/**
 * The one path handed to @actions/cache. The cache version is a hash of the paths array, so save
 * and restore must pass exactly the same string: never build it differently in two places.
 */
export const SNAPSHOT_FILE_NAME = 'snapshot.enc';

export interface CacheKeyParts {
  readonly prefix: string;
  /** First 12 hex digits of sha256 over the endpoints and the client id: tells setups apart, reveals nothing. */
  readonly scopeHash: string;
  readonly runId: string;
  readonly runAttempt: string;
}

export interface CacheKeyInput {
  readonly personioBaseUrl: string;
  readonly leapsomeBaseUrl: string;
  readonly personioClientId: string;
  /** `GITHUB_RUN_ID` */
  readonly runId: string;
  /** `GITHUB_RUN_ATTEMPT`: a re-run must not collide with the first attempt's immutable key. */
  readonly runAttempt: string;
  readonly prefix?: string;
}

const normaliseUrl = (url: string): string => url.trim().replace(/\/+$/, '');
/** Cache keys may not contain commas; run ids are digits anyway. */
const keySafe = (value: string, fallback: string): string => value.replace(/[^A-Za-z0-9._-]/g, '') || fallback;

export function cacheKeyParts({
  personioBaseUrl,
  leapsomeBaseUrl,
  personioClientId,
  runId,
  runAttempt,
  prefix,
}: CacheKeyInput): CacheKeyParts {
  const scope = JSON.stringify([normaliseUrl(personioBaseUrl), normaliseUrl(leapsomeBaseUrl), personioClientId.trim()]);
  return {
    prefix: prefix ?? DEFAULT_CACHE_KEY_PREFIX,
    scopeHash: createHash('sha256').update(scope).digest('hex').slice(0, 12),
    runId: keySafe(runId, 'run'),
    runAttempt: keySafe(runAttempt, '1'),
  };
}

/** What restore matches by prefix: every run of the same setup. */
export const snapshotRestorePrefix = (parts: CacheKeyParts): string => `${parts.prefix}${parts.scopeHash}-`;
/** This run's own immutable key. */
export const snapshotCacheKey = (parts: CacheKeyParts): string => `${snapshotRestorePrefix(parts)}${parts.runId}-${parts.runAttempt}`;

/** The part of @actions/cache used here; injectable so that unit tests can make it misbehave. */
export interface CacheApi {
  isFeatureAvailable(): boolean;
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<number>;
}

export interface ActionsCacheStoreOptions {
  readonly key: CacheKeyParts;
  readonly encryptionKey: Buffer;
  /** A directory with the same absolute path in every run, e.g. `${RUNNER_TEMP}/personio-leapsome-sync`. */
  readonly workDir: string;
  readonly log: StoreLog;
  readonly cache?: CacheApi;
  /** How @actions/cache is loaded when `cache` is not given (a dynamic import; injectable for tests). */
  readonly loadCache?: () => Promise<CacheApi>;
}

/**
 * @actions/cache and the Azure SDK under it are most of the bundle (~5 of 7 MB): loaded only when a
 * snapshot is actually restored or saved, so runs without the cache start faster and use less memory.
 */
const loadActionsCache = async (): Promise<CacheApi> => import('@actions/cache');

const UNAVAILABLE = 'the Actions cache service is not available to this job (ACTIONS_RESULTS_URL / ACTIONS_CACHE_URL not set)';

export function createActionsCacheStore({
  key,
  encryptionKey,
  workDir,
  log,
  cache: injected,
  loadCache = loadActionsCache,
}: ActionsCacheStoreOptions): SnapshotStore {
  const file = join(workDir, SNAPSHOT_FILE_NAME);
  const primaryKey = snapshotCacheKey(key);
  const restorePrefix = snapshotRestorePrefix(key);

  let loaded: Promise<CacheApi | string> | undefined;
  /** The cache client, or why it could not be loaded (a missing chunk file must not fail the run). */
  const cacheApi = (): Promise<CacheApi | string> =>
    (loaded ??=
      injected !== undefined
        ? Promise.resolve(injected)
        : loadCache().catch((error: unknown) => `@actions/cache could not be loaded: ${errorMessage(error)}`));

  const available = (cache: CacheApi): boolean => {
    try {
      return cache.isFeatureAvailable();
    } catch {
      return false;
    }
  };

  async function restore(onEmployeeCount?: OnEmployeeCount): Promise<RestoreResult> {
    const cache = await cacheApi();
    if (typeof cache === 'string') {
      log.warning(`No previous snapshot: ${cache}. The run goes on as a first run.`);
      return { kind: 'unavailable', reason: cache };
    }
    if (!available(cache)) {
      log.warning(`No previous snapshot: ${UNAVAILABLE}. The run goes on as a first run.`);
      return { kind: 'unavailable', reason: UNAVAILABLE };
    }
    let matchedKey: string | undefined;
    let envelope: Buffer;
    try {
      await mkdir(workDir, { recursive: true });
      // A leftover file (self-hosted runner) must never pass for a restored one.
      await rm(file, { force: true });
      matchedKey = await cache.restoreCache([file], primaryKey, [restorePrefix]);
      if (matchedKey === undefined) {
        log.info(
          `No previous snapshot in the Actions cache (first run, evicted after 7 days unused, or the cache service failed: see any warning from @actions/cache above). The run goes on as a first run.`,
        );
        return { kind: 'miss' };
      }
      envelope = await readFile(file);
    } catch (error) {
      const reason =
        matchedKey === undefined
          ? `cache restore failed: ${errorMessage(error)}`
          : `cache entry ${matchedKey} did not contain the snapshot file`;
      log.warning(`No previous snapshot: ${reason}. The run goes on as a first run.`);
      return matchedKey === undefined ? { kind: 'unavailable', reason } : { kind: 'unusable', reason };
    } finally {
      await rm(file, { force: true }).catch(() => undefined);
    }
    const result = await decryptSnapshotInSlices(envelope, encryptionKey, onEmployeeCount);
    if (!result.ok) {
      log.notice(`The previous snapshot (cache key ${matchedKey}) was ignored: ${result.reason}. The run goes on as a first run.`);
      return { kind: 'unusable', reason: result.reason };
    }
    log.info(`Restored the previous snapshot taken ${result.snapshot.takenAt} (cache key ${matchedKey}).`);
    return { kind: 'hit', snapshot: result.snapshot, source: matchedKey };
  }

  async function save(snapshot: Snapshot): Promise<SaveResult> {
    const cache = await cacheApi();
    if (typeof cache === 'string') {
      log.warning(`The snapshot was not saved: ${cache}.`);
      return { saved: false, reason: cache };
    }
    if (!available(cache)) {
      log.warning(`The snapshot was not saved: ${UNAVAILABLE}.`);
      return { saved: false, reason: UNAVAILABLE };
    }
    try {
      await mkdir(workDir, { recursive: true });
      await writeFile(file, encryptSnapshot(snapshot, encryptionKey), { mode: 0o600 });
      const id = await cache.saveCache([file], primaryKey);
      if (id === -1) {
        const reason = `@actions/cache did not store cache key ${primaryKey} (see its message above)`;
        log.warning(`The snapshot was not saved: ${reason}. The next run will not have it.`);
        return { saved: false, reason };
      }
      log.info(`Saved the encrypted snapshot to the Actions cache (key ${primaryKey}).`);
      return { saved: true, key: primaryKey };
    } catch (error) {
      const reason = `cache save failed: ${errorMessage(error)}`;
      log.warning(`The snapshot was not saved: ${reason}.`);
      return { saved: false, reason };
    } finally {
      await rm(file, { force: true }).catch(() => undefined);
    }
  }

  return { restore, save };
}
