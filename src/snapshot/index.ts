// The snapshot's public surface: schema, encryption, the store interface and the local store, and the
// pure digest, drift labels and source guard. The Actions cache store is GitHub's, in src/github/:
// nothing that imports this barrel can pull @actions/cache into the command line's bundle.
export { SNAPSHOT_SCHEMA_VERSION, buildSnapshot, decodeSnapshot, encodeSnapshot } from './schema.js';
export type { BuildSnapshotInput, ParseResult, Snapshot } from './schema.js';
export { DECRYPT_FAILED, decryptSnapshot, deriveSnapshotKey, encryptSnapshot } from './crypto.js';
export type { SnapshotKeyInput } from './crypto.js';
export { missingSnapshotReason, restoredSnapshot, silentLog } from './store.js';
export type { RestoreResult, SaveResult, SnapshotStore, StoreLog } from './store.js';
export { LOCAL_SNAPSHOT_FILE_NAME, createLocalStore } from './local-store.js';
export type { LocalStoreOptions } from './local-store.js';
export { isEmptyDigest, personioDigest } from './digest.js';
export type { AttributeChange, DigestPerson, Leaver, OrgMove, OrgUnitRename, PersonioDigest, ValueChange } from './digest.js';
export { labelProvenance } from './provenance.js';
export { MAX_SOURCE_DROP_INPUT, checkSourceDrop, inScopeCount } from './source-guard.js';
export type { SourceDropInput } from './source-guard.js';
export { snapshotSaveDecision } from './policy.js';
export type { RunMode, SaveDecision, SaveDecisionInput } from './policy.js';
