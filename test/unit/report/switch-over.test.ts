// How takeovers and clashes read in the job summary, the pull-request comment and summary-detail:
// counts: a first run against an organisation another integration filled is the switch-over review.
import { describe, expect, it } from 'vitest';
import type { Clash, TeamOp, UserOp } from '../../../src/domain/plan.js';
import { plannedCounts } from '../../../src/run/outcome.js';
import { diffBlocks } from '../../../src/report/diff.js';
import { commentWorthy, renderPlanComment, type CommentOptions } from '../../../src/report/plan-comment.js';
import { renderSummary, switchOverNote } from '../../../src/report/summary.js';
import { renderTerminal } from '../../../src/report/terminal.js';
import { createOp, dryRun, planOf, teamUpdate, updateOp } from './fixtures.js';

const options: CommentOptions = { detail: 'full', runUrl: null, headSha: null, configFile: null };

const takenTeam = (name: string, previous: string | null, removed: string[] = []): TeamOp => ({
  ...(teamUpdate(name, [], removed) as Extract<TeamOp, { kind: 'update' }>),
  externalId: `personio:department:${name.length}`,
  takeover: previous === null ? { kind: 'unmarked', previousExternalId: null } : { kind: 'foreign', previousExternalId: previous },
});
const takenUser = (i: number, name: string, previous: string | null): UserOp => ({
  ...(updateOp(i, name, `u${i}@corp.example`) as Extract<UserOp, { kind: 'update' }>),
  changes: [{ field: 'externalId', from: previous, to: String(i) }],
  manager: null,
  takeover: previous === null ? { kind: 'unmarked', previousExternalId: null } : { kind: 'foreign', previousExternalId: previous },
});
const teamClash: Clash = {
  kind: 'team',
  cause: 'marked',
  displayName: 'Finance',
  externalId: 'personio:department:9',
  holder: { leapsomeId: 'T9', name: 'Finance', externalId: 'hris:finance' },
  entry: null,
  resolution: 'adopt-teams: by-name',
  detail:
    'Leapsome team "Finance" has this name but another integration marked it (externalId hris:finance); nothing was written to it and no second team was created.',
};
const userClash: Clash = {
  kind: 'user',
  cause: 'other-employee',
  person: { employeeId: '7', leapsomeId: null, name: 'Gus Moved', email: 'gus@corp.example' },
  holder: { leapsomeId: 'L8', name: 'Hal Old', externalId: '8' },
  resolution: null,
  detail:
    "Leapsome user gus@corp.example has this email but carries the Personio id of Hal Old (8); another employee's account is never taken over.",
};

const plan = planOf(
  [createOp(1, 'Ada New'), takenUser(2, 'Bea Okta', 'okta|00u1'), takenUser(3, 'Cy Manual', null)],
  [
    takenTeam('Engineering', 'hris:eng', ['Old Member']),
    takenTeam('Management', null),
    { ...(teamUpdate('Sales', ['Ada New'], []) as Extract<TeamOp, { kind: 'update' }>) },
  ],
  { clashes: [teamClash, userClash] },
);

