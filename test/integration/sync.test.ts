// The bundled action (node dist/index.js), run as GitHub runs it, against the sandbox.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { divergences } from '../../src/sandbox/oracle.js';
import { NODE24_BIN, REPO_ROOT } from '../support/paths.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { sandboxPerTest } from '../support/sandbox-per-test.js';
import { sandboxInputs } from '../../src/sandbox/action-process.js';

const packageVersion = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const declaredOutputs = Object.keys(
  (parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { outputs: Record<string, unknown> }).outputs,
).sort();

const start = sandboxPerTest();

function inputsFor(sb: Sandbox, extra: Record<string, string> = {}): Record<string, string> {
  return { ...sandboxInputs(sb), cache: 'false', ...extra };
}

async function sync(sb: Sandbox, extra: Record<string, string> = {}, node?: string): Promise<ActionRun & { writes: number }> {
  sb.resetLog();
  const run = await runAction({ inputs: inputsFor(sb, extra), ...(node ? { node } : {}) });
  return { ...run, writes: sb.writes().length };
}

function expectSecretsHidden(sb: Sandbox, run: ActionRun): void {
  for (const secret of [sb.credentials.personioClientSecret, sb.credentials.leapsomeToken]) {
    // Registered with the runner's masker, and nowhere else.
    expect(run.stdout).toContain(`::add-mask::${secret}`);
    expect(run.summary).not.toContain(secret);
    expect(run.stdout.replaceAll(`::add-mask::${secret}`, '')).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
    expect(JSON.stringify(run.outputs)).not.toContain(secret);
  }
}

describe.each([
  [`the tests' Node (${process.versions.node})`, undefined],
  ['Node 24', NODE24_BIN],
])('first sync and a no-op on %s', (_, node) => {
  it('creates the sample company, then makes zero writes on the next run', async () => {
    const sb = await start({ rateLimits: undefined }); // the real limits: 15/s + 300/min, 30/s
    const first = await sync(sb, {}, node);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(divergences(sb)).toEqual([]);
    const inScope = sb.personio.list().filter((e) => e.status === 'active' || e.status === 'leave').length;
    const departments = new Set(
      sb.personio
        .list()
        .filter((e) => e.status === 'active' || e.status === 'leave')
        .map((e) => e.department?.id),
    ).size;
    const counts = sb.requestCounts({ api: 'leapsome' });
    // The minimum: N creates, N attribute/manager patches, D teams, one membership patch per team.
    expect(counts['POST /Users']).toBe(inScope);
    expect(counts['PATCH /Users/:id']).toBe(inScope);
    expect(counts['POST /Groups']).toBe(departments);
    expect(counts['PATCH /Groups/:id']).toBe(departments);
    expect(first.outputs).toMatchObject({
      created: String(inScope),
      'teams-created': String(departments),
      failed: '0',
      'has-changes': 'true',
    });
    expect(Object.keys(first.outputs).sort()).toEqual(declaredOutputs); // every output action.yml documents, and no other
    expect(first.summary).toContain('### Created users');
    expect(
      sb.requests.filter((r) => r.api === 'personio' && r.route !== '/v1/auth').every((r) => r.appId === 'PERSONIO_LEAPSOME_SYNC'),
    ).toBe(true);
    expectSecretsHidden(sb, first);

    await new Promise((resolve) => setTimeout(resolve, 1100)); // a new run never starts inside the last one's rate window
    const second = await sync(sb, {}, node);
    expect(second.code, second.stdout).toBe(0);
    expect(second.writes).toBe(0);
    expect(second.outputs['has-changes']).toBe('false');
    expect(second.summary).toContain('No changes: Leapsome already matches Personio.');
    const plan = JSON.parse(readFileSync(second.outputs['plan-file'] as string, 'utf8')) as {
      actionVersion: string;
      plan: { users: unknown[] };
    };
    expect(plan.plan.users).toEqual([]);
    expect(plan.actionVersion).toBe(packageVersion); // the bundle carries package.json's version
  });
});

