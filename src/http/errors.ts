// Errors raised by the request layer. Messages name only the API, the endpoint label (a path
// template) and the status: never a token, an email, a query value or a response body, because
// these messages end up in job summaries and logs.

export type ApiName = 'personio' | 'leapsome';

/** What went wrong: an HTTP status, a network failure, a timeout or a 2xx body we cannot read. */
export type HttpErrorKind = 'status' | 'network' | 'timeout' | 'invalid-body';

export interface HttpErrorInit {
  readonly api: ApiName;
  readonly method: string;
  /** Endpoint label, e.g. "PATCH /Users/:id". */
  readonly endpoint: string;
  readonly kind: HttpErrorKind;
  readonly status?: number | null;
  /** Short sanitised server explanation (JSON `detail`/`message` only). */
  readonly detail?: string | null;
  /** Network error code such as ECONNRESET. */
  readonly code?: string | null;
  readonly attempts?: number;
}

export class HttpError extends Error {
  readonly api: ApiName;
  readonly method: string;
  readonly endpoint: string;
  readonly kind: HttpErrorKind;
  readonly status: number | null;
  readonly detail: string | null;
  readonly code: string | null;
  readonly attempts: number;

  constructor(init: HttpErrorInit, summary?: string) {
    super(`${init.api} ${init.endpoint} failed: ${summary ?? describeFailure(init)}`);
    this.name = 'HttpError';
    this.api = init.api;
    this.method = init.method;
    this.endpoint = init.endpoint;
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.detail = init.detail ?? null;
    this.code = init.code ?? null;
    this.attempts = init.attempts ?? 1;
  }
}

/**
 * A non-idempotent request (a POST that creates) may or may not have been processed: it timed out,
 * the connection broke after sending, or the server answered 5xx. It is not retried blindly; the
 * caller must look at the remote state before trying again.
 */
export class UnknownOutcomeError extends HttpError {
  constructor(init: HttpErrorInit) {
    super(init, `outcome unknown (${describeFailure(init)}); check the remote state before retrying`);
    this.name = 'UnknownOutcomeError';
  }
}

/** A 2xx response whose JSON does not have the documented shape. Names the field path, never values. */
export class ResponseShapeError extends Error {
  readonly api: ApiName;
  readonly endpoint: string;
  readonly reason: string;

  constructor(api: ApiName, endpoint: string, reason: string) {
    super(`${api} ${endpoint} returned an unexpected response: ${reason}`);
    this.name = 'ResponseShapeError';
    this.api = api;
    this.endpoint = endpoint;
    this.reason = reason;
  }
}

function describeFailure(init: HttpErrorInit): string {
  switch (init.kind) {
    case 'status':
      return `HTTP ${init.status ?? '?'}`;
    case 'timeout':
      return 'timed out';
    case 'invalid-body':
      return `HTTP ${init.status ?? '?'} with a body that is not JSON`;
    case 'network':
      return `network error${init.code ? ` ${init.code}` : ''}`;
  }
}
