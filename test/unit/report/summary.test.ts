import { describe, expect, it } from 'vitest';
import { escapeText } from '../../../src/report/escape.js';
import { renderSummary } from '../../../src/report/summary.js';
import { actionOutputs } from '../../../src/report/outputs.js';
import type { RunOutcome } from '../../../src/run/outcome.js';
import { noCounts } from '../../../src/apply/apply.js';
import type { Plan, UserOp } from '../../../src/domain/plan.js';
import { GITHUB_STEP_SUMMARY_MAX_BYTES } from '../../support/github-limits.js';
import { createOp, deactivateOp, dryRun, planOf, teamUpdate, updateOp } from './fixtures.js';

const hostile = '<img src=x onerror=alert(1)> | **bold** [link](http://evil) @team';

function create(i: number, name = `Person ${i}`): UserOp {
  return {
    kind: 'create',
    employeeId: String(i),
    attributes: {
      userName: `p${i}@example.com`,
      externalId: String(i),
      givenName: 'G',
      familyName: 'F',
      displayName: name,
      profile: { title: 'Engineer' },
    },
    manager: null,
    additionalManagers: [],
    invite: 'pending',
  };
}

function outcome(users: UserOp[], extra: Partial<RunOutcome> = {}, planExtra: Partial<Plan> = {}): RunOutcome {
  return {
    mode: 'applied',
    plan: {
      users,
      teams: [],
      skipped: [],
      clashes: [],
      warnings: [],
      stats: {
        employees: users.length,
        inScope: users.length,
        excluded: 0,
        managedUsers: 0,
        unmanagedUsers: 3,
        managedTeams: 0,
        unmanagedTeams: 0,
      },
      deactivationGuard: { base: 0, limit: 0, planned: 0, exceeded: false },
      supervisorCycles: [],
      preboarding: [],
      ...planExtra,
    },
    apply: {
      refused: null,
      failures: [],
      counts: { ...noCounts(), created: users.length },
      createdUserIds: new Map(),
      createdTeamIds: new Map(),
    },
    refusedReason: null,
    startedAt: '2026-11-24T00:00:00.000Z',
    finishedAt: '2026-11-24T00:00:01.000Z',
    requests: null,
    snapshot: null,
    fields: ['title'],
    ...extra,
  };
}

describe('escapeText', () => {
  it('neutralises HTML, table pipes, links, emphasis and mentions', () => {
    const escaped = escapeText(hostile);
    expect(escaped).not.toMatch(/[<>|*[\]@]/);
    expect(escaped).toContain('&lt;img');
    expect(escapeText('a\nb')).toBe('a b');
  });
});

