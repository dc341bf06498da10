// The versioned plan JSON: written with a fingerprint per operation, read back with zod, and
// refused when it is of another version, from an applied run, or changed after it was written.
import { describe, expect, it } from 'vitest';
import { parsePlanFile, PlanFileError, planDocument, PLAN_FILE_VERSION, type PlanContext } from '../../../src/plan-file/index.js';
import { createOp, deactivateOp, dryRun, planOf, teamUpdate, updateOp } from './fixtures.js';

const context: PlanContext = {
  actionVersion: '0.1.0',
  leapsomeBaseUrl: 'https://api.leapsome.com/scim/v1',
  run: { repository: 'acme/hr-sync', runId: '42', url: 'https://github.com/acme/hr-sync/actions/runs/42', event: 'schedule' },
};
const outcome = dryRun(planOf([createOp(1), updateOp(2), deactivateOp(3)], [teamUpdate('Sales', ['Person 1'], [])]));
const text = (doc: unknown): string => JSON.stringify(doc);
const errorOf = (raw: string): string => {
  try {
    parsePlanFile(raw, 'plan.json');
  } catch (error) {
    expect(error).toBeInstanceOf(PlanFileError);
    return (error as Error).message;
  }
  throw new Error('expected a PlanFileError');
};

describe('plan file', () => {
  it('carries a fingerprint on every operation and reads back into the same plan', () => {
    const doc = planDocument(outcome, context);
    expect(doc.version).toBe(PLAN_FILE_VERSION);
    expect(doc.plan.users.map((op) => op.fingerprint)).toEqual(['absent', `sha256:${'a'.repeat(64)}`, `sha256:${'a'.repeat(64)}`]);
    const read = parsePlanFile(text(doc), 'plan.json');
    expect(read.plan).toEqual(outcome.plan);
    expect(read.fingerprints).toEqual(outcome.fingerprints);
    expect(read.planId).toBe(doc.planId);
    expect(read.plannedBy).toBe(context.run.url);
    expect(read.leapsomeBaseUrl).toBe(context.leapsomeBaseUrl);
  });

  it('refuses another format version, naming both', () => {
    expect(errorOf(text({ ...planDocument(outcome, context), version: 2 }))).toMatch(/format version 2, but this release reads version 3/);
  });

  it('refuses the plan of an applied run', () => {
    expect(errorOf(text({ ...planDocument(outcome, context), mode: 'applied' }))).toContain('only the plan of a dry run can be applied');
  });

  it('refuses a plan whose operations were changed after it was written', () => {
    const doc = planDocument(outcome, context);
    const edited = text(doc).replace('"Lead"', '"Chief Everything"');
    expect(edited).not.toBe(text(doc));
    expect(errorOf(edited)).toContain('changed after it was written');
  });

  it('validates every operation, naming the path of each problem', () => {
    const doc = JSON.parse(text(planDocument(outcome, context))) as { plan: { users: Array<Record<string, unknown>> } };
    doc.plan.users[0]!.kind = 'delete';
    (doc.plan.users[1]!.attributes as Record<string, unknown>).startDate = '24.11.2026';
    doc.plan.users[2]!.fingerprint = 'whatever';
    const message = errorOf(text(doc));
    expect(message).toContain('plan.users.0.kind');
    expect(message).toContain('plan.users.1.attributes.startDate: expected a date YYYY-MM-DD');
    expect(message).toContain('plan.users.2.fingerprint: expected a fingerprint');
  });

  it('refuses what is not a plan of this tool, or not JSON', () => {
    expect(errorOf('{"version":2}')).toContain('not a plan written by personio-leapsome-sync');
    expect(errorOf('{ nope')).toContain('not JSON');
  });
});
