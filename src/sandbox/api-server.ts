// One request pipeline for both fake APIs: latency -> rate limit -> injected faults -> API logic ->
// (maybe) "applied but answered 5xx" -> request log. The APIs only supply routing and logic.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from './faults.js';
import {
  BodyTooLargeError,
  gatewayErrorPage,
  header,
  listen,
  readBody,
  tryParseJson,
  writeResponse,
  type RunningServer,
  type SandboxRequest,
  type SandboxResponse,
} from './http-util.js';
import { retryAfterSeconds } from './rate-limit.js';
import { queryToObject, type ApiName, type FaultKind, type RequestLog } from './request-log.js';
import { errorMessage } from '../shared/errors.js';

export interface Admission {
  /** 0 when the request may proceed, else ms until the limit frees up. */
  readonly waitMs: number;
  /** Whether the 429 carries a Retry-After header. */
  readonly retryAfter: boolean;
}

export interface ApiDefinition {
  readonly api: ApiName;
  /** Path template relative to the API root, e.g. `/Users/:id`; unknown paths map to themselves. */
  route(method: string, path: string): string;
  admit(req: SandboxRequest, route: string, now: number): Admission;
  handle(req: SandboxRequest, route: string): SandboxResponse;
  /** The API's own JSON error body for a status (used for 429s and JSON 500s). */
  errorResponse(status: number, message: string, headers?: Record<string, string>): SandboxResponse;
  /** The request body as it goes into the log; lets an API redact secrets. */
  logBody(req: SandboxRequest, route: string): unknown;
}

export interface PipelineDeps {
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly now: () => number;
  readonly logBodies: boolean;
}

export function defaultLogBody(req: SandboxRequest): unknown {
  if (req.body === '') return undefined;
  return tryParseJson(req.body) ?? req.body;
}

export async function startApiServer(def: ApiDefinition, deps: PipelineDeps, host: string, port: number): Promise<RunningServer> {
  let running: RunningServer | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = deps.now();
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    let body = '';
    let tooLarge = false;
    try {
      body = await readBody(req);
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) return; // client went away
      tooLarge = true;
    }
    const sreq: SandboxRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      remoteAddress: req.socket.remoteAddress ?? 'unknown',
    };
    const route = def.route(method, url.pathname);
    const seq = deps.log.nextSeq();
    const record = (status: number, fault: FaultKind | null): void => {
      const logged = deps.logBodies && method !== 'GET' && method !== 'HEAD' ? def.logBody(sreq, route) : undefined;
      deps.log.add({
        seq,
        api: def.api,
        method,
        path: url.pathname,
        route,
        query: queryToObject(url.searchParams),
        status,
        at,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        appId: header(req.headers, 'x-personio-app-id'),
        partnerId: header(req.headers, 'x-personio-partner-id'),
        fault,
        ...(logged === undefined ? {} : { body: logged }),
      });
    };
    const send = (response: SandboxResponse, fault: FaultKind | null): void => {
      writeResponse(res, response);
      record(response.status, fault);
    };

    if (tooLarge) return send(def.errorResponse(413, 'Request body too large'), null);

    const decision = deps.faults.decide(method, route);
    if (decision.latencyMs > 0 && running !== null) await running.delay(decision.latencyMs);
    if (decision.kind === 'hang') {
      record(0, 'hang'); // never answered; close() destroys the socket
      return;
    }
    const admission = def.admit(sreq, route, deps.now());
    if (admission.waitMs > 0) {
      const headers: Record<string, string> = admission.retryAfter ? { 'retry-after': String(retryAfterSeconds(admission.waitMs)) } : {};
      return send(def.errorResponse(429, 'Too Many Requests', headers), 'rateLimit');
    }
    switch (decision.kind) {
      case '429': {
        const headers: Record<string, string> = decision.retryAfter === null ? {} : { 'retry-after': String(decision.retryAfter) };
        return send(def.errorResponse(429, 'Too Many Requests', headers), '429');
      }
      case '5xx':
        return send(gatewayErrorPage(decision.status), '5xx');
      case '500':
        return send(def.errorResponse(500, 'Something went wrong'), '500');
      default:
        break;
    }
    let response: SandboxResponse;
    try {
      response = def.handle(sreq, route);
    } catch (err) {
      // A bug in the sandbox itself: answer loudly instead of crashing the test process.
      const message = errorMessage(err);
      return send(def.errorResponse(500, `sandbox error: ${message}`), null);
    }
    if (decision.kind === '5xxAfterWrite') return send(gatewayErrorPage(decision.status), '5xxAfterWrite');
    send(response, response.fault ?? null);
  };

  running = await listen(host, port, (req, res) => {
    void handle(req, res);
  });
  return running;
}
