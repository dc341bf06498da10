// GitHub Actions entry: inputs -> settings, run the pipeline, then outputs, job summary, plan file,
// annotations and the exit code. Everything Actions-specific lives here.
import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPullRequestEvent, octokitCommentsApi, readPullRequestEvent, upsertComment, type PullRequestRef } from './github/index.js';
import { MissingAttributesError } from './personio/errors.js';
import { logLinesView } from './progress/log-lines.js';
import { createProgress } from './progress/progress.js';
import { failedCount, outcomeFailures, type RunOutcome } from './run/outcome.js';
import { cycleText } from './report/sentences.js';
import { actionOutputs } from './report/outputs.js';
import { writePlanFile } from './plan-file/index.js';
import { planDocument, runContext } from './report/plan-file.js';
import { commentWorthy, PLAN_COMMENT_MARKER, renderFailureComment, renderPlanComment, type CommentOptions } from './report/plan-comment.js';
import { clashResolution, renderSummary } from './report/summary.js';
import { escapeText } from './report/escape.js';
import { ConfigFileError } from './settings/config-file.js';
import { DEFAULT_CONFIG_FILE, loadSettings, workspaceDir } from './settings/load.js';
import { isSecretInput, INPUT_DEFAULTS, SettingsError, type Settings, type SummaryDetail } from './settings/settings.js';
import { runOnce, snapshotEncryptionKey } from './run/run-once.js';
import { cacheKeyParts, createActionsCacheStore } from './github/index.js';
import { createLocalStore, type SnapshotStore } from './snapshot/index.js';
import { ACTION_VERSION } from './version.js';
import { errorMessage } from './shared/errors.js';

/** Annotations beyond this are summarised in one line; GitHub shows only a handful per step. */
const MAX_ANNOTATIONS = 10;

export function planFilePath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.RUNNER_TEMP !== undefined && env.RUNNER_TEMP !== '' ? env.RUNNER_TEMP : tmpdir();
  const run = [env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter((v) => v !== undefined && v !== '').join('-');
  return join(dir, 'personio-leapsome-sync', `plan${run === '' ? '' : `-${run}`}.json`);
}

/**
 * The Actions cache on GitHub; a local directory elsewhere (the demo, local runs), or wherever
 * PERSONIO_LEAPSOME_SYNC_STATE_DIR points. Null when the cache input is false.
 */
export function snapshotStore(settings: Settings, env: NodeJS.ProcessEnv = process.env): SnapshotStore | null {
  if (!settings.cache) return null;
  const encryptionKey = snapshotEncryptionKey(settings);
  const log = { info: core.info, notice: (m: string) => core.notice(m), warning: (m: string) => core.warning(m) };
  const localDir = env.PERSONIO_LEAPSOME_SYNC_STATE_DIR;
  if (localDir !== undefined && localDir !== '') return createLocalStore({ dir: localDir, encryptionKey, log });
  if (env.GITHUB_ACTIONS !== 'true') return createLocalStore({ dir: join(process.cwd(), '.personio-leapsome-sync'), encryptionKey, log });
  return createActionsCacheStore({
    key: cacheKeyParts({
      personioBaseUrl: settings.personio.baseUrl,
      leapsomeBaseUrl: settings.leapsome.baseUrl,
      personioClientId: settings.personio.clientId,
      runId: env.GITHUB_RUN_ID ?? '0',
      runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    }),
    encryptionKey,
    // The cache version hashes this path, so it must be the same in every run.
    workDir: join(env.RUNNER_TEMP !== undefined && env.RUNNER_TEMP !== '' ? env.RUNNER_TEMP : tmpdir(), 'personio-leapsome-sync-snapshot'),
    log,
  });
}

async function writeSummary(markdown: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY === undefined || process.env.GITHUB_STEP_SUMMARY === '') {
    core.info(markdown);
    return;
  }
  await core.summary.addRaw(markdown, true).write();
}

