// Lifecycle without surprises, end to end: the bundled action against the sandbox. Nobody loses
// their account over a listing that missed them or a lookup that failed; a supervisor loop costs
// only the loop's manager links; pre-boarding follows the calendar.
import { describe, expect, it } from 'vitest';
import { sandboxInputs } from '../../src/sandbox/action-process.js';
import { type Sandbox, type SandboxEmployee } from '../../src/sandbox/index.js';
import { divergences } from '../../src/sandbox/oracle.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { sandboxPerTest } from '../support/sandbox-per-test.js';

const start = sandboxPerTest();

/** Our retry delays at 1 %: a lookup that keeps failing gives up in well under a second. */
const FAST_RETRIES = { PLS_HTTP_RETRY_SCALE: '0.01' };

async function sync(sb: Sandbox, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  sb.resetLog();
  return runAction({ inputs: { ...sandboxInputs(sb), cache: 'false', ...inputs }, env });
}

const lookups = (sb: Sandbox): string[] =>
  sb.requests.filter((r) => r.route === '/v1/company/employees/:id').map((r) => r.path.split('/').pop() ?? '');
const listPages = (sb: Sandbox): number => sb.requests.filter((r) => r.route === '/v1/company/employees').length;
const userOf = (sb: Sandbox, e: SandboxEmployee) => sb.leapsome.getUser(String(e.id));
const name = (e: SandboxEmployee): string => (e.preferredName !== '' ? e.preferredName : `${e.firstName} ${e.lastName}`);

/** Active employees nobody reports to: removing one leaves everyone else's manager as it is. */
function leaves(sb: Sandbox): SandboxEmployee[] {
  const people = sb.personio.list();
  const supervisors = new Set(people.map((e) => e.supervisorId));
  return people.filter((e) => e.status === 'active' && !supervisors.has(e.id) && e.department !== null);
}

describe('an employee missing from the listing is looked up before anyone is deactivated', () => {
  it('makes no lookup in a normal no-op; one hidden from a listing but found by id stays active', async () => {
    const sb = await start();
    expect((await sync(sb)).code).toBe(0);
    const noop = await sync(sb);
    expect(noop.code).toBe(0);
    expect(lookups(sb)).toEqual([]);
    expect(sb.writes()).toEqual([]);

    const [hidden] = leaves(sb) as [SandboxEmployee];
    sb.personio.hideFromListings([hidden.id]);
    const run = await sync(sb);
    expect(run.code, run.stdout).toBe(0);
    expect(lookups(sb)).toEqual([String(hidden.id)]);
    expect(userOf(sb, hidden)?.active).toBe(true);
    expect(sb.writes()).toEqual([]);
    expect(divergences(sb)).toEqual([]);
    expect(run.summary).toContain(
      `${name(hidden)} (${hidden.id}) was missing from Personio&#39;s employee list, but looking them up by id found them`,
    );
    expect(run.outputs).toMatchObject({ deactivated: '0', failed: '0' });
  });

  it('deactivates one really removed from Personio after the lookup answered 404', async () => {
    const sb = await start();
    expect((await sync(sb)).code).toBe(0);
    const [removed] = leaves(sb) as [SandboxEmployee];
    sb.personio.remove(removed.id);
    const run = await sync(sb);
    expect(run.code, run.stdout).toBe(0);
    expect(lookups(sb)).toEqual([String(removed.id)]);
    expect(sb.requests.find((r) => r.route === '/v1/company/employees/:id')?.status).toBe(404);
    expect(sb.leapsome.getUser(String(removed.id))?.active).toBe(false);
    expect(run.outputs).toMatchObject({ deactivated: '1', failed: '0' });
    expect(run.summary).toContain('no longer in Personio (a direct lookup answered 404)');
    expect(divergences(sb)).toEqual([]);
  });

  it('leaves the user active and fails the run when the lookup keeps failing', async () => {
    const sb = await start();
    expect((await sync(sb)).code).toBe(0);
    const [removed] = leaves(sb) as [SandboxEmployee];
    const teamId = userOf(sb, removed)?.teamIds[0];
    sb.personio.remove(removed.id);
    sb.faults.personio.set({ only: ['GET /v1/company/employees/:id'], p500: 1 });
    const run = await sync(sb, {}, FAST_RETRIES);
    expect(run.code).toBe(1);
    expect(lookups(sb).length).toBeGreaterThan(1); // retried, then given up
    expect(userOf(sb, removed)).toMatchObject({ active: true });
    // Left exactly as it was, team membership included.
    expect(teamId).toBeDefined();
    expect(sb.leapsome.teamMembers(teamId ?? '')).toContain(userOf(sb, removed)?.id);
    expect(sb.writes()).toEqual([]);
    expect(run.outputs).toMatchObject({ deactivated: '0', failed: '1' });
    expect(run.summary).toContain('unconfirmed-leaver');
    expect(run.summary).toContain('looking the employee up failed&#58; personio GET /v1/company/employees/&#58;id failed&#58; HTTP 500');
    expect(run.stdout).toContain('::error');

    // Once Personio answers again, the 404 confirms it.
    sb.faults.personio.clear();
    const next = await sync(sb);
    expect(next.code).toBe(0);
    expect(userOf(sb, removed)?.active).toBe(false);
  });
});

