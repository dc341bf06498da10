// The versioned plan JSON: written with a fingerprint per operation, read back with zod, and
// refused when it is of another version, from an applied run, or changed after it was written.
import { describe, expect, it } from 'vitest';
import { parsePlanFile, PlanFileError, PLAN_FILE_VERSION } from '../../../src/plan-file/index.js';
import { planDocument, type PlanContext } from '../../../src/report/plan-file.js';
import type { Plan, TeamOp, UserOp } from '../../../src/domain/plan.js';
import { createOp, deactivateOp, dryRun, planOf, teamUpdate, updateOp } from './fixtures.js';

const context: PlanContext = {
  actionVersion: '0.1.0',
  leapsomeBaseUrl: 'https://api.leapsome.com/scim/v1',
  run: { repository: 'acme/hr-sync', runId: '42', url: 'https://github.com/acme/hr-sync/actions/runs/42', event: 'schedule' },
};
const mapped = ((): ReturnType<typeof updateOp> => {
  const op = updateOp(4);
  if (op.kind !== 'update') throw new Error('fixture');
  return {
    ...op,
    attributes: { ...op.attributes, profile: { level: 'Senior', birthday: '1983-08-18', 'custom.6140868326541a4da586db0b': null } },
    changes: [{ field: 'custom.6140868326541a4da586db0b', from: 'Go', to: null }],
    additionalManagers: {
      from: [{ leapsomeId: 'L7', name: 'Old' }],
      to: [{ employeeId: '8', email: 'm@example.com', name: 'New', leapsomeId: null }],
    },
  };
})();
const outcome = dryRun(planOf([createOp(1), updateOp(2), deactivateOp(3), mapped], [teamUpdate('Sales', ['Person 1'], [])]), {
  fields: ['title', 'level', 'birthday', 'additional-managers', 'custom.6140868326541a4da586db0b'],
});
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
    expect(doc.plan.users.map((op) => op.fingerprint)).toEqual([
      'absent',
      `sha256:${'a'.repeat(64)}`,
      `sha256:${'a'.repeat(64)}`,
      `sha256:${'a'.repeat(64)}`,
    ]);
    const read = parsePlanFile(text(doc), 'plan.json');
    expect(read.plan).toEqual(outcome.plan);
    expect(read.fields).toEqual(outcome.fields);
    expect(read.fingerprints).toEqual(outcome.fingerprints);
    expect(read.planId).toBe(doc.planId);
    expect(read.plannedBy).toBe(context.run.url);
    expect(read.leapsomeBaseUrl).toBe(context.leapsomeBaseUrl);
  });

  it('keeps takeovers, team sources and clashes (version 3)', () => {
    const takeover = {
      ...(updateOp(2) as Extract<UserOp, { kind: 'update' }>),
      takeover: { kind: 'foreign' as const, previousExternalId: 'okta|00u1' },
    };
    const team = {
      ...(teamUpdate('Sales', [], ['Old']) as Extract<TeamOp, { kind: 'update' }>),
      takeover: { kind: 'foreign' as const, previousExternalId: 'hris:7' },
    };
    const merged: TeamOp = {
      kind: 'create',
      externalId: 'personio:department:5',
      field: 'department',
      sources: [
        { field: 'department', id: '5', name: 'Ops' },
        { field: 'office', id: '9', name: 'ops' },
      ],
      displayName: 'Ops',
      members: [],
    };
    const clashes: Plan['clashes'] = [
      {
        kind: 'team',
        cause: 'marked',
        displayName: 'Eng',
        externalId: 'personio:department:1',
        holder: { leapsomeId: 'T1', name: 'Eng', externalId: 'hris:1' },
        entry: null,
        resolution: 'adopt-teams: by-name',
        detail: 'd',
      },
      {
        kind: 'team',
        cause: 'hand-made',
        displayName: 'Club',
        externalId: 'personio:team:4',
        holder: { leapsomeId: 'T2', name: 'Club', externalId: null },
        entry: { key: 'team:Readers', file: '.github/personio-leapsome.yml', line: 7 },
        resolution: null,
        detail: 'd',
      },
      {
        kind: 'user',
        cause: 'marked',
        person: { employeeId: '3', leapsomeId: null, name: 'C', email: 'c@x.example' },
        holder: { leapsomeId: 'L3', name: 'C', externalId: 'okta|3' },
        resolution: 'adopt-users: by-email',
        detail: 'd',
      },
    ];
    const switched = dryRun(planOf([takeover], [team, merged], { clashes }));
    expect(parsePlanFile(text(planDocument(switched, context)), 'plan.json').plan).toEqual(switched.plan);
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
    ((doc.plan.users[1]!.attributes as Record<string, unknown>).profile as Record<string, unknown>)['start-date'] = '24.11.2026';
    doc.plan.users[2]!.fingerprint = 'whatever';
    ((doc.plan.users[3]!.attributes as Record<string, unknown>).profile as Record<string, unknown>)['custom.nope'] = 'x';
    (doc as unknown as { fields: string[] }).fields = ['title', 'favourite-colour'];
    const message = errorOf(text(doc));
    expect(message).toContain('plan.users.3.attributes.profile.custom.nope');
    expect(message).toContain('fields.1: expected a field name');
    expect(message).toContain('plan.users.0.kind');
    expect(message).toContain('plan.users.1.attributes.profile.start-date: expected a date YYYY-MM-DD');
    expect(message).toContain('plan.users.2.fingerprint: expected a fingerprint');
  });

  it('refuses what is not a plan of this tool, or not JSON', () => {
    expect(errorOf('{"version":2}')).toContain('not a plan written by personio-leapsome-sync');
    expect(errorOf('{ nope')).toContain('not JSON');
  });
});
