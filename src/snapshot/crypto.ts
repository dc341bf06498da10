// The snapshot holds employee PII and the Actions cache is readable by anyone who can open a pull
// request against the repository's default branch (cache scoping:
// https://docs.github.com/en/actions/reference/workflows-and-actions/dependency-caching), so it
// leaves the process only encrypted:
// AES-256-GCM, random 12-byte IV, gzip inside (ciphertext does not compress).
//
// Envelope: "PLSS" | version (1 byte) | IV (12) | tag (16) | ciphertext. The magic and version
// bytes are authenticated too (AAD), so they cannot be swapped without the tag failing.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { constants, gunzip, gunzipSync, gzipSync, inflateRawSync } from 'node:zlib';
import type { Snapshot } from '../domain/snapshot.js';
import { decodeSnapshot, decodeSnapshotInSlices, employeeCountOf, encodedSnapshotChunks, type ParseResult } from './schema.js';
import { errorMessage } from '../shared/errors.js';

const gunzipAsync = promisify(gunzip);

const MAGIC = Buffer.from('PLSS', 'ascii');
/** 2: the plaintext is newline-delimited (see encodeSnapshot); 1 held one JSON document. */
const ENVELOPE_VERSION = 2;
const HEADER = Buffer.concat([MAGIC, Buffer.from([ENVELOPE_VERSION])]);
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** A decompression bomb must not exhaust the runner; real snapshots are a few MiB at most. */
const MAX_PLAINTEXT_BYTES = 256 * 1024 * 1024;

const SALT = Buffer.from('personio-leapsome-sync snapshot v1', 'utf8');

export interface SnapshotKeyInput {
  /** The optional `snapshot-key` input; empty or blank counts as absent. */
  readonly snapshotKey?: string | null;
  readonly personioClientSecret: string;
  readonly leapsomeToken: string;
}

/** Length-prefixed, so that ("ab", "c") and ("a", "bc") never give the same key material. */
function lengthPrefixed(parts: readonly string[]): Buffer {
  return Buffer.concat(
    parts.flatMap((part) => {
      const bytes = Buffer.from(part, 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return [length, bytes];
    }),
  );
}

/**
 * The 32-byte snapshot key. Without `snapshot-key` it is derived from both credentials, so that
 * rotating either one makes old snapshots unreadable: the history simply starts afresh.
 */
export function deriveSnapshotKey({ snapshotKey, personioClientSecret, leapsomeToken }: SnapshotKeyInput): Buffer {
  const given = snapshotKey?.trim() ?? '';
  if (given !== '') return Buffer.from(hkdfSync('sha256', Buffer.from(given, 'utf8'), SALT, 'snapshot-key input', KEY_BYTES));
  if (personioClientSecret === '' || leapsomeToken === '') {
    throw new Error('deriveSnapshotKey: the Personio client secret and the Leapsome token are both required when no snapshot-key is given');
  }
  const material = lengthPrefixed([personioClientSecret, leapsomeToken]);
  return Buffer.from(hkdfSync('sha256', material, SALT, 'credentials', KEY_BYTES));
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`snapshot key must be ${KEY_BYTES} bytes, got ${key.length}`);
}

/**
 * Each chunk of the encoding is compressed on its own, one gzip member after another (RFC 1952
 * allows a file of several members, and gunzip reads them as one stream), and encrypted at once:
 * neither the plaintext nor its compressed form is ever held whole, only the ciphertext. The
 * fastest level: the run waits for it at its end, and at 20,000 employees the file is ~1.5 MB.
 */
export function encryptSnapshot(snapshot: Snapshot, key: Buffer): Buffer {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(HEADER);
  const ciphertext: Buffer[] = [];
  for (const chunk of encodedSnapshotChunks(snapshot)) {
    ciphertext.push(cipher.update(gzipSync(Buffer.from(chunk, 'utf8'), { level: constants.Z_BEST_SPEED })));
  }
  ciphertext.push(cipher.final());
  return Buffer.concat([HEADER, iv, cipher.getAuthTag(), ...ciphertext]);
}

export const DECRYPT_FAILED = 'could not decrypt (wrong key or tampered)';

