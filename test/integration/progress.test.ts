// A long sync shows it is alive: the bundled action, at the sandbox's real rate limits, logs a
// bounded number of progress lines with honest done/total counts; a no-op logs none.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { sandboxInputs } from '../../src/sandbox/action-process.js';
import { divergences } from '../../src/sandbox/oracle.js';
import { runAction } from '../support/run-action.js';

let sandbox: Sandbox | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

const WRITES = ['POST /Users', 'PATCH /Users/:id', 'POST /Groups', 'PATCH /Groups/:id'];
const number = (text: string | undefined): number => Number((text ?? '').replace(/,/g, ''));

describe('progress in the Actions log', () => {
  it('logs a few lines with done/total while a first sync of 300 people writes, counting a retried write once', async () => {
    // Leapsome answers one write in ten with 429 (retried quickly): those attempts are not progress.
    sandbox = await startSandbox({
      company: { size: 300 },
      faults: { leapsome: { p429: 0.1, p429NoRetryAfter: 1, seed: 5, only: WRITES } },
    });
    const sb = sandbox;
    const first = await runAction({ inputs: { ...sandboxInputs(sb), cache: 'false' }, env: { PLS_HTTP_RETRY_SCALE: '0.01' } });
    expect(first.code, first.stdout).toBe(0);
    expect(divergences(sb)).toEqual([]);

    const answered = sb.writes().filter((r) => r.status >= 200 && r.status < 300).length;
    const refused = sb.writes().filter((r) => r.status === 429).length;
    expect(refused).toBeGreaterThan(10);
    // At Leapsome's 30 writes per second this takes well over 10 seconds, so progress must show.
    expect(answered).toBeGreaterThan(500);

    const log = first.stdout.split('\n');
    const progress = log.flatMap((line) => {
      const m = /^Writing to Leapsome(?: \([a-z ]+\))?: ([\d,]+)\/([\d,]+) writes(?:, ([\d,]+) failed)? \((\d+)%\)/.exec(line);
      return m === null ? [] : [{ done: number(m[1]), total: number(m[2]), failed: number(m[3]), line }];
    });
    // At most one line per 10 % (and per 10 s): bounded whatever the size.
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.length).toBeLessThanOrEqual(10);
    for (const [i, p] of progress.entries()) {
      expect(p.total, p.line).toBe(answered); // the plan's write count: every write once, retries not at all
      expect(p.done).toBeLessThan(p.total);
      expect(p.failed).toBe(0);
      if (i > 0) expect(p.done - (progress[i - 1]?.done ?? 0)).toBeGreaterThanOrEqual(answered / 10);
    }
    expect(progress.some((p) => /, about \d+ s left$|, about \dm \d\ds left$/.test(p.line))).toBe(true);
    const closing = log.find((line) => line.startsWith('Writing to Leapsome: ') && line.includes(' writes in '));
    expect(closing).toMatch(new RegExp(`^Writing to Leapsome: ${answered.toLocaleString('en-US')} writes in \\d+ s, [\\d.]+/s$`));

    sb.faults.leapsome.set({});
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a new run never starts inside the last one's rate window
    const noop = await runAction({ inputs: { ...sandboxInputs(sb), cache: 'false' } });
    expect(noop.code, noop.stdout).toBe(0);
    expect(noop.outputs['has-changes']).toBe('false');
    expect(noop.stdout).toContain('Read 300 Personio employees');
    expect(noop.stdout).not.toMatch(/^(Reading|Writing to)[^\n]*: [\d,]+(\/[\d,]+)? (records|writes)/m);
  });
});