describe('a listing that does not hold together is read again', () => {
  it('re-reads a listing whose total changed mid-read, and then acts on the consistent one', async () => {
    const sb = await start({ company: { size: 110 } });
    expect((await sync(sb)).code).toBe(0);
    const [leaver] = leaves(sb) as [SandboxEmployee];
    sb.personio.update(leaver.id, { status: 'inactive' });
    const before = sb.personio.listings();
    let hire: SandboxEmployee | null = null;
    sb.personio.duringListings(() => {
      hire = sb.personio.add({ firstName: 'Mid', lastName: 'Read', status: 'active', department: leaver.department });
    });
    const run = await sync(sb);
    expect(run.code, run.stdout).toBe(0);
    expect(sb.personio.listings() - before).toBe(2);
    expect(listPages(sb)).toBe(4); // two pages, twice
    expect(run.stdout).toContain(
      "Personio's employee list did not hold together (the total changed from 110 to 111 while the list was read",
    );
    expect(run.stdout).toContain('consistent the second time');
    expect(userOf(sb, leaver)?.active).toBe(false);
    expect(hire).not.toBeNull();
    expect(sb.leapsome.getUser(String((hire as SandboxEmployee | null)?.id))?.active).toBe(true);
    expect(divergences(sb)).toEqual([]);
  });

  it('plans no deactivation when the second read is inconsistent too, says why, and syncs everything else', async () => {
    const sb = await start({ company: { size: 110 } });
    expect((await sync(sb)).code).toBe(0);
    const [leaver] = leaves(sb) as [SandboxEmployee];
    sb.personio.update(leaver.id, { status: 'inactive' });
    const hires: SandboxEmployee[] = [];
    sb.personio.duringListings(
      () => hires.push(sb.personio.add({ firstName: 'Mid', lastName: `Read${hires.length}`, status: 'active' })),
      2,
    );
    const run = await sync(sb);
    expect(run.code).toBe(1);
    expect(userOf(sb, leaver)?.active).toBe(true);
    expect(hires.map((h) => sb.leapsome.getUser(String(h.id))?.active)).toEqual([true, true]);
    expect(run.outputs).toMatchObject({ created: '2', deactivated: '0', failed: '1' });
    expect(run.summary).toContain(
      'No deactivations this run (1 held back)&#58; Personio&#39;s employee list was still inconsistent when read a second time',
    );
    expect(run.summary).toContain('listing-inconsistent');
    // The next, calm run catches up.
    const next = await sync(sb);
    expect(next.code).toBe(0);
    expect(userOf(sb, leaver)?.active).toBe(false);
    expect(divergences(sb)).toEqual([]);
  });
});

