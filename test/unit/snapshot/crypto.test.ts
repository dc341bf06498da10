import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  DECRYPT_FAILED,
  decryptSnapshot,
  decryptSnapshotInSlices,
  deriveSnapshotKey,
  encryptSnapshot,
} from '../../../src/snapshot/crypto.js';
import { encodeSnapshot } from '../../../src/snapshot/schema.js';
import { company, KEY, OTHER_KEY, snapshotOf } from './fixtures.js';

describe('encryptSnapshot / decryptSnapshot', () => {
  it('round-trips', () => {
    const snapshot = snapshotOf();
    expect(decryptSnapshot(encryptSnapshot(snapshot, KEY), KEY)).toEqual({ ok: true, snapshot });
  });

  it('leaves no plaintext in the envelope and uses a fresh IV every time', () => {
    const snapshot = snapshotOf();
    const a = encryptSnapshot(snapshot, KEY);
    const b = encryptSnapshot(snapshot, KEY);
    expect(a.equals(b)).toBe(false);
    // Needles long enough that random ciphertext cannot hold them by chance (a 2-byte "L1" did, about once in 50 runs).
    for (const needle of ['grace.hopper@acme.test', 'Hopper', 'Engineering', '"L1"']) expect(a.includes(needle)).toBe(false);
  });

  it('decrypts in slices (as the stores do, while the APIs are read) to exactly what decryptSnapshot gives', async () => {
    const big = snapshotOf(Array.from({ length: 1_200 }, (_, i) => ({ ...company()[0]!, id: String(i + 1), email: `p${i}@acme.test` })));
    const envelope = encryptSnapshot(big, KEY);
    expect(await decryptSnapshotInSlices(envelope, KEY)).toEqual(decryptSnapshot(envelope, KEY));
    expect(await decryptSnapshotInSlices(envelope, KEY)).toEqual({ ok: true, snapshot: big });
    expect(await decryptSnapshotInSlices(envelope, OTHER_KEY)).toEqual({ ok: false, reason: DECRYPT_FAILED });
    const old = encryptSnapshot({ ...big, schemaVersion: 1 } as unknown as typeof big, KEY);
    expect(await decryptSnapshotInSlices(old, KEY)).toEqual(decryptSnapshot(old, KEY));
  });

  it('reports the employee count of the header before the employees are decoded', async () => {
    const big = snapshotOf(Array.from({ length: 1_200 }, (_, i) => ({ ...company()[0]!, id: String(i + 1), email: `p${i}@acme.test` })));
    let decoded = false;
    const counts: [number, boolean][] = [];
    const result = decryptSnapshotInSlices(encryptSnapshot(big, KEY), KEY, (count) => counts.push([count, decoded]));
    void result.then(() => (decoded = true));
    expect(await result).toEqual({ ok: true, snapshot: big });
    expect(counts).toEqual([[1_200, false]]);
  });

  it('reports the employee count before any decompression waits on the thread pool', async () => {
    const big = snapshotOf(Array.from({ length: 3_000 }, (_, i) => ({ ...company()[0]!, id: String(i + 1), email: `p${i}@acme.test` })));
    const counts: number[] = [];
    const result = decryptSnapshotInSlices(encryptSnapshot(big, KEY), KEY, (count) => counts.push(count));
    // Synchronously, within the call: the Personio pages it sizes are asked for while the rest is decoded.
    expect(counts).toEqual([3_000]);
    expect(await result).toEqual({ ok: true, snapshot: big });
    expect(counts).toEqual([3_000]);
  });

  it('finds the count in a header too large for the first KiB of input, and reports nothing for a bad header', async () => {
    const ids = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [String(i + 1), `u-${(i * 7919).toString(36)}-${i}`]));
    const big = { ...snapshotOf(), leapsomeUserIds: ids };
    const counts: number[] = [];
    const result = decryptSnapshotInSlices(encryptSnapshot(big, KEY), KEY, (count) => counts.push(count));
    expect(counts).toEqual([big.employees.length]);
    expect(await result).toEqual({ ok: true, snapshot: big });
    const old = encryptSnapshot({ ...big, schemaVersion: 1 } as unknown as typeof big, KEY);
    const none: number[] = [];
    expect(await decryptSnapshotInSlices(old, KEY, (count) => none.push(count))).toMatchObject({ ok: false });
    expect(none).toEqual([]);
  });

  it('compresses chunk by chunk into one envelope that decrypts as a whole (several gzip members)', () => {
    const big = snapshotOf(Array.from({ length: 2_500 }, (_, i) => ({ ...company()[0]!, id: String(i + 1), email: `p${i}@acme.test` })));
    const envelope = encryptSnapshot(big, KEY);
    expect(decryptSnapshot(envelope, KEY)).toEqual({ ok: true, snapshot: big });
    // A compressed envelope: far smaller than the encoding it holds.
    expect(envelope.length).toBeLessThan(encodeSnapshot(big).length / 4);
  });

  it('refuses the wrong key', () => {
    expect(decryptSnapshot(encryptSnapshot(snapshotOf(), KEY), OTHER_KEY)).toEqual({ ok: false, reason: DECRYPT_FAILED });
  });

  it('detects tampering anywhere: ciphertext, tag, IV, length', () => {
    const envelope = encryptSnapshot(snapshotOf(), KEY);
    for (const offset of [envelope.length - 1, 40, 25, 6]) {
      const tampered = Buffer.from(envelope);
      tampered[offset] = (tampered[offset] ?? 0) ^ 0x01;
      expect(decryptSnapshot(tampered, KEY)).toEqual({ ok: false, reason: DECRYPT_FAILED });
    }
    const truncated = envelope.subarray(0, envelope.length - 3);
    expect(decryptSnapshot(truncated, KEY)).toEqual({ ok: false, reason: DECRYPT_FAILED });
  });

  it('names a foreign file, another envelope version and a short file, and never throws', () => {
    const envelope = encryptSnapshot(snapshotOf(), KEY);
    expect(decryptSnapshot(gzipSync(Buffer.from('{}')), KEY)).toEqual({ ok: false, reason: 'not a snapshot file' });
    expect(decryptSnapshot(Buffer.alloc(0), KEY)).toEqual({ ok: false, reason: 'not a snapshot file' });
    const v2 = Buffer.from(envelope);
    v2[4] = 1; // a snapshot written before the line format
    expect(decryptSnapshot(v2, KEY)).toEqual({ ok: false, reason: 'envelope version 1, expected 2' });
    expect(decryptSnapshot(envelope, Buffer.alloc(16))).toMatchObject({ ok: false });
  });

  it('checks the decrypted content against the schema (an old snapshot is ignored, with the reason)', () => {
    // Version 1 (before `fields`): employees without the attributes the settings read.
    const { attributes: _read, ...v1 } = {
      ...snapshotOf(),
      schemaVersion: 1,
      employees: snapshotOf().employees.map(({ attributes: _a, ...e }) => e),
    };
    expect(decryptSnapshot(encryptSnapshot(v1 as unknown as ReturnType<typeof snapshotOf>, KEY), KEY)).toEqual({
      ok: false,
      reason: 'schema version 1, expected 2',
    });
  });
});

