// A setting written in the config file and the same setting given as an input follow one grammar:
// what one accepts, the other accepts, and they read it the same way.
import { describe, expect, it } from 'vitest';
import { parseConfigFile } from '../../../src/settings/config-file.js';
import { readSettings, type Settings } from '../../../src/settings/settings.js';

const CREDENTIALS: Record<string, string> = {
  'personio-client-id': 'id',
  'personio-client-secret': 'secret',
  'leapsome-scim-token': 'token',
};

/** The settings from one input, or null when the input is refused. */
function fromInput(name: string, value: string): Settings | null {
  try {
    return readSettings((n) => (n === name ? value : (CREDENTIALS[n] ?? '')));
  } catch {
    return null;
  }
}

/** The settings from one key of a config file, or null when the file (or the value it hands on) is refused. */
function fromFile(yaml: string): Settings | null {
  try {
    return readSettings((n) => CREDENTIALS[n] ?? '', parseConfigFile(yaml, 'config.yml'));
  } catch {
    return null;
  }
}

describe('one grammar for inputs and the config file', () => {
  const thresholds = [
    '0',
    '10',
    '007',
    '5.0',
    '0%',
    '20%',
    '12.5%',
    '100%',
    '100.0%',
    '005%',
    '20 %',
    '150%',
    '100.5%',
    '1.5',
    '-1',
    'many',
    '20%%',
    '1e3',
  ];

  it.each(thresholds)('max-deactivations %j: accepted by both or refused by both, read alike', (text) => {
    const input = fromInput('max-deactivations', text);
    const file = fromFile(`max-deactivations: "${text}"`);
    expect(file === null, `file ${text}`).toBe(input === null);
    expect(file?.plan.maxDeactivations).toEqual(input?.plan.maxDeactivations);
  });

  it('reads the thresholds the inputs always accepted the same way as before', () => {
    expect(fromInput('max-source-drop', '007')?.maxSourceDrop).toEqual({ kind: 'count', value: 7 });
    expect(fromInput('max-source-drop', '5.0')?.maxSourceDrop).toEqual({ kind: 'count', value: 5 });
    expect(fromInput('max-source-drop', '005%')?.maxSourceDrop).toEqual({ kind: 'percent', value: 5 });
    expect(fromInput('max-source-drop', ' 12.5 % ')?.maxSourceDrop).toEqual({ kind: 'percent', value: 12.5 });
  });

  const rules = [
    'email:*@contractor.example.com',
    'department:Board',
    'department: R&D: Lab',
    'id:1042',
    'id: 1042 ',
    'id:abc',
    'name:Bob',
    'email:',
    'department',
    ':x',
  ];

  it.each(rules)('exclude rule %j: accepted by both or refused by both, read alike', (rule) => {
    const input = fromInput('exclude', rule);
    const file = fromFile(`exclude:\n  - ${JSON.stringify(rule)}`);
    expect(file === null, `file ${rule}`).toBe(input === null);
    expect(file?.plan.exclude).toEqual(input?.plan.exclude);
  });

  it.each(['department', 'dynamic_1146702', 'team,office', 'division', 'dynamic_', 'dynamic_x'])(
    'teams-from %j: the same sources in both',
    (source) => {
      const input = fromInput('teams-from', source);
      const file = fromFile(`teams-from: [${source}]`);
      expect(file === null, `file ${source}`).toBe(input === null);
      expect(file?.plan.teamsFrom).toEqual(input?.plan.teamsFrom);
    },
  );

  it("lets an input write list values and an exclude rule's kind in any case, as inputs always could; the file writes them in lower case", () => {
    expect(fromInput('teams-from', 'Department,Dynamic_1')?.plan.teamsFrom).toEqual(['department', 'dynamic_1']);
    expect(fromInput('exclude', 'Email:*@x.example.com')?.plan.exclude).toEqual([{ kind: 'email', glob: '*@x.example.com' }]);
    expect(fromFile('teams-from: [Department]')).toBeNull();
    expect(fromFile('exclude: ["Email:*@x.example.com"]')).toBeNull();
  });
});