describe('renderSummary', () => {
  it('lists created users with the invite state and marks the mode', () => {
    const md = renderSummary(outcome([create(1)]));
    expect(md).toContain('Applied to Leapsome');
    expect(md).toContain('### Created users (1)');
    expect(md).toContain('Person 1 &lt;p1&#64;example.com&gt;');
    expect(md).toContain('invite pending');
  });

  it('marks a dry run as a plan', () => {
    expect(renderSummary(outcome([create(1)], { mode: 'dry-run', apply: null }))).toContain(
      'Dry run: this is the plan, nothing was written',
    );
  });

  it('escapes hostile names so they cannot break the table or inject HTML', () => {
    const md = renderSummary(outcome([create(1, hostile)]));
    expect(md).not.toContain('<img');
    const row = md.split('\n').find((line) => line.startsWith('|') && line.includes('img'));
    expect(row?.split('|').length).toBe(6); // 4 cells: the name's pipe did not add one
  });

  it('says so when there is nothing to change', () => {
    expect(renderSummary(outcome([]))).toContain('No changes: Leapsome already matches Personio.');
  });

  it('reports each supervisor cycle as a failure, naming the chain, in full and counts-only form', () => {
    const chain = [
      { employeeId: '7', leapsomeId: 'L7', name: 'Ann <b>A</b>', email: 'a@example.com' },
      { employeeId: '9', leapsomeId: null, name: 'Bob B', email: 'b@example.com' },
    ];
    const o = outcome([], {}, { supervisorCycles: [{ chain }] });
    const md = renderSummary(o);
    expect(md).toContain('### Supervisor cycles (1)');
    expect(md).toContain('Ann &lt;b&gt;A&lt;/b&gt; (7) → Bob B (9) → Ann &lt;b&gt;A&lt;/b&gt; (7)');
    expect(md).toContain('left as Leapsome has them');
    expect(actionOutputs(o, '/x').failed).toBe('1');
    const counts = renderSummary(o, { detail: 'counts' });
    expect(counts).toContain('### Supervisor cycles (1)');
    expect(counts).not.toContain('Ann');
  });

  it('lists when each onboarding employee gets their account', () => {
    const person = (id: string) => ({ employeeId: id, leapsomeId: null, name: `Joiner ${id}`, email: null });
    const md = renderSummary(
      outcome(
        [],
        {},
        {
          preboarding: [
            { person: person('1'), hireDate: '2025-09-08', accountFrom: '2025-08-25', state: 'due' },
            { person: person('2'), hireDate: '2025-10-01', accountFrom: '2025-09-17', state: 'waiting' },
            { person: person('3'), hireDate: null, accountFrom: null, state: 'no-hire-date' },
          ],
        },
      ),
    );
    expect(md).toContain('### Pre-boarding: when onboarding employees get their account (3)');
    expect(md).toContain('| Joiner 1 | 2025-09-08 | 2025-08-25 | account from this run |');
    expect(md).toContain('| Joiner 2 | 2025-10-01 | 2025-09-17 | no account yet |');
    expect(md).toContain('| Joiner 3 | — | — | no account: no hire date in Personio |');
  });

  it('folds long lists and stays under the step-summary limit for 20k users', () => {
    const users = Array.from({ length: 20_000 }, (_, i) => create(i, `A rather long display name number ${i} with padding`));
    const md = renderSummary(outcome(users));
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(GITHUB_STEP_SUMMARY_MAX_BYTES);
    expect(md).toContain('<details><summary>Show 20000 rows</summary>');
    expect(md).toMatch(/… and \d+ more, listed in the plan file\./);
  });

  it('fits in 1 MiB whatever the length of multi-byte names, counting bytes, not characters', () => {
    // 3,000 changes whose names grow in small steps: listed 1,000 rows per table (the renderer's first
    // try), the summaries range from about 0.9 to 1.6 MB, but never reach a million characters. A
    // budget above GitHub's limit, or one measured in characters, lets some of them through, and
    // GitHub then drops the whole summary.
    const shortened: number[] = [];
    for (let pad = 16; pad <= 64; pad += 2) {
      const name = (i: number) => `Zoë Ærøskøbing-Ñúñez 東京都 ${i} ${'ü'.repeat(pad)}`;
      const ops = Array.from({ length: 1000 }, (_, i) => [
        createOp(i, name(i)),
        updateOp(1000 + i, name(1000 + i)),
        deactivateOp(2000 + i, name(2000 + i)),
      ]).flat();
      const md = renderSummary(dryRun(planOf(ops)));
      expect(Buffer.byteLength(md), `names padded by ${pad}`).toBeLessThanOrEqual(GITHUB_STEP_SUMMARY_MAX_BYTES);
      expect(md).toContain('### Created users (1000)');
      if (/… and \d+ more/.test(md)) shortened.push(pad);
    }
    expect(shortened).toContain(64);
  });
});

describe('actionOutputs', () => {
  it('reports counts as strings plus has-changes and the plan path', () => {
    const out = actionOutputs(outcome([create(1)]), '/tmp/plan.json');
    expect(out).toMatchObject({ created: '1', failed: '0', 'has-changes': 'true', 'plan-file': '/tmp/plan.json' });
    expect(actionOutputs(outcome([]), '/x')['has-changes']).toBe('false');
  });

  it('counts renamed teams in teams-renamed, apart from created ones', () => {
    const renamed = { ...teamUpdate('Sales & Co', [], []), rename: { from: 'Sales', to: 'Sales & Co' } };
    const out = actionOutputs(dryRun(planOf([], [renamed, teamUpdate('Ops', ['Ada'], [])])), '/x');
    expect(out).toMatchObject({ 'teams-renamed': '1', 'teams-created': '0', 'membership-changes': '1' });
  });
});
