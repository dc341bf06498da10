// Pulls a short, safe explanation out of an error response. Only string fields of a JSON body are
// considered (SCIM `detail`, Personio `error.message`, generic `message`): HTML error pages and
// anything else are dropped, and emails or tokens inside the text are masked.

const MAX_DETAIL_LENGTH = 200;

export function extractErrorDetail(bodyText: string): string | null {
  const parsed = parseJson(bodyText);
  if (parsed === undefined) return null;
  const candidate = pickMessage(parsed);
  return candidate === null ? null : sanitiseDetail(candidate);
}

export function sanitiseDetail(text: string): string | null {
  const cleaned = text
    .replace(/<[^>]*>/g, ' ') // HTML tags
    .replace(/Bearer\s+\S+/gi, 'Bearer <redacted>')
    .replace(/papi-[\w.-]+/g, '<redacted>')
    .replace(/[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g, '<email>')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '') return null;
  return cleaned.length > MAX_DETAIL_LENGTH ? `${cleaned.slice(0, MAX_DETAIL_LENGTH - 1)}…` : cleaned;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function pickMessage(body: unknown): string | null {
  if (!isRecord(body)) return null;
  const direct = firstString(body.detail, body.message, body.error_description, body.error);
  if (direct !== null) return direct;
  if (isRecord(body.error)) {
    const nested = firstString(body.error.message, body.error.detail);
    if (nested !== null) return nested;
  }
  if (Array.isArray(body.errors) && isRecord(body.errors[0])) {
    return firstString(body.errors[0].detail, body.errors[0].message, body.errors[0].title);
  }
  return null;
}

function firstString(...values: unknown[]): string | null {
  for (const value of values) if (typeof value === 'string' && value.trim() !== '') return value;
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
