// The source guard: a Personio response that suddenly holds far fewer people is far more likely
// a broken API, a wrong credential scope or a bad filter than a real exodus. Acting on it would
// deactivate everyone missing, so the run writes nothing and says why.
import type { Employee, PersonioStatus, Threshold } from '../domain/types.js';

export const MAX_SOURCE_DROP_INPUT = 'max-source-drop';

/**
 * Employees whose status is synced, each id once. Apply it to the snapshot and to the current
 * read alike (same statuses) so that the two numbers are comparable.
 */
export function inScopeCount(employees: readonly Employee[], statuses: readonly PersonioStatus[]): number {
  const wanted = new Set(statuses);
  const ids = new Set<string>();
  for (const employee of employees) if (wanted.has(employee.status)) ids.add(employee.id);
  return ids.size;
}

export interface SourceDropInput {
  /** In-scope count of the previous snapshot; null without a usable snapshot. */
  readonly previousInScope: number | null;
  readonly currentInScope: number;
  /** Every employee Personio returned, whatever their status. */
  readonly currentTotal: number;
  readonly maxDrop: Threshold;
  /** When the previous snapshot was taken, for the message. */
  readonly previousTakenAt?: string;
}

const showThreshold = (t: Threshold): string => (t.kind === 'percent' ? `${t.value}%` : String(t.value));
const percent = (part: number, whole: number): string => `${((part * 100) / whole).toFixed(1).replace(/\.0$/, '')}%`;

/** Null when the run may write; otherwise the explanation to fail with. */
export function checkSourceDrop({
  previousInScope,
  currentInScope,
  currentTotal,
  maxDrop,
  previousTakenAt,
}: SourceDropInput): string | null {
  if (currentTotal === 0) {
    const before = previousInScope === null ? '' : ` (the last run saw ${previousInScope} in scope)`;
    return (
      `Personio returned no employees at all${before}. Nothing was written to Leapsome: acting on an empty ` +
      `response would deactivate every managed user. This is always refused, whatever \`${MAX_SOURCE_DROP_INPUT}\` says; ` +
      `check the Personio credentials and their access rights.`
    );
  }
  if (previousInScope === null || previousInScope <= 0) return null;
  const drop = previousInScope - currentInScope;
  if (drop <= 0) return null;
  // Compared without division so that 20 % of 120 is exactly 24.
  const exceeded = maxDrop.kind === 'percent' ? drop * 100 > previousInScope * maxDrop.value : drop > maxDrop.value;
  if (!exceeded) return null;
  const allowed = maxDrop.kind === 'percent' ? Math.floor((previousInScope * maxDrop.value) / 100) : Math.floor(maxDrop.value);
  const since = previousTakenAt === undefined ? 'the last run' : `the last run (${previousTakenAt})`;
  const needed = maxDrop.kind === 'percent' ? `${Math.ceil((drop * 100) / previousInScope)}%` : String(drop);
  return (
    `Personio returned ${currentInScope} in-scope employees (of ${currentTotal} in total), ${drop} fewer than the ` +
    `${previousInScope} of ${since}: a drop of ${percent(drop, previousInScope)}, more than ` +
    `\`${MAX_SOURCE_DROP_INPUT}\` allows (${showThreshold(maxDrop)}, i.e. at most ${allowed}). Nothing was written to Leapsome. ` +
    `If the drop is real, run again with \`${MAX_SOURCE_DROP_INPUT}: ${needed}\` or more.`
  );
}
