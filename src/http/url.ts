// URL building. Query values are percent-encoded (spaces as %20, which SCIM filters need) and never
// appear in labels, errors or stats.

export type QueryValue = string | number | boolean | readonly (string | number)[];
export type Query = Readonly<Record<string, QueryValue | undefined>>;

export interface BaseUrl {
  readonly origin: string;
  /** Path prefix without a trailing slash, e.g. "/scim/v1" or "". */
  readonly pathPrefix: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Credentials travel in headers, so they go over https only, or over plain http to this machine
 * (tests, the sandbox, a local proxy). The settings check base URLs with this too.
 */
export function mayCarryCredentials(url: URL): boolean {
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
}

export function parseBaseUrl(raw: string, allowInsecureHttp: boolean): BaseUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError('base URL is not a valid absolute URL');
  }
  if (!mayCarryCredentials(url) && !(url.protocol === 'http:' && allowInsecureHttp)) {
    throw new TypeError(`base URL must use https (plain http is only allowed to loopback addresses): ${url.origin}`);
  }
  if (url.search !== '' || url.hash !== '') throw new TypeError('base URL must not contain a query or fragment');
  return { origin: url.origin, pathPrefix: url.pathname.replace(/\/+$/, '') };
}

export function buildPath(base: BaseUrl, path: string, query: Query | undefined): string {
  const normalised = path.startsWith('/') ? path : `/${path}`;
  const search = query ? encodeQuery(query) : '';
  return `${base.pathPrefix}${normalised}${search === '' ? '' : `?${search}`}`;
}

function encodeQuery(query: Query): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`);
  }
  return parts.join('&');
}
