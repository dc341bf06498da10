// Reads a plan JSON to apply: validated with zod, version- and integrity-checked. Everything that is
// wrong is reported at once, naming the path inside the document.
import { readFile } from 'node:fs/promises';
import type { FieldName } from '../domain/fields.js';
import type { Plan } from '../domain/plan.js';
import type { PlanFingerprints } from '../apply/fingerprint.js';
import { SettingsError } from '../settings/errors.js';
import { planId } from './plan-id.js';
import { asDomainPlan, PLAN_FILE_TOOL, PLAN_FILE_VERSION, planDocumentSchema } from './schema.js';
import { errorMessage } from '../shared/errors.js';
import { issueLines } from '../shared/zod-issues.js';

/** A plan file that cannot be applied; nothing has been read from or written to Leapsome yet. */
export class PlanFileError extends SettingsError {}

export interface ApprovedPlan {
  readonly path: string;
  readonly planId: string;
  readonly plannedAt: string;
  /** Link to the run that made the plan, when it ran on GitHub. */
  readonly plannedBy: string | null;
  readonly leapsomeBaseUrl: string;
  /** The fields the sync owned when planning; Leapsome is read with these when applying. */
  readonly fields: readonly FieldName[];
  readonly plan: Plan;
  readonly fingerprints: PlanFingerprints;
}

export function parsePlanFile(text: string, path: string): ApprovedPlan {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PlanFileError(`plan file ${path}: not JSON (${errorMessage(error)})`);
  }
  const header = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  if (header.tool !== PLAN_FILE_TOOL) throw new PlanFileError(`plan file ${path}: not a plan written by ${PLAN_FILE_TOOL}`);
  if (header.version !== PLAN_FILE_VERSION) {
    throw new PlanFileError(
      `plan file ${path}: format version ${JSON.stringify(header.version)}, but this release reads version ${PLAN_FILE_VERSION}. Make the plan again with the same release of the action that applies it.`,
    );
  }
  const parsed = planDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const { lines, more } = issueLines(parsed.error, { max: 20, root: '(document)' });
    throw new PlanFileError(`plan file ${path} is not a valid plan:\n- ${lines.join('\n- ')}${more > 0 ? `\n- … and ${more} more` : ''}`);
  }
  const doc = parsed.data;
  if (doc.mode !== 'dry-run') {
    throw new PlanFileError(
      `plan file ${path} records an ${doc.mode} run; only the plan of a dry run can be applied (its operations were not written yet).`,
    );
  }
  const plan = asDomainPlan(doc.plan);
  const fingerprints = { users: doc.plan.users.map((op) => op.fingerprint), teams: doc.plan.teams.map((op) => op.fingerprint) };
  // Catches a file edited by hand (or truncated and repaired): the id no longer matches its content.
  if (planId(plan, fingerprints) !== doc.planId)
    throw new PlanFileError(
      `plan file ${path}: its operations do not match its planId ${doc.planId}; it was changed after it was written.`,
    );
  return {
    path,
    planId: doc.planId,
    plannedAt: doc.startedAt,
    plannedBy: doc.run.url,
    leapsomeBaseUrl: doc.leapsome.baseUrl,
    fields: doc.fields,
    plan,
    fingerprints,
  };
}

export async function readPlanFile(path: string): Promise<ApprovedPlan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new PlanFileError(`input \`plan-file\`: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parsePlanFile(text, path);
}
