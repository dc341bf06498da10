// The terminal rendering of a run: the same changes as the job summary's diff, for a person.
import { describe, expect, it } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import { diffBlocks } from '../../../src/report/diff.js';
import { renderTerminal, type TerminalOptions } from '../../../src/report/terminal.js';
import { displayWidth, layout } from '../../../src/report/text-layout.js';
import type { RunOutcome } from '../../../src/run/outcome.js';
import { createOp, deactivateOp, dryRun, planOf, teamUpdate, updateOp } from './fixtures.js';

const plain: TerminalOptions = { colour: false, width: null, full: false, detail: 'full' };
const SGR = /\u001b\[[0-9;]*m/; // eslint-disable-line no-control-regex -- what colour looks like on the wire

const sample = planOf([createOp(1, 'Ada'), updateOp(2, 'Bob'), deactivateOp(3, 'Cy')], [teamUpdate('Sales', ['Ada'], ['Cy'])]);

function applied(plan = sample, extra: Partial<RunOutcome> = {}): RunOutcome {
  const counts = {
    created: 1,
    updated: 1,
    reactivated: 0,
    deactivated: 1,
    teamsCreated: 0,
    teamsRenamed: 0,
    membershipChanges: 2,
    managerChanges: 2,
    takenOver: 0,
  };
  return {
    ...dryRun(plan),
    mode: 'applied',
    apply: { refused: null, failures: [], counts, createdUserIds: new Map(), createdTeamIds: new Map() },
    ...extra,
  };
}

describe('the terminal rendering', () => {
  it('shows the same +/~/- changes as the job summary, grouped by users, teams, memberships and managers', () => {
    const text = renderTerminal(dryRun(sample), plain);
    // One model, two renderers: every line of the Markdown diff is a line of the terminal's, indented.
    for (const block of diffBlocks(sample)) {
      for (const line of block.entries.flat()) expect(text).toContain(`  ${line}\n`);
    }
    expect(text).toContain('\nUsers (+1 ~1 -1)\n');
    expect(text).toContain('\nMemberships (+1 -1)\n');
    expect(text).toContain('\nManagers (~2)\n');
    expect(text).toContain('  ~    title: Engineer → Lead  (overrides a manual edit in Leapsome)\n');
    expect(text).toContain('\nPlan: 2 to add, 3 to change, 2 to remove.\n');
    expect(text).not.toMatch(SGR);
  });

  it('ends with what the apply did, or says there was nothing to do', () => {
    expect(renderTerminal(applied(), plain)).toContain(
      '\nApply complete: 1 user created, 1 user updated, 1 user deactivated, 2 membership changes, 2 manager changes.\n',
    );
    expect(renderTerminal(dryRun(planOf([])), plain)).toContain('\nNo changes: Leapsome already matches Personio.\n');
    const refused = renderTerminal(
      {
        ...dryRun(sample),
        mode: 'refused',
        refusedReason: '9 deactivations planned, above the `max-deactivations` limit of 2. Nothing was written.',
      },
      plain,
    );
    expect(refused).toContain('\nerror: 9 deactivations planned');
    expect(refused).toContain('\nRefused: nothing was written to Leapsome.\n');
  });

  it('reports failures, skipped records and warnings as error: and warning: lines', () => {
    const plan = planOf([createOp(1, 'Ada')], [], {
      skipped: [
        {
          reason: 'duplicate-email',
          person: { employeeId: '9', leapsomeId: null, name: 'Dee', email: 'dee@example.com' },
          detail: 'shared with Ada',
        },
      ],
      warnings: [{ person: null, message: 'manager Bea Boss is out of scope' }],
    });
    const failures = [
      {
        person: { employeeId: '1', leapsomeId: null, name: 'Ada', email: 'p1@example.com' },
        team: null,
        operation: 'create user',
        reason: 'leapsome POST /Users: 400',
      },
    ];
    const text = renderTerminal(
      applied(plan, {
        apply: { refused: null, failures, counts: applied().apply!.counts, createdUserIds: new Map(), createdTeamIds: new Map() },
      }),
      plain,
    );
    expect(text).toContain('\nerror: failed to create user for Ada <p1@example.com>: leapsome POST /Users: 400\n');
    expect(text).toContain('\nerror: skipped Dee <dee@example.com> (Personio id 9): duplicate-email: shared with Ada\n');
    expect(text).toContain('\nwarning: manager Bea Boss is out of scope\n');
    expect(text).toContain('Apply finished with errors:');
    expect(text).toContain('; 2 failed or skipped.');
  });

  it('colours + green, - red and the new value of a ~ line, only when asked', () => {
    const text = renderTerminal(dryRun(sample), { ...plain, colour: true });
    expect(text).toContain('\u001b[32m+ Ada');
    expect(text).toContain('\u001b[31m- Cy');
    expect(text).toContain('\u001b[33m~ ');
    expect(stripVTControlCharacters(text)).toBe(renderTerminal(dryRun(sample), plain));
  });

  it('folds long lists with a count, and shows them whole with --full', () => {
    const many = planOf(Array.from({ length: 4_237 }, (_, i) => createOp(i)));
    const text = renderTerminal(dryRun(many), plain);
    expect(text).toContain('  … and 4,212 more; --full to show all\n');
    expect(text.split('\n').length).toBeLessThan(150);
    const full = renderTerminal(dryRun(many), { ...plain, full: true });
    expect(full).not.toContain('more; --full');
    expect(full).toContain('Person 4236 <p4236@example.com>');
  });

  it('shows the start of a team too large for the fold, then counts the rest', () => {
    const big = planOf(
      [],
      [
        teamUpdate(
          'Engineering',
          Array.from({ length: 60 }, (_, i) => `Member ${i}`),
          [],
        ),
      ],
    );
    const text = renderTerminal(dryRun(big), plain);
    expect(text).toContain('  ~ Engineering\n  +    Member 0\n');
    expect(text).toMatch(/… and 3\d more lines\n/);
  });

  it('fits every line to the terminal width, wrapping under the text', () => {
    const long = planOf([
      createOp(
        1,
        'Maximiliane Alexandra von und zu Hohenlohe-Schillingsfürst',
        'maximiliane.alexandra.von.und.zu.hohenlohe-schillingsfuerst@example.com',
      ),
    ]);
    for (const width of [40, 60, 80]) {
      const text = renderTerminal(dryRun(long), { ...plain, colour: true, width });
      for (const line of text.split('\n')) expect(displayWidth(stripVTControlCharacters(line)), line).toBeLessThanOrEqual(width);
      // Nothing is lost: the email, hard-broken where no space allows, reads whole when joined.
      expect(stripVTControlCharacters(text).replace(/\n +/g, '')).toContain(
        'maximiliane.alexandra.von.und.zu.hohenlohe-schillingsfuerst@example.com>',
      );
    }
    expect(
      layout({ colour: false, width: 20 }, [{ text: '  + ' }], [{ text: 'Zhang 张伟伟伟伟伟伟伟伟伟 Wei' }], 4)
        .map(displayWidth)
        .every((w) => w <= 20),
    ).toBe(true);
  });

  it('measures text in terminal columns: wide and fullwidth characters two, combining marks none', () => {
    expect(displayWidth('Zoe Walter')).toBe(10);
    expect(displayWidth('张伟')).toBe(4);
    expect(displayWidth('Ｚｏｅ')).toBe(6); // fullwidth Latin
    expect(displayWidth('ﾊﾅ')).toBe(2); // halfwidth katakana
    expect(displayWidth('🚀 ⌚')).toBe(5); // emoji outside the blocks a hand-made table would list
    expect(displayWidth('José')).toBe(4);
    expect(displayWidth('Jose\u0301')).toBe(4); // e + combining acute accent
    expect(displayWidth('→ … €')).toBe(5); // ambiguous width: one column outside East Asian locales
  });

  it('never lets a name carry escape sequences, line breaks, HTML entities or workflow commands to the terminal', () => {
    const hostile = 'Eve\u001b[2J\u001b]0;pwned\u0007\n::error::x & <b>\u202Eevil';
    const plan = planOf([createOp(1, hostile), deactivateOp(2, 'O\'Brien "quoted" | pipe')], [], {
      warnings: [{ person: null, message: `boss ${hostile}` }],
    });
    for (const colour of [false, true]) {
      const text = renderTerminal(dryRun(plan), { ...plain, colour });
      expect(stripVTControlCharacters(text)).not.toContain('\u001b');
      expect(text).not.toContain('\u0007');
      expect(text).not.toContain('\u202E');
      expect(text).not.toMatch(/^::/m);
      expect(text).not.toContain('&#');
      expect(text).not.toContain('&lt;');
      expect(text).toContain('O\'Brien "quoted" | pipe');
      expect(text).toContain('x & <b>');
    }
  });

  it('leaves names out with summary-detail: counts', () => {
    const text = renderTerminal(
      dryRun(
        planOf([createOp(1, 'Ada Lovelace', 'ada@corp.example')], [], {
          skipped: [
            { reason: 'no-email', person: { employeeId: '4', leapsomeId: null, name: 'Dee Dupe', email: null }, detail: 'no email' },
          ],
        }),
      ),
      { ...plain, detail: 'counts' },
    );
    expect(text).not.toContain('Ada');
    expect(text).not.toContain('Dee');
    expect(text).toContain('Users (+1)');
    expect(text).toContain('error: skipped: no-email 1');
  });

  it('names supervisor cycles as errors and shows when each onboarding employee gets their account', () => {
    const chain = [
      { employeeId: '7', leapsomeId: 'L7', name: 'Ann A', email: 'a@example.com' },
      { employeeId: '9', leapsomeId: null, name: 'Bob B', email: 'b@example.com' },
    ];
    const joiner = { employeeId: '40', leapsomeId: null, name: 'Joy Joiner', email: 'joy@example.com' };
    const plan = planOf([], [], {
      supervisorCycles: [{ chain }],
      preboarding: [{ person: joiner, hireDate: '2025-10-01', accountFrom: '2025-09-17', state: 'waiting' }],
    });
    const text = renderTerminal(dryRun(plan), plain);
    expect(text).toContain('error: supervisor cycle: Ann A (7) → Bob B (9) → Ann A (7).');
    expect(text).toContain(
      '\nPre-boarding (1 onboarding employee)\n  Joy Joiner <joy@example.com>: hire date 2025-10-01, account from 2025-09-17; no account yet\n',
    );
    expect(text).toContain('1 failed or skipped.');
    const counts = renderTerminal(dryRun(plan), { ...plain, detail: 'counts' });
    expect(counts).toContain('error: 1 supervisor cycle');
    expect(counts).toContain('no account yet: 1');
    expect(counts).not.toContain('Ann');
    expect(counts).not.toContain('Joy');
  });
});
