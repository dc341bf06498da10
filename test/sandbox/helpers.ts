// Plain-fetch helpers for the sandbox wire tests: nothing here knows our own API clients.
import type { Sandbox } from '../../src/sandbox/index.js';

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON body (undefined when the body is not JSON). */
  readonly body: unknown;
}

export async function call(url: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** Narrow a JSON body for assertions. */
export function obj(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

export function arr(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`not an array: ${JSON.stringify(value)}`);
  return value;
}

export async function personioToken(sb: Sandbox): Promise<string> {
  const reply = await call(`${sb.personioUrl}/v1/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: sb.credentials.personioClientId, client_secret: sb.credentials.personioClientSecret }),
  });
  const token = obj(obj(reply.body).data).token;
  if (typeof token !== 'string') throw new Error(`no token: ${reply.text}`);
  return token;
}

export function personioGet(sb: Sandbox, token: string, pathAndQuery: string): Promise<Reply> {
  return call(`${sb.personioUrl}${pathAndQuery}`, { headers: { authorization: `Bearer ${token}`, 'x-personio-app-id': 'SANDBOX_TEST' } });
}

/** A SCIM call with the sandbox token and a JSON body. */
export function scim(sb: Sandbox, method: string, path: string, body?: unknown, token = sb.credentials.leapsomeToken): Promise<Reply> {
  return call(`${sb.leapsomeUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Employee records of a Personio list page, as attribute maps. */
export function records(reply: Reply): Record<string, unknown>[] {
  return arr(obj(reply.body).data).map((r) => obj(obj(r).attributes));
}

/** `attributes[key].value` of a Personio record. */
export function value(record: Record<string, unknown>, key: string): unknown {
  return obj(record[key]).value;
}
