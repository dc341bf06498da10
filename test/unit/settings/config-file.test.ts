import { describe, expect, it } from 'vitest';
import { ConfigFileError, parseConfigFile } from '../../../src/settings/config-file.js';
import { DEFAULT_CONFIG_FILE, loadSettings, locateConfigFile, type ConfigFileSystem } from '../../../src/settings/load.js';
import { readSettings, SettingsError } from '../../../src/settings/settings.js';

const FILE = '.github/personio-leapsome.yml';
const credentials: Record<string, string> = {
  'personio-client-id': 'id',
  'personio-client-secret': 'secret',
  'leapsome-scim-token': 'token',
};
const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

function problemsOf(text: string): string[] {
  try {
    parseConfigFile(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    expect(error).toBeInstanceOf(SettingsError);
    return (error as ConfigFileError).problems.map((p) => `${p.file}:${p.line}: ${p.key === null ? '' : `\`${p.key}\`: `}${p.message}`);
  }
  throw new Error('expected a ConfigFileError');
}

describe('parseConfigFile', () => {
  it('turns the file into the strings the inputs carry', () => {
    const config = parseConfigFile(
      'statuses: [active, onboarding]\nteams-from:\n  - department\n  - office\nexclude:\n  - email:*@x.example\n  - id:42\nmax-deactivations: 5\nmax-source-drop: 30%\nauto-invite: true\nsummary-detail: counts\n',
      FILE,
    );
    expect(config.values).toEqual({
      statuses: 'active,onboarding',
      'teams-from': 'department,office',
      exclude: 'email:*@x.example\nid:42',
      'max-deactivations': '5',
      'max-source-drop': '30%',
      'auto-invite': 'true',
      'summary-detail': 'counts',
    });
  });

  it('takes adopt-teams and adopt-users from the file; an input given in the workflow wins', () => {
    const config = parseConfigFile('adopt-teams: by-name\nadopt-users: by-email\n', FILE);
    expect(readSettings(reader(credentials), config).plan).toMatchObject({ adoptTeams: 'by-name', adoptUsers: 'by-email' });
    const overridden = readSettings(reader({ ...credentials, 'adopt-teams': 'unmarked' }), config);
    expect(overridden.plan).toMatchObject({ adoptTeams: 'unmarked', adoptUsers: 'by-email' });
    expect(overridden.configFile?.overridden).toEqual(['adopt-teams']);
    expect(readSettings(reader(credentials), null).plan).toMatchObject({ adoptTeams: 'unmarked', adoptUsers: 'unmarked' });
    expect(problemsOf('adopt-teams: by-email\n')).toEqual([`${FILE}:1: \`adopt-teams\`: expected unmarked or by-name`]);
  });

  it('accepts an empty file, a comment-only file and an exclude list whose rules are all commented out', () => {
    expect(parseConfigFile('', FILE).values).toEqual({});
    expect(parseConfigFile('# nothing yet\n', FILE).values).toEqual({});
    expect(parseConfigFile('exclude:\n  # - id:1\n', FILE).values).toEqual({ exclude: '' });
  });

  it('reports bad YAML with the file and line', () => {
    const problems = problemsOf('statuses: [active\nteams-from: department\n');
    expect(problems[0]).toMatch(/^\.github\/personio-leapsome\.yml:\d+: not valid YAML: /);
    expect(problemsOf('statuses: [active]\nstatuses: [leave]\n')).toEqual([`${FILE}:2: not valid YAML: Map keys must be unique`]);
  });

  it('reports an unknown key with its line and the nearest known key', () => {
    expect(problemsOf('statuses: [active]\n\nteam-from: [office]\n')).toEqual([
      expect.stringMatching(
        /^\.github\/personio-leapsome\.yml:3: `team-from`: unknown key \(did you mean `teams-from`\?\); allowed: statuses, preboard-days, teams-from, /,
      ),
    ]);
    expect(problemsOf('maxDeactivations: 3\n')[0]).toContain('did you mean `max-deactivations`?');
  });

  it('reports wrong types and values with file, line and key, every problem at once', () => {
    const problems = problemsOf(
      [
        'statuses: active',
        'teams-from: [department, division]',
        'auto-invite: yes',
        'max-deactivations: "150%"',
        'exclude:',
        '  - id:7',
        '  - name:Bob',
        'summary-detail: some',
      ].join('\n'),
    );
    expect(problems).toEqual([
      `${FILE}:1: \`statuses\`: expected a list, e.g. [active]`,
      `${FILE}:2: \`teams-from.1\`: expected one of department, team, office, subcompany, or a Personio custom attribute key such as dynamic_1146702`,
      `${FILE}:3: \`auto-invite\`: expected true or false`,
      `${FILE}:4: \`max-deactivations\`: expected a whole number such as 10 or a percentage up to "100%"`,
      `${FILE}:7: \`exclude.1\`: expected email:<glob>, department:<name> or id:<personio id>`,
      `${FILE}:8: \`summary-detail\`: expected full or counts`,
    ]);
  });

  it('rejects secrets and input-only settings with the reason, never echoing the value', () => {
    const problems = problemsOf('leapsome-scim-token: s3cr3t-t0ken\npersonio-base-url: https://evil.example\ndry-run: true\n');
    expect(problems[0]).toContain('`leapsome-scim-token`: not allowed in the config file: credentials belong in GitHub secrets');
    expect(problems[1]).toContain('`personio-base-url`: not allowed in the config file: it decides where the credentials are sent');
    expect(problems[2]).toContain('`dry-run`: not allowed in the config file');
    expect(problems.join('\n')).not.toContain('s3cr3t-t0ken');
  });

  it('requires a mapping at the top', () => {
    expect(problemsOf('- active\n- leave\n')).toEqual([`${FILE}:1: expected a mapping of settings, e.g. \`statuses: [active, leave]\``]);
  });
});

