// Stable orderings. Plain code-unit comparisons (never localeCompare) so that the plan is identical
// on every machine and locale.

const DIGITS = /^\d+$/;

/** True for ids shaped like Personio ids (all digits). */
export const looksLikePersonioId = (value: string): boolean => DIGITS.test(value);

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Numeric ids in numeric order ("9" before "10"), all of them before any other id, which sort as
 * text. Keeping the two groups apart makes this a total order (mixing them would not be transitive).
 */
export function compareIds(a: string, b: string): number {
  const da = DIGITS.test(a);
  const db = DIGITS.test(b);
  if (da && db) return a.length - b.length || compareText(a, b);
  if (da !== db) return da ? -1 : 1;
  return compareText(a, b);
}

/** Nulls last. */
export function compareNullableIds(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareIds(a, b);
}
