// Managed users whose employee is missing from Personio's listing. A listing can miss someone
// (offset pages shift when someone is hired or removed while they are read; a proxy drops a
// record), so absence alone never deactivates anyone: the pipeline looks each one up directly, and
// only a confirmed 404 deactivates. Everything here is pure; the lookups are the pipeline's.
import type { VanishedLookup } from '../domain/lifecycle.js';
import type { LeapsomeState, LeapsomeUser, PersonioState } from '../domain/types.js';
import { emailKey, groupByEmail } from './emails.js';
import { compareIds, looksLikePersonioId } from './order.js';

/** Lower-cased work email -> the Personio ids holding it. */
export function emailClaimants(personio: PersonioState): Map<string, string[]> {
  return new Map([...groupByEmail(personio.employees, (e) => e.email)].map(([email, employees]) => [email, employees.map((e) => e.id)]));
}

/** emailClaimants, computed on first use: a run where nobody vanished never needs it. */
export function lazyEmailClaimants(personio: PersonioState): () => ReadonlyMap<string, readonly string[]> {
  let claimants: Map<string, string[]> | null = null;
  return () => (claimants ??= emailClaimants(personio));
}

/** Every Personio id the reads returned, readable or not. */
export function knownPersonioIds(personio: PersonioState): Set<string> {
  const ids = new Set<string>();
  for (const record of personio.rejected) if (record.recordId !== null) ids.add(record.recordId);
  for (const employee of personio.employees) ids.add(employee.id);
  return ids;
}

/**
 * An active user carrying a Personio-shaped externalId that the listing did not return, and whose
 * email no Personio employee holds (that would be the same person under a new id: never deactivated,
 * so nothing to confirm).
 */
export function isVanished(
  user: LeapsomeUser,
  known: ReadonlySet<string>,
  claimants: () => ReadonlyMap<string, readonly string[]>,
): boolean {
  const id = user.externalId;
  return user.active && id !== null && looksLikePersonioId(id) && !known.has(id) && !claimants().has(emailKey(user.userName));
}

/** The Personio ids to look up before planning, sorted; none in a run where nobody vanished. */
export function vanishedEmployeeIds(personio: PersonioState, leapsome: LeapsomeState): string[] {
  const known = knownPersonioIds(personio);
  const claimants = lazyEmailClaimants(personio);
  const ids = new Set<string>();
  for (const user of leapsome.users) if (isVanished(user, known, claimants) && user.externalId !== null) ids.add(user.externalId);
  return [...ids].sort(compareIds);
}

export type VanishedDecision =
  { readonly kind: 'deactivate'; readonly reason: string } | { readonly kind: 'keep'; readonly detail: string };

/** What happens to the user of a vanished employee, given the lookup (undefined: none was made). */
export function decideVanished(lookup: VanishedLookup | undefined): VanishedDecision {
  if (lookup?.kind === 'gone') return { kind: 'deactivate', reason: 'no longer in Personio (a direct lookup answered 404)' };
  const why =
    lookup === undefined
      ? 'no lookup was made'
      : lookup.kind === 'failed'
        ? `looking the employee up failed: ${lookup.reason}`
        : 'the lookup found the employee, but the record is missing';
  return { kind: 'keep', detail: `missing from Personio's employee list and not confirmed gone (${why}); not deactivated this run` };
}
