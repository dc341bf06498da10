// One comment per pull request, found by a hidden marker and updated in place on every push; a new
// comment only when there is something to show. Failures are reported, never thrown: the plan is in
// the job summary either way, and a read-only token (forks, missing `pull-requests: write`) must not
// fail the check.
import type { IssueCommentsApi } from './comments.js';
import type { PullRequestRef } from './event.js';
import { errorMessage } from '../shared/errors.js';

export type CommentOutcome =
  | { readonly action: 'created' | 'updated' | 'unchanged'; readonly id: number }
  | { readonly action: 'skipped'; readonly reason: string }
  | { readonly action: 'failed'; readonly reason: string };

export interface UpsertOptions {
  /** Hidden marker the body starts with; it finds the comment again. */
  readonly marker: string;
  readonly body: string;
  /** Post a new comment when none exists yet (an existing one is always updated). */
  readonly createIfMissing: boolean;
}

export async function upsertComment(api: IssueCommentsApi, pr: PullRequestRef, options: UpsertOptions): Promise<CommentOutcome> {
  if (!options.body.startsWith(options.marker)) throw new Error('the comment body must start with its marker');
  try {
    const existing = await api.findByMarker(pr, options.marker);
    if (existing !== null) {
      if (existing.body === options.body) return { action: 'unchanged', id: existing.id };
      const updated = await api.update(pr, existing.id, options.body);
      return { action: 'updated', id: updated.id };
    }
    if (!options.createIfMissing) return { action: 'skipped', reason: 'the plan changes nothing and there is no earlier plan comment' };
    const created = await api.create(pr, options.body);
    return { action: 'created', id: created.id };
  } catch (error) {
    return { action: 'failed', reason: describeError(error) };
  }
}

function describeError(error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status;
  const message = errorMessage(error).split('\n')[0];
  if (status === 403 || status === 404) {
    return `GitHub answered ${status}: the token cannot comment on this pull request. Give the job \`permissions: pull-requests: write\` (pull requests from forks only get a read-only token).`;
  }
  return typeof status === 'number' && status > 0 ? `GitHub answered ${status}: ${message}` : (message ?? 'unknown error');
}