function annotate(outcome: RunOutcome, detail: SummaryDetail): void {
  const stale = outcome.approvedPlan?.stale ?? [];
  if (detail === 'counts') {
    // Annotations are as public as the summary: numbers only.
    const failed =
      outcome.plan.skipped.length +
      outcome.plan.clashes.length +
      outcome.plan.supervisorCycles.length +
      stale.length +
      outcomeFailures(outcome).length;
    if (failed > 0)
      core.error(`${failed} record(s) were skipped or failed; names are left out (summary-detail: counts), the plan file lists them.`, {
        title: 'personio-leapsome-sync',
      });
    if (outcome.plan.warnings.length > 0)
      core.warning(`${outcome.plan.warnings.length} warning(s); details are left out (summary-detail: counts).`, {
        title: 'personio-leapsome-sync',
      });
    return;
  }
  const messages = [
    ...outcome.plan.supervisorCycles.map(
      (c) => `Supervisor cycle: ${cycleText(c)}; their manager links were left as Leapsome has them. Fix the supervisors in Personio.`,
    ),
    ...outcome.plan.clashes.map((c) => {
      const what =
        c.kind === 'team' ? `team "${c.displayName}"` : `user ${c.person.name} (Personio id ${c.person.employeeId ?? 'unknown'})`;
      const holder = `${c.kind === 'team' ? 'Leapsome team' : 'Leapsome user'} ${c.holder.name} (${c.holder.leapsomeId}, externalId ${c.holder.externalId ?? 'none'})`;
      return `Not taken over: ${what} is held by ${holder}. ${c.detail} To resolve: ${clashResolution(c)}.`;
    }),
    ...outcome.plan.skipped.map(
      (s) => `Skipped ${s.person.name} (Personio id ${s.person.employeeId ?? 'unknown'}): ${s.reason}: ${s.detail}`,
    ),
    ...stale.map((s) => `Not applied: ${s.operation}${s.person ? ` for ${s.person.name}` : s.team ? ` ${s.team}` : ''}: ${s.reason}`),
    ...outcomeFailures(outcome).map(
      (f) => `Failed to ${f.operation}${f.person ? ` for ${f.person.name}` : f.team ? ` ${f.team}` : ''}: ${f.reason}`,
    ),
  ];
  messages.slice(0, MAX_ANNOTATIONS).forEach((m) => core.error(m, { title: 'personio-leapsome-sync' }));
  if (messages.length > MAX_ANNOTATIONS) core.error(`… and ${messages.length - MAX_ANNOTATIONS} more; see the job summary.`);
  for (const w of outcome.plan.warnings.slice(0, MAX_ANNOTATIONS)) core.warning(w.message, { title: 'personio-leapsome-sync' });
}

function logSettings(settings: Settings, pullRequest: boolean): void {
  const file = settings.configFile;
  if (file === null)
    core.info(`No config file (${DEFAULT_CONFIG_FILE} does not exist and the config-file input is empty): inputs and built-in defaults.`);
  else {
    core.info(`Config file ${file.path}: ${file.keys.length === 0 ? 'sets nothing' : `sets ${file.keys.join(', ')}`}.`);
    if (file.overridden.length > 0) core.info(`Workflow inputs override the file for: ${file.overridden.join(', ')}.`);
  }
  if (pullRequest) core.info('Pull request event: planning only; nothing is written to Leapsome, whatever dry-run says.');
  const owned = settings.fields.map((rule) => `${rule.field} ← ${rule.from}${rule.apply === 'on-create' ? ' (on-create)' : ''}`);
  core.info(`Fields the sync owns: ${owned.length === 0 ? 'none' : owned.join(', ')}; names, email and externalId always.`);
}

/** Posts or updates the plan comment; never fails the run (the plan is in the job summary anyway). */
async function commentOnPullRequest(token: string | null, render: (pr: PullRequestRef) => string, createIfMissing: boolean): Promise<void> {
  if (token === null) {
    core.warning('No github-token: the plan is in the job summary only, not commented on the pull request.');
    return;
  }
  let pr: PullRequestRef;
  try {
    pr = readPullRequestEvent();
  } catch (error) {
    core.warning(`Cannot comment the plan on the pull request: ${errorMessage(error)}`);
    return;
  }
  const result = await upsertComment(octokitCommentsApi(token), pr, { marker: PLAN_COMMENT_MARKER, body: render(pr), createIfMissing });
  if (result.action === 'failed') core.warning(`Could not comment the plan on pull request #${pr.number}: ${result.reason}`);
  else if (result.action === 'skipped') core.info(`No plan comment on pull request #${pr.number}: ${result.reason}.`);
  else core.info(`Plan comment ${result.action} on pull request #${pr.number} (comment ${result.id}).`);
}

function commentOptions(detail: SummaryDetail, configFile: string | null, pr: PullRequestRef): CommentOptions {
  return { detail, runUrl: runContext().url, headSha: pr.headSha, configFile };
}

