// How a team's Personio source is written into its Leapsome externalId, and read back. The key is
// what identifies a team across runs; its name may change (a Personio rename, a team-names entry).
import { isTeamSource, type TeamSource } from '../domain/types.js';

const PREFIX = 'personio:';

/** `personio:<source>:<unit id>`; for a custom attribute the unit id is its value, trimmed and lower-cased. */
export const teamExternalId = (field: TeamSource, unitId: string): string => `${PREFIX}${field}:${unitId}`;

/** The source and unit of one of this sync's team externalIds, or null for any other externalId. */
export function parseTeamExternalId(externalId: string | null): { readonly field: TeamSource; readonly unitId: string } | null {
  if (externalId === null || !externalId.startsWith(PREFIX)) return null;
  const rest = externalId.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) return null;
  const field = rest.slice(0, colon);
  return isTeamSource(field) ? { field, unitId: rest.slice(colon + 1) } : null;
}

/** How Personio names are compared (team-names keys, custom attribute values, Leapsome team names). */
export const nameKey = (name: string): string => name.trim().toLowerCase();
