// A local fake of the GitHub Actions cache service v2, enough for the real @actions/cache to save
// and restore against it (what @actions/cache sends: https://github.com/actions/toolkit/tree/main/packages/cache):
// the three twirp methods, and an
// Azurite-shaped blob store for the signed upload/download URLs. Keys are immutable, lookups
// match exact-then-prefix on the key and each restore key, newest entry first.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.CacheService/';
const BLOB_PREFIX = '/devstoreaccount1/actions-cache/';

export type TwirpMethod = 'GetCacheEntryDownloadURL' | 'CreateCacheEntry' | 'FinalizeCacheEntryUpload';

export interface FakeCacheEntry {
  readonly id: number;
  readonly key: string;
  readonly version: string;
  /** Blocks uploaded with comp=block, by block id, until the block list assembles them. */
  readonly blocks: Map<string, Buffer>;
  data: Buffer | null;
  finalized: boolean;
}

/** A forced reply for one twirp method. */
export interface TwirpOverride {
  readonly status: number;
  readonly body: unknown;
}

export interface FakeCacheFaults {
  /** Every connection is dropped at once (the client sees ECONNRESET). For "refused", use closedPortUrl(). */
  down: boolean;
  /** GetCacheEntryDownloadURL answers 403 `cache read denied: …` (a token without read scope). */
  readDenied: boolean;
  /** CreateCacheEntry answers `ok:false` with `cache write denied: …` (a read-only token). */
  writeDenied: boolean;
  /** Per-method replies that win over everything else. Avoid 5xx: the client retries them with 3 s waits. */
  methods: Partial<Record<TwirpMethod, TwirpOverride>>;
  /** Every answer waits this long (a slow cache service). */
  latencyMs: number;
}

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  /** The twirp method, for twirp calls. */
  readonly twirp: TwirpMethod | null;
  /** Parsed JSON body of twirp calls. */
  readonly body: Readonly<Record<string, unknown>> | null;
  /** Epoch ms when the request arrived. */
  readonly at: number;
}

export interface FakeCacheServer {
  /** Base URL with a trailing slash, as ACTIONS_RESULTS_URL. */
  readonly url: string;
  readonly entries: readonly FakeCacheEntry[];
  readonly requests: readonly LoggedRequest[];
  readonly faults: FakeCacheFaults;
  /** The stored archive of a finalized entry. */
  blob(key: string): Buffer | null;
  close(): Promise<void>;
}

const TWIRP_METHODS: readonly TwirpMethod[] = ['GetCacheEntryDownloadURL', 'CreateCacheEntry', 'FinalizeCacheEntryUpload'];
const isTwirpMethod = (name: string): name is TwirpMethod => (TWIRP_METHODS as readonly string[]).includes(name);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const twirpError = (res: ServerResponse, status: number, code: string, msg: string): void => sendJson(res, status, { code, msg });

function blobHeaders(id: number): Record<string, string> {
  return {
    'x-ms-request-id': `fake-${id}-${Date.now()}`,
    'x-ms-version': '2026-02-06',
    etag: `"0x${id.toString(16)}"`,
    'last-modified': new Date().toUTCString(),
    date: new Date().toUTCString(),
  };
}

