// Entry of dist/cli/index.js: flags and environment -> INPUT_* -> the action's own run().
import { run } from '../main.js';
import { CREDENTIALS_FROM_ENV, inputsFromArgs, USAGE } from './args.js';
import { attributesCommand } from './attributes.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === 'attributes') {
    process.exitCode = await attributesCommand(args.slice(1));
    return;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const inputs = inputsFromArgs(args);
  for (const [name, variable] of Object.entries(CREDENTIALS_FROM_ENV)) inputs[name] = process.env[variable] ?? '';
  // @actions/core reads inputs from INPUT_<NAME> (hyphens kept), exactly as on a runner.
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  await run();
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});
