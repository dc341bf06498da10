// GitHub's limits, stated as the numbers GitHub enforces so that a test fails when our own budget
// (src/report) is raised past them. Never import the implementation's constants for these.

/**
 * An issue or pull-request comment body may hold at most 65,536 characters; a longer one is rejected
 * with HTTP 422 "Body is too long (maximum is 65536 characters)". GitHub's REST reference does not
 * state the number; it is recorded at https://github.com/dead-claudia/github-limits#issue-description
 * and the error is quoted in https://github.com/danger/danger/issues/424.
 */
export const GITHUB_COMMENT_MAX_CHARS = 65_536;

/**
 * A step's job summary may hold at most 1 MiB (1,048,576 bytes); above it the runner uploads
 * nothing for the step and adds an error annotation.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#step-isolation-and-limits
 * (the runner: `AttachmentSizeLimit = 1024 * 1024` in
 * https://github.com/actions/runner/blob/main/src/Runner.Worker/FileCommandManager.cs).
 */
export const GITHUB_STEP_SUMMARY_MAX_BYTES = 1_048_576;
