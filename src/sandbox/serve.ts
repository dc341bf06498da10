// Manual use: starts the sandbox with the sample company, prints URLs and credentials as one JSON
// line on stdout, and runs until SIGINT/SIGTERM.
//   node serve.js [--size 40] [--seed 42] [--domain example.com] [--personio-port 0]
//                 [--leapsome-port 0] [--no-rate-limits]

import { parseArgs } from 'node:util';
import { startSandbox } from './index.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '40' },
    seed: { type: 'string', default: '42' },
    domain: { type: 'string', default: 'example.com' },
    'personio-port': { type: 'string', default: '0' },
    'leapsome-port': { type: 'string', default: '0' },
    'no-rate-limits': { type: 'boolean', default: false },
  },
});

const int = (name: string, raw: string): number => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got ${raw}`);
  return n;
};

const sandbox = await startSandbox({
  company: { size: int('size', values.size), seed: int('seed', values.seed), domain: values.domain },
  personio: { port: int('personio-port', values['personio-port']) },
  leapsome: { port: int('leapsome-port', values['leapsome-port']) },
  ...(values['no-rate-limits'] ? { rateLimits: false as const } : {}),
});

console.log(
  JSON.stringify({
    personioUrl: sandbox.personioUrl,
    leapsomeUrl: sandbox.leapsomeUrl,
    ...sandbox.credentials,
    employees: sandbox.personio.list().length,
  }),
);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