/** Never throws: anything unreadable is a reason, and the run goes on as if there were no snapshot. */
export function decryptSnapshot(envelope: Buffer, key: Buffer): ParseResult {
  const compressed = decipher(envelope, key);
  if (!Buffer.isBuffer(compressed)) return compressed;
  let plain: Buffer;
  try {
    plain = gunzipSync(compressed, { maxOutputLength: MAX_PLAINTEXT_BYTES });
  } catch (error) {
    return unreadable(error);
  }
  return decodeSnapshot(plain);
}

/**
 * decryptSnapshot for the stores, which restore the snapshot while the APIs are read: the
 * decompression runs off the main thread and the decoding in slices, so neither holds up the
 * answers the pacing waits for. Never throws either.
 */
export async function decryptSnapshotInSlices(
  envelope: Buffer,
  key: Buffer,
  onEmployeeCount?: (count: number) => void,
): Promise<ParseResult> {
  const compressed = decipher(envelope, key);
  if (!Buffer.isBuffer(compressed)) return compressed;
  // The count is reported before anything else: it decides how many Personio pages are asked for
  // before the first one answers, while the rest below waits on the busy event loop (each chunk of
  // the asynchronous gunzip needs a turn of it).
  const count = onEmployeeCount === undefined ? null : peekEmployeeCount(compressed);
  if (count !== null) onEmployeeCount?.(count);
  let plain: Buffer;
  try {
    plain = await gunzipAsync(compressed, { maxOutputLength: MAX_PLAINTEXT_BYTES, chunkSize: GUNZIP_CHUNK_BYTES });
  } catch (error) {
    return unreadable(error);
  }
  return decodeSnapshotInSlices(plain, count === null ? onEmployeeCount : undefined);
}

/** Output per step of the asynchronous gunzip: Node's default of 16 KiB took ~300 turns of the event loop at 5,000 employees. */
const GUNZIP_CHUNK_BYTES = 1024 * 1024;

/**
 * The header's employee count, decompressing only the header: it is the first gzip member on its
 * own (see encryptSnapshot). Its deflate stream starts after the 10-byte gzip header our writer
 * makes (no optional fields, FLG = 0: RFC 1952, section 2.3) and ends the inflation by itself; with
 * Z_SYNC_FLUSH as the finishing flush, input cut short is read as far as it goes instead of failing
 * (https://nodejs.org/api/zlib.html, "inspect only the beginning of a compressed file").
 * Null for anything else; the full decoding reports it then.
 */
function peekEmployeeCount(compressed: Buffer): number | null {
  const GZIP_HEADER_BYTES = 10;
  if (compressed.length < GZIP_HEADER_BYTES || compressed[0] !== 0x1f || compressed[1] !== 0x8b || compressed[3] !== 0) return null;
  try {
    const start = inflateRawSync(compressed.subarray(GZIP_HEADER_BYTES), {
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: MAX_PLAINTEXT_BYTES,
    });
    return employeeCountOf(start);
  } catch {
    return null;
  }
}

const unreadable = (error: unknown): ParseResult => ({ ok: false, reason: `decrypted but unreadable: ${errorMessage(error)}` });

/** The gzip bytes inside the envelope, or why there are none. */
function decipher(envelope: Buffer, key: Buffer): Buffer | Extract<ParseResult, { ok: false }> {
  if (key.length !== KEY_BYTES) return { ok: false, reason: `snapshot key must be ${KEY_BYTES} bytes` };
  if (envelope.length < HEADER.length + IV_BYTES + TAG_BYTES || !envelope.subarray(0, MAGIC.length).equals(MAGIC)) {
    return { ok: false, reason: 'not a snapshot file' };
  }
  const version = envelope[MAGIC.length];
  if (version !== ENVELOPE_VERSION) return { ok: false, reason: `envelope version ${String(version)}, expected ${ENVELOPE_VERSION}` };
  const ivStart = HEADER.length;
  const tagStart = ivStart + IV_BYTES;
  const dataStart = tagStart + TAG_BYTES;
  try {
    const aes = createDecipheriv('aes-256-gcm', key, envelope.subarray(ivStart, tagStart));
    aes.setAAD(HEADER);
    aes.setAuthTag(envelope.subarray(tagStart, dataStart));
    return Buffer.concat([aes.update(envelope.subarray(dataStart)), aes.final()]);
  } catch {
    return { ok: false, reason: DECRYPT_FAILED };
  }
}