describe('precedence: input, then config file, then built-in default', () => {
  const config = parseConfigFile('statuses: [active]\nteams-from: [office]\nmax-deactivations: 3\nsummary-detail: counts\n', FILE);

  it('takes the file over the defaults', () => {
    const s = readSettings(reader(credentials), config);
    expect(s.plan.statuses).toEqual(['active']);
    expect(s.plan.teamsFrom).toEqual(['office']);
    expect(s.plan.maxDeactivations).toEqual({ kind: 'count', value: 3 });
    expect(s.summaryDetail).toBe('counts');
    expect(s.plan.exclude).toEqual([]); // not in the file: default
    expect(s.configFile).toEqual({ path: FILE, keys: ['statuses', 'teams-from', 'max-deactivations', 'summary-detail'], overridden: [] });
  });

  it('reads preboard-days from the file, with the input taking precedence, and checks it with the line', () => {
    const config = parseConfigFile('preboard-days: 14\n', FILE);
    expect(readSettings(reader(credentials), config).plan.preboardDays).toBe(14);
    expect(readSettings(reader({ ...credentials, 'preboard-days': '3' }), config).plan.preboardDays).toBe(3);
    expect(readSettings(reader(credentials), parseConfigFile('preboard-days:\n', FILE)).plan.preboardDays).toBeNull();
    expect(problemsOf('statuses: [active]\npreboard-days: -2\n')).toEqual([`${FILE}:2: \`preboard-days\`: cannot be negative`]);
    expect(problemsOf('preboard-days: two weeks\n')).toEqual([
      `${FILE}:1: \`preboard-days\`: expected a whole number of days from 0 to 3650`,
    ]);
  });

  it('takes a non-empty input over the file, and says which keys it overrode', () => {
    const s = readSettings(reader({ ...credentials, 'teams-from': 'department', 'summary-detail': 'full' }), config);
    expect(s.plan.teamsFrom).toEqual(['department']);
    expect(s.summaryDetail).toBe('full');
    expect(s.plan.statuses).toEqual(['active']);
    expect(s.configFile?.overridden).toEqual(['teams-from', 'summary-detail']);
  });

  it('treats an empty input as not given (action.yml gives those inputs no default)', () => {
    expect(readSettings(reader({ ...credentials, statuses: '  ' }), config).plan.statuses).toEqual(['active']);
  });

  it('needs no Personio credentials when applying a plan file', () => {
    const s = readSettings(reader({ 'leapsome-scim-token': 't', 'plan-file': 'plan.json' }));
    expect(s.planFile).toBe('plan.json');
    expect(() => readSettings(reader({ 'leapsome-scim-token': 't' }))).toThrow(/personio-client-id/);
  });
});

