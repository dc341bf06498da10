export { cacheKeyParts, createActionsCacheStore, type ActionsCacheStoreOptions, type CacheApi } from './actions-cache-store.js';
export { octokitCommentsApi, type IssueComment, type IssueCommentsApi } from './comments.js';
export { isPullRequestEvent, parsePullRequestEvent, readPullRequestEvent, type PullRequestRef } from './event.js';
export { upsertComment, type CommentOutcome, type UpsertOptions } from './upsert-comment.js';
