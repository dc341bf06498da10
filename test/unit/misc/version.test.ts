import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ACTION_VERSION } from '../../../src/version.js';
import { REPO_ROOT } from '../../support/paths.js';

describe('ACTION_VERSION', () => {
  it('matches package.json, so snapshots and plan files name the release that wrote them', () => {
    const pkg = JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, 'utf8')) as { version: string };
    expect(ACTION_VERSION).toBe(pkg.version);
  });
});