/**
 * Registers a secret with the runner's log masker. Outside GitHub (the CLI) there is no masker, and
 * the `::add-mask::` command would print the secret itself to the terminal, so nothing is emitted.
 */
function mask(secret: string): void {
  if (process.env.GITHUB_ACTIONS === 'true') core.setSecret(secret);
}

export async function run(): Promise<void> {
  // Mask secrets before anything can print them, even if other inputs turn out to be invalid.
  for (const name of Object.keys(INPUT_DEFAULTS)) {
    const value = core.getInput(name);
    if (isSecretInput(name) && value !== '') mask(value);
  }
  // Decided by the event alone, before any setting is read: a pull request never writes to Leapsome.
  const pullRequest = isPullRequestEvent(process.env.GITHUB_EVENT_NAME);
  try {
    const loaded = loadSettings((name) => core.getInput(name));
    const settings: Settings = pullRequest ? { ...loaded, dryRun: true } : loaded;
    logSettings(settings, pullRequest);
    const outcome = await runOnce(settings, {
      info: (message) => core.info(message),
      progress: createProgress([logLinesView((line) => core.info(line))]),
      mask,
      snapshots: () => snapshotStore(settings),
      eventName: process.env.GITHUB_EVENT_NAME || null,
      workspace: workspaceDir(),
    });

    const planFile = planFilePath();
    await writePlanFile(
      planFile,
      planDocument(outcome, { actionVersion: ACTION_VERSION, leapsomeBaseUrl: settings.leapsome.baseUrl, run: runContext() }),
    );
    for (const [name, value] of Object.entries(actionOutputs(outcome, planFile))) core.setOutput(name, value);
    await writeSummary(renderSummary(outcome, { detail: settings.summaryDetail, pullRequest }));
    if (pullRequest) {
      const configFile = settings.configFile?.path ?? null;
      await commentOnPullRequest(
        settings.githubToken,
        (pr) => renderPlanComment(outcome, commentOptions(settings.summaryDetail, configFile, pr)),
        commentWorthy(outcome),
      );
    }
    annotate(outcome, settings.summaryDetail);

    const failed = failedCount(outcome);
    const clashes = outcome.plan.clashes.length;
    const problems = [
      failed > clashes ? `${failed - clashes} record(s) were skipped or failed` : '',
      clashes > 0 ? `${clashes} team(s) or user(s) are held by something else and were not taken over` : '',
    ].filter((p) => p !== '');
    if (outcome.refusedReason !== null) core.setFailed(outcome.refusedReason);
    else if (failed > 0)
      core.setFailed(
        `${problems.join('; ')}; everything else was ${outcome.mode === 'dry-run' ? 'planned' : 'applied'}. See the job summary.`,
      );
    else core.info(`Done: ${outcome.mode === 'dry-run' ? 'plan computed' : 'Leapsome matches Personio'}.`);
  } catch (error) {
    const message = errorMessage(error);
    // With a line, GitHub shows the problem on the config file itself (in a pull request's diff too).
    if (error instanceof ConfigFileError) {
      for (const p of error.problems.slice(0, MAX_ANNOTATIONS))
        core.error(p.message, { title: `personio-leapsome-sync: ${p.key ?? 'config file'}`, file: p.file, startLine: p.line });
    }
    if (error instanceof MissingAttributesError) {
      for (const p of error.problems.filter((x) => x.at !== null).slice(0, MAX_ANNOTATIONS)) {
        core.error(`\`${p.source}\` is not among the attributes the Personio credential may read: unknown, or not allowed for it.`, {
          title: `personio-leapsome-sync: ${p.neededBy}`,
          file: p.at?.file,
          startLine: p.at?.line,
        });
      }
    }
    core.setFailed(message);
    const quoted = message.split('\n').map((line) => `> ${line.startsWith('- ') ? `- ${escapeText(line.slice(2))}` : escapeText(line)}`);
    await writeSummary(`## Personio → Leapsome sync\n\n**Failed before any change was made to Leapsome.**\n\n${quoted.join('\n')}\n`).catch(
      () => undefined,
    );
    if (pullRequest) {
      // Settings errors are the pull request's own doing: worth a new comment. Other failures only
      // replace an earlier plan, which would otherwise look current.
      const token = core.getInput('github-token');
      const cause = error instanceof SettingsError ? 'settings' : 'run';
      await commentOnPullRequest(
        token === '' ? null : token,
        (pr) => renderFailureComment(message, commentOptions('counts', null, pr), cause),
        cause === 'settings',
      ).catch(() => undefined);
    }
  }
}
