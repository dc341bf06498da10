// `fields` (config as code): which Leapsome fields the sync owns and which Personio attributes it
// reads for them. The bundled action against the sandbox, with the config file in the workspace.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxInputs } from '../../src/sandbox/action-process.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { runAction, type ActionRun } from '../support/run-action.js';

const CONFIG = '.github/personio-leapsome.yml';

let sandbox: Sandbox | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

async function start(options: SandboxOptions = {}): Promise<Sandbox> {
  sandbox = await startSandbox({ rateLimits: false, ...options });
  return sandbox;
}

/** Runs the action with `config` as the workspace's config file (none when null). */
async function sync(sb: Sandbox, config: string | null, extra: Record<string, string> = {}): Promise<ActionRun & { writes: number }> {
  const workDir = mkdtempSync(join(tmpdir(), 'pls-fields-'));
  if (config !== null) {
    mkdirSync(join(workDir, '.github'));
    writeFileSync(join(workDir, CONFIG), config);
  }
  sb.resetLog();
  const run = await runAction({ workDir, inputs: { ...sandboxInputs(sb), cache: 'false', ...extra } });
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
  summary.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const DEFAULT_ATTRIBUTES = ['first_name', 'last_name', 'preferred_name', 'email', 'status', 'position', 'supervisor', 'hire_date', 'termination_date', 'office', 'gender', 'department'];

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

    const run = await sync(sb, 'fields:\n  gender: off\n');
    expect(run.code, run.stdout).toBe(0);
    expect(requestedAttributes(sb).has('gender')).toBe(false);
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
    for (const key of ['position', 'date_of_birth', 'dynamic_1146704', 'dynamic_1146710', 'subcompany']) expect(asked.has(key), key).toBe(false);
  });

  it('fails before any write when a mapped attribute is not readable, naming the attribute, the setting and its line', async () => {
    const sb = await start();
    sb.personio.setWhitelist([...DEFAULT_ATTRIBUTES, 'dynamic_180883']);
    const run = await sync(sb, 'statuses: [active, leave]\nfields:\n  birthday: date_of_birth\n  level:\n    from: dynamic_1146703\n    map: { L1: Junior }\n');
    expect(run.code).toBe(1);
    expect(run.writes).toBe(0);
    expect(sb.requests.filter((r) => r.api === 'personio' && r.route === '/v1/company/employees')).toEqual([]);
    expect(shown(run.summary)).toContain('Failed before any change was made to Leapsome');
    expect(shown(run.summary)).toContain(`\`dynamic_1146703\`, needed by \`fields.level\` (${CONFIG}:5), is not among the attributes this credential may read: unknown, or not allowed for it`);
    expect(shown(run.summary)).not.toContain('date_of_birth`, needed');
    // An annotation on the config file's line, so a pull request shows it on the diff.
    expect(run.stdout).toMatch(new RegExp(`::error title=personio-leapsome-sync%3A fields\\.level,file=${CONFIG.replace(/\./g, '\\.')},line=5::\`dynamic_1146703\``));
  });
});

describe('config errors in fields, with their line', () => {
  it('an unknown field fails before anything is read or written', async () => {
    const sb = await start();
    const run = await sync(sb, '# our sync\nfields:\n  birthday: date_of_birth\n  levle: dynamic_1146703\n');
    expect(run.code).toBe(1);
    expect(sb.requests).toEqual([]);
    expect(shown(run.summary)).toContain(`${CONFIG}:4: \`fields.levle\`: unknown field (did you mean \`level\`?)`);
    expect(run.stdout).toMatch(new RegExp(`::error title=personio-leapsome-sync%3A fields\\.levle,file=${CONFIG.replace(/\./g, '\\.')},line=4::`));
  });

  it('an unknown Personio attribute fails before any write, with its line', async () => {
    const sb = await start();
    const run = await sync(sb, 'fields:\n  custom:\n    6140868326541a4da586db0b:\n      from: dynamic_424242\n');
    expect(run.code).toBe(1);
    expect(run.writes).toBe(0);
    expect(shown(run.summary)).toContain(`\`dynamic_424242\`, needed by \`fields.custom.6140868326541a4da586db0b\` (${CONFIG}:4), is not among the attributes this credential may read`);
  });
});