export async function startFakeCacheServer(): Promise<FakeCacheServer> {
  const entries: FakeCacheEntry[] = [];
  const requests: LoggedRequest[] = [];
  const faults: FakeCacheFaults = { down: false, readDenied: false, writeDenied: false, methods: {}, latencyMs: 0 };
  const sockets = new Set<Socket>();
  let base = '';
  let nextId = 1;

  const stringField = (body: Readonly<Record<string, unknown>>, name: string): string => {
    const value = body[name];
    return typeof value === 'string' ? value : '';
  };

  function twirp(method: TwirpMethod, body: Readonly<Record<string, unknown>>, res: ServerResponse): void {
    const forced = faults.methods[method];
    if (forced !== undefined) return sendJson(res, forced.status, forced.body);
    const key = stringField(body, 'key');
    const version = stringField(body, 'version');
    if (method === 'CreateCacheEntry') {
      if (faults.writeDenied) return sendJson(res, 200, { ok: false, message: 'cache write denied: token has no writable scopes' });
      const same = entries.filter((e) => e.key === key && e.version === version);
      if (same.some((e) => e.finalized))
        return twirpError(res, 409, 'already_exists', 'cache entry with the same key, version, and scope already exists');
      if (same.length > 0) return sendJson(res, 200, { ok: false, message: 'an upload for this key is already in progress' });
      const entry: FakeCacheEntry = { id: nextId++, key, version, blocks: new Map(), data: null, finalized: false };
      entries.push(entry);
      return sendJson(res, 200, { ok: true, signed_upload_url: `${base}${BLOB_PREFIX.slice(1)}${entry.id}?sig=FAKE` });
    }
    if (method === 'FinalizeCacheEntryUpload') {
      const entry = entries.find((e) => e.key === key && e.version === version && !e.finalized);
      if (entry === undefined) return sendJson(res, 200, { ok: false, message: 'no upload in progress for this key' });
      const size = Number(stringField(body, 'size_bytes'));
      if (entry.data === null || entry.data.length !== size) {
        return sendJson(res, 200, { ok: false, message: `size mismatch: got ${entry.data?.length ?? 0} bytes, expected ${size}` });
      }
      entry.finalized = true;
      return sendJson(res, 200, { ok: true, entry_id: String(entry.id) });
    }
    if (faults.readDenied) return twirpError(res, 403, 'permission_denied', 'cache read denied: token has no readable scopes');
    const restoreKeys = Array.isArray(body['restore_keys']) ? body['restore_keys'].filter((k): k is string => typeof k === 'string') : [];
    const candidates = entries.filter((e) => e.finalized && e.version === version).sort((a, b) => b.id - a.id);
    for (const wanted of [key, ...restoreKeys]) {
      const hit = candidates.find((e) => e.key === wanted) ?? candidates.find((e) => e.key.startsWith(wanted));
      if (hit !== undefined)
        return sendJson(res, 200, {
          ok: true,
          signed_download_url: `${base}${BLOB_PREFIX.slice(1)}${hit.id}?sig=FAKE`,
          matched_key: hit.key,
        });
    }
    return sendJson(res, 200, { ok: false });
  }

  function blob(req: IncomingMessage, url: URL, data: Buffer, res: ServerResponse): void {
    const entry = entries.find((e) => e.id === Number(url.pathname.slice(BLOB_PREFIX.length)));
    if (entry === undefined) {
      res.writeHead(404, { 'x-ms-error-code': 'BlobNotFound' }).end();
      return;
    }
    if (req.method === 'GET') {
      if (!entry.finalized || entry.data === null) {
        res.writeHead(404, { 'x-ms-error-code': 'BlobNotFound' }).end();
        return;
      }
      res.writeHead(200, { ...blobHeaders(entry.id), 'content-type': 'application/octet-stream', 'content-length': entry.data.length });
      res.end(entry.data);
      return;
    }
    if (req.method !== 'PUT' || entry.finalized) {
      res.writeHead(409, { 'x-ms-error-code': 'BlobImmutable' }).end();
      return;
    }
    const comp = url.searchParams.get('comp');
    if (comp === 'block') entry.blocks.set(url.searchParams.get('blockid') ?? '', data);
    else if (comp === 'blocklist') {
      const ids = [...data.toString('utf8').matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\//g)].map((m) => m[1] ?? '');
      entry.data = Buffer.concat(ids.map((id) => entry.blocks.get(id) ?? Buffer.alloc(0)));
    } else entry.data = data;
    res.writeHead(201, { ...blobHeaders(entry.id), 'content-length': 0 }).end();
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base);
      const at = Date.now();
      const data = await readBody(req);
      if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
      const name = url.pathname.startsWith(TWIRP_PREFIX) ? url.pathname.slice(TWIRP_PREFIX.length) : '';
      const twirpMethod = isTwirpMethod(name) ? name : null;
      let body: Record<string, unknown> | null = null;
      if (twirpMethod !== null) {
        try {
          const parsed: unknown = JSON.parse(data.toString('utf8') || '{}');
          body = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
        } catch {
          body = {};
        }
      }
      requests.push({ method: req.method ?? '', path: url.pathname, twirp: twirpMethod, body, at });
      if (twirpMethod !== null && body !== null) {
        if (!(req.headers.authorization ?? '').startsWith('Bearer '))
          return twirpError(res, 401, 'unauthenticated', 'missing Bearer token');
        return twirp(twirpMethod, body, res);
      }
      if (url.pathname.startsWith(TWIRP_PREFIX)) return twirpError(res, 404, 'bad_route', `no such method: ${name}`);
      if (url.pathname.startsWith(BLOB_PREFIX)) return blob(req, url, data, res);
      res.writeHead(404).end();
    })().catch((error: unknown) => {
      if (!res.headersSent) twirpError(res, 400, 'malformed', String(error));
    });
  });
  server.on('connection', (socket) => {
    if (faults.down) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    url: base,
    entries,
    requests,
    faults,
    blob: (key) => entries.find((e) => e.key === key && e.finalized)?.data ?? null,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A URL on which nothing listens: connections are refused, as when the cache service is down. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}
