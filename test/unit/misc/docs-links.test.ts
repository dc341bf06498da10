// The README and the pages in docs/ link to each other, to files in the repository and to headings.
// Every such link must lead somewhere: a file that exists, and a heading that is there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/paths.js';

const pages = [
  join(REPO_ROOT, 'README.md'),
  join(REPO_ROOT, 'src', 'sandbox', 'README.md'),
  ...readdirSync(join(REPO_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(REPO_ROOT, 'docs', f)),
];

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** Markdown without its fenced code blocks, where nothing is a link or a heading. */
const prose = (text: string): string => text.replace(/^```[\s\S]*?^```/gm, '');

const anchorsOf = (path: string): Set<string> =>
  new Set([...prose(readFileSync(path, 'utf8')).matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] ?? '')));

describe('links in the README and docs/', () => {
  it.each(pages.map((p) => relative(REPO_ROOT, p)))('%s links only to files and headings that exist', (page) => {
    const path = join(REPO_ROOT, page);
    const broken: string[] = [];
    for (const [, target = ''] of prose(readFileSync(path, 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
      const [file = '', anchor] = target.split('#');
      const destination = file === '' ? path : resolve(dirname(path), file);
      if (!existsSync(destination)) broken.push(`${target}: no such file`);
      else if (anchor !== undefined && destination.endsWith('.md') && !anchorsOf(destination).has(anchor))
        broken.push(`${target}: no such heading`);
    }
    expect(broken).toEqual([]);
  });
});
