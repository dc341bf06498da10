// GitHub Actions entry: inputs -> settings, run the pipeline, then outputs, job summary, plan file,
// annotations and the exit code. Everything Actions-specific lives here.
import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLeapsomeClient } from './leapsome/client.js';
import { createPersonioClient } from './personio/client.js';
import { runSync } from './pipeline.js';
import { failedCount, outcomeFailures, type RunOutcome } from './report/counts.js';
import { actionOutputs } from './report/outputs.js';
import { writePlanFile } from './report/plan-file.js';
import { renderSummary } from './report/summary.js';
import { escapeText } from './report/escape.js';
import { isSecretInput, INPUT_DEFAULTS, readSettings, type Settings } from './settings/settings.js';
import { cacheKeyParts, createActionsCacheStore, createLocalStore, deriveSnapshotKey, type SnapshotStore } from './snapshot/index.js';
import { ACTION_VERSION } from './version.js';

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
  const encryptionKey = deriveSnapshotKey({
    snapshotKey: settings.snapshotKey,
    personioClientSecret: settings.personio.clientSecret,
    leapsomeToken: settings.leapsome.token,
  });
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

function annotate(outcome: RunOutcome): void {
  const messages = [
    ...outcome.plan.skipped.map((s) => `Skipped ${s.person.name} (Personio id ${s.person.employeeId ?? 'unknown'}): ${s.reason}: ${s.detail}`),
    ...outcomeFailures(outcome).map((f) => `Failed to ${f.operation}${f.person ? ` for ${f.person.name}` : f.team ? ` ${f.team}` : ''}: ${f.reason}`),
  ];
  messages.slice(0, MAX_ANNOTATIONS).forEach((m) => core.error(m, { title: 'personio-leapsome-sync' }));
  if (messages.length > MAX_ANNOTATIONS) core.error(`… and ${messages.length - MAX_ANNOTATIONS} more; see the job summary.`);
  for (const w of outcome.plan.warnings.slice(0, MAX_ANNOTATIONS)) core.warning(w.message, { title: 'personio-leapsome-sync' });
}

export async function run(): Promise<void> {
  // Mask secrets before anything can print them, even if other inputs turn out to be invalid.
  for (const name of Object.keys(INPUT_DEFAULTS)) {
    const value = core.getInput(name);
    if (isSecretInput(name) && value !== '') core.setSecret(value);
  }
  let closers: Array<() => Promise<void>> = [];
  try {
    const settings = readSettings((name) => core.getInput(name));
    const personio = createPersonioClient({
      baseUrl: settings.personio.baseUrl,
      clientId: settings.personio.clientId,
      clientSecret: settings.personio.clientSecret,
      appId: settings.personio.appId,
      onToken: (token: string) => core.setSecret(token),
    });
    const leapsome = createLeapsomeClient({ baseUrl: settings.leapsome.baseUrl, token: settings.leapsome.token });
    closers = [() => personio.close(), () => leapsome.close()];
    core.info(settings.dryRun ? 'Dry run: reading both sides and planning; nothing will be written.' : 'Syncing Personio to Leapsome.');

    const outcome = await runSync(settings, {
      personio,
      leapsome,
      snapshots: snapshotStore(settings),
      eventName: process.env.GITHUB_EVENT_NAME || null,
      actionVersion: ACTION_VERSION,
      log: (message) => core.info(message),
      now: () => new Date(),
    });

    const planFile = planFilePath();
    await writePlanFile(planFile, outcome);
    for (const [name, value] of Object.entries(actionOutputs(outcome, planFile))) core.setOutput(name, value);
    await writeSummary(renderSummary(outcome));
    annotate(outcome);

    const failed = failedCount(outcome);
    if (outcome.refusedReason !== null) core.setFailed(outcome.refusedReason);
    else if (failed > 0) core.setFailed(`${failed} record(s) were skipped or failed; everything else was ${outcome.mode === 'dry-run' ? 'planned' : 'applied'}. See the job summary.`);
    else core.info(`Done: ${outcome.mode === 'dry-run' ? 'plan computed' : 'Leapsome matches Personio'}.`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    core.setFailed(message);
    await writeSummary(`## Personio → Leapsome sync\n\n**Failed before any change was made to Leapsome.**\n\n> ${escapeText(message)}\n`).catch(() => undefined);
  } finally {
    await Promise.all(closers.map((close) => close().catch(() => undefined)));
  }
}
