// One sandbox per test, closed after it: `const start = sandboxPerTest();` at the top of a test file.
import { afterEach } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

/** Registers the afterEach that closes the test's sandbox; the returned function starts it (rate limits off unless asked). */
export function sandboxPerTest(): (options?: SandboxOptions) => Promise<Sandbox> {
  let sandbox: Sandbox | null = null;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = null;
  });
  return async (options = {}) => {
    sandbox = await startSandbox({ rateLimits: false, ...options });
    return sandbox;
  };
}
