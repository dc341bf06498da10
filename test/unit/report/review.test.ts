// The diff-style review in the job summary and the pull-request comment, and summary-detail: counts.
import { describe, expect, it } from 'vitest';
import { diffBlocks, renderDiffBlock } from '../../../src/report/diff.js';
import { codeText } from '../../../src/report/escape.js';
import {
  commentWorthy,
  PLAN_COMMENT_MARKER,
  renderFailureComment,
  renderPlanComment,
  type CommentOptions,
} from '../../../src/report/plan-comment.js';
import { renderPlanDiff, renderSummary } from '../../../src/report/summary.js';
import { GITHUB_COMMENT_MAX_CHARS } from '../../support/github-limits.js';
import { createOp, deactivateOp, dryRun, planOf, teamUpdate, updateOp } from './fixtures.js';

const options: CommentOptions = {
  detail: 'full',
  runUrl: 'https://github.com/acme/hr-sync/actions/runs/42',
  headSha: 'abcdef0123456789',
  configFile: '.github/personio-leapsome.yml',
};
const hostile = 'Eve <img src=x onerror=alert(1)>\n```\n@everyone \u202Eevil';

describe('diff-style sections', () => {
  it('marks created +, deactivated -, changed ~ with old → new, for users, teams, memberships and managers', () => {
    const plan = planOf([createOp(1, 'Ada'), updateOp(2, 'Bob'), deactivateOp(3, 'Cy')], [teamUpdate('Sales', ['Ada'], ['Cy'])]);
    const text = diffBlocks(plan)
      .map((b) => renderDiffBlock(b, { maxEntries: 100, foldAfterLines: 100, restIn: 'the plan file' }))
      .join('\n');
    expect(text).toContain('+ Ada <p1@example.com>  (new, title: Engineer; invite pending)');
    expect(text).toContain('~ Bob <p2@example.com>\n~    title: Engineer → Lead  (overrides a manual edit in Leapsome)');
    expect(text).toContain('- Cy <p3@example.com>  deactivated: status inactive in Personio  (changed in Personio)');
    expect(text).toContain('~ Sales\n+    Ada\n-    Cy');
    expect(text).toContain('~ Ada: (none) → Bea Boss  (new user)');
    expect(text).toContain('~ Bob: Bea Boss → (cleared)  (overrides a manual edit in Leapsome)');
    expect(text).toContain('**Users (+1 ~1 -1)**');
  });

  it('shows mapped fields by their config names, additional managers as sets, each with its provenance label', () => {
    const base = updateOp(2, 'Bob');
    if (base.kind !== 'update') throw new Error('fixture');
    const op = {
      ...base,
      changes: [
        { field: 'start-date' as const, from: '2020-01-01', to: '2021-04-01' },
        { field: 'custom.6140868326541a4da586db0b' as const, from: null, to: 'Go, SQL' },
      ],
      manager: null,
      additionalManagers: {
        from: [{ leapsomeId: 'L7', name: 'Old Mentor' }],
        to: [
          { employeeId: '8', email: 'm@example.com', name: 'New Mentor', leapsomeId: null },
          { employeeId: '9', email: 'n@example.com', name: 'Nia', leapsomeId: 'L9' },
        ],
      },
      provenance: 'personio' as const,
    };
    const plan = planOf([op]);
    const text = diffBlocks(plan)
      .map((b) => renderDiffBlock(b, { maxEntries: 100, foldAfterLines: 100, restIn: 'the plan file' }))
      .join('\n');
    expect(text).toContain('~    start-date: 2020-01-01 → 2021-04-01  (changed in Personio)');
    expect(text).toContain('~    custom.6140868326541a4da586db0b: (empty) → Go, SQL  (changed in Personio)');
    expect(text).toContain('~    additional-managers: Old Mentor → New Mentor, Nia  (changed in Personio)');
    const summary = renderSummary(dryRun(plan));
    expect(summary).toContain('| Bob &lt;p2&#64;example.com&gt; | start-date | 2020-01-01 → 2021-04-01 | changed in Personio |');
    expect(summary).toContain(
      '| Bob &lt;p2&#64;example.com&gt; | additional-managers | Old Mentor → New Mentor, Nia | changed in Personio |',
    );
    const counts = renderSummary(dryRun(plan), { detail: 'counts' });
    for (const value of ['2021-04-01', 'Go, SQL', 'Mentor', 'Nia', 'Bob', 'start-date']) expect(counts).not.toContain(value);
  });

  it('folds long blocks into <details> and says where the rest is', () => {
    const plan = planOf(Array.from({ length: 40 }, (_, i) => createOp(i)));
    const users = diffBlocks(plan).find((b) => b.title === 'Users')!;
    const text = renderDiffBlock(users, { maxEntries: 10, foldAfterLines: 5, restIn: 'the plan file' });
    expect(text).toMatch(/^<details><summary><b>Users \(\+40\)<\/b>: 10 lines<\/summary>/);
    expect(text).toContain('… and 30 more entries, listed in the plan file.');
  });

  it('keeps hostile names on one line, without raw tags, bidi controls or a way out of the code block', () => {
    const text = renderDiffBlock(
      diffBlocks(planOf([createOp(1, hostile)])).find((b) => b.title === 'Users')!,
      { maxEntries: 10, foldAfterLines: 10, restIn: 'x' },
    );
    const code = text.slice(text.indexOf('```diff\n') + 8, text.lastIndexOf('\n```'));
    expect(code.split('\n')).toHaveLength(1);
    expect(code.startsWith('+ ')).toBe(true);
    expect(text).not.toContain('<img');
    expect(text).not.toContain('\u202E');
    expect(codeText('a\r\nb\u2028c')).toBe('a b c');
  });
});

