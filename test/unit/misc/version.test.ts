import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ACTION_VERSION } from '../../../src/version.js';
import { REPO_ROOT } from '../../support/paths.js';

describe('ACTION_VERSION', () => {
  const pkg = JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, 'utf8')) as { version: string };

  it("is package.json's version, so snapshots and plan files name the release that wrote them", () => {
    expect(ACTION_VERSION).toBe(pkg.version);
    expect(ACTION_VERSION).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  });

  it('is read from package.json, never written out a second time', () => {
    // A release bumps package.json alone (npm version); a copy elsewhere would go stale. The bundle
    // inlines the value (the integration tests read it back from the plan file the bundle writes).
    const source = readFileSync(`${REPO_ROOT}/src/version.ts`, 'utf8');
    expect(source).toMatch(/^import \w+ from '\.\.\/package\.json' with \{ type: 'json' \};$/m);
    expect(source).not.toMatch(/['"`]v?\d+\.\d+\.\d+/);
  });
});
