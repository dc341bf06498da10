// The release helper the release workflow runs (scripts/release.mjs), run as a process in a scratch
// copy of the files it reads, and the CHANGELOG it reads.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/paths.js';

const SCRIPT = join(REPO_ROOT, 'scripts', 'release.mjs');

function release(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scratch(version: string, changelog: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pls-release-'));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'scratch', version, private: true }, null, 2)}\n`);
  writeFileSync(
    join(dir, 'package-lock.json'),
    `${JSON.stringify({ name: 'scratch', version, lockfileVersion: 3, requires: true, packages: { '': { name: 'scratch', version } } }, null, 2)}\n`,
  );
  writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
  return dir;
}

const CHANGELOG = `# Changelog

## [Unreleased]

### Fixed

- A later fix.

## [1.1.0] - 2026-12-10

### Added

- Level mapping.

## [1.0.0] - 2026-12-01

### Added

- The first release.

[unreleased]: https://example.com/compare/v1.1.0...HEAD
[1.1.0]: https://example.com/compare/v1.0.0...v1.1.0
`;

describe('release.mjs notes', () => {
  it("prints the tag's CHANGELOG section, without the heading or the link definitions", () => {
    const r = release(scratch('1.1.0', CHANGELOG), 'notes', 'v1.1.0');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('### Added\n\n- Level mapping.\n');
    expect(release(scratch('1.0.0', CHANGELOG), 'notes', 'v1.0.0').stdout).toBe('### Added\n\n- The first release.\n');
  });

  it("refuses a tag that does not name package.json's version, or is not v<semver>", () => {
    const dir = scratch('1.1.0', CHANGELOG);
    expect(release(dir, 'notes', 'v1.0.0')).toMatchObject({
      code: 1,
      stdout: '',
      stderr: "release: tag v1.0.0 does not name package.json's version 1.1.0\n",
    });
    expect(release(dir, 'notes', '1.1.0').stderr).toContain('release tags are v<version>');
    expect(release(scratch('1.1', CHANGELOG), 'notes', 'v1.1').stderr).toContain('"1.1" is not a semantic version');
  });

  it('refuses a version without a dated section that lists changes', () => {
    expect(release(scratch('1.2.0', CHANGELOG), 'notes', 'v1.2.0').stderr).toContain(
      'CHANGELOG.md has no "## [1.2.0] - YYYY-MM-DD" section',
    );
    const undated = CHANGELOG.replace('## [1.1.0] - 2026-12-10', '## [1.1.0]');
    expect(release(scratch('1.1.0', undated), 'notes', 'v1.1.0').stderr).toContain('has no release date');
    const empty = CHANGELOG.replace('### Added\n\n- Level mapping.\n', '');
    expect(release(scratch('1.1.0', empty), 'notes', 'v1.1.0')).toMatchObject({
      code: 1,
      stderr: "release: CHANGELOG.md's section 1.1.0 lists no changes\n",
    });
  });

  it('accepts a pre-release tag with its own section', () => {
    const rc = CHANGELOG.replace(
      '## [1.1.0] - 2026-12-10',
      '## [2.0.0-rc.1] - 2027-01-05\n\n### Changed\n\n- Breaking.\n\n## [1.1.0] - 2026-12-10',
    );
    expect(release(scratch('2.0.0-rc.1', rc), 'notes', 'v2.0.0-rc.1')).toMatchObject({ code: 0, stdout: '### Changed\n\n- Breaking.\n' });
  });
});

describe('release.mjs prepare', () => {
  it('moves the [Unreleased] entries into a dated section and sets the version in package.json and its lock', () => {
    const dir = scratch('1.1.0', CHANGELOG);
    const r = release(dir, 'prepare', '1.1.1', '--date', '2026-12-20');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('## [Unreleased]\n\n## [1.1.1] - 2026-12-20\n\n### Fixed\n\n- A later fix.\n\n## [1.1.0] - 2026-12-10\n');
    expect(changelog.endsWith('[1.1.0]: https://example.com/compare/v1.0.0...v1.1.0\n')).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version).toBe('1.1.1');
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as {
      version: string;
      packages: Record<string, { version: string }>;
    };
    expect([lock.version, lock.packages['']?.version]).toEqual(['1.1.1', '1.1.1']);
    // What the release workflow then reads.
    expect(release(dir, 'notes', 'v1.1.1').stdout).toBe('### Fixed\n\n- A later fix.\n');
  });

  it('refuses an empty [Unreleased], a version that already has a section, and a bad date', () => {
    const nothing = CHANGELOG.replace('### Fixed\n\n- A later fix.\n', '');
    expect(release(scratch('1.1.0', nothing), 'prepare', '1.1.1').stderr).toContain('lists nothing under [Unreleased]');
    expect(release(scratch('1.1.0', CHANGELOG), 'prepare', '1.1.0').stderr).toContain('already has a section 1.1.0');
    expect(release(scratch('1.1.0', CHANGELOG), 'prepare', '1.1.1', '--date', '20.12.2026').stderr).toContain('is not a date');
    const dir = scratch('1.1.0', CHANGELOG);
    release(dir, 'prepare', 'v1.1.1');
    expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toBe(CHANGELOG); // nothing written on a refusal
  });

  it("turns this repository's CHANGELOG into release notes", () => {
    const dir = scratch('0.1.0', readFileSync(join(REPO_ROOT, 'CHANGELOG.md'), 'utf8'));
    expect(release(dir, 'prepare', '1.0.0', '--date', '2026-12-01').code).toBe(0);
    const notes = release(dir, 'notes', 'v1.0.0');
    expect(notes.code, notes.stderr).toBe(0);
    expect(notes.stdout).toMatch(/^### Added\n\n- /);
  });
});

describe('release.mjs major-tag', () => {
  function repoWithTags(...tags: string[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'pls-tags-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'x');
    for (const tag of tags) git('tag', tag);
    return dir;
  }

  it('names the major tag for the newest release of that major version', () => {
    expect(release(repoWithTags('v1.0.0'), 'major-tag', 'v1.0.0')).toMatchObject({ code: 0, stdout: 'v1\n' });
    expect(release(repoWithTags('v1', 'v1.0.0', 'v1.0.1', 'v2.0.0', 'v1.1.0-rc.1'), 'major-tag', 'v1.0.1').stdout).toBe('v1\n');
    expect(release(repoWithTags('v1.9.0', 'v2.0.0'), 'major-tag', 'v2.0.0').stdout).toBe('v2\n');
  });

  it('leaves the major tag alone for a pre-release, or a patch to an older line', () => {
    const rc = release(repoWithTags('v1.0.0', 'v1.1.0-rc.1'), 'major-tag', 'v1.1.0-rc.1');
    expect(rc).toMatchObject({ code: 0, stdout: '', stderr: 'The major tag stays where it is: v1.1.0-rc.1 is a pre-release.\n' });
    const backport = release(repoWithTags('v1.0.0', 'v1.1.0', 'v1.0.1'), 'major-tag', 'v1.0.1');
    expect(backport).toMatchObject({
      code: 0,
      stdout: '',
      stderr: 'The major tag stays where it is: v1.1.0 is newer in the same major version.\n',
    });
  });
});

describe('CHANGELOG.md', () => {
  const changelog = readFileSync(join(REPO_ROOT, 'CHANGELOG.md'), 'utf8');

  it('follows Keep a Changelog 1.1.0: [Unreleased] first, dated versions, the six kinds of change', () => {
    const headings = changelog.split('\n').filter((line) => line.startsWith('## '));
    expect(changelog.startsWith('# Changelog\n')).toBe(true);
    expect(headings[0]).toBe('## [Unreleased]');
    for (const heading of headings.slice(1)) expect(heading).toMatch(/^## \[\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\] - \d{4}-\d{2}-\d{2}$/);
    for (const kind of changelog.split('\n').filter((line) => line.startsWith('### '))) {
      expect(['### Added', '### Changed', '### Deprecated', '### Removed', '### Fixed', '### Security']).toContain(kind);
    }
  });
});
