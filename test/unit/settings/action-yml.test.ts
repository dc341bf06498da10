// action.yml and the code agree on the inputs and outputs. Settings the config file may hold have no default
// in action.yml: the runner fills defaults into INPUT_*, which would hide the file's value.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_ONLY_KEYS, INPUT_CONFIG_KEYS } from '../../../src/settings/config-schema.js';
import { INPUT_DEFAULTS } from '../../../src/settings/settings.js';
import { actionOutputs } from '../../../src/report/outputs.js';
import { dryRun, planOf } from '../report/fixtures.js';
import { REPO_ROOT } from '../../support/paths.js';

const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { description?: string }>;
};

describe('action.yml', () => {
  it('declares exactly the inputs the code reads', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(INPUT_DEFAULTS).sort());
  });

  it('gives no default to the settings the config file may hold, and documents the built-in one', () => {
    for (const key of INPUT_CONFIG_KEYS) {
      expect(action.inputs[key]?.default, key).toBeUndefined();
      const builtIn = INPUT_DEFAULTS[key];
      if (builtIn !== '') expect(action.inputs[key]?.description, key).toContain(`Default ${builtIn}`);
    }
  });

  it('has no input for the keys only the config file holds (structured values)', () => {
    for (const key of CONFIG_ONLY_KEYS) expect(action.inputs[key], key).toBeUndefined();
  });

  it('keeps the other defaults equal to the code', () => {
    for (const [name, value] of Object.entries(INPUT_DEFAULTS)) {
      if ((INPUT_CONFIG_KEYS as readonly string[]).includes(name) || name === 'github-token') continue;
      expect(action.inputs[name]?.default ?? '', name).toBe(value);
    }
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
  });

  it('declares exactly the outputs the action sets, each with a description', () => {
    // An output the action sets but action.yml leaves out is invisible in the Marketplace and in editors.
    const set = Object.keys(actionOutputs(dryRun(planOf([])), '/tmp/plan.json'));
    expect(Object.keys(action.outputs).sort()).toEqual(set.sort());
    for (const [name, output] of Object.entries(action.outputs)) expect(output.description?.trim() ?? '', name).not.toBe('');
  });
});
