// The run core both entries share, the GitHub Action (main.ts) and the command line (cli/): API
// clients from the settings, then the pipeline (a sync, or an approved plan applied), then the
// clients closed. Where and how the outcome is shown (job summary, outputs and annotations, or a
// terminal) is each entry's own business, as are logging, masking and the snapshot store.
import { resolve } from 'node:path';
import { CLOCK_VARIABLE, runClock } from '../clock.js';
import { HttpError } from '../http/index.js';
import type { FieldName } from '../domain/fields.js';
import { createLeapsomeClient, type LeapsomeClient } from '../leapsome/client.js';
import { ConfigurationError } from '../personio/errors.js';
import { createPersonioClient } from '../personio/client.js';
import { runApprovedPlan, runSync } from './pipeline.js';
import { readPlanFile } from '../plan-file/index.js';
import type { Progress } from '../progress/progress.js';
import { failedCount, type RunOutcome } from './outcome.js';
import { SettingsError, type Settings } from '../settings/settings.js';
import { deriveSnapshotKey } from '../snapshot/crypto.js';
import type { SnapshotStore } from '../snapshot/store.js';
import { ACTION_VERSION } from '../version.js';

export interface RunHost {
  /** Progress of the run, for a person following along. */
  readonly info: (message: string) => void;
  readonly progress: Progress;
  /** Registers a secret learnt during the run (the Personio session token) with the log masker, if any. */
  readonly mask: (secret: string) => void;
  /** Where the previous snapshot lives; null when the cache is off. Asked only when Personio is read. */
  readonly snapshots: () => SnapshotStore | null;
  /** GITHUB_EVENT_NAME, or null outside GitHub. */
  readonly eventName: string | null;
  /** Relative plan-file paths are resolved against this directory. */
  readonly workspace: string;
  readonly now?: () => Date;
  /** Asked before the first write of a sync (not of an approved plan, which was reviewed already). */
  readonly confirm?: (preview: RunOutcome) => Promise<boolean>;
}

/** Runs the sync the settings describe, or applies the approved plan they name. */
export async function runOnce(settings: Settings, host: RunHost): Promise<RunOutcome> {
  const clock = runClock();
  if (clock.pretended !== null)
    host.info(
      `Warning: ${CLOCK_VARIABLE} is set: this run pretends to start at ${clock.pretended}. It is a test knob; never set it in a workflow.`,
    );
  const now = host.now ?? clock.now;
  const closers: Array<() => Promise<void>> = [];
  // Users are read with the fields the sync owns: for an approved plan, those it was made with,
  // so its fingerprints compare like with like whatever the applying job's config says.
  const leapsomeClient = (fields: readonly FieldName[]): LeapsomeClient => {
    const client = createLeapsomeClient({ baseUrl: settings.leapsome.baseUrl, token: settings.leapsome.token, fields });
    closers.push(() => client.close());
    return client;
  };
  try {
    if (settings.planFile !== null) {
      const approved = await readPlanFile(resolve(host.workspace, settings.planFile));
      const leapsome = leapsomeClient(approved.fields);
      host.info(
        settings.dryRun
          ? `Dry run: checking the approved plan ${approved.planId} against Leapsome; nothing will be written.`
          : `Applying the approved plan ${approved.planId}.`,
      );
      return await runApprovedPlan(settings, approved, { leapsome, log: host.info, now, progress: host.progress });
    }
    const personio = createPersonioClient({
      baseUrl: settings.personio.baseUrl,
      clientId: settings.personio.clientId,
      clientSecret: settings.personio.clientSecret,
      appId: settings.personio.appId,
      onToken: host.mask,
    });
    closers.push(() => personio.close());
    const leapsome = leapsomeClient(settings.fields.map((rule) => rule.field));
    host.info(settings.dryRun ? 'Dry run: reading both sides and planning; nothing will be written.' : 'Syncing Personio to Leapsome.');
    return await runSync(settings, {
      personio,
      leapsome,
      snapshots: host.snapshots(),
      eventName: host.eventName,
      actionVersion: ACTION_VERSION,
      log: host.info,
      now,
      progress: host.progress,
      ...(host.confirm === undefined ? {} : { confirm: host.confirm }),
    });
  } finally {
    await Promise.all(closers.map((close) => close().catch(() => undefined)));
  }
}

/** The key the snapshot is encrypted with: from `snapshot-key`, else from the two credentials. */
export function snapshotEncryptionKey(settings: Settings): Buffer {
  return deriveSnapshotKey({
    snapshotKey: settings.snapshotKey,
    personioClientSecret: settings.personio.clientSecret,
    leapsomeToken: settings.leapsome.token,
  });
}

/** Exit codes (documented in the README; scripts rely on them): 0 done or nothing to do; 1 records failed or a safety brake refused the run; 2 usage or configuration error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function outcomeExitCode(outcome: RunOutcome): number {
  return outcome.refusedReason !== null || failedCount(outcome) > 0 ? EXIT.failed : EXIT.ok;
}

/**
 * A run that threw: 2 when the settings (inputs, config file, plan file) or a credential (refused,
 * or not allowed an attribute the settings need) must be fixed first, 1 for anything else (an API down).
 */
export function errorExitCode(error: unknown): number {
  if (error instanceof SettingsError || error instanceof ConfigurationError) return EXIT.usage;
  // A credential refused (bad token, no access) is configuration, not a failed record.
  return error instanceof HttpError && (error.status === 401 || error.status === 403) ? EXIT.usage : EXIT.failed;
}
