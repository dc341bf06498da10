// Release helpers, run from the repository root (see docs/releasing.md):
//
//   node scripts/release.mjs prepare <X.Y.Z> [--date YYYY-MM-DD]
//       CHANGELOG.md: the [Unreleased] entries become the dated section X.Y.Z; package.json and
//       package-lock.json get version X.Y.Z (npm version). Then `npm run bundle` and commit.
//   node scripts/release.mjs notes <vX.Y.Z>
//       Checks that the tag names package.json's version and that CHANGELOG.md has a dated, non-empty
//       section for it, and prints that section: the GitHub release's notes.
//   node scripts/release.mjs major-tag <vX.Y.Z>
//       Prints the major tag (v1) that should move to this release, or nothing when it must stay:
//       a pre-release, or a patch to an older line while a newer vX.* release exists (git tag --list).
//
// CHANGELOG.md follows https://keepachangelog.com/en/1.1.0/ and versions follow https://semver.org.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?$/;
const HEADING = /^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?\s*$/;
const LINK_DEFINITION = /^\[[^\]]+\]: \S+/;

class ReleaseError extends Error {}

function parseVersion(text) {
  const m = SEMVER.exec(text);
  if (m === null) throw new ReleaseError(`"${text}" is not a semantic version X.Y.Z (https://semver.org)`);
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: m[4] ?? null };
}

function versionOfTag(tag) {
  if (!tag.startsWith('v')) throw new ReleaseError(`release tags are v<version>, e.g. v1.0.0; got "${tag}"`);
  return tag.slice(1);
}

/** The changelog's "## [...]" sections, each with its body up to the next heading or the link definitions. */
function sections(changelog) {
  const lines = changelog.split('\n');
  const found = [];
  for (const [i, line] of lines.entries()) {
    const m = HEADING.exec(line);
    if (m === null) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end].startsWith('## ') && !LINK_DEFINITION.test(lines[end])) end++;
    found.push({
      name: m[1],
      date: m[2] ?? null,
      start: i,
      end,
      body: lines
        .slice(i + 1, end)
        .join('\n')
        .trim(),
    });
  }
  return { lines, found };
}

const hasEntries = (body) => /^\s*[-*] \S/m.test(body);

/** The notes of a release: its CHANGELOG section, after checking the tag against package.json. */
function releaseNotes(tag, packageVersion, changelog) {
  const version = versionOfTag(tag);
  parseVersion(version);
  if (version !== packageVersion) throw new ReleaseError(`tag ${tag} does not name package.json's version ${packageVersion}`);
  const section = sections(changelog).found.find((s) => s.name === version);
  if (section === undefined) throw new ReleaseError(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section`);
  if (section.date === null || Number.isNaN(Date.parse(`${section.date}T00:00:00Z`)))
    throw new ReleaseError(`CHANGELOG.md's section ${version} has no release date ("## [${version}] - YYYY-MM-DD")`);
  if (!hasEntries(section.body)) throw new ReleaseError(`CHANGELOG.md's section ${version} lists no changes`);
  return `${section.body}\n`;
}

/** CHANGELOG.md with the [Unreleased] entries moved into a new section for `version`, dated `date`. */
function prepareChangelog(changelog, version, date) {
  parseVersion(version);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    throw new ReleaseError(`"${date}" is not a date YYYY-MM-DD`);
  const { lines, found } = sections(changelog);
  if (found.some((s) => s.name === version)) throw new ReleaseError(`CHANGELOG.md already has a section ${version}`);
  const unreleased = found.find((s) => s.name.toLowerCase() === 'unreleased');
  if (unreleased === undefined) throw new ReleaseError('CHANGELOG.md has no "## [Unreleased]" section');
  if (!hasEntries(unreleased.body)) throw new ReleaseError('CHANGELOG.md lists nothing under [Unreleased]: nothing to release');
  const rest = lines.slice(unreleased.end).join('\n').replace(/^\n+/, '');
  return [...lines.slice(0, unreleased.start), '## [Unreleased]', '', `## [${version}] - ${date}`, '', unreleased.body, '', rest]
    .join('\n')
    .replace(/\n+$/, '\n');
}

function compare(a, b) {
  for (const key of ['major', 'minor', 'patch']) if (a[key] !== b[key]) return a[key] - b[key];
  return 0;
}

/** The major tag to move to `tag`, or null (with the reason) when it must stay where it is. */
function majorTagFor(tag, existingTags) {
  const version = parseVersion(versionOfTag(tag));
  if (version.prerelease !== null) return { tag: null, reason: `${tag} is a pre-release` };
  const newer = existingTags
    .filter((t) => t.startsWith('v') && SEMVER.test(t.slice(1)))
    .map((t) => ({ t, v: parseVersion(t.slice(1)) }))
    .filter(({ v }) => v.prerelease === null && v.major === version.major && compare(v, version) > 0)
    .map(({ t }) => t);
  if (newer.length > 0)
    return { tag: null, reason: `${newer.join(', ')} ${newer.length === 1 ? 'is' : 'are'} newer in the same major version` };
  return { tag: `v${version.major}`, reason: null };
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new ReleaseError(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  return result.stdout;
}

function main([command, arg, ...rest]) {
  const packageVersion = () => JSON.parse(readFileSync('package.json', 'utf8')).version;
  switch (command) {
    case 'notes':
      if (arg === undefined) throw new ReleaseError('usage: release.mjs notes <vX.Y.Z>');
      process.stdout.write(releaseNotes(arg, packageVersion(), readFileSync('CHANGELOG.md', 'utf8')));
      return;
    case 'major-tag': {
      if (arg === undefined) throw new ReleaseError('usage: release.mjs major-tag <vX.Y.Z>');
      const { tag, reason } = majorTagFor(arg, run('git', ['tag', '--list', 'v*']).split('\n').filter(Boolean));
      if (tag === null) process.stderr.write(`The major tag stays where it is: ${reason}.\n`);
      else process.stdout.write(`${tag}\n`);
      return;
    }
    case 'prepare': {
      if (arg === undefined) throw new ReleaseError('usage: release.mjs prepare <X.Y.Z> [--date YYYY-MM-DD]');
      const dateFlag = rest.indexOf('--date');
      const date = dateFlag === -1 ? new Date().toISOString().slice(0, 10) : (rest[dateFlag + 1] ?? '');
      writeFileSync('CHANGELOG.md', prepareChangelog(readFileSync('CHANGELOG.md', 'utf8'), arg, date));
      // npm sets the version in package.json and package-lock.json alike.
      run('npm', ['version', arg, '--no-git-tag-version', '--allow-same-version']);
      process.stdout.write(
        `CHANGELOG.md and package.json now say ${arg}. Next: npm run bundle, commit "Release ${arg}", merge it, then tag that commit v${arg} and push the tag.\n`,
      );
      return;
    }
    default:
      throw new ReleaseError('usage: release.mjs prepare <X.Y.Z> | notes <vX.Y.Z> | major-tag <vX.Y.Z>');
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ReleaseError)) throw error;
  process.stderr.write(`release: ${error.message}\n`);
  process.exitCode = 1;
}
