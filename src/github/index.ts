export { octokitCommentsApi, type IssueComment, type IssueCommentsApi } from './comments.js';
export { isPullRequestEvent, parsePullRequestEvent, readPullRequestEvent, type PullRequestRef } from './event.js';
export { upsertComment, type CommentOutcome, type UpsertOptions } from './plan-comment.js';
