// Issue comments on a pull request over the GitHub REST API (@actions/github's Octokit, whose base
// URL is GITHUB_API_URL). Responses are validated; only what the plan comment needs is kept.
import { z } from 'zod';
import { issueLines } from '../shared/zod-issues.js';
import type { PullRequestRef } from './event.js';

type Octokit = ReturnType<typeof import('@actions/github').getOctokit>;

export interface IssueComment {
  readonly id: number;
  readonly body: string;
}

export interface IssueCommentsApi {
  /** The first comment whose body starts with `marker`, or null. */
  findByMarker(pr: PullRequestRef, marker: string): Promise<IssueComment | null>;
  create(pr: PullRequestRef, body: string): Promise<IssueComment>;
  update(pr: PullRequestRef, id: number, body: string): Promise<IssueComment>;
}

const comment = z.object({ id: z.number().int(), body: z.string().nullish() });
const parseComment = (raw: unknown, what: string): IssueComment => {
  const parsed = comment.safeParse(raw);
  if (!parsed.success)
    throw new Error(`GitHub ${what}: unexpected response (${issueLines(parsed.error, { max: 1 }).lines[0] ?? 'invalid'})`);
  return { id: parsed.data.id, body: parsed.data.body ?? '' };
};

/** `baseUrl` defaults to GITHUB_API_URL (read by @actions/github), as on a runner. */
export function octokitCommentsApi(token: string, options: { readonly baseUrl?: string } = {}): IssueCommentsApi {
  // Loaded on first use: Octokit is needed only on pull request events, and only then worth its start-up cost.
  let client: Promise<Octokit> | undefined;
  const octokitClient = (): Promise<Octokit> =>
    (client ??= import('@actions/github').then(({ getOctokit }) =>
      getOctokit(token, options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ));
  return {
    async findByMarker(pr, marker) {
      const octokit = await octokitClient();
      let found: IssueComment | null = null;
      // Stop paging once found: the plan comment is usually among the first.
      await octokit.paginate(
        octokit.rest.issues.listComments,
        { owner: pr.owner, repo: pr.repo, issue_number: pr.number, per_page: 100 },
        (response, done) => {
          const page = z.array(z.unknown()).safeParse(response.data);
          if (!page.success) throw new Error('GitHub list comments: unexpected response (not a list)');
          for (const raw of page.data) {
            const c = parseComment(raw, 'list comments');
            if (found === null && c.body.startsWith(marker)) found = c;
          }
          if (found !== null) done();
          return [];
        },
      );
      return found;
    },
    async create(pr, body) {
      const octokit = await octokitClient();
      const response = await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body });
      return parseComment(response.data, 'create comment');
    },
    async update(pr, id, body) {
      const octokit = await octokitClient();
      const response = await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: id, body });
      return parseComment(response.data, 'update comment');
    },
  };
}
