import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST_ENTRY = join(REPO_ROOT, 'dist', 'index.js');
export const NODE24_BIN = join(REPO_ROOT, 'tools', 'node24', 'node_modules', 'node', 'bin', 'node');
