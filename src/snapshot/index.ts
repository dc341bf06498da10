// Where the previous run's snapshot is kept between runs: its stored format, its encryption, the
// store interface, the local store, and when a run may save one. Comparing against it is the
// planner's (plan/digest.ts, provenance.ts, source-guard.ts). The Actions cache store is GitHub's,
// in src/github/: nothing that imports this barrel can pull @actions/cache into the CLI bundle.
export { SNAPSHOT_SCHEMA_VERSION, buildSnapshot, decodeSnapshot, encodeSnapshot } from './schema.js';
export type { BuildSnapshotInput, ParseResult } from './schema.js';
export { DECRYPT_FAILED, decryptSnapshot, deriveSnapshotKey, encryptSnapshot } from './crypto.js';
export type { SnapshotKeyInput } from './crypto.js';
export { missingSnapshotReason, restoredSnapshot, silentLog } from './store.js';
export type { RestoreResult, SaveResult, SnapshotStore, StoreLog } from './store.js';
export { LOCAL_SNAPSHOT_FILE_NAME, createLocalStore } from './local-store.js';
export type { LocalStoreOptions } from './local-store.js';
export { snapshotSaveDecision } from './policy.js';
export type { RunMode, SaveDecision, SaveDecisionInput } from './policy.js';