describe('the pull-request comment', () => {
  it('starts with the hidden marker and shows the plan, the commit, the config and a link to the summary', () => {
    const body = renderPlanComment(dryRun(planOf([createOp(1, 'Ada'), deactivateOp(3, 'Cy')])), options);
    expect(body.startsWith(`${PLAN_COMMENT_MARKER}\n`)).toBe(true);
    expect(body).toContain('`abcdef012345`');
    expect(body).toContain('`.github/personio-leapsome.yml` from this pull request');
    expect(body).toContain('```diff\n+ Ada <p1@example.com>');
    expect(body).toContain('[full job summary](https://github.com/acme/hr-sync/actions/runs/42)');
  });

  it('trims a 70,000-character plan under the 65,536-character limit, pointing to the job summary', () => {
    const plan = planOf(
      Array.from({ length: 900 }, (_, i) =>
        createOp(i, `Somebody with a fairly long name ${i}`, `somebody.with.a.long.address.${i}@example.com`),
      ),
    );
    const full = diffBlocks(plan)
      .map((b) => renderDiffBlock(b, { maxEntries: Infinity, foldAfterLines: 30, restIn: '' }))
      .join('\n');
    expect(full.length).toBeGreaterThan(70_000);
    const body = renderPlanComment(dryRun(plan), options);
    expect(body.length).toBeLessThan(GITHUB_COMMENT_MAX_CHARS);
    expect(body.startsWith(PLAN_COMMENT_MARKER)).toBe(true);
    expect(body).toMatch(
      /… and \d+ more entries, listed in the \[job summary\]\(https:\/\/github\.com\/acme\/hr-sync\/actions\/runs\/42\)\./,
    );
    expect(body).toContain('shortened to stay under');
  });

  it('shortens a plan that passes the limit by a single entry', () => {
    // The fewest users whose diff alone (as the comment lists it) is over 65,536 characters: a
    // budget above GitHub's limit would post it whole, and GitHub would reject the comment.
    const users = (n: number) =>
      Array.from({ length: n }, (_, i) => createOp(i, `Somebody with a fairly long name ${i}`, `somebody.${i}@example.com`));
    const diffLength = (n: number) => renderPlanDiff(diffBlocks(planOf(users(n))), Infinity, 'x', '### Changes').length;
    let [low, high] = [1, 2000]; // diffLength(low) <= limit < diffLength(high)
    expect(diffLength(high)).toBeGreaterThan(GITHUB_COMMENT_MAX_CHARS);
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (diffLength(mid) > GITHUB_COMMENT_MAX_CHARS) high = mid;
      else low = mid;
    }
    const body = renderPlanComment(dryRun(planOf(users(high))), options);
    expect(body.length).toBeLessThan(GITHUB_COMMENT_MAX_CHARS);
    expect(body).toContain('shortened to stay under');
  });

  it('stays under the limit even when every part is long (skipped records with huge details)', () => {
    const skipped = Array.from({ length: 2000 }, (_, i) => ({
      reason: 'no-email' as const,
      person: { employeeId: String(i), leapsomeId: null, name: `N${i}`.repeat(20), email: null },
      detail: 'x'.repeat(300),
    }));
    const body = renderPlanComment(dryRun(planOf([createOp(1)], [], { skipped })), options);
    expect(body.length).toBeLessThan(GITHUB_COMMENT_MAX_CHARS);
  });

  it('is worth a new comment only when it changes something or a brake would stop it', () => {
    expect(commentWorthy(dryRun(planOf([])))).toBe(false);
    expect(commentWorthy(dryRun(planOf([createOp(1)])))).toBe(true);
    expect(commentWorthy(dryRun(planOf([], [], { deactivationGuard: { base: 10, limit: 2, planned: 3, exceeded: true } })))).toBe(true);
  });

  it('escapes config errors, and says when the run failed instead', () => {
    const body = renderFailureComment('Invalid config file:\n- x.yml:2: `<b>`: bad', options, 'settings');
    expect(body).toContain('- x.yml&#58;2&#58; &#96;&lt;b&gt;&#96;&#58; bad');
    expect(body).toContain('the settings of this pull request cannot be used');
    expect(body.startsWith(PLAN_COMMENT_MARKER)).toBe(true);
    expect(renderFailureComment('leapsome GET /Users: 503', options, 'run')).toContain(
      'No plan (at `abcdef012345`): the run failed before a plan was made.',
    );
  });

  it('keeps a failure comment with a huge message under the limit', () => {
    const message = Array.from({ length: 3000 }, (_, i) => `- x.yml:${i}: \`field_${i}\`: ${'bad value '.repeat(4)}`).join('\n');
    expect(message.length).toBeGreaterThan(GITHUB_COMMENT_MAX_CHARS);
    const body = renderFailureComment(message, options, 'settings');
    expect(body.length).toBeLessThan(GITHUB_COMMENT_MAX_CHARS);
    expect(body.startsWith(PLAN_COMMENT_MARKER)).toBe(true);
  });
});

