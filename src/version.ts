// The action's version, recorded in snapshots and plan files. package.json is its only source:
// the bundler inlines the value into dist/, and vitest and tsc read the file itself.
import packageJson from '../package.json' with { type: 'json' };

export const ACTION_VERSION: string = packageJson.version;