describe('changes in Personio reach Leapsome', () => {
  it('handles hires, leavers, rehires, moves, renames, supervisor, title and email changes', async () => {
    const sb = await start();
    expect((await sync(sb)).code).toBe(0);
    const active = sb.personio.list().filter((e) => e.status === 'active');
    const [leaver, mover, promoted, renamedEmail, newBoss] = active.slice(5, 10) as [
      (typeof active)[0],
      (typeof active)[0],
      (typeof active)[0],
      (typeof active)[0],
      (typeof active)[0],
    ];
    const otherDept = active.find((e) => e.department?.id !== mover.department?.id)?.department ?? null;
    const renamedDept = active[1]?.department;
    const oldLeapsomeIdOfRenamed = sb.leapsome.getUser(String(renamedEmail.id))?.id;

    const hire = sb.personio.add({
      firstName: 'Hanna',
      lastName: 'Neu',
      status: 'active',
      department: mover.department,
      supervisorId: newBoss.id,
      position: 'Analyst',
    });
    sb.personio.update(leaver.id, { status: 'inactive', terminationDate: '2026-11-30' });
    sb.personio.update(mover.id, { department: otherDept });
    sb.personio.update(promoted.id, { position: 'Principal Engineer', supervisorId: newBoss.id });
    sb.personio.update(renamedEmail.id, { email: `renamed.${renamedEmail.id}@example.com` });
    if (renamedDept)
      for (const e of sb.personio.list().filter((x) => x.department?.id === renamedDept.id))
        sb.personio.update(e.id, { department: { id: renamedDept.id, name: `${renamedDept.name} & Co` } });

    const run = await sync(sb);
    expect(run.code, run.stdout).toBe(0);
    expect(divergences(sb)).toEqual([]);
    expect(sb.leapsome.getUser(String(leaver.id))?.active).toBe(false);
    expect(sb.leapsome.getUser(String(hire.id))?.active).toBe(true);
    // An email change keeps the same Leapsome account.
    expect(sb.leapsome.getUser(String(renamedEmail.id))?.id).toBe(oldLeapsomeIdOfRenamed);
    expect(sb.leapsome.getUser(String(renamedEmail.id))?.userName).toBe(`renamed.${renamedEmail.id}@example.com`);
    // A department rename renames the same team rather than creating another.
    expect(sb.requestCounts()['POST /Groups'] ?? 0).toBe(0);
    expect(sb.leapsome.listTeams().some((t) => t.displayName === `${renamedDept?.name} & Co`)).toBe(true);
    expect(run.summary).toContain('### Deactivated users (1)');
    expect(run.summary).toContain('### Teams renamed (1)');
    expect(run.outputs).toMatchObject({ created: '1', deactivated: '1', 'teams-renamed': '1', 'teams-created': '0' });

    // The leaver comes back.
    sb.personio.update(leaver.id, { status: 'active', terminationDate: null });
    const rehire = await sync(sb);
    expect(rehire.code).toBe(0);
    expect(rehire.outputs.reactivated).toBe('1');
    expect(sb.requestCounts()['POST /Users'] ?? 0).toBe(0);
    expect(divergences(sb)).toEqual([]);
  });

  it('overrides manual edits in Leapsome but leaves hand-made teams and unmanaged users alone', async () => {
    const sb = await start();
    await sync(sb);
    const employee = sb.personio.list().find((e) => e.status === 'active' && e.supervisorId !== null);
    if (!employee) throw new Error('sample company has no one with a supervisor');
    const user = sb.leapsome.getUser(String(employee.id));
    if (!user) throw new Error('user missing');
    const outsider = sb.leapsome.addUser({ userName: 'freelancer@example.com', givenName: 'Free', familyName: 'Lancer' });
    const handMade = sb.leapsome.addTeam({ displayName: 'Book club', memberIds: [user.id, outsider.id] });
    sb.leapsome.editUser(user.id, { title: 'Chief Vibes Officer', manager: outsider.id, givenName: 'Nick' });

    const run = await sync(sb);
    expect(run.code).toBe(0);
    expect(divergences(sb)).toEqual([]);
    expect(run.summary).toContain('Chief Vibes Officer');
    expect(sb.leapsome.teamMembers(handMade.id).sort()).toEqual([user.id, outsider.id].sort());
    const after = sb.leapsome.getUser(outsider.id);
    expect(after).toMatchObject({ active: true, externalId: null, givenName: 'Free' });
    expect(sb.writes().filter((w) => w.path.endsWith(`/Users/${outsider.id}`) || w.path.endsWith(`/Groups/${handMade.id}`))).toEqual([]);
  });

  it('adopts a pre-existing Leapsome user with the same email instead of creating a second one', async () => {
    // A throwaway sandbox only to pick an employee of the sample company.
    const probe = await startSandbox({ rateLimits: false });
    const employee = probe.personio.list().find((e) => e.status === 'active');
    await probe.close();
    const sb = await start({
      leapsome: { users: [{ userName: (employee?.email ?? '').toUpperCase(), givenName: 'Old', familyName: 'Name' }] },
    });
    const preexisting = sb.leapsome.listUsers()[0];
    const run = await sync(sb);
    expect(run.code).toBe(0);
    expect(sb.leapsome.getUser(preexisting?.id ?? '')?.externalId).toBe(String(employee?.id));
    expect(sb.leapsome.listUsers().filter((u) => u.userName.toLowerCase() === employee?.email)).toHaveLength(1);
    expect(divergences(sb)).toEqual([]);
    expect(run.summary).toMatch(/~ user [^\n]+ <[^\n]+> {2}\(no externalId → \d+\)/);
  });
});

