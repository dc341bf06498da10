// How the sync decides that a Leapsome value already matches the desired one. Shared by the
// planner (what to change) and the applier (what a freshly created user still lacks).
import { isCustomField } from './fields.js';
import type { UserAttributeName } from './types.js';

/** Leapsome shows this title when none was ever set. */
export const LEAPSOME_DEFAULT_TITLE = 'Colleague';

const blankToNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value.trim() === '' ? null : value;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** True when `current` (as read from Leapsome) already equals `desired` (from Personio) for this attribute. */
export function sameValue(name: UserAttributeName, current: string | null | undefined, desired: string | null | undefined): boolean {
  // The common case, checked first: the very same non-blank text.
  if (current === desired && typeof current === 'string' && current.trim() !== '') return true;
  const a = blankToNull(current);
  const b = blankToNull(desired);
  if (name === 'title' && b === null) return a === null || a === LEAPSOME_DEFAULT_TITLE;
  if (a === null || b === null) return a === b;
  // Emails are case-insensitive; gender is an enum Leapsome may echo in another case.
  if (name === 'userName' || name === 'gender') return a.toLowerCase() === b.toLowerCase();
  // A number custom attribute may come back as 40 for "40" or 1.5 for "1.50".
  if (isCustomField(name) && NUMBER.test(a.trim()) && NUMBER.test(b.trim())) return Number(a) === Number(b);
  return a === b;
}
