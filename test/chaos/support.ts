// Shared pieces of the chaos suite: fault storms, running the bundled action fast, and the
// invariants that must hold after every run, however it ended.
import { expect } from 'vitest';
import { mulberry32 } from '../../src/sandbox/random.js';
import type { FaultConfig, Sandbox } from '../../src/sandbox/index.js';
import { divergences } from '../../src/sandbox/oracle.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { sandboxInputs } from '../../src/sandbox/action-process.js';

/** Our retry delays at 1 % (a 1 s wait becomes 10 ms) and a short timeout for hung requests. */
export const FAST_TIMING: Readonly<Record<string, string>> = { PLS_HTTP_RETRY_SCALE: '0.01', PLS_HTTP_TIMEOUT_MS: '1000' };

export interface SyncOptions {
  readonly node?: string;
  readonly killWhen?: () => boolean;
  /** Environment for the action (default FAST_TIMING). */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra action inputs. */
  readonly inputs?: Readonly<Record<string, string>>;
}

export function sync(sandbox: Sandbox, options: SyncOptions = {}): Promise<ActionRun> {
  return runAction({
    inputs: { ...sandboxInputs(sandbox), cache: 'false', ...options.inputs },
    env: { ...(options.env ?? FAST_TIMING) },
    timeoutMs: 60_000,
    ...(options.node === undefined ? {} : { node: options.node }),
    ...(options.killWhen === undefined ? {} : { killWhen: options.killWhen }),
  });
}

/**
 * A seeded storm on both APIs: 429s with and without Retry-After, nginx-style HTML 5xx pages,
 * JSON 500s, writes that are applied but answered 502/504, jittered latency and (optionally)
 * requests that never get an answer. Rates are 10–25 % per kind.
 */
export function storm(
  seed: number,
  options: { readonly hangs?: boolean; readonly personioOutage?: boolean; readonly dropRecords?: number } = {},
): { personio: FaultConfig; leapsome: FaultConfig } {
  const rand = mulberry32(seed * 7_919 + 13);
  const level = 0.1 + rand() * 0.15;
  const common: FaultConfig = {
    p429: level,
    p429NoRetryAfter: 0.5,
    // Honoured as sent; short so that a storm fits in a test.
    retryAfterSeconds: 0.05,
    p5xx: level * 0.6,
    p500: level * 0.2,
    latencyMs: 1,
    latencyJitterMs: 4,
    pHang: options.hangs === true ? 0.01 : 0,
  };
  // An outage of the employee list: most page requests fail, so that (after all retries) about
  // 40 % of the pages are lost, the first one included, which ends the run at once.
  const outage: FaultConfig = { p5xx: 0.85, only: ['GET /v1/company/employees'] };
  return {
    personio: {
      ...common,
      ...(options.personioOutage === true ? outage : {}),
      // A listing that loses records on the way, metadata untouched (a proxy, or Personio itself).
      ...(options.dropRecords === undefined ? {} : { pDropRecord: options.dropRecords }),
      seed: seed * 2 + 1,
    },
    leapsome: { ...common, p5xxAfterWrite: level, seed: seed * 2 },
  };
}

export function calm(sandbox: Sandbox): void {
  sandbox.faults.personio.clear();
  sandbox.faults.leapsome.clear();
}

/**
 * Watches the sandbox across runs. After each run it checks what must never happen, whatever
 * failed: two Leapsome users for one employee, a second POST for a user or team Leapsome already
 * confirmed, an in-scope employee deactivated, any DELETE, and secrets or HTML in the output.
 */
export class Invariants {
  private seen = 0;
  private readonly confirmedUsers = new Set<string>();
  private readonly confirmedTeams = new Set<string>();
  /** "users:alice@…" or "groups:engineering" after a POST whose outcome the client cannot know. */
  private readonly unresolved = new Set<string>();
  readonly violations: string[] = [];

  constructor(private readonly sandbox: Sandbox) {}

