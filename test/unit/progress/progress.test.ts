// Progress: honest counts, rate and time left, and how often a log gets a line.
import { describe, expect, it } from 'vitest';
import { logLinesView } from '../../../src/progress/log-lines.js';
import { createProgress, duration, progressText, type ProgressState, type ProgressView } from '../../../src/progress/progress.js';

function recorder(): ProgressView & { states: ProgressState[]; ended: ProgressState[] } {
  const states: ProgressState[] = [];
  const ended: ProgressState[] = [];
  return { states, ended, update: (s) => states.push(s), end: (s) => ended.push(s) };
}

describe('a progress phase', () => {
  it('counts done (succeeded and failed) against a total that grows and shrinks', () => {
    let now = 0;
    const view = recorder();
    const phase = createProgress([view], () => now).start('Writing to Leapsome', 'writes');
    phase.grow(100);
    phase.step('creating users');
    phase.advance(10);
    phase.advance(0, 2);
    phase.grow(-8);
    now = 4_000;
    phase.advance(20);
    phase.end();
    const last = view.states.at(-1)!;
    expect(last).toMatchObject({ title: 'Writing to Leapsome', step: 'creating users', done: 32, failed: 2, total: 92 });
    expect(view.ended).toHaveLength(1);
    phase.advance(1); // after the end: ignored
    expect(view.states.at(-1)).toBe(last);
  });

  it('measures the rate lately and estimates the time left from it', () => {
    let now = 0;
    const view = recorder();
    const phase = createProgress([view], () => now).start('Writing to Leapsome', 'writes');
    phase.grow(9_000);
    // 30 per second for a minute, then a pause of 30 s (a 429 storm), then 30 per second again.
    for (let s = 1; s <= 60; s++) {
      now = s * 1_000;
      phase.advance(30);
    }
    expect(view.states.at(-1)!.rate).toBeCloseTo(30, 0);
    expect(view.states.at(-1)!.remainingMs).toBeCloseTo(((9_000 - 1_800) / 30) * 1_000, -3);
    now = 90_000;
    phase.advance(1);
    expect(view.states.at(-1)!.rate).toBeLessThan(15);
  });

  it('reads as one line: step, done/total, percentage, rate, time left', () => {
    const state: ProgressState = {
      id: 1,
      title: 'Writing to Leapsome',
      unit: 'writes',
      step: 'creating users',
      done: 1_234,
      failed: 3,
      total: 4_000,
      elapsedMs: 40_000,
      rate: 29.94,
      remainingMs: 92_000,
    };
    expect(progressText(state)).toBe('Writing to Leapsome (creating users): 1,234/4,000 writes, 3 failed (30%), 29.9/s, about 1m 32s left');
    expect(progressText({ ...state, step: null, failed: 0, total: null, rate: null, remainingMs: null })).toBe(
      'Writing to Leapsome: 1,234 writes',
    );
    expect([duration(45_000), duration(185_000), duration(3_725_000)]).toEqual(['45 s', '3m 05s', '1h 02m']);
  });
});

describe('progress lines in a log', () => {
  function simulate(totalWrites: number, perSecond: number): string[] {
    let now = 0;
    const lines: string[] = [];
    const phase = createProgress([logLinesView((l) => lines.push(l))], () => now).start('Writing to Leapsome', 'writes');
    phase.grow(totalWrites);
    for (let done = 0; done < totalWrites; done++) {
      now = Math.round(((done + 1) / perSecond) * 1000);
      phase.advance(1);
    }
    phase.end();
    return lines;
  }

  it('writes about ten lines for a 20-minute first sync, each with done/total', () => {
    const lines = simulate(36_733, 30); // a 20,000-person first sync at Leapsome's 30/s
    expect(lines.length).toBeGreaterThanOrEqual(9);
    expect(lines.length).toBeLessThanOrEqual(11);
    const done = lines.slice(0, -1).map((l) => Number(/: ([\d,]+)\/36,733 writes/.exec(l)?.[1]?.replace(/,/g, '')));
    expect(done.every((d, i) => d > (done[i - 1] ?? 0))).toBe(true);
    expect(lines.at(-1)).toMatch(/^Writing to Leapsome: 36,733 writes in 20m 2\ds, 30\.0\/s$/);
  });

  it('waits 10 seconds between lines when 10 % goes faster, and 10 % when 10 seconds go faster', () => {
    const fast = simulate(3_000, 30); // 100 s: 10 % every 10 s
    expect(fast.length).toBeLessThanOrEqual(11);
    const short = simulate(600, 30); // 20 s: 10 % every 2 s, so the 10 s rule decides
    expect(short.length).toBeLessThanOrEqual(3);
    expect(short.length).toBeGreaterThanOrEqual(2);
  });

  it('writes nothing for a phase that ends within a few seconds', () => {
    expect(simulate(240, 30)).toEqual([]); // 8 s
  });
});
