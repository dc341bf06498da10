// Emails identify people on both sides: a Personio work email is a Leapsome userName. They are
// compared ignoring case, as Leapsome treats userNames (and mail systems treat addresses).
import type { Employee } from '../domain/types.js';
import { compareIds } from './order.js';

/** The form in which emails are compared. */
export const emailKey = (email: string): string => email.toLowerCase();

/** Items grouped by email, each group in the order the items came; items without an email are left out. */
export function groupByEmail<T>(items: Iterable<T>, emailOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const email = emailOf(item);
    if (email === null) continue;
    const key = emailKey(email);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

/** Employees sharing an email, mapped to the ids of the others in their group: they are skipped. */
export function duplicateEmails(employees: readonly Employee[]): Map<string, string[]> {
  const others = new Map<string, string[]>();
  for (const group of groupByEmail(employees, (e) => e.email).values()) {
    if (group.length < 2) continue;
    const sorted = group.map((e) => e.id).sort(compareIds);
    for (const id of sorted)
      others.set(
        id,
        sorted.filter((other) => other !== id),
      );
  }
  return others;
}
