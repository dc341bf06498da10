// Every action our workflows use, and every action the example workflows tell users to copy, is
// pinned to a full commit SHA with its version as a comment (OpenSSF Scorecard's Pinned-Dependencies
// check: https://github.com/ossf/scorecard/blob/main/docs/checks.md#pinned-dependencies). A tag can
// be moved to other code; a commit cannot. Dependabot updates the SHA and the comment together, and
// only recognises a comment that ends with the version.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT } from '../../support/paths.js';

interface Source {
  readonly name: string;
  readonly text: string;
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(join(REPO_ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(REPO_ROOT, dir, f));

const markdownFiles = (): string[] => [
  join(REPO_ROOT, 'README.md'),
  ...readdirSync(join(REPO_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(REPO_ROOT, 'docs', f)),
];

/** Workflow files, and each yaml code block of the README and docs/ that uses an action. */
function sources(): Source[] {
  const files = [...yamlFiles('.github/workflows'), ...yamlFiles('docs/workflows')].map((path) => ({
    name: relative(REPO_ROOT, path),
    text: readFileSync(path, 'utf8'),
  }));
  const blocks = markdownFiles().flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)].map((m, i) => ({
      name: `${relative(REPO_ROOT, path)} yaml block ${i + 1}`,
      text: m[1] ?? '',
    })),
  );
  return [...files, ...blocks.filter((b) => /\buses:/.test(b.text))];
}

/** Every `uses:` value in a parsed workflow (steps and reusable-workflow jobs). */
function parsedUses(text: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'uses' && typeof value === 'string') found.push(value);
        else walk(value);
      }
    }
  };
  for (const doc of parseAllDocuments(text)) {
    expect(doc.errors).toEqual([]);
    walk(doc.toJS());
  }
  return found;
}

const USES_LINE = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/;
const PINNED = /^([\w.-]+\/[\w.-]+)(\/[^@\s]+)?@([0-9a-f]{40})$/;
const VERSION_COMMENT = /^ # (v\d+\.\d+\.\d+)$/;
const OUR_ACTION = /^[^/]+\/personio-leapsome-sync@/;

interface Pin {
  readonly where: string;
  readonly action: string;
  readonly sha: string;
  readonly version: string;
}

function check(sources: readonly Source[]): { problems: string[]; pins: Pin[] } {
  const problems: string[] = [];
  const pins: Pin[] = [];
  for (const { name, text } of sources) {
    const lines = text.split('\n').flatMap((line, i) => {
      const m = USES_LINE.exec(line);
      return m === null ? [] : [{ where: `${name}:${i + 1}`, ref: m[1] ?? '', rest: m[2] ?? '' }];
    });
    // Every `uses:` the YAML holds is on a line of its own that this check reads.
    expect(lines.map((l) => l.ref).sort(), name).toEqual(parsedUses(text).sort());
    for (const { where, ref, rest } of lines) {
      if (ref.startsWith('./')) continue; // this repository's own action or workflow, at the same commit
      if (OUR_ACTION.test(ref) && /@v\d+$/.test(ref) && rest.trim() === '') continue; // users' choice of our major tag, see the README
      const pinned = PINNED.exec(ref);
      const version = VERSION_COMMENT.exec(rest);
      if (pinned === null) problems.push(`${where}: ${ref} is not pinned to a full 40-character commit SHA`);
      else if (version === null) problems.push(`${where}: ${ref} needs its version as the line's last comment, e.g. "# v1.2.3"`);
      else pins.push({ where, action: `${pinned[1]}${pinned[2] ?? ''}`, sha: pinned[3] ?? '', version: version[1] ?? '' });
    }
  }
  // One action, one pin, wherever it is used: what users copy is what CI runs.
  const byAction = new Map<string, Pin[]>();
  for (const pin of pins) byAction.set(pin.action, [...(byAction.get(pin.action) ?? []), pin]);
  for (const [action, uses] of byAction) {
    const distinct = new Set(uses.map((p) => `${p.sha} # ${p.version}`));
    if (distinct.size > 1)
      problems.push(
        `${action} is pinned in ${distinct.size} ways: ${uses.map((p) => `${p.where} ${p.sha.slice(0, 7)} ${p.version}`).join(', ')}`,
      );
  }
  return { problems, pins };
}

