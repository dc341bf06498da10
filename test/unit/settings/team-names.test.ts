// The team-names key: validated with file and line, read into mappings that remember their line.
import { describe, expect, it } from 'vitest';
import { ConfigFileError, parseConfigFile } from '../../../src/settings/config-file.js';
import { readSettings } from '../../../src/settings/settings.js';

const FILE = '.github/personio-leapsome.yml';
const credentials: Record<string, string> = {
  'personio-client-id': 'id',
  'personio-client-secret': 'secret',
  'leapsome-scim-token': 'token',
};
const reader = (name: string): string => credentials[name] ?? '';

function problemsOf(text: string): string[] {
  try {
    parseConfigFile(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return (error as ConfigFileError).problems.map((p) => `${p.line}: ${p.key ?? ''}: ${p.message}`);
  }
  throw new Error('expected a ConfigFileError');
}

describe('team-names', () => {
  it('reads each entry with its source, Personio name, Leapsome name and line', () => {
    const config = parseConfigFile(
      [
        'teams-from: [department, office]',
        'team-names:',
        '  "department:Frontend": Product Engineering',
        '  department:Backend:  Product Engineering ',
        '  office:Berlin HQ: Berlin',
        '  dynamic_1146702:CC-100: Cost center 100',
      ].join('\n'),
      FILE,
    );
    expect(readSettings(reader, config).plan.teamNames).toEqual([
      { source: 'department', personioName: 'Frontend', leapsomeName: 'Product Engineering', origin: { file: FILE, line: 3 } },
      { source: 'department', personioName: 'Backend', leapsomeName: 'Product Engineering', origin: { file: FILE, line: 4 } },
      { source: 'office', personioName: 'Berlin HQ', leapsomeName: 'Berlin', origin: { file: FILE, line: 5 } },
      { source: 'dynamic_1146702', personioName: 'CC-100', leapsomeName: 'Cost center 100', origin: { file: FILE, line: 6 } },
    ]);
    expect(readSettings(reader, config).configFile?.keys).toContain('team-names');
    expect(readSettings(reader, null).plan.teamNames).toEqual([]);
  });

  it('reports an unknown source, an empty name, a name over 128 characters and a repeated key, each with its line', () => {
    const problems = problemsOf(
      [
        'team-names:',
        '  division:Sales: Sales',
        '  "Department:Eng": Engineering',
        '  "department: ": Nobody',
        '  department:Ops: "  "',
        `  department:Legal: ${'x'.repeat(129)}`,
        `  department:Finance: ${'y'.repeat(128)}`,
        '  department:Data: 2024',
      ].join('\n'),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^2: team-names\.division:Sales: unknown source: expected <source>:<Personio name>, where the source is department, team, office, subcompany or a custom attribute key/,
      ),
      expect.stringMatching(/^3: team-names\.Department:Eng: unknown source/),
      '4: team-names.department: : the Personio name after the source is empty',
      '5: team-names.department:Ops: the Leapsome team name is empty',
      '6: team-names.department:Legal: Leapsome team names are at most 128 characters',
      '8: team-names.department:Data: expected a Leapsome team name (quote names that look like numbers or dates)',
    ]);
    expect(problemsOf('team-names:\n  department:Data: Data\n  "department: data ": Data Team\n')).toEqual([
      '3: team-names.department: data : the same Personio department as "department:Data": names are matched ignoring case and surrounding spaces',
    ]);
  });
});
