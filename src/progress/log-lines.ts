// Progress as lines in a log that is read later or scrolls by (the Actions log, a redirected
// terminal): a line at most every ~10 seconds or 10 %, whichever is rarer, so a 20,000-person first
// sync writes about ten lines per phase, and a run that finishes in a few seconds writes none.
import { progressDoneText, progressText, type ProgressState, type ProgressView } from './progress.js';

export interface LogLinesOptions {
  readonly minIntervalMs?: number;
  /** Of the total; a phase whose total is unknown prints by time alone. */
  readonly minFraction?: number;
}

export function logLinesView(write: (line: string) => void, options: LogLinesOptions = {}): ProgressView {
  const minIntervalMs = options.minIntervalMs ?? 10_000;
  const minFraction = options.minFraction ?? 0.1;
  /** Per phase: when the last line was written (ms into the phase) and at what fraction. */
  const last = new Map<number, { atMs: number; fraction: number }>();
  return {
    update(s: ProgressState) {
      const previous = last.get(s.id) ?? { atMs: 0, fraction: 0 };
      if (s.elapsedMs - previous.atMs < minIntervalMs) return;
      const fraction = s.total === null || s.total === 0 ? null : s.done / s.total;
      if (fraction !== null && fraction - previous.fraction < minFraction) return;
      last.set(s.id, { atMs: s.elapsedMs, fraction: fraction ?? 0 });
      write(progressText(s));
    },
    end(s: ProgressState) {
      // Only a phase that showed progress gets a closing line; a short one stays silent.
      if (last.has(s.id)) write(progressDoneText(s));
      last.delete(s.id);
    },
  };
}