describe('actions in workflows', () => {
  const all = sources();

  it('covers our workflows, the example workflows and the workflow steps quoted in the README', () => {
    const names = all.map((s) => s.name);
    for (const name of [
      '.github/workflows/ci.yml',
      '.github/workflows/release.yml',
      'docs/workflows/sync.yml',
      'docs/workflows/plan-comment.yml',
      'docs/workflows/reviewed-apply.yml',
    ]) {
      expect(names).toContain(name);
    }
    expect(names.filter((n) => n.startsWith('README.md yaml block')).length).toBeGreaterThanOrEqual(1);
  });

  it('keeps one copy of each example workflow: the README links them and quotes no action but ours', () => {
    // Dependabot rewrites the pins in docs/workflows/; a pinned action quoted in the README would go stale.
    const readme = all.filter((s) => s.name.startsWith('README.md yaml block'));
    for (const block of readme) for (const ref of parsedUses(block.text)) expect(ref, block.name).toMatch(OUR_ACTION);
    expect(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')).toContain('(docs/workflows/sync.yml)');
    // Our own workflows build and release the action; none of them is another copy of an example that runs it.
    for (const file of yamlFiles('.github/workflows')) {
      for (const ref of parsedUses(readFileSync(file, 'utf8')))
        expect(ref, relative(REPO_ROOT, file)).not.toMatch(/^\.\/$|^\.$|personio-leapsome-sync@/);
    }
  });

  it('are pinned to a full commit SHA with the version as a comment, the same pin everywhere', () => {
    const { problems, pins } = check(all);
    expect(problems).toEqual([]);
    expect(new Set(pins.map((p) => p.action))).toEqual(
      new Set(['actions/checkout', 'actions/setup-node', 'actions/upload-artifact', 'actions/download-artifact']),
    );
  });

  it('catches a tag, a short SHA, a missing or trailing version comment, and two pins of one action', () => {
    const sha = 'a'.repeat(40);
    const workflow = (...uses: string[]) => ({
      name: 'w.yml',
      text: `jobs:\n  j:\n    steps:\n${uses.map((u) => `      - uses: ${u}\n`).join('')}`,
    });
    expect(check([workflow('actions/checkout@v7')]).problems).toEqual([
      'w.yml:4: actions/checkout@v7 is not pinned to a full 40-character commit SHA',
    ]);
    expect(check([workflow('actions/checkout@3d3c42e # v7.0.1')]).problems).toHaveLength(1);
    expect(check([workflow(`actions/checkout@${sha}`)]).problems).toEqual([
      `w.yml:4: actions/checkout@${sha} needs its version as the line's last comment, e.g. "# v1.2.3"`,
    ]);
    expect(check([workflow(`actions/checkout@${sha} # v7.0.1; for the config`)]).problems).toHaveLength(1);
    expect(check([workflow(`actions/checkout@${sha} # v7`)]).problems).toHaveLength(1);
    expect(check([workflow(`actions/checkout@${sha} # v7.0.1`, `actions/checkout@${'b'.repeat(40)} # v7.0.0`)]).problems).toEqual([
      `actions/checkout is pinned in 2 ways: w.yml:4 aaaaaaa v7.0.1, w.yml:5 bbbbbbb v7.0.0`,
    ]);
    expect(check([workflow('<owner>/personio-leapsome-sync@main')]).problems).toHaveLength(1);
    expect(check([workflow(`actions/checkout@${sha} # v7.0.1`, '<owner>/personio-leapsome-sync@v1', './')]).problems).toEqual([]);
  });
});
