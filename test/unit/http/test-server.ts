// Tiny node:http servers for tests: record every request (arrival time, headers, body) and let
// the test decide the answer, including hanging and resetting connections.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** Raw request target, query included. */
  readonly target: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** performance.now() at arrival. */
  readonly at: number;
}

export type Handler = (request: RecordedRequest, response: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface TestServer {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Requests currently being handled. */
  inFlight(): number;
  close(): Promise<void>;
}

export async function startServer(handler: Handler, port = 0): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  let active = 0;
  const server: Server = createServer((raw, response) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const target = raw.url ?? '/';
      const parsed = new URL(target, 'http://localhost');
      const request: RecordedRequest = {
        method: raw.method ?? 'GET',
        path: parsed.pathname,
        query: parsed.searchParams,
        target,
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at,
      };
      requests.push(request);
      active += 1;
      response.on('close', () => {
        active -= 1;
      });
      Promise.resolve(handler(request, response, raw)).catch((error: unknown) => {
        response.statusCode = 599;
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    inFlight: () => active,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export function sendText(response: ServerResponse, status: number, text: string, contentType = 'text/html'): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** A clock that only moves when the code under test sleeps: retries and pacing run instantly. */
export function fakeTime(start = Date.now()) {
  const sleeps: number[] = [];
  let now = start;
  return {
    sleeps,
    clock: () => now,
    sleep: (ms: number): Promise<void> => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}
