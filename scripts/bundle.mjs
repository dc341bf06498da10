// `npm run bundle`: the committed bundles (ncc), then dist/licenses.txt.
//
// The action lazy-loads @actions/cache and @actions/github, so ncc splits them into chunk files
// (dist/<id>.index.js). ncc's own `--license` writes one license file per chunk to the same name,
// and the last chunk wins: most packages went missing. So the license file is built here from
// ncc's module list instead, covering every chunk.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NCC = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js');

/** [entry, output directory]; the first one is the action, whose dependencies the license file lists. */
const BUNDLES = [
  ['src/index.ts', 'dist'],
  ['src/demo/main.ts', 'dist/demo'],
  ['src/bench/main.ts', 'dist/bench'],
  ['src/cli/index.ts', 'dist/cli'],
];

function ncc(entry, out, extra = []) {
  const result = spawnSync(process.execPath, [NCC, 'build', entry, '-o', out, '-q', ...extra], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`ncc build ${entry} failed (exit ${result.status ?? result.signal})`);
}

/** The package directories of every module ncc bundled (innermost node_modules/<name>). */
function bundledPackages(statsFile) {
  const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
  const dirs = new Set();
  const collect = (modules) => {
    for (const m of modules ?? []) {
      const id = m.identifier ?? m.name ?? '';
      // Identifiers may carry loader or type prefixes ("json|/path", "loader!/path").
      const match = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id.replace(/^.*[|!]/, ''));
      if (match) dirs.add(match[1]);
      collect(m.modules); // concatenated modules
    }
  };
  collect(stats.modules);
  return [...dirs];
}

const LICENSE_FILE = /^(licen[cs]e|copying)(\.|-|$)/i;

function licenseEntry(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const type = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'UNKNOWN');
  const file = readdirSync(dir)
    .filter((f) => LICENSE_FILE.test(f))
    .sort()[0];
  const text =
    file === undefined ? '(no license file in the package)' : readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').trim();
  return { name: pkg.name, version: pkg.version, type, text };
}

function renderLicenses(dirs) {
  const entries = dirs.map(licenseEntry);
  // One entry per package and license text; versions only where two copies differ.
  const byName = new Map();
  for (const e of entries) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
  const blocks = [];
  for (const name of [...byName.keys()].sort()) {
    const seen = new Set();
    const versions = byName
      .get(name)
      .sort((a, b) => a.version.localeCompare(b.version))
      .filter((e) => !seen.has(e.text) && seen.add(e.text));
    for (const e of versions) blocks.push(`${versions.length > 1 ? `${name}@${e.version}` : name}\n${e.type}\n${e.text}\n`);
  }
  return `${blocks.join('\n')}`;
}

const work = mkdtempSync(join(tmpdir(), 'pls-bundle-'));
try {
  // ncc does not empty its output directory, and chunk file names change with their contents.
  rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
  const [[entry, out], ...others] = BUNDLES;
  const statsFile = join(work, 'stats.json');
  ncc(entry, out, ['--stats-out', statsFile]);
  for (const [e, o] of others) ncc(e, o);
  if (!existsSync(statsFile)) throw new Error('ncc did not write its stats file');
  writeFileSync(join(ROOT, out, 'licenses.txt'), renderLicenses(bundledPackages(statsFile)));
} finally {
  rmSync(work, { recursive: true, force: true });
}
