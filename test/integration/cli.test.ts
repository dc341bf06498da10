// The CLI adapter (dist/cli/index.js): the same pipeline outside GitHub Actions.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
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

  it('refuses a secret given as a flag before doing anything', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli', 'index.js'), '--leapsome-scim-token', 'abc'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('LEAPSOME_SCIM_TOKEN');
  });
});
