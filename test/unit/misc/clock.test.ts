import { describe, expect, it } from 'vitest';
import { runClock } from '../../../src/clock.js';

describe('the run clock and its test knob PLS_NOW', () => {
  it('is the real clock when unset', () => {
    const clock = runClock({}, () => 1_000);
    expect([clock.now().getTime(), clock.pretended]).toEqual([1_000, null]);
  });

  it('starts at PLS_NOW and runs on from there', () => {
    let real = 5_000;
    const clock = runClock({ PLS_NOW: '2025-09-01T09:00:00+02:00' }, () => real);
    expect(clock.now().toISOString()).toBe('2025-09-01T07:00:00.000Z');
    real += 1_500;
    expect(clock.now().toISOString()).toBe('2025-09-01T07:00:01.500Z');
    expect(clock.pretended).toBe('2025-09-01T07:00:00.000Z');
  });

  it('refuses anything but an instant with an offset', () => {
    for (const bad of ['2025-09-01', '2025-09-01T09:00:00', 'tomorrow', '2025-13-01T00:00:00Z']) {
      expect(() => runClock({ PLS_NOW: bad }), bad).toThrow(/PLS_NOW must be an ISO 8601 instant with an offset/);
    }
  });
});