describe('dry-run', () => {
  it('reads both sides, reports the plan and writes nothing', async () => {
    const sb = await start();
    const run = await sync(sb, { 'dry-run': 'true' });
    expect(run.code).toBe(0);
    expect(run.writes).toBe(0);
    expect(sb.leapsome.listUsers()).toEqual([]);
    expect(run.summary).toContain('Dry run: this is the plan, nothing was written to Leapsome');
    expect(Number(run.outputs.created)).toBeGreaterThan(30);
  });
});

describe('bad records are skipped, reported, and fail the run only at the end', () => {
  it('syncs everyone else and names every bad record with its reason', async () => {
    const sb = await start();
    const people = sb.personio.list().filter((e) => e.status === 'active' && e.supervisorId !== null);
    const [noEmail, dupA, dupB, cycleA, cycleB, foreign, conflicted] = people.slice(-7) as Array<(typeof people)[0]>;
    if (!noEmail || !dupA || !dupB || !cycleA || !cycleB || !foreign || !conflicted) throw new Error('sample too small');
    sb.personio.update(noEmail.id, { email: null });
    sb.personio.update(dupB.id, { email: dupA.email });
    sb.personio.update(cycleA.id, { supervisorId: cycleB.id });
    sb.personio.update(cycleB.id, { supervisorId: cycleA.id });
    sb.personio.update(foreign.id, { email: 'someone@gmail.com' });
    sb.leapsome.addUser({ userName: conflicted.email ?? '', externalId: 'okta-123', givenName: 'X', familyName: 'Y' });
    sb.personio.injectRawEmployee({
      id: { label: 'ID', value: 99999, type: 'integer', universal_id: 'id' },
      status: { label: 'Status', value: 'retired', type: 'standard', universal_id: 'status' },
    });

    const run = await sync(sb);
    expect(run.code).toBe(1);
    const ignore = new Set([noEmail.id, dupA.id, dupB.id, foreign.id, conflicted.id]);
    // Reports of skipped supervisors lose their manager (with a warning) but are otherwise synced;
    // so are the two on a supervisor cycle, whose manager links in Leapsome are left as they were.
    const found = divergences(sb, { ignore });
    expect(found.filter((p) => !/: manager is/.test(p))).toEqual([]);
    const inCycle = (p: string): boolean => p.startsWith(`employee ${cycleA.id}: `) || p.startsWith(`employee ${cycleB.id}: `);
    expect(found.filter(inCycle)).toEqual([
      `employee ${cycleA.id}: manager is null, expected ${JSON.stringify(sb.leapsome.getUser(String(cycleB.id))?.id)}`,
      `employee ${cycleB.id}: manager is null, expected ${JSON.stringify(sb.leapsome.getUser(String(cycleA.id))?.id)}`,
    ]);
    for (const reason of ['no-email', 'duplicate-email', 'invalid-record']) expect(run.summary).toContain(reason);
    expect(run.summary).toContain('### Supervisor cycles (1)');
    // The account another integration made is a clash that names the setting taking it over.
    expect(run.summary).toMatch(/Not taken over[\s\S]*okta-123[\s\S]*adopt-users: by-email/);
    expect(run.summary).toMatch(/Failures[\s\S]*gmail/);
    expect(Number(run.outputs.failed)).toBe(7); // no email, 2 duplicates, 1 cycle, conflict, unreadable, rejected domain
    expect(run.stdout).toContain('::error');
    expect(sb.leapsome.findByUserName('someone@gmail.com')).toBeUndefined();
  });
});

