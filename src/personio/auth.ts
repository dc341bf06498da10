// Personio v1 bearer token: fetched once with POST /v1/auth (60 requests/min, then a cool-down, so
// never per request), shared by parallel calls, refreshed shortly before its 24 h lifetime ends.

import { HttpError, parseBody, type HttpClient } from '../http/index.js';
import { ConfigurationError } from './errors.js';
import { authResponse } from './wire.js';

const AUTH_ENDPOINT = '/v1/auth';
const DEFAULT_LIFETIME_S = 86_400;
const REFRESH_MARGIN_MS = 5 * 60_000;

export interface TokenSourceOptions {
  readonly http: HttpClient;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clock: () => number;
  readonly onToken?: (token: string) => void;
}

export class TokenSource {
  private current: { readonly token: string; readonly expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(private readonly options: TokenSourceOptions) {}

  /** A valid token, fetching one only when none is cached (concurrent callers share one fetch). */
  get(): Promise<string> {
    if (this.current !== null && this.options.clock() < this.current.expiresAt) return Promise.resolve(this.current.token);
    this.pending ??= this.fetch().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** After a 401 with `rejected`: fetch a new token unless another caller already did. */
  renew(rejected: string): Promise<string> {
    if (this.current?.token === rejected) this.current = null;
    return this.get();
  }

  private async fetch(): Promise<string> {
    let body: unknown;
    try {
      ({ body } = await this.options.http.request({
        method: 'POST',
        endpoint: AUTH_ENDPOINT,
        body: { client_id: this.options.clientId, client_secret: this.options.clientSecret },
        // Re-posting credentials returns the same token and creates nothing.
        idempotent: true,
      }));
    } catch (error) {
      if (error instanceof HttpError && error.status !== null && [400, 401, 403].includes(error.status)) {
        throw new ConfigurationError(
          `Personio rejected the API credentials (POST ${AUTH_ENDPOINT}: HTTP ${error.status}). Check the client id and client secret.`,
          { cause: error },
        );
      }
      throw error;
    }
    const { data } = parseBody(authResponse, body, 'personio', `POST ${AUTH_ENDPOINT}`);
    const lifetimeMs = (data.expires_in ?? DEFAULT_LIFETIME_S) * 1000;
    this.current = { token: data.token, expiresAt: this.options.clock() + Math.max(0, lifetimeMs - REFRESH_MARGIN_MS) };
    this.options.onToken?.(data.token);
    return data.token;
  }
}
