// The snapshot store outside GitHub (demo, local runs): the same encrypted envelope, in a file.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decryptSnapshotInSlices, encryptSnapshot } from './crypto.js';
import type { Snapshot } from '../domain/snapshot.js';
import { errorMessage } from '../shared/errors.js';
import { silentLog, type OnEmployeeCount, type RestoreResult, type SaveResult, type SnapshotStore, type StoreLog } from './store.js';

export const LOCAL_SNAPSHOT_FILE_NAME = 'personio-leapsome-snapshot.enc';

export interface LocalStoreOptions {
  readonly dir: string;
  readonly encryptionKey: Buffer;
  readonly log?: StoreLog;
}

const isNotFound = (error: unknown): boolean => error instanceof Error && 'code' in error && error.code === 'ENOENT';

export function createLocalStore({ dir, encryptionKey, log = silentLog }: LocalStoreOptions): SnapshotStore {
  const file = join(dir, LOCAL_SNAPSHOT_FILE_NAME);

  async function restore(onEmployeeCount?: OnEmployeeCount): Promise<RestoreResult> {
    let envelope: Buffer;
    try {
      envelope = await readFile(file);
    } catch (error) {
      if (isNotFound(error)) {
        log.info(`No previous snapshot in ${file}. The run goes on as a first run.`);
        return { kind: 'miss' };
      }
      const reason = `could not read ${file}: ${errorMessage(error)}`;
      log.warning(`No previous snapshot: ${reason}. The run goes on as a first run.`);
      return { kind: 'unavailable', reason };
    }
    const result = await decryptSnapshotInSlices(envelope, encryptionKey, onEmployeeCount);
    if (!result.ok) {
      log.notice(`The previous snapshot in ${file} was ignored: ${result.reason}. The run goes on as a first run.`);
      return { kind: 'unusable', reason: result.reason };
    }
    log.info(`Restored the previous snapshot taken ${result.snapshot.takenAt} from ${file}.`);
    return { kind: 'hit', snapshot: result.snapshot, source: file };
  }

  async function save(snapshot: Snapshot): Promise<SaveResult> {
    // Written aside and renamed, so that a crash never leaves half a snapshot behind.
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(temp, encryptSnapshot(snapshot, encryptionKey), { mode: 0o600 });
      await rename(temp, file);
      log.info(`Saved the encrypted snapshot to ${file}.`);
      return { saved: true, key: file };
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      const reason = `could not write ${file}: ${errorMessage(error)}`;
      log.warning(`The snapshot was not saved: ${reason}.`);
      return { saved: false, reason };
    }
  }

  return { restore, save };
}
