// Entry of dist/cli/index.js, the package's bin (personio-leapsome-sync).
import { main } from './main.js';
import { preferCompactHeap } from '../shared/heap.js';

preferCompactHeap();

// `plan | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
// Ctrl-C: the progress line stays where it stopped; every write is idempotent, so a rerun finishes the job.
process.once('SIGINT', () => {
  process.stderr.write('\nInterrupted. Writes already made stand; the next run picks up the rest.\n');
  process.exit(130);
});

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