describe('takeovers and clashes in the reports', () => {
  it("counts takeovers in the headline and groups them: teams first, another integration's before unmarked", () => {
    const summary = renderSummary(dryRun(plan));
    expect(summary).toMatch(/\| Taken over \| Failed or skipped \|\n(?:\|.*\n)?\| 1 \| 2 \| 0 \| 0 \| 0 \| 0 \| 2 \| 1 \| 4 \| 2 \|/);
    expect(plannedCounts(plan).takenOver).toBe(4);
    expect(summary).toContain(
      '**Switch-over:** 2 teams and 2 users to take over (1 team and 1 user another integration had marked, 1 team and 1 user without externalId): from now on their names and members follow Personio.',
    );
    expect(summary).toContain(
      'Not taken over: 1 team and 1 user held by something else (`adopt-teams: by-name` would take them over where the table below says so)',
    );
    const takeovers = diffBlocks(plan).find((b) => b.title === 'Takeovers');
    expect(takeovers?.entries).toEqual([
      ['~ team Engineering  (externalId hris:eng → personio:department:11, marked by another integration; 1 stale member removed)'],
      ['~ team Management  (no externalId → personio:department:10)'],
      ['~ user Bea Okta <u2@corp.example>  (externalId okta|00u1 → 2, marked by another integration)'],
      ['~ user Cy Manual <u3@corp.example>  (no externalId → 3)'],
    ]);
    // The takeover comes before the other blocks, and a taken-over user's externalId is not repeated as a field change.
    expect(summary.indexOf('**Takeovers (~4)**')).toBeLessThan(summary.indexOf('**Users ('));
    expect(summary).not.toMatch(/externalId: \(empty\) → 3/);
  });

  it("lists each clash with its holder, the holder's externalId and what would resolve it, among what needs attention", () => {
    const summary = renderSummary(dryRun(plan));
    expect(summary).toContain('### Not taken over: held by something else (2)');
    expect(summary).toContain(
      '| team Finance | Finance (T9) | <code>hris&#58;finance</code> | set `adopt-teams: by-name` to take it over |',
    );
    expect(summary).toContain('| user Gus Moved &lt;gus&#64;corp.example&gt; | Hal Old (L8) | <code>8</code> | no setting takes it over |');
    // Outside the folded tables: a reviewer must see it.
    expect(summary.indexOf('### Not taken over')).toBeLessThan(summary.indexOf('<details><summary><b>Every change as a table'));
  });

  it('shows the same review in the pull-request comment, and a plan with only a clash is worth a comment', () => {
    const comment = renderPlanComment(dryRun(plan), options);
    expect(comment).toContain('**Switch-over:**');
    expect(comment).toContain('**Takeovers (~4)**');
    expect(comment).toContain('### Not taken over: held by something else (2)');
    expect(commentWorthy(dryRun(planOf([], [], { clashes: [teamClash] })))).toBe(true);
  });

  it('counts them without names under summary-detail: counts', () => {
    const summary = renderSummary(dryRun(plan), { detail: 'counts' });
    expect(summary).toMatch(/\| Takeovers \| 0 \| 4 \| 0 \|/);
    expect(summary).toContain('| team&#58; set &#96;adopt-teams&#58; by-name&#96; to take it over | 1 |');
    for (const name of ['Engineering', 'Bea', 'Finance', 'Gus', 'okta', 'hris']) expect(summary).not.toContain(name);
  });

  it('says nothing about a switch-over when nothing is taken over and nothing clashes', () => {
    expect(switchOverNote(planOf([createOp(1)], [teamUpdate('Sales', ['A'], [])]), false)).toBeNull();
    expect(switchOverNote(planOf([], [], { clashes: [userClash] }), true)).toBe(
      '**Switch-over:** Not taken over: 1 user held by something else; nothing is written to it and the run fails.',
    );
  });

  it('reads the same in a terminal: the Takeovers section first, each clash an error line with what resolves it', () => {
    const text = renderTerminal(dryRun(plan), { colour: false, width: null, full: false, detail: 'full' });
    expect(text).toContain(
      '\nSwitch-over: 2 teams and 2 users to take over (1 team and 1 user another integration had marked, 1 team and 1 user without externalId)',
    );
    expect(text).toContain('(adopt-teams: by-name would take them over where the error lines below say so)');
    expect(text).toContain(
      '\nTakeovers (~4)\n  ~ team Engineering  (externalId hris:eng → personio:department:11, marked by another integration; 1 stale member removed)\n',
    );
    expect(text.indexOf('Takeovers (~4)')).toBeLessThan(text.indexOf('Users ('));
    expect(text).toContain(
      '\nerror: not taken over: team Finance is held by Leapsome team Finance (T9, externalId hris:finance). Leapsome team "Finance" has this name',
    );
    expect(text).toContain('To resolve: set adopt-teams: by-name to take it over.\n');
    expect(text).toContain(
      '\nerror: not taken over: user Gus Moved <gus@corp.example> is held by Leapsome user Hal Old (L8, externalId 8).',
    );
    expect(text).not.toContain('`');
    expect(text).not.toContain('**');
  });
});
