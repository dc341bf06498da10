import { describe, expect, it } from 'vitest';
import { leapsomeSchedule, lowerBoundMs, personioSchedule } from '../../../src/bench/bound.js';

describe('rate-limit schedules', () => {
  it('Personio: 15 per second, then 300 per minute', () => {
    expect([0, 14, 15, 29, 30].map(personioSchedule)).toEqual([0, 0, 1_000, 1_000, 2_000]);
    expect(personioSchedule(299)).toBe(19_000);
    expect(personioSchedule(300)).toBe(60_000);
  });

  it('Leapsome: 30 per second', () => {
    expect([0, 29, 30, 59, 60].map(leapsomeSchedule)).toEqual([0, 0, 1_000, 1_000, 2_000]);
  });
});

describe('lowerBoundMs', () => {
  const base = { rttMs: 20, scimUserPages: 1, scimGroupPages: 1, writes: 0, writePhases: 0 };

  it('one Personio page: auth, then the attribute check and the page together', () => {
    expect(lowerBoundMs({ ...base, personioPages: 1 })).toEqual({ readMs: 40, writeMs: 0, totalMs: 40 });
  });

  it('many pages: the attribute check takes slot 0 of the employees windows, the pages 1..P', () => {
    // 10 pages fit in one burst of 15: auth, check + page 0, the other pages = 3 round trips.
    expect(lowerBoundMs({ ...base, personioPages: 10 }).readMs).toBe(60);
    // 200 pages: the last is request 200 of the window, ⌊200/15⌋ = 13 s after the check.
    expect(lowerBoundMs({ ...base, personioPages: 200 }).readMs).toBe(40 + 13_000);
  });

  it('SCIM list pages bound the read when they are slower than Personio', () => {
    expect(lowerBoundMs({ ...base, personioPages: 1, scimUserPages: 40, scimGroupPages: 1 }).readMs).toBe(40 + 1_000);
  });

  it('writes: the Leapsome schedule for all of them plus one round trip per dependent step', () => {
    const bound = lowerBoundMs({ ...base, personioPages: 1, writes: 61, writePhases: 4 });
    expect(bound.writeMs).toBe(2_000 + 4 * 20);
    expect(bound.totalMs).toBe(bound.readMs + bound.writeMs);
  });
});
