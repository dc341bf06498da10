// Plumbing shared by both fake APIs: a request/response value pair (so a handler's answer can be
// swapped for a fault after the change was applied), body reading, and a server that can be
// closed even while requests are deliberately left hanging.

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SandboxRequest {
  readonly method: string;
  /** Raw path without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Body as UTF-8 text ('' when none). */
  readonly body: string;
  readonly remoteAddress: string;
}

export interface SandboxResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Set by the API logic when it injected a fault of its own (records dropped from a page). */
  readonly fault?: 'dropRecord';
}

/**
 * Records rendered to JSON text, kept until `key` changes (the store's revision and whatever else
 * the rendering depends on). One thread serves both fake APIs and a real pair of servers renders a
 * burst of pages in parallel; rendering every record afresh made the fake's own delays show up in
 * the client's pacing (docs/speed.md).
 */
export class JsonCache<Id> {
  private key: string | null = null;
  private readonly texts = new Map<Id, string>();

  text(key: string, id: Id, render: () => unknown): string {
    if (key !== this.key) {
      this.texts.clear();
      this.key = key;
    }
    let text = this.texts.get(id);
    if (text === undefined) {
      text = JSON.stringify(render());
      this.texts.set(id, text);
    }
    return text;
  }
}

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

const REASONS: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** The page a reverse proxy (nginx) sends when the upstream fails: HTML, not the API's JSON. */
export function gatewayErrorPage(status: number): SandboxResponse {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return { status, headers: { 'content-type': 'text/html' }, body };
}

/** Reads a JSON value, or undefined when the text is not JSON. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/** The bearer token of an Authorization header; null when absent or not a Bearer header. */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const auth = header(headers, 'authorization');
  if (auth === null) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
  return match?.[1] ?? null;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function writeResponse(res: ServerResponse, response: SandboxResponse): void {
  if (res.writableEnded || res.destroyed) return;
  const body = response.body ?? '';
  res.writeHead(response.status, { ...response.headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  /** setTimeout that close() cancels, so pending latency never keeps the process alive. */
  delay(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 = random) and tracks sockets and timers so close() ends everything. */
export async function listen(
  host: string,
  port: number,
  onRequest: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer(onRequest);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    server,
    port: address.port,
    delay(ms) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      });
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        // Hung requests and idle keep-alive connections would otherwise hold close() open.
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
