// The CLI adapter (dist/cli/index.js): the same pipeline outside GitHub Actions.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { REPO_ROOT } from '../support/paths.js';

let sandbox: Sandbox | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

describe('personio-leapsome-sync CLI', () => {
  it('plans with credentials from the environment, prints the summary and keeps the snapshot locally', async () => {
    sandbox = await startSandbox({ rateLimits: false });
    const stateDir = mkdtempSync(join(tmpdir(), 'pls-cli-'));
    const env = {
      PATH: process.env.PATH ?? '',
      PERSONIO_CLIENT_ID: sandbox.credentials.personioClientId,
      PERSONIO_CLIENT_SECRET: sandbox.credentials.personioClientSecret,
      LEAPSOME_SCIM_TOKEN: sandbox.credentials.leapsomeToken,
      PERSONIO_LEAPSOME_SYNC_STATE_DIR: stateDir,
    };
    const args = [join(REPO_ROOT, 'dist', 'cli', 'index.js'), '--personio-base-url', sandbox.personioUrl, `--leapsome-base-url=${sandbox.leapsomeUrl}`];
    // The child talks to the sandbox in this process, so it must run asynchronously.
    const run = (extra: string[]) =>
      new Promise<{ status: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [...args, ...extra], { env, cwd: stateDir });
        let stdout = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stdout += c.toString()));
        child.on('close', (status) => resolve({ status, stdout }));
      });

    const dry = await run(['--dry-run']);
    expect(dry.status, dry.stdout).toBe(0);
    expect(dry.stdout).toContain('Dry run: this is the plan, nothing was written to Leapsome');
    expect(sandbox.writes()).toEqual([]);
    expect(dry.stdout).not.toContain(sandbox.credentials.personioClientSecret);

    const applied = await run([]);
    expect(applied.status, applied.stdout).toBe(0);
    expect(sandbox.leapsome.listUsers().length).toBeGreaterThan(30);
    expect(existsSync(stateDir) && readdirSync(stateDir).some((f) => f.endsWith('.enc'))).toBe(true);
  });

  it('attributes: lists what the credential may read, with value counts and the settings that use each, never a value', async () => {
    sandbox = await startSandbox({ rateLimits: false });
    const dir = mkdtempSync(join(tmpdir(), 'pls-cli-attributes-'));
    writeFileSync(join(dir, 'sync.yml'), 'fields:\n  gender: off\n  birthday: date_of_birth\n  level:\n    from: dynamic_1146703\n    map: { L1: Junior }\n  custom:\n    6140868326541a4da586db0b: dynamic_99\n');
    const env = { PATH: process.env.PATH ?? '', PERSONIO_CLIENT_ID: sandbox.credentials.personioClientId, PERSONIO_CLIENT_SECRET: sandbox.credentials.personioClientSecret };
    const run = (extra: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'cli', 'index.js'), 'attributes', '--personio-base-url', sandbox?.personioUrl ?? '', ...extra], { env, cwd: dir });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });

    const listed = await run(['--config-file', 'sync.yml']);
    const lines = listed.stdout.split('\n');
    const row = (key: string): string => lines.find((l) => l.startsWith(`${key} `)) ?? '';
    expect(lines[0]).toMatch(/^The Personio credential may read \d+ employee attributes\. Values: how many of the first 40 employees hold one\.$/);
    expect(row('dynamic_180883')).toMatch(/^dynamic_180883 +Birthday +date +date_of_birth +40\/40 +fields\.birthday$/);
    expect(row('dynamic_1146703')).toMatch(/Level +list +- +40\/40 +fields\.level$/);
    expect(row('first_name')).toMatch(/40\/40 +the sync itself/);
    expect(row('gender')).toMatch(/Gender +standard +gender +40\/40$/); // off: used by nothing
    expect(listed.stdout).toMatch(/\n {2}dynamic_1146703 +L1, L2, L3, L4, L5\n/);
    expect(listed.stdout).toContain('  dynamic_99  fields.custom.6140868326541a4da586db0b, sync.yml:8');
    expect(listed.status).toBe(2); // the settings need an attribute it cannot read
    const someone = sandbox.personio.list()[0];
    for (const value of [someone?.email, someone?.lastName, someone?.dynamic['dynamic_180883']]) expect(listed.stdout).not.toContain(String(value));

    sandbox.personio.setWhitelist(['first_name', 'last_name', 'email', 'status', 'supervisor', 'preferred_name', 'department', 'position', 'office', 'hire_date', 'termination_date']);
    const narrow = await run([]);
    expect(narrow.status, narrow.stderr).toBe(2); // gender is read by default and is not readable now
    expect(narrow.stdout).not.toMatch(/^dynamic_/m);
    expect(narrow.stdout).toMatch(/\n {2}gender {2}fields\.gender\n/);

    const denied = await new Promise<number | null>((resolve) => {
      spawn(process.execPath, [join(REPO_ROOT, 'dist', 'cli', 'index.js'), 'attributes', '--personio-base-url', sandbox?.personioUrl ?? ''], { env: { PATH: env.PATH, PERSONIO_CLIENT_ID: 'x', PERSONIO_CLIENT_SECRET: 'y' } }).on('close', resolve);
    });
    expect(denied).toBe(2);
  });

  it('refuses a secret given as a flag before doing anything', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli', 'index.js'), '--leapsome-scim-token', 'abc'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('LEAPSOME_SCIM_TOKEN');
  });
});
