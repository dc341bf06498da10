// Dependabot watches every npm package and every folder of workflows in the repository, grouped.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../support/paths.js';

interface Update {
  'package-ecosystem': string;
  directories: string[];
  groups?: Record<string, { 'update-types'?: string[]; patterns?: string[] }>;
  schedule: { interval: string };
}

const config = parse(readFileSync(join(REPO_ROOT, '.github', 'dependabot.yml'), 'utf8')) as { version: number; updates: Update[] };
const update = (ecosystem: string): Update | undefined => config.updates.find((u) => u['package-ecosystem'] === ecosystem);

/** Folders, named from the root as Dependabot names them, that hold a tracked file matching `wanted`. */
function foldersWith(wanted: RegExp): string[] {
  const tracked = execFileSync('git', ['ls-files'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n');
  // dist/ holds ncc's {"type":"module"} package.json files, which declare no dependencies.
  return [
    ...new Set(
      tracked
        .filter((path) => wanted.test(basename(path)) && !path.startsWith('dist/'))
        .map((path) => `/${dirname(path)}`.replace(/^\/\.$/, '/')),
    ),
  ];
}

describe('.github/dependabot.yml', () => {
  it('updates every npm package in the repository (the action and tools/node24)', () => {
    const packages = foldersWith(/^package\.json$/).sort();
    expect(packages).toEqual(['/', '/tools/node24']);
    expect([...(update('npm')?.directories ?? [])].sort()).toEqual(packages);
  });

  it('updates the actions in our workflows and in the example workflows', () => {
    const workflowFolders = foldersWith(/\.ya?ml$/).filter((d) => d.endsWith('/workflows'));
    expect(workflowFolders.sort()).toEqual(['/.github/workflows', '/docs/workflows']);
    // "/" stands for /.github/workflows (and a root action.yml); any other folder is read as is.
    expect([...(update('github-actions')?.directories ?? [])].sort()).toEqual(['/', '/docs/workflows']);
    for (const dir of update('github-actions')?.directories ?? []) expect(existsSync(join(REPO_ROOT, dir))).toBe(true);
  });

  it('groups minor and patch updates into one pull request per ecosystem, weekly', () => {
    expect(config.version).toBe(2);
    for (const u of config.updates) {
      expect(u.schedule.interval, u['package-ecosystem']).toBe('weekly');
      expect(
        Object.values(u.groups ?? {}).map((g) => g['update-types']),
        u['package-ecosystem'],
      ).toEqual([['minor', 'patch']]);
    }
  });
});