describe('safety brakes', () => {
  it('refuses a mass deactivation before the first write and explains why', async () => {
    const sb = await start();
    await sync(sb);
    for (const e of sb.personio
      .list()
      .filter((x) => x.status === 'active')
      .slice(0, 15))
      sb.personio.update(e.id, { status: 'inactive' });
    sb.personio.add({ firstName: 'New', lastName: 'Hire', status: 'active' });
    const run = await sync(sb);
    expect(run.code).toBe(1);
    expect(run.writes).toBe(0);
    expect(run.summary).toContain('Refused: nothing was written to Leapsome');
    expect(run.summary).toContain('max-deactivations');
    const allowed = await sync(sb, { 'max-deactivations': '100%' });
    expect(allowed.code).toBe(0);
    expect(divergences(sb)).toEqual([]);
  });

  it('fails before any write when the Personio credential may not read a needed attribute', async () => {
    const sb = await start();
    sb.personio.setWhitelist([
      'first_name',
      'last_name',
      'email',
      'status',
      'department',
      'office',
      'hire_date',
      'termination_date',
      'preferred_name',
      'gender',
      'position',
    ]);
    const run = await sync(sb);
    expect(run.code).toBe(1);
    expect(run.writes).toBe(0);
    expect(run.stdout).toContain('supervisor');
    expect(run.summary).toContain('supervisor');
    expect(run.summary).toContain('Readable employee attributes');
  });

  it('reads employees and Leapsome while the attribute check is in flight, and writes only after it passed', async () => {
    const sb = await start({ faults: { personio: { latencyMs: 150 }, leapsome: { latencyMs: 150 } } });
    const run = await sync(sb);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const log = sb.requests;
    const check = log.find((e) => e.route === '/v1/company/employees/attributes');
    const firstPage = log.find((e) => e.route === '/v1/company/employees');
    const firstScim = log.find((e) => e.api === 'leapsome');
    const firstWrite = log.find((e) => e.api === 'leapsome' && e.method !== 'GET');
    if (!check || !firstPage || !firstScim || !firstWrite) throw new Error('expected the check, a page, a SCIM read and a write');
    const checkAnswered = check.at + check.durationMs;
    expect(firstPage.at).toBeLessThan(checkAnswered);
    expect(firstScim.at).toBeLessThan(checkAnswered);
    expect(firstWrite.at).toBeGreaterThanOrEqual(checkAnswered);
  });

  it('asks for every Personio page at once when the last snapshot tells how many employees to expect', async () => {
    const sb = await start({ company: { size: 120 } }); // two pages; small, since the first run paces its writes
    const stateDir = mkdtempSync(join(tmpdir(), 'pls-state-'));
    const run = async (): Promise<ActionRun> => {
      sb.resetLog();
      return runAction({ inputs: inputsFor(sb, { cache: 'true' }), env: { PERSONIO_LEAPSOME_SYNC_STATE_DIR: stateDir } });
    };
    /** The offsets of the pages after the first that were asked for before the first one answered. */
    const askedBeforeFirstAnswer = (): string[] => {
      const pages = sb.requests.filter((e) => e.route === '/v1/company/employees');
      const first = pages.find((e) => e.query.offset === '0');
      if (first === undefined) throw new Error('no first page');
      return pages.filter((e) => e !== first && e.at < first.at + first.durationMs).map((e) => String(e.query.offset));
    };
    sb.faults.personio.set({ latencyMs: 400 });
    const first = await run();
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(askedBeforeFirstAnswer()).toEqual([]); // no snapshot yet: the first page tells the total
    const second = await run();
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain('Restored the previous snapshot');
    expect(askedBeforeFirstAnswer()).toEqual(['100']);
    expect(sb.requestCounts({ api: 'personio' })['GET /v1/company/employees']).toBe(2);
  });

  it('fails cleanly on a rejected Leapsome token, writing nothing and leaking nothing', async () => {
    const sb = await start();
    const run = await runAction({ inputs: { ...inputsFor(sb), 'leapsome-scim-token': 'wrong-token-value' } });
    expect(run.code).toBe(1);
    expect(sb.writes()).toEqual([]);
    expect(run.summary).toMatch(/403/);
    expect(run.stdout.replaceAll('::add-mask::wrong-token-value', '')).not.toContain('wrong-token-value');
  });

  it('rejects invalid inputs with a message naming them', async () => {
    const sb = await start();
    const run = await sync(sb, { statuses: 'active,retired', 'personio-base-url': 'http://personio.example.com' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('`statuses`');
    expect(run.stdout).toContain('`personio-base-url`');
    expect(sb.requests).toEqual([]);
  });
});
