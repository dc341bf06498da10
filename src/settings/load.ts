// Finds and reads the config file, then merges it with the inputs. The only settings code with I/O.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { parseConfigFile, type ConfigFile } from './config-file.js';
import { SettingsError } from './errors.js';
import { readSettings, type InputReader, type Settings } from './settings.js';

/** Read when the `config-file` input is empty and this file exists in the workspace. */
export const DEFAULT_CONFIG_FILE = '.github/personio-leapsome.yml';

export interface ConfigFileSystem {
  exists(path: string): boolean;
  read(path: string): string;
}

const nodeFs: ConfigFileSystem = { exists: existsSync, read: (path) => readFileSync(path, 'utf8') };

/** The workspace (GITHUB_WORKSPACE on a runner, else the working directory) config paths are relative to. */
export function workspaceDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_WORKSPACE !== undefined && env.GITHUB_WORKSPACE !== '' ? env.GITHUB_WORKSPACE : process.cwd();
}

/**
 * The config file to read: the `config-file` input (which must exist), else the default path when
 * it exists, else none. Returns the absolute path and the path as shown in messages.
 */
export function locateConfigFile(
  input: string,
  workspace: string,
  fs: ConfigFileSystem = nodeFs,
): { absolute: string; shown: string } | null {
  const given = input.trim();
  const absolute = isAbsolute(given) ? given : join(workspace, given === '' ? DEFAULT_CONFIG_FILE : given);
  const inside = relative(workspace, absolute);
  const shown = inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside.split(sep).join('/') : absolute;
  if (fs.exists(absolute)) return { absolute, shown };
  if (given === '') return null;
  throw new SettingsError(
    `input \`config-file\`: ${shown} does not exist (relative paths are relative to the workspace${workspace === '' ? '' : `, ${workspace}`}; did the job check out the repository?)`,
  );
}

export function loadConfigFile(input: string, workspace: string, fs: ConfigFileSystem = nodeFs): ConfigFile | null {
  const located = locateConfigFile(input, workspace, fs);
  return located === null ? null : parseConfigFile(fs.read(located.absolute), located.shown);
}

/** Inputs + config file -> Settings, reporting every problem of the file (with lines) or of the inputs. */
export function loadSettings(
  read: InputReader,
  env: NodeJS.ProcessEnv = process.env,
  fs: ConfigFileSystem = nodeFs,
  options: { readonly leapsome?: boolean } = {},
): Settings {
  return readSettings(read, loadConfigFile(read('config-file'), workspaceDir(env), fs), options);
}
