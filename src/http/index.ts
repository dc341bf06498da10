export {
  createHttpClient,
  DEFAULT_RETRY_POLICY,
  type HttpClient,
  type HttpClientOptions,
  type HttpMethod,
  type HttpOverrides,
  type HttpRequest,
  type HttpResponse,
} from './client.js';
export { HttpError, ResponseShapeError, UnknownOutcomeError, type ApiName, type HttpErrorKind } from './errors.js';
export { parseBody, describeIssues } from './parse.js';
export type { WindowLimit } from './pacer.js';
export type { RetryPolicy } from './retry.js';
export type { HttpStats, Outcome } from './stats.js';
export type { Query } from './url.js';
