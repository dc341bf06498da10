// `npm run demo`: starts the sandbox (local Personio and Leapsome with a sample company), runs the
// real bundled action against it twice — the first sync, then a no-op — and prints each job
// summary in the terminal. No credentials, no network beyond loopback.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '../sandbox/index.js';

const ACTION = join(dirname(fileURLToPath(import.meta.url)), '..', 'index.js');

interface Run {
  readonly code: number | null;
  readonly summary: string;
  readonly log: string;
}

async function runAction(sandbox: Sandbox, extraInputs: Record<string, string> = {}): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'personio-leapsome-demo-'));
  const summary = join(dir, 'summary.md');
  const output = join(dir, 'output.txt');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const inputs: Record<string, string> = {
    'personio-client-id': sandbox.credentials.personioClientId,
    'personio-client-secret': sandbox.credentials.personioClientSecret,
    'leapsome-scim-token': sandbox.credentials.leapsomeToken,
    'personio-base-url': sandbox.personioUrl,
    'leapsome-base-url': sandbox.leapsomeUrl,
    'cache': 'false',
    ...extraInputs,
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    RUNNER_TEMP: dir,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [ACTION], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, summary: readFileSync(summary, 'utf8'), log };
}

/** A readable terminal rendering of the Markdown summary: tags and entities out, tables kept. */
function forTerminal(markdown: string): string {
  return markdown
    .replace(/<\/?details>|<summary>[^<]*<\/summary>/g, '')
    .replace(/<\/?i>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n');
}

function describeRequests(sandbox: Sandbox): string {
  const counts = new Map<string, { ok: number; limited: number }>();
  for (const r of sandbox.requests) {
    const key = `${r.method} ${r.route}`;
    const entry = counts.get(key) ?? { ok: 0, limited: 0 };
    if (r.status === 429) entry.limited++;
    else entry.ok++;
    counts.set(key, entry);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([endpoint, n]) => `  ${String(n.ok).padStart(5)}  ${endpoint}${n.limited > 0 ? `  (+${n.limited} answered 429 by the rate limiter, then retried)` : ''}`)
    .join('\n');
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({});
  try {
    console.log(`Sandbox up: Personio at ${sandbox.personioUrl}, Leapsome SCIM at ${sandbox.leapsomeUrl}\n`);
    for (const [title, inputs] of [
      ['Run 1: the first sync of the sample company', {}],
      ['Run 2: immediately again — nothing should change', {}],
    ] as const) {
      // A scheduled sync never follows the last one within a second; leave the rate window empty.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      sandbox.resetLog();
      const run = await runAction(sandbox, inputs);
      console.log(`\n===== ${title} (exit code ${run.code}) =====\n`);
      console.log(forTerminal(run.summary));
      console.log(`Requests seen by the sandbox:\n${describeRequests(sandbox)}\n`);
      if (run.code !== 0) {
        console.log(run.log);
        process.exitCode = 1;
      }
    }
  } finally {
    await sandbox.close();
  }
}

await main();