describe('deriveSnapshotKey', () => {
  const credentials = { personioClientSecret: 'personio-secret', leapsomeToken: 'leapsome-token' };

  it('gives a stable 32-byte key from the credentials', () => {
    const key = deriveSnapshotKey(credentials);
    expect(key).toHaveLength(32);
    expect(deriveSnapshotKey(credentials).equals(key)).toBe(true);
  });

  it('changes when either credential is rotated, so the history starts afresh', () => {
    const key = deriveSnapshotKey(credentials);
    expect(deriveSnapshotKey({ ...credentials, personioClientSecret: 'rotated' }).equals(key)).toBe(false);
    expect(deriveSnapshotKey({ ...credentials, leapsomeToken: 'rotated' }).equals(key)).toBe(false);
    // No ambiguity in how the two are joined.
    const a = deriveSnapshotKey({ personioClientSecret: 'ab', leapsomeToken: 'c' });
    const b = deriveSnapshotKey({ personioClientSecret: 'a', leapsomeToken: 'bc' });
    expect(a.equals(b)).toBe(false);
  });

  it('uses snapshot-key when given, independent of the credentials; blank counts as absent', () => {
    const fromInput = deriveSnapshotKey({ ...credentials, snapshotKey: 'correct horse battery staple' });
    expect(fromInput).toHaveLength(32);
    expect(
      deriveSnapshotKey({ personioClientSecret: 'x', leapsomeToken: 'y', snapshotKey: ' correct horse battery staple\n' }).equals(
        fromInput,
      ),
    ).toBe(true);
    expect(fromInput.equals(deriveSnapshotKey(credentials))).toBe(false);
    expect(deriveSnapshotKey({ ...credentials, snapshotKey: '  ' }).equals(deriveSnapshotKey(credentials))).toBe(true);
  });

  it('refuses to derive a key from empty credentials', () => {
    expect(() => deriveSnapshotKey({ personioClientSecret: '', leapsomeToken: 'x' })).toThrow(/required/);
  });
});
