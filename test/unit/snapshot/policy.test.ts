import { describe, expect, it } from 'vitest';
import { snapshotSaveDecision, type SaveDecisionInput } from '../../../src/snapshot/policy.js';

const ok: SaveDecisionInput = { cacheEnabled: true, eventName: 'schedule', personioReadComplete: true, mode: 'applied' };

describe('snapshotSaveDecision', () => {
  it('saves after a complete, applied run on a trusted event, or outside GitHub', () => {
    expect(snapshotSaveDecision(ok)).toEqual({ save: true });
    expect(snapshotSaveDecision({ ...ok, eventName: 'workflow_dispatch' })).toEqual({ save: true });
    expect(snapshotSaveDecision({ ...ok, eventName: null })).toEqual({ save: true });
  });

  it('does not save with cache off, on pull request events, after an incomplete read, a refusal or a dry run', () => {
    const refusals: Partial<SaveDecisionInput>[] = [
      { cacheEnabled: false },
      { eventName: 'pull_request' },
      { eventName: 'pull_request_target' },
      { personioReadComplete: false },
      { mode: 'refused' },
      { mode: 'dry-run' },
    ];
    for (const change of refusals)
      expect(snapshotSaveDecision({ ...ok, ...change }), JSON.stringify(change)).toMatchObject({ save: false, reason: expect.any(String) });
  });
});
