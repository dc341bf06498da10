import { describe, expect, it } from 'vitest';
import type { Threshold } from '../../../src/domain/types.js';
import { checkSourceDrop, inScopeCount } from '../../../src/plan/source-guard.js';
import { employee } from './builders.js';

const TWENTY_PERCENT: Threshold = { kind: 'percent', value: 20 };

describe('checkSourceDrop', () => {
  it('always refuses when Personio returns no employees at all, with or without a snapshot', () => {
    for (const previousInScope of [null, 0, 120]) {
      const reason = checkSourceDrop({ previousInScope, currentInScope: 0, currentTotal: 0, maxDrop: { kind: 'percent', value: 100 } });
      expect(reason).toMatch(/Personio returned no employees at all/);
      expect(reason).toContain('`max-source-drop`');
      expect(reason).toMatch(/Nothing was written/);
    }
    expect(checkSourceDrop({ previousInScope: 120, currentInScope: 0, currentTotal: 0, maxDrop: TWENTY_PERCENT })).toContain(
      'the last run saw 120 in scope',
    );
  });

  it('refuses a 50 % drop against the default 20 %, naming the numbers and the input', () => {
    const reason = checkSourceDrop({
      previousInScope: 120,
      currentInScope: 60,
      currentTotal: 75,
      maxDrop: TWENTY_PERCENT,
      previousTakenAt: '2026-11-23T06:00:00Z',
    });
    expect(reason).toBe(
      'Personio returned 60 in-scope employees (of 75 in total), 60 fewer than the 120 of the last run (2026-11-23T06:00:00Z): ' +
        'a drop of 50%, more than `max-source-drop` allows (20%, i.e. at most 24). Nothing was written to Leapsome. ' +
        'If the drop is real, run again with `max-source-drop: 50%` or more.',
    );
  });

  it('allows a drop within the threshold, exactly at it, and any growth', () => {
    expect(checkSourceDrop({ previousInScope: 120, currentInScope: 100, currentTotal: 130, maxDrop: TWENTY_PERCENT })).toBeNull();
    expect(checkSourceDrop({ previousInScope: 120, currentInScope: 96, currentTotal: 130, maxDrop: TWENTY_PERCENT })).toBeNull();
    expect(checkSourceDrop({ previousInScope: 120, currentInScope: 95, currentTotal: 130, maxDrop: TWENTY_PERCENT })).toMatch(
      /drop of 20\.8%/,
    );
    expect(checkSourceDrop({ previousInScope: 120, currentInScope: 500, currentTotal: 600, maxDrop: TWENTY_PERCENT })).toBeNull();
  });

  it('takes a count threshold as a number of people', () => {
    const count: Threshold = { kind: 'count', value: 10 };
    expect(checkSourceDrop({ previousInScope: 120, currentInScope: 110, currentTotal: 110, maxDrop: count })).toBeNull();
    expect(checkSourceDrop({ previousInScope: 120, currentInScope: 109, currentTotal: 109, maxDrop: count })).toMatch(
      /allows \(10, i\.e\. at most 10\).*`max-source-drop: 11`/,
    );
  });

  it('without a snapshot only the empty check applies', () => {
    expect(checkSourceDrop({ previousInScope: null, currentInScope: 1, currentTotal: 1, maxDrop: TWENTY_PERCENT })).toBeNull();
    expect(checkSourceDrop({ previousInScope: 0, currentInScope: 0, currentTotal: 5, maxDrop: TWENTY_PERCENT })).toBeNull();
  });

  it('refuses when everyone drops out of scope (people returned, none synced)', () => {
    expect(checkSourceDrop({ previousInScope: 10, currentInScope: 0, currentTotal: 10, maxDrop: TWENTY_PERCENT })).toMatch(/drop of 100%/);
  });
});

describe('inScopeCount', () => {
  it('counts each id once, among the synced statuses only', () => {
    const employees = [
      employee({ id: '1' }),
      employee({ id: '1' }),
      employee({ id: '2', status: 'leave' }),
      employee({ id: '3', status: 'inactive' }),
    ];
    expect(inScopeCount(employees, ['active', 'leave'])).toBe(2);
    expect(inScopeCount(employees, ['inactive'])).toBe(1);
  });
});