describe('summary-detail: counts', () => {
  const people = [
    createOp(1, 'Ada Lovelace', 'ada@corp.example'),
    updateOp(2, 'Bob Builder', 'bob@corp.example'),
    deactivateOp(3, 'Cy Twombly', 'cy@corp.example'),
  ];
  const plan = planOf(people, [teamUpdate('Sales', ['Ada Lovelace'], ['Cy Twombly'])], {
    skipped: [
      {
        reason: 'duplicate-email',
        person: { employeeId: '9', leapsomeId: null, name: 'Dee Dupe', email: 'dee@corp.example' },
        detail: 'shared with Ada Lovelace',
      },
    ],
    warnings: [{ person: null, message: 'manager Bea Boss is out of scope' }],
  });
  const outcome = dryRun(plan, {
    approvedPlan: {
      planId: `sha256:${'c'.repeat(64)}`,
      plannedAt: '2026-11-23T05:17:00.000Z',
      plannedBy: null,
      stale: [
        {
          operation: 'update user',
          person: { employeeId: '5', leapsomeId: 'L5', name: 'Eve Edited', email: 'eve@corp.example' },
          team: null,
          reason: 'changed',
        },
      ],
    },
  });
  const secrets = ['Ada', 'Bob', 'Cy', 'Dee', 'Eve', 'Bea', 'corp.example', 'Lovelace', 'Engineer', 'Lead'];

  it('leaves every name, email and value out of the summary and the comment, but keeps the numbers', () => {
    const summary = renderSummary(outcome, { detail: 'counts' });
    const comment = renderPlanComment(outcome, { ...options, detail: 'counts' });
    for (const text of [summary, comment]) {
      for (const s of secrets) expect(text).not.toContain(s);
      expect(text).toMatch(/\| Users \| 1 \| 1 \| 1 \|/);
      expect(text).toMatch(/\| duplicate-email \| 1 \|/);
    }
    expect(summary).toContain('summary-detail: counts');
    // Full detail does show them: the check above is not vacuous.
    const full = renderSummary(outcome);
    for (const s of ['Ada Lovelace', 'bob&#64;corp.example', 'Eve Edited']) expect(full).toContain(s);
  });
});