describe('a supervisor cycle', () => {
  it('leaves both users active in their teams, their manager links as they were, and fails the run naming the cycle', async () => {
    const sb = await start();
    expect((await sync(sb)).code).toBe(0);
    const [a, b] = leaves(sb).filter((e) => e.supervisorId !== null) as [SandboxEmployee, SandboxEmployee];
    const managersBefore = [userOf(sb, a)?.managerId, userOf(sb, b)?.managerId];
    sb.personio.update(a.id, { supervisorId: b.id, position: 'Cycle Lead' });
    sb.personio.update(b.id, { supervisorId: a.id });
    const run = await sync(sb);
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ failed: '1' });
    for (const e of [a, b]) {
      const user = userOf(sb, e);
      expect(user?.active).toBe(true);
      const team = sb.leapsome.getTeam(`personio:department:${e.department?.id}`);
      expect(team?.memberIds).toContain(user?.id);
    }
    // Fields still sync; only the links inside the loop are left alone.
    expect(userOf(sb, a)?.title).toBe('Cycle Lead');
    expect([userOf(sb, a)?.managerId, userOf(sb, b)?.managerId]).toEqual(managersBefore);
    const [first, second] = a.id < b.id ? [a, b] : [b, a];
    expect(run.summary).toContain('### Supervisor cycles (1)');
    expect(run.summary).toContain(`${name(first)} (${first.id}) → ${name(second)} (${second.id}) → ${name(first)} (${first.id})`);
    expect(run.stdout).toContain(
      `::error title=personio-leapsome-sync::Supervisor cycle: ${name(first)} (${first.id}) → ${name(second)} (${second.id})`,
    );
  });
});

describe('preboard-days', () => {
  it('gives joiners their account from N days before the hire date, in their calendar, and says when', async () => {
    const sb = await start();
    const today = sb.personio.add({ firstName: 'Starts', lastName: 'Today', status: 'onboarding', hireDate: '2025-09-01' });
    const inAWeek = sb.personio.add({ firstName: 'Starts', lastName: 'InAWeek', status: 'onboarding', hireDate: '2025-09-08' });
    const inAMonth = sb.personio.add({ firstName: 'Starts', lastName: 'InAMonth', status: 'onboarding', hireDate: '2025-10-01' });
    const undated = sb.personio.add({ firstName: 'No', lastName: 'Date', status: 'onboarding', hireDate: null });
    const inputs = { 'preboard-days': '14' }; // statuses stay active,leave: preboard-days decides for onboarding
    const run = await sync(sb, inputs, { PLS_NOW: '2025-09-01T09:00:00Z' });
    expect(run.code).toBe(1); // the joiner without a hire date is reported
    expect(userOf(sb, today)?.active).toBe(true);
    expect(userOf(sb, inAWeek)?.active).toBe(true);
    expect(userOf(sb, inAMonth)).toBeUndefined();
    expect(userOf(sb, undated)).toBeUndefined();
    expect(run.stdout).toContain('PLS_NOW is set: this run pretends to start at 2025-09-01T09:00:00.000Z');
    expect(run.summary).toContain('### Pre-boarding: when onboarding employees get their account');
    expect(run.summary).toContain(
      `| Starts InAMonth &lt;${inAMonth.email?.replace('@', '&#64;')}&gt; | 2025-10-01 | 2025-09-17 | no account yet |`,
    );
    expect(run.summary).toContain(
      `| Starts InAWeek &lt;${inAWeek.email?.replace('@', '&#64;')}&gt; | 2025-09-08 | 2025-08-25 | account from this run |`,
    );
    expect(run.summary).toContain('no-hire-date');

    // The day before, still nothing; on the day, the account.
    sb.personio.update(undated.id, { hireDate: '2025-12-01' });
    expect((await sync(sb, inputs, { PLS_NOW: '2025-09-16T09:00:00Z' })).code).toBe(0);
    expect(userOf(sb, inAMonth)).toBeUndefined();
    const onTheDay = await sync(sb, inputs, { PLS_NOW: '2025-09-17T09:00:00Z' });
    expect(onTheDay.code).toBe(0);
    expect(userOf(sb, inAMonth)?.active).toBe(true);
    expect(onTheDay.outputs.created).toBe('1');
  });
});
