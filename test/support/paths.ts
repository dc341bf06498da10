import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST_ENTRY = join(REPO_ROOT, 'dist', 'index.js');

/** The Node major the action runs on (runs.using: node24), as .node-version states it. */
const RUNTIME_MAJOR = readFileSync(join(REPO_ROOT, '.node-version'), 'utf8').trim().split('.')[0];

/**
 * A Node 24 binary: the one running the tests when it is Node 24 (CI's setup-node job), else the
 * one tools/node24 installs, for machines whose default Node is older.
 */
export const NODE24_BIN =
  process.versions.node.split('.')[0] === RUNTIME_MAJOR
    ? process.execPath
    : join(REPO_ROOT, 'tools', 'node24', 'node_modules', 'node', 'bin', 'node');
