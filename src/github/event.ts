// The pull request a run belongs to, read from the event payload (GITHUB_EVENT_PATH) and validated:
// the payload is input from outside like any other.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { errorMessage } from '../shared/errors.js';
import { issueLines } from '../shared/zod-issues.js';

export interface PullRequestRef {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  /** The commit the plan was computed for (the PR head), shown in the comment. */
  readonly headSha: string | null;
}

/** pull_request, pull_request_target, ...: runs that must never write to Leapsome. */
export function isPullRequestEvent(eventName: string | null | undefined): boolean {
  return eventName !== null && eventName !== undefined && eventName.startsWith('pull_request');
}

const pullRequestPayload = z.object({
  pull_request: z.object({
    number: z.int().positive(),
    head: z.object({ sha: z.string().regex(/^[0-9a-f]{7,64}$/i) }).optional(),
  }),
  repository: z.object({ name: z.string().min(1), owner: z.object({ login: z.string().min(1) }) }),
});

/** Parses the payload of a pull_request event; throws an Error naming what is missing. */
export function parsePullRequestEvent(payload: unknown): PullRequestRef {
  const parsed = pullRequestPayload.safeParse(payload);
  if (!parsed.success) {
    throw new Error(`the event payload is not a pull request event (${issueLines(parsed.error, { root: '(payload)' }).lines.join('; ')})`);
  }
  const { pull_request: pr, repository } = parsed.data;
  return { owner: repository.owner.login, repo: repository.name, number: pr.number, headSha: pr.head?.sha ?? null };
}

export function readPullRequestEvent(env: NodeJS.ProcessEnv = process.env): PullRequestRef {
  const path = env.GITHUB_EVENT_PATH;
  if (path === undefined || path === '') throw new Error('GITHUB_EVENT_PATH is not set');
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the event payload: ${errorMessage(error)}`);
  }
  return parsePullRequestEvent(payload);
}
