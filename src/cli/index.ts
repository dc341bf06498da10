// Entry of dist/cli/index.js, the package's bin (personio-leapsome-sync).
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
