// Integration tests also run the bundled action under Node 24 (the runtime GitHub uses). Unless the
// tests already run on Node 24, the binary comes from tools/node24, a separate package so it never
// shadows the system node.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { NODE24_BIN, REPO_ROOT } from './paths.js';

export default function setup(): void {
  if (!existsSync(NODE24_BIN)) {
    execFileSync('npm', ['ci', '--prefix', 'tools/node24', '--no-audit', '--no-fund'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
}
