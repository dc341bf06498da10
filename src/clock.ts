// The run's clock. PLS_NOW is a test knob: an ISO 8601 instant with an offset (for example
// 2025-09-01T09:00:00Z) at which the run starts as far as the action is concerned; time then runs on
// from there. Tests and the demo use it to move `preboard-days` through the calendar. Never set it
// in a workflow: the plan, the snapshot and the summary would all carry the pretended time.
import { SettingsError } from './settings/errors.js';

export const CLOCK_VARIABLE = 'PLS_NOW';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** `() => new Date()`, or a clock that starts at PLS_NOW. Throws on a value that is not an instant. */
export function runClock(
  env: NodeJS.ProcessEnv = process.env,
  realNow: () => number = Date.now,
): { readonly now: () => Date; readonly pretended: string | null } {
  const raw = env[CLOCK_VARIABLE]?.trim() ?? '';
  if (raw === '') return { now: () => new Date(realNow()), pretended: null };
  const start = INSTANT.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(start))
    throw new SettingsError(
      `${CLOCK_VARIABLE} must be an ISO 8601 instant with an offset, such as 2025-09-01T09:00:00Z; got ${JSON.stringify(raw)}`,
    );
  const offset = start - realNow();
  return { now: () => new Date(realNow() + offset), pretended: new Date(start).toISOString() };
}