describe('locating the config file', () => {
  const fsWith = (files: Record<string, string>): ConfigFileSystem => ({
    exists: (path) => path in files,
    read: (path) => files[path] ?? '',
  });

  it('reads the default path when it exists, relative to the workspace', () => {
    const fs = fsWith({ [`/ws/${DEFAULT_CONFIG_FILE}`]: 'statuses: [leave]\n' });
    expect(locateConfigFile('', '/ws', fs)).toEqual({ absolute: `/ws/${DEFAULT_CONFIG_FILE}`, shown: DEFAULT_CONFIG_FILE });
    const s = loadSettings(reader(credentials), { GITHUB_WORKSPACE: '/ws' }, fs);
    expect(s.plan.statuses).toEqual(['leave']);
  });

  it('goes without a file when the default path does not exist', () => {
    expect(locateConfigFile('', '/ws', fsWith({}))).toBeNull();
    expect(loadSettings(reader(credentials), { GITHUB_WORKSPACE: '/ws' }, fsWith({})).configFile).toBeNull();
  });

  it('fails when the file named by config-file does not exist', () => {
    expect(() => locateConfigFile('config/sync.yml', '/ws', fsWith({}))).toThrow(/input `config-file`: config\/sync\.yml does not exist/);
  });
});

describe('fields: a config-only key that reaches Settings typed', () => {
  const settingsOf = (text: string) => readSettings(reader(credentials), parseConfigFile(text, FILE));
  const rules = (text: string) =>
    settingsOf(text).fields.map(({ field, from, map, default: fallback, apply, at }) => ({
      field,
      from,
      map: map === null ? null : Object.fromEntries(map),
      default: fallback,
      apply,
      line: at?.line ?? null,
    }));

  it('owns exactly what the sync always owned when there is no fields key', () => {
    const expected = [
      { field: 'title', from: 'position', map: null, default: null, apply: 'always', line: null },
      { field: 'location', from: 'office', map: null, default: null, apply: 'always', line: null },
      { field: 'start-date', from: 'hire_date', map: null, default: null, apply: 'always', line: null },
      { field: 'end-date', from: 'termination_date', map: null, default: null, apply: 'always', line: null },
      { field: 'gender', from: 'gender', map: null, default: null, apply: 'always', line: null },
    ];
    expect(rules('statuses: [active]\n')).toEqual(expected);
    expect(rules('fields: {}\n')).toEqual(expected);
    expect(readSettings(reader(credentials)).fields.map((r) => r.field)).toEqual(expected.map((r) => r.field));
  });

  it('reads short forms, off, the long form and custom attributes, each with the line it is written on', () => {
    const text = [
      'fields:',
      '  gender: off',
      '  title: false',
      '  birthday: date_of_birth',
      '  level:',
      '    from: dynamic_1146702',
      '    map: { L1: Junior, " l2 ": Intermediate }',
      '    default: Unassigned',
      '  cost-center: cost_centers',
      '  custom:',
      '    6140868326541A4DA586DB0B: dynamic_1146703',
      '    6140868326541a4da586db0c:',
      '      from: employment_type',
      '      map: { internal: Employee, external: Freelancer }',
      '      apply: on-create',
    ].join('\n');
    expect(rules(text)).toEqual([
      { field: 'location', from: 'office', map: null, default: null, apply: 'always', line: null },
      { field: 'start-date', from: 'hire_date', map: null, default: null, apply: 'always', line: null },
      { field: 'end-date', from: 'termination_date', map: null, default: null, apply: 'always', line: null },
      { field: 'birthday', from: 'date_of_birth', map: null, default: null, apply: 'always', line: 4 },
      {
        field: 'level',
        from: 'dynamic_1146702',
        map: { l1: 'Junior', l2: 'Intermediate' },
        default: 'Unassigned',
        apply: 'always',
        line: 6,
      },
      { field: 'cost-center', from: 'cost_centers', map: null, default: null, apply: 'always', line: 9 },
      { field: 'custom.6140868326541a4da586db0b', from: 'dynamic_1146703', map: null, default: null, apply: 'always', line: 11 },
      {
        field: 'custom.6140868326541a4da586db0c',
        from: 'employment_type',
        map: { internal: 'Employee', external: 'Freelancer' },
        default: null,
        apply: 'on-create',
        line: 13,
      },
    ]);
    const config = parseConfigFile(text, FILE);
    expect(config.values).toEqual({});
    expect(config.keys).toEqual(['fields']);
    expect(settingsOf(text).configFile?.keys).toEqual(['fields']);
  });

  it('reports every mistake in fields with its line and the fix', () => {
    const problems = problemsOf(
      [
        'fields:',
        '  levle: dynamic_1',
        '  level:',
        '    from: dynamic_1146702',
        '    map: { L1: Junior, L2: 2, l1: Senior }',
        '    apply: sometimes',
        '  gender: { from: gender, map: { m: man } }',
        '  birthday: { from: date_of_birth, default: 1.1.1970 }',
        '  title: { map: { a: b } }',
        '  division: { from: off }',
        '  location: "office name"',
        '  custom:',
        '    not-an-id: dynamic_7',
        '    6140868326541a4da586db0b: [dynamic_7]',
      ].join('\n'),
    );
    expect(problems).toEqual([
      `${FILE}:2: \`fields.levle\`: unknown field (did you mean \`level\`?); allowed: title, location, start-date, end-date, gender, birthday, level, division, cost-center, additional-managers, custom`,
      `${FILE}:5: \`fields.level.map.L2\`: expected text (quote numbers and dates): map values are what Leapsome gets`,
      `${FILE}:6: \`fields.level.apply\`: expected always or on-create`,
      `${FILE}:7: \`fields.gender.map.m\`: gender takes male, female, diverse, not "man"`,
      `${FILE}:8: \`fields.birthday.default\`: birthday takes a date as YYYY-MM-DD, not "1.1.1970"`,
      expect.stringMatching(new RegExp(`^${FILE.replace(/\./g, '\\.')}:9: \`fields\\.title\\.from\`: expected a Personio attribute key`)),
      `${FILE}:10: \`fields.division.from\`: \`from\` names a Personio attribute; to stop syncing the field write \`division: off\``,
      `${FILE}:11: \`fields.location\`: expected a Personio attribute key (e.g. position, dynamic_1146702) or universal id (e.g. date_of_birth); list them with \`personio-leapsome-sync attributes\``,
      `${FILE}:13: \`fields.custom.not-an-id\`: expected a Leapsome custom attribute id: 24 hexadecimal characters, copied from Leapsome (Settings → Users & Teams → custom attributes)`,
      expect.stringMatching(
        new RegExp(`^${FILE.replace(/\./g, '\\.')}:14: \`fields\\.custom\\.6140868326541a4da586db0b\`: expected a Personio attribute key`),
      ),
    ]);
  });

  it('reports map keys that would match the same value, and a custom attribute given twice', () => {
    expect(problemsOf('fields:\n  level:\n    from: dynamic_1\n    map:\n      L1: Junior\n      " l1": Senior\n')).toEqual([
      `${FILE}:6: \`fields.level.map. l1\`: same key as "L1": keys are matched ignoring case and surrounding spaces`,
    ]);
    expect(problemsOf('fields:\n  custom:\n    6140868326541a4da586db0b: dynamic_1\n    6140868326541A4DA586DB0B: dynamic_2\n')).toEqual([
      `${FILE}:4: \`fields.custom.6140868326541A4DA586DB0B\`: the same custom attribute as 6140868326541a4da586db0b (ids ignore case)`,
    ]);
  });

  it('is not an input: an INPUT_FIELDS variable cannot set it', () => {
    expect(readSettings(reader({ ...credentials, fields: 'gender: off' })).fields.some((r) => r.field === 'gender')).toBe(true);
  });
});