  /** Call after every run (before any resetLog). */
  check(label: string, run: ActionRun): void {
    const sb = this.sandbox;
    const inScope = new Set(
      sb.personio
        .list()
        .filter((e) => (e.status === 'active' || e.status === 'leave') && e.email !== null && e.email !== '')
        .map((e) => String(e.id)),
    );
    // The log is in order of answers; `seq` is the order of arrival.
    const entries = sb.requests.slice(this.seen).sort((a, b) => a.seq - b.seq);
    this.seen = sb.requests.length;
    for (const e of entries) {
      if (e.api !== 'leapsome') continue;
      const body = isRecord(e.body) ? e.body : {};
      if (e.method === 'DELETE') this.violations.push(`${label}: DELETE ${e.path}`);
      if (e.method === 'GET' && e.status === 200) this.resolveBy(e.route, e.query.filter);
      for (const [route, field, confirmed] of [
        ['/Users', 'userName', this.confirmedUsers],
        ['/Groups', 'displayName', this.confirmedTeams],
      ] as const) {
        const name = body[field];
        if (e.method !== 'POST' || e.route !== route || typeof name !== 'string') continue;
        const key = `${route.slice(1).toLowerCase()}:${name.toLowerCase()}`;
        if (confirmed.has(key)) this.violations.push(`${label}: POST ${route} again for ${key}, which Leapsome had confirmed`);
        if (this.unresolved.has(key))
          this.violations.push(`${label}: POST ${route} again for ${key} without reading Leapsome after an unknown outcome`);
        if (e.status === 201 && e.fault === null) confirmed.add(key);
        // A 5xx or no answer at all: the client cannot know whether it was created.
        if (e.status >= 500 || e.status === 0) this.unresolved.add(key);
      }
      if ((e.method === 'PATCH' || e.method === 'PUT') && e.route === '/Users/:id' && body.active === false) {
        const externalId = sb.leapsome.getUser(decodeURIComponent(e.path.split('/').pop() ?? ''))?.externalId ?? null;
        if (externalId !== null && inScope.has(externalId))
          this.violations.push(`${label}: deactivated employee ${externalId}, who should be active`);
      }
    }
    const perEmployee = new Map<string, number>();
    for (const user of sb.leapsome.listUsers()) {
      if (user.externalId !== null) perEmployee.set(user.externalId, (perEmployee.get(user.externalId) ?? 0) + 1);
    }
    for (const [id, n] of perEmployee) if (n > 1) this.violations.push(`${label}: employee ${id} has ${n} Leapsome users`);

    const output = `${run.stdout}\n${run.stderr}\n${run.summary}`
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    for (const secret of [sb.credentials.personioClientSecret, sb.credentials.leapsomeToken]) {
      if (output.includes(secret)) this.violations.push(`${label}: a secret appears in the output`);
    }
    if (/<html|<\/body>/i.test(output)) this.violations.push(`${label}: an HTML error page made it into the output`);
  }

  /** A full listing resolves every open question about that resource; a filter only its match. */
  private resolveBy(route: string, filter: string | readonly string[] | undefined): void {
    const resource = route === '/Users' ? 'users' : route === '/Groups' ? 'groups' : null;
    if (resource === null) return;
    if (filter === undefined) {
      for (const key of [...this.unresolved]) if (key.startsWith(`${resource}:`)) this.unresolved.delete(key);
      return;
    }
    const text = (Array.isArray(filter) ? filter.join(' ') : String(filter)).toLowerCase();
    for (const key of [...this.unresolved])
      if (key.startsWith(`${resource}:`) && text.includes(key.slice(resource.length + 1))) this.unresolved.delete(key);
  }

  /** Empties the request log; the invariants keep their memory. */
  resetLog(): void {
    this.sandbox.resetLog();
    this.seen = 0;
  }
}

/**
 * With faults off the next run must exit 0 and converge, and a run after a converged state must
 * write nothing. When the previous run claimed success, the first clean run is already that one.
 */
export async function expectConvergesCleanly(
  sandbox: Sandbox,
  invariants: Invariants,
  label: string,
  options: SyncOptions & { readonly previousSucceeded: boolean },
): Promise<void> {
  calm(sandbox);
  const steps = options.previousSucceeded ? ['follow-up'] : ['clean run', 'follow-up'];
  for (const step of steps) {
    invariants.resetLog();
    const run = await sync(sandbox, options);
    invariants.check(`${label} ${step}`, run);
    expect(invariants.violations).toEqual([]);
    expect(run.code, `${label} ${step} failed:\n${tail(run)}`).toBe(0);
    expect(divergences(sandbox), `${label} ${step}`).toEqual([]);
    if (step === 'follow-up')
      expect(
        sandbox.writes().map((e) => `${e.method} ${e.route}`),
        `${label} ${step} wrote`,
      ).toEqual([]);
  }
}

export function tail(run: ActionRun, lines = 25): string {
  return `${run.stdout}\n${run.stderr}`
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .slice(-lines)
    .join('\n');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
