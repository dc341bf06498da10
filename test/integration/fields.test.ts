// `fields` (config as code): which Leapsome fields the sync owns and which Personio attributes it
// reads for them. The bundled action against the sandbox, with the config file in the workspace.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxInputs } from '../../src/sandbox/action-process.js';
import { type Sandbox } from '../../src/sandbox/index.js';
import { createLocalStore, deriveSnapshotKey } from '../../src/snapshot/index.js';
import { divergences } from '../../src/sandbox/oracle.js';
import {
  CONTRACT_ID,
  fieldDivergences,
  mainCostCenter,
  mentors,
  REMOTE_DAYS_ID,
  SKILLS_ID,
  type Expectation,
} from '../../src/sandbox/field-oracle.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { sandboxPerTest } from '../support/sandbox-per-test.js';

const CONFIG = '.github/personio-leapsome.yml';

const start = sandboxPerTest();

/** Runs the action with `config` as the workspace's config file (none when null). */
async function sync(
  sb: Sandbox,
  config: string | null,
  extra: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<ActionRun & { writes: number }> {
  const workDir = mkdtempSync(join(tmpdir(), 'pls-fields-'));
  if (config !== null) {
    mkdirSync(join(workDir, '.github'));
    writeFileSync(join(workDir, CONFIG), config);
  }
  sb.resetLog();
  const run = await runAction({ workDir, inputs: { ...sandboxInputs(sb), cache: 'false', ...extra }, env });
  return { ...run, writes: sb.writes().length };
}

/** Every `attributes[]` value sent to Personio's employee list. */
function requestedAttributes(sb: Sandbox): Set<string> {
  const asked = new Set<string>();
  for (const r of sb.requests) {
    if (r.api !== 'personio' || r.route !== '/v1/company/employees') continue;
    const value = r.query['attributes[]'];
    for (const key of value === undefined ? [] : typeof value === 'string' ? [value] : value) asked.add(key);
  }
  return asked;
}

/** The summary as a reader sees it: entities (escaped Personio text and messages) decoded. */
const shown = (summary: string): string =>
  summary
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const DEFAULT_ATTRIBUTES = [
  'first_name',
  'last_name',
  'preferred_name',
  'email',
  'status',
  'position',
  'supervisor',
  'hire_date',
  'termination_date',
  'office',
  'gender',
  'department',
];

describe('the Personio attributes fields reads', () => {
  it('without a fields key, requests exactly what the sync always requested', async () => {
    const sb = await start();
    const run = await sync(sb, null);
    expect(run.code, run.stdout).toBe(0);
    expect([...requestedAttributes(sb)].sort()).toEqual([...DEFAULT_ATTRIBUTES].sort());
  });

  it('with gender: off, succeeds on a credential that cannot read gender and never asks for it', async () => {
    const sb = await start();
    sb.personio.setWhitelist(DEFAULT_ATTRIBUTES.filter((key) => key !== 'gender'));
    const refused = await sync(sb, null);
    expect(refused.code).toBe(1);
    expect(refused.writes).toBe(0);
    expect(shown(refused.summary)).toContain('`gender`, needed by `fields.gender`');
    expect(shown(refused.summary)).toContain('gender: off');

    const stateDir = mkdtempSync(join(tmpdir(), 'pls-fields-state-'));
    const run = await sync(sb, 'fields:\n  gender: off\n', { cache: 'true' }, { PERSONIO_LEAPSOME_SYNC_STATE_DIR: stateDir });
    expect(run.code, run.stdout).toBe(0);
    expect(requestedAttributes(sb).has('gender')).toBe(false);
    // Nor is it kept: the snapshot of this run says gender was not read, and holds no value of it.
    const key = deriveSnapshotKey({
      snapshotKey: null,
      personioClientSecret: sb.credentials.personioClientSecret,
      leapsomeToken: sb.credentials.leapsomeToken,
    });
    const restored = await createLocalStore({ dir: stateDir, encryptionKey: key }).restore();
    if (restored.kind !== 'hit') throw new Error(`no snapshot: ${restored.kind}`);
    expect(restored.snapshot.attributes).not.toContain('gender');
    expect(restored.snapshot.employees.every((e) => e.gender === null)).toBe(true);
    expect([...requestedAttributes(sb)].sort()).toEqual(DEFAULT_ATTRIBUTES.filter((key) => key !== 'gender').sort());
    expect(sb.leapsome.listUsers().length).toBeGreaterThan(30);
    expect(sb.leapsome.listUsers().every((u) => u.gender === null)).toBe(true);
    expect(sb.writes().some((w) => JSON.stringify(w.body).includes('"gender"'))).toBe(false);
  });

  it('requests a mapped custom attribute by key and a universal id by the key it resolves to, and nothing unmapped', async () => {
    const sb = await start();
    const run = await sync(sb, 'fields:\n  birthday: date_of_birth\n  level: dynamic_1146703\n  cost-center: cost_centers\n  title: off\n');
    expect(run.code, run.stdout).toBe(0);
    const asked = requestedAttributes(sb);
    for (const key of ['dynamic_180883', 'dynamic_1146703', 'cost_centers']) expect(asked.has(key), key).toBe(true);
    for (const key of ['position', 'date_of_birth', 'dynamic_1146704', 'dynamic_1146710', 'subcompany'])
      expect(asked.has(key), key).toBe(false);
  });

  it('fails before any write when a mapped attribute is not readable, naming the attribute, the setting and its line', async () => {
    const sb = await start();
    sb.personio.setWhitelist([...DEFAULT_ATTRIBUTES, 'dynamic_180883']);
    const run = await sync(
      sb,
      'statuses: [active, leave]\nfields:\n  birthday: date_of_birth\n  level:\n    from: dynamic_1146703\n    map: { L1: Junior }\n',
    );
    expect(run.code).toBe(1);
    expect(run.writes).toBe(0);
    expect(sb.requests.filter((r) => r.api === 'personio' && r.route === '/v1/company/employees')).toEqual([]);
    expect(shown(run.summary)).toContain('Failed before any change was made to Leapsome');
    expect(shown(run.summary)).toContain(
      `\`dynamic_1146703\`, needed by \`fields.level\` (${CONFIG}:5), is not among the attributes this credential may read: unknown, or not allowed for it`,
    );
    expect(shown(run.summary)).not.toContain('date_of_birth`, needed');
    // An annotation on the config file's line, so a pull request shows it on the diff.
    expect(run.stdout).toMatch(
      new RegExp(`::error title=personio-leapsome-sync%3A fields\\.level,file=${CONFIG.replace(/\./g, '\\.')},line=5::\`dynamic_1146703\``),
    );
  });
});

describe('config errors in fields, with their line', () => {
  it('an unknown field fails before anything is read or written', async () => {
    const sb = await start();
    const run = await sync(sb, '# our sync\nfields:\n  birthday: date_of_birth\n  levle: dynamic_1146703\n');
    expect(run.code).toBe(1);
    expect(sb.requests).toEqual([]);
    expect(shown(run.summary)).toContain(`${CONFIG}:4: \`fields.levle\`: unknown field (did you mean \`level\`?)`);
    expect(run.stdout).toMatch(
      new RegExp(`::error title=personio-leapsome-sync%3A fields\\.levle,file=${CONFIG.replace(/\./g, '\\.')},line=4::`),
    );
  });

  it('an unknown Personio attribute fails before any write, with its line', async () => {
    const sb = await start();
    const run = await sync(sb, 'fields:\n  custom:\n    6140868326541a4da586db0b:\n      from: dynamic_424242\n');
    expect(run.code).toBe(1);
    expect(run.writes).toBe(0);
    expect(shown(run.summary)).toContain(
      `\`dynamic_424242\`, needed by \`fields.custom.6140868326541a4da586db0b\` (${CONFIG}:4), is not among the attributes this credential may read`,
    );
  });
});

/** Every kind of field setting (off, a universal id, a map with a default, on-create, custom attributes, additional managers), on the sample company's attributes. */
const FULL_MAPPING = `fields:
  gender: off
  birthday: date_of_birth
  level:
    from: dynamic_1146703
    map: { L1: Junior, L2: Intermediate, L3: Senior, L4: Lead }
    default: Unassigned
  division: subcompany
  cost-center: cost_centers
  additional-managers: dynamic_1146710
  custom:
    ${SKILLS_ID}: dynamic_1146704
    ${CONTRACT_ID}:
      from: employment_type
      map: { internal: Employee, external: Freelancer }
      apply: on-create
    ${REMOTE_DAYS_ID}: dynamic_1146705
`;

const LEVELS: Readonly<Record<string, string>> = { L1: 'Junior', L2: 'Intermediate', L3: 'Senior', L4: 'Lead' };
const FULL_EXPECTATIONS: Record<string, Expectation> = {
  birthday: (e) => e.dynamic.dynamic_180883 as string,
  level: (e) => LEVELS[e.dynamic.dynamic_1146703 as string] ?? 'Unassigned',
  division: (e) => e.subcompany?.name ?? null,
  'cost-center': mainCostCenter,
  'additional-managers': mentors,
  [`custom.${SKILLS_ID}`]: (e) => (Array.isArray(e.dynamic.dynamic_1146704) ? e.dynamic.dynamic_1146704.join(', ') : null),
  [`custom.${CONTRACT_ID}`]: (e) => (e.employmentType === 'internal' ? 'Employee' : 'Freelancer'),
  [`custom.${REMOTE_DAYS_ID}`]: (e) => String(e.dynamic.dynamic_1146705),
  gender: () => null,
};

/** PATCH bodies sent to Leapsome for one user. */
const patchesOf = (sb: Sandbox, leapsomeId: string): Record<string, unknown>[] =>
  sb
    .writes()
    .filter((w) => w.method === 'PATCH' && w.path.endsWith(`/Users/${leapsomeId}`))
    .map((w) => w.body as Record<string, unknown>);

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('mapped fields in Leapsome', () => {
  it('a full mapping with every field kind reaches Leapsome in one PATCH per new user, and a second run writes nothing', async () => {
    const sb = await start();
    const first = await sync(sb, FULL_MAPPING);
    expect(first.code, first.stdout).toBe(0);
    expect(divergences(sb)).toEqual([]);
    expect(fieldDivergences(sb, FULL_EXPECTATIONS)).toEqual([]);
    const inScope = sb.personio.list().filter((e) => e.status === 'active' || e.status === 'leave').length;
    expect(sb.requestCounts({ api: 'leapsome' })).toMatchObject({ 'POST /Users': inScope, 'PATCH /Users/:id': inScope });
    expect(fieldDivergences(sb, { 'additional-managers': mentors }).length).toBe(0);
    expect(sb.leapsome.listUsers().filter((u) => u.additionalManagerIds.length > 0).length).toBeGreaterThan(0);
    expect(first.stdout).toContain(
      `Fields the sync owns: title ← position, location ← office, start-date ← hire_date, end-date ← termination_date, birthday ← date_of_birth, level ← dynamic_1146703`,
    );

    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await sync(sb, FULL_MAPPING);
    expect(second.code, second.stdout).toBe(0);
    expect(second.writes).toBe(0);
    expect(second.outputs['has-changes']).toBe('false');
    // A mentor who is not in scope (the sample company has one) stays a warning on every run.
    expect(shown(second.summary)).toMatch(
      /### Warnings \(1\)[\s\S]*is not the work email of an employee the sync keeps in Leapsome, so it is left out/,
    );
  });

  it('keeps an on-create field after a manual Leapsome edit, and restores an always field with one write', async () => {
    const sb = await start();
    expect((await sync(sb, FULL_MAPPING)).code).toBe(0);
    const someone = sb.personio.list().find((e) => e.status === 'active' && e.dynamic.dynamic_1146703 === 'L2');
    if (someone === undefined) throw new Error('sample company has no L2');
    const user = sb.leapsome.getUser(String(someone.id));
    if (user === undefined) throw new Error('user missing');
    sb.leapsome.editUser(user.id, { level: 'Hand-picked', custom: { [CONTRACT_ID]: 'Contractor' } });

    const run = await sync(sb, FULL_MAPPING);
    expect(run.code, run.stdout).toBe(0);
    expect(run.writes).toBe(1);
    expect(patchesOf(sb, user.id)).toEqual([{ userName: someone.email, [ENT]: { level: 'Intermediate' } }]);
    expect(sb.leapsome.getUser(user.id)).toMatchObject({
      level: 'Intermediate',
      custom: expect.objectContaining({ [CONTRACT_ID]: 'Contractor' }),
    });
    expect(run.summary).toContain('level: Hand-picked → Intermediate');
    expect(run.summary).not.toContain('Contractor');
    expect((await sync(sb, FULL_MAPPING)).writes).toBe(0);
  });

  it('a changed custom attribute reaches Leapsome with exactly one write, labelled as changed in Personio', async () => {
    const sb = await start();
    const stateDir = mkdtempSync(join(tmpdir(), 'pls-fields-state-'));
    const withSnapshot = { cache: 'true' };
    const env = { PERSONIO_LEAPSOME_SYNC_STATE_DIR: stateDir };
    expect((await sync(sb, FULL_MAPPING, withSnapshot, env)).code).toBe(0);
    const someone = sb.personio.list().find((e) => e.status === 'active' && e.supervisorId !== null);
    if (someone === undefined) throw new Error('sample company has no one with a supervisor');
    sb.personio.update(someone.id, { dynamic: { ...someone.dynamic, dynamic_1146704: ['Kubernetes', 'Go'] } });
    const user = sb.leapsome.getUser(String(someone.id));
    if (user === undefined) throw new Error('user missing');
    const before = user.custom[SKILLS_ID] ?? null;

    const run = await sync(sb, FULL_MAPPING, withSnapshot, env);
    expect(run.code, run.stdout).toBe(0);
    expect(run.writes).toBe(1);
    expect(patchesOf(sb, user.id)).toEqual([{ userName: someone.email, [ENT]: { [SKILLS_ID]: 'Kubernetes, Go' } }]);
    expect(sb.leapsome.getUser(user.id)?.custom[SKILLS_ID]).toBe('Kubernetes, Go');
    const summary = shown(run.summary);
    expect(summary).toContain(`custom.${SKILLS_ID}: ${before ?? '(empty)'} → Kubernetes, Go  (changed in Personio)`);
    expect(summary).toContain('#### Attribute changes (1)');
    expect(summary).toContain(`| dynamic_1146704 (custom.${SKILLS_ID}) |`);
    expect(run.outputs.updated).toBe('1');
  });

  it('resolves additional managers from ids and emails, users created in the same run included, without self and the primary manager', async () => {
    const sb = await start();
    const config = 'fields:\n  additional-managers: dynamic_1146710\n';
    expect((await sync(sb, config)).code).toBe(0);
    const active = sb.personio.list().filter((e) => e.status === 'active' && e.email !== null);
    const person = active.find((e) => e.supervisorId !== null && e.dynamic.dynamic_1146710 === null);
    const inactive = sb.personio.list().find((e) => e.status === 'inactive');
    if (person === undefined || inactive === undefined) throw new Error('sample company lacks people for this test');
    const supervisor = sb.personio.get(person.supervisorId ?? -1);
    const [byId, byEmail] = active.filter((e) => e.id !== person.id && e.id !== person.supervisorId);
    if (supervisor === undefined || byId === undefined || byEmail === undefined)
      throw new Error('sample company lacks people for this test');
    const hire = sb.personio.add({ firstName: 'Nora', lastName: 'Newcomer', status: 'active', department: person.department });
    const mentorsText = `${supervisor.email}; ${person.id}, ${byId.id}\n${(byEmail.email ?? '').toUpperCase()}; 999999; ${inactive.id}, ${hire.id}`;
    sb.personio.update(person.id, { dynamic: { ...person.dynamic, dynamic_1146710: mentorsText } });

    const run = await sync(sb, config);
    expect(run.code, run.stdout).toBe(0);
    const idOf = (id: number): string => sb.leapsome.getUser(String(id))?.id ?? '?';
    const user = sb.leapsome.getUser(String(person.id));
    expect([...(user?.additionalManagerIds ?? [])].sort()).toEqual([idOf(byId.id), idOf(byEmail.id), idOf(hire.id)].sort());
    expect(user?.managerId).toBe(idOf(supervisor.id));
    // One PATCH for the person, after the new hire was created.
    const patch = sb.requests.find((r) => r.method === 'PATCH' && r.path.endsWith(`/Users/${user?.id}`));
    const created = sb.requests.find((r) => r.method === 'POST' && r.route === '/Users');
    expect(patch?.seq).toBeGreaterThan(created?.seq ?? Infinity);
    expect(patchesOf(sb, user?.id ?? '')).toHaveLength(1);
    const summary = shown(run.summary);
    expect(summary).toContain('"999999" is not a Personio employee id, so it is left out');
    expect(summary).toContain(
      `"${inactive.id}" is ${inactive.preferredName || `${inactive.firstName} ${inactive.lastName}`}, whose status inactive is not synced`,
    );

    // Compared as a set: the same people in another order is no change.
    sb.personio.update(person.id, { dynamic: { ...person.dynamic, dynamic_1146710: `${hire.id}; ${byEmail.email}, ${byId.id}` } });
    expect((await sync(sb, config)).writes).toBe(0);
  });
});

describe('an approved plan made with fields', () => {
  it('is applied with the fields it was made with, and skips a user whose mapped field was edited since', async () => {
    const sb = await start();
    expect((await sync(sb, null)).code).toBe(0); // the users exist, without the mapped fields
    const planned = await sync(sb, FULL_MAPPING, { 'dry-run': 'true' });
    expect(planned.code, planned.stdout).toBe(0);
    expect(planned.writes).toBe(0);
    const planFile = planned.outputs['plan-file'] as string;
    const doc = JSON.parse(readFileSync(planFile, 'utf8')) as { version: number; fields: string[] };
    expect(doc.version).toBe(3);
    expect(doc.fields).toEqual([
      'title',
      'location',
      'start-date',
      'end-date',
      'birthday',
      'level',
      'division',
      'cost-center',
      'additional-managers',
      `custom.${SKILLS_ID}`,
      `custom.${CONTRACT_ID}`,
      `custom.${REMOTE_DAYS_ID}`,
    ]);

    const someone = sb.personio.list().find((e) => e.status === 'active');
    const edited = sb.leapsome.getUser(String(someone?.id));
    if (edited === undefined) throw new Error('user missing');
    sb.leapsome.editUser(edited.id, { custom: { [SKILLS_ID]: 'Edited by hand' } });

    // The apply job has no config file and no Personio credentials: the plan carries what it needs.
    const workDir = mkdtempSync(join(tmpdir(), 'pls-fields-apply-'));
    copyFileSync(planFile, join(workDir, 'approved.json'));
    sb.resetLog();
    const applied = await runAction({
      workDir,
      inputs: {
        'leapsome-scim-token': sb.credentials.leapsomeToken,
        'leapsome-base-url': sb.leapsomeUrl,
        cache: 'false',
        'plan-file': 'approved.json',
      },
    });
    expect(applied.code, applied.stdout).toBe(1); // the edited user was not applied
    expect(applied.outputs.failed).toBe('1');
    expect(applied.summary).toContain('the Leapsome user changed since the plan was made');
    expect(sb.leapsome.getUser(edited.id)?.custom[SKILLS_ID]).toBe('Edited by hand');
    // Gender is off: the values the first run wrote stay, as Leapsome's own.
    const { gender: _off, ...mapped } = FULL_EXPECTATIONS;
    expect(sb.leapsome.listUsers().some((u) => u.gender !== null)).toBe(true);
    const problems = fieldDivergences(sb, mapped).filter((p) => !p.startsWith(`employee ${someone?.id}:`));
    expect(problems).toEqual([]);
  });
});
