// The pull-request comment over the GitHub REST API: found by its marker (also on a later page),
// created only when asked, updated in place, left alone when unchanged, and never throwing.
import { afterEach, describe, expect, it } from 'vitest';
import { octokitCommentsApi, parsePullRequestEvent, upsertComment, type PullRequestRef } from '../../../src/github/index.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../../support/fake-github-api.js';

const MARKER = '<!-- test:plan -->';
const pr: PullRequestRef = { owner: 'acme', repo: 'hr-sync', number: 7, headSha: null };

let gh: FakeGitHubApi | null = null;
afterEach(async () => {
  await gh?.close();
  gh = null;
});

describe('upsertComment', () => {
  it('creates one comment, then updates that one, and leaves it alone when nothing changed', async () => {
    gh = await startFakeGitHubApi();
    for (let i = 0; i < 150; i++) gh.addComment(7, `chatter ${i}`); // ours will be on page 2
    const api = octokitCommentsApi(gh.token, { baseUrl: gh.url });
    expect(await upsertComment(api, pr, { marker: MARKER, body: `${MARKER}\nplan 1`, createIfMissing: true })).toMatchObject({
      action: 'created',
    });
    const id = gh.comments.at(-1)?.id;
    expect(await upsertComment(api, pr, { marker: MARKER, body: `${MARKER}\nplan 2`, createIfMissing: false })).toEqual({
      action: 'updated',
      id,
    });
    expect(await upsertComment(api, pr, { marker: MARKER, body: `${MARKER}\nplan 2`, createIfMissing: true })).toEqual({
      action: 'unchanged',
      id,
    });
    expect(gh.comments.filter((c) => c.body.startsWith(MARKER))).toEqual([expect.objectContaining({ id, body: `${MARKER}\nplan 2` })]);
    expect(gh.requests.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['POST', 'PATCH']);
  });

  it('does not create a comment when not asked to, and ignores comments that merely quote the marker', async () => {
    gh = await startFakeGitHubApi();
    gh.addComment(7, `Why does the bot write ${MARKER}?`);
    const api = octokitCommentsApi(gh.token, { baseUrl: gh.url });
    expect(await upsertComment(api, pr, { marker: MARKER, body: `${MARKER}\nnothing`, createIfMissing: false })).toMatchObject({
      action: 'skipped',
    });
    expect(gh.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('reports a read-only token (403) with what to change, instead of throwing', async () => {
    gh = await startFakeGitHubApi();
    gh.failWith(403);
    const result = await upsertComment(octokitCommentsApi(gh.token, { baseUrl: gh.url }), pr, {
      marker: MARKER,
      body: `${MARKER}\nx`,
      createIfMissing: true,
    });
    expect(result).toMatchObject({ action: 'failed' });
    expect(result.action === 'failed' ? result.reason : '').toMatch(/GitHub answered 403.*pull-requests: write/);
  });

  it('reports a bad token (401) too', async () => {
    gh = await startFakeGitHubApi();
    const result = await upsertComment(octokitCommentsApi('wrong', { baseUrl: gh.url }), pr, {
      marker: MARKER,
      body: `${MARKER}\nx`,
      createIfMissing: true,
    });
    expect(result).toMatchObject({ action: 'failed', reason: expect.stringContaining('401') });
  });
});

describe('parsePullRequestEvent', () => {
  it('reads the pull request number, head commit and repository', () => {
    const payload = {
      number: 7,
      pull_request: { number: 7, head: { sha: 'abc1234' } },
      repository: { name: 'hr-sync', owner: { login: 'acme' } },
    };
    expect(parsePullRequestEvent(payload)).toEqual({ owner: 'acme', repo: 'hr-sync', number: 7, headSha: 'abc1234' });
  });

  it('names what is missing from a payload that is not a pull request event', () => {
    expect(() => parsePullRequestEvent({ ref: 'refs/heads/main', repository: { name: 'x', owner: { login: 'y' } } })).toThrow(
      /pull_request/,
    );
  });
});
