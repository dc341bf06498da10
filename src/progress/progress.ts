// Progress of a long phase (reading both APIs, writing to Leapsome): what is done of how much, at
// what rate, and how long the rest will take. The code that does the work reports units as they
// really complete (a page parsed, a write answered); views decide what to show and how often: a
// bounded number of lines in a log (log-lines.ts), one line updated in place in a terminal.
import type { ApplyProgress } from '../domain/ports.js';

/** One phase as the code doing the work sees it: counts, the current step ("creating users"), its end. */
export interface ProgressPhase extends ApplyProgress {
  end(): void;
}

export interface Progress {
  start(title: string, unit: string): ProgressPhase;
}

export interface ProgressState {
  /** Tells phases apart when several run in one process. */
  readonly id: number;
  readonly title: string;
  readonly unit: string;
  readonly step: string | null;
  /** Succeeded plus failed. */
  readonly done: number;
  readonly failed: number;
  /** Null until the first total is known. */
  readonly total: number | null;
  readonly elapsedMs: number;
  /** Units per second lately; null until there is enough to tell. */
  readonly rate: number | null;
  /** Null when the rate or the total is not known. */
  readonly remainingMs: number | null;
}

export interface ProgressView {
  update(state: ProgressState): void;
  end(state: ProgressState): void;
}

const PHASE_DONE: ProgressPhase = { grow: () => undefined, advance: () => undefined, step: () => undefined, end: () => undefined };

/** For runs nobody watches (tests, the benchmark's inner loop). */
export const noProgress: Progress = { start: () => PHASE_DONE };

/** The rate is measured over about this long, so a pause or a change of pace shows soon. */
const RATE_WINDOW_MS = 20_000;
const SAMPLE_EVERY_MS = 1_000;
/** Before this, a rate is noise (connection set-up, the first burst). */
const RATE_AFTER_MS = 2_000;

let nextId = 1;

export function createProgress(views: readonly ProgressView[], clock: () => number = Date.now): Progress {
  return {
    start(title, unit) {
      const id = nextId++;
      const startedAt = clock();
      let total: number | null = null;
      let succeeded = 0;
      let failed = 0;
      let step: string | null = null;
      let ended = false;
      // (time, done) pairs at least a second apart, the oldest within the rate window first.
      const samples: Array<readonly [number, number]> = [[startedAt, 0]];

      const state = (): ProgressState => {
        const now = clock();
        const done = succeeded + failed;
        const last = samples[samples.length - 1];
        if (last !== undefined && now - last[0] >= SAMPLE_EVERY_MS) {
          samples.push([now, done]);
          while (samples.length > 2 && now - (samples[1]?.[0] ?? now) >= RATE_WINDOW_MS) samples.shift();
        }
        const [t0, d0] = samples[0] ?? [startedAt, 0];
        const rate = now - startedAt >= RATE_AFTER_MS && now > t0 ? ((done - d0) * 1000) / (now - t0) : null;
        const left = total === null ? null : Math.max(0, total - done);
        const remainingMs = left === null || rate === null || rate <= 0 ? (left === 0 ? 0 : null) : (left / rate) * 1000;
        return { id, title, unit, step, done, failed, total, elapsedMs: now - startedAt, rate, remainingMs };
      };
      const notify = (): void => {
        if (ended) return;
        const s = state();
        for (const view of views) view.update(s);
      };
      return {
        grow(units) {
          total = Math.max(0, (total ?? 0) + units);
          notify();
        },
        advance(ok, bad = 0) {
          succeeded += ok;
          failed += bad;
          notify();
        },
        step(label) {
          step = label;
          notify();
        },
        end() {
          if (ended) return;
          ended = true;
          const s = state();
          for (const view of views) view.end(s);
        },
      };
    },
  };
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** "45 s", "3m 05s", "1h 02m". */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

function rateText(rate: number): string {
  return rate >= 100 ? `${count(rate)}/s` : `${rate.toFixed(1)}/s`;
}

/** `Writing to Leapsome (creating users): 1,234/4,000 writes (31%), 29.9/s, about 1m 32s left`. */
export function progressText(s: ProgressState): string {
  const title = s.step === null ? s.title : `${s.title} (${s.step})`;
  const failed = s.failed > 0 ? `, ${count(s.failed)} failed` : '';
  const amount =
    s.total === null
      ? `${count(s.done)} ${s.unit}${failed}`
      : `${count(s.done)}/${count(s.total)} ${s.unit}${failed} (${s.total === 0 ? 100 : Math.floor((s.done / s.total) * 100)}%)`;
  const parts = [amount];
  if (s.rate !== null) parts.push(rateText(s.rate));
  if (s.remainingMs !== null && s.remainingMs >= 1_000 && s.total !== null && s.done < s.total)
    parts.push(`about ${duration(s.remainingMs)} left`);
  return `${title}: ${parts.join(', ')}`;
}

/** The line that closes a phase that showed progress: how much, how long, how fast. */
export function progressDoneText(s: ProgressState): string {
  const failed = s.failed > 0 ? `, ${count(s.failed)} failed` : '';
  const stopped = s.total !== null && s.done < s.total ? ` of ${count(s.total)} planned` : '';
  const rate = s.elapsedMs > 0 ? `, ${rateText((s.done * 1000) / s.elapsedMs)}` : '';
  return `${s.title}: ${count(s.done)}${stopped} ${s.unit}${failed} in ${duration(s.elapsedMs)}${rate}`;
}
