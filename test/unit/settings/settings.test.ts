import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from '../../../src/settings/settings.js';

const base: Record<string, string> = {
  'personio-client-id': 'id',
  'personio-client-secret': 'secret',
  'leapsome-scim-token': 'token',
};
const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
const settingsWith = (extra: Record<string, string>) => readSettings(reader({ ...base, ...extra }));
const errorOf = (extra: Record<string, string>): string => {
  try {
    settingsWith(extra);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error('expected a SettingsError');
};

describe('readSettings', () => {
  it('applies the documented defaults', () => {
    const s = settingsWith({});
    expect(s.dryRun).toBe(false);
    expect(s.cache).toBe(true);
    expect(s.plan).toEqual({
      statuses: ['active', 'leave'],
      teamsFrom: ['department'],
      exclude: [],
      maxDeactivations: { kind: 'percent', value: 20 },
      autoInvite: false,
      teamNames: [],
      adoptTeams: 'unmarked',
      adoptUsers: 'unmarked',
      fields: s.fields,
      preboardDays: null,
    });
    expect(s.fields.map((r) => `${r.field} <- ${r.from}`)).toEqual([
      'title <- position',
      'location <- office',
      'start-date <- hire_date',
      'end-date <- termination_date',
      'gender <- gender',
    ]);
    expect(s.personio.baseUrl).toBe('https://api.personio.de');
    expect(s.leapsome.baseUrl).toBe('https://api.leapsome.com/scim/v1');
    expect(s.personio.appId).toBe('PERSONIO_LEAPSOME_SYNC');
  });

  it('reports every missing credential at once, naming the inputs', () => {
    const message = (() => {
      try {
        readSettings(reader({}));
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toContain('`personio-client-id`');
    expect(message).toContain('`personio-client-secret`');
    expect(message).toContain('`leapsome-scim-token`');
  });

  it('parses booleans with the spellings of core.getBooleanInput and rejects others', () => {
    expect(settingsWith({ 'dry-run': 'True' }).dryRun).toBe(true);
    expect(settingsWith({ 'auto-invite': 'TRUE' }).plan.autoInvite).toBe(true);
    expect(errorOf({ 'dry-run': 'yes' })).toContain('`dry-run`');
  });

  it('parses statuses and teams-from lists, comma or newline separated, and rejects unknown values', () => {
    const s = settingsWith({ statuses: 'active, Leave\nonboarding', 'teams-from': 'department,office,department' });
    expect(s.plan.statuses).toEqual(['active', 'leave', 'onboarding']);
    expect(s.plan.teamsFrom).toEqual(['department', 'office']);
    expect(errorOf({ statuses: 'active,retired' })).toMatch(/`statuses`.*"retired"/);
    expect(errorOf({ 'teams-from': 'division' })).toMatch(/`teams-from`.*"division"/);
  });

  it('accepts Personio custom attribute keys in teams-from, and names the allowed values on a typo', () => {
    expect(settingsWith({ 'teams-from': 'department, dynamic_1146703\ndynamic_1146704' }).plan.teamsFrom).toEqual([
      'department',
      'dynamic_1146703',
      'dynamic_1146704',
    ]);
    expect(errorOf({ 'teams-from': 'dynamic_' })).toMatch(
      /`teams-from`: unknown value "dynamic_" \(allowed: department, team, office, subcompany, or a Personio custom attribute key such as dynamic_1146702\)/,
    );
  });

  it('parses adopt-teams and adopt-users (any case) and rejects other values, naming the allowed ones', () => {
    const s = settingsWith({ 'adopt-teams': 'By-Name', 'adopt-users': 'by-email' });
    expect(s.plan).toMatchObject({ adoptTeams: 'by-name', adoptUsers: 'by-email' });
    expect(errorOf({ 'adopt-teams': 'always' })).toMatch(/input `adopt-teams`: unknown value "always" \(allowed: unmarked, by-name\)/);
    expect(errorOf({ 'adopt-users': 'by-name' })).toMatch(/input `adopt-users`: unknown value "by-name" \(allowed: unmarked, by-email\)/);
  });

  it('parses exclude rules and rejects malformed ones with the offending line', () => {
    const s = settingsWith({ exclude: 'email:*@contractor.example.com\n# a comment\n\ndepartment: Board\nid:42' });
    expect(s.plan.exclude).toEqual([
      { kind: 'email', glob: '*@contractor.example.com' },
      { kind: 'department', name: 'Board' },
      { kind: 'id', id: '42' },
    ]);
    expect(errorOf({ exclude: 'name:Bob' })).toContain('"name:Bob"');
    expect(errorOf({ exclude: 'id:abc' })).toContain('a Personio id is a number');
  });

  it('parses preboard-days: empty for none, else whole days from 0 to 3650', () => {
    expect(settingsWith({}).plan.preboardDays).toBeNull();
    expect(settingsWith({ 'preboard-days': '14' }).plan.preboardDays).toBe(14);
    expect(settingsWith({ 'preboard-days': ' 0 ' }).plan.preboardDays).toBe(0);
    for (const bad of ['-1', '1.5', 'two weeks', '3651'])
      expect(errorOf({ 'preboard-days': bad })).toContain('input `preboard-days`: expected a whole number of days from 0 to 3650');
  });

  it('parses max-deactivations as a count or a percentage', () => {
    expect(settingsWith({ 'max-deactivations': '5' }).plan.maxDeactivations).toEqual({ kind: 'count', value: 5 });
    expect(settingsWith({ 'max-deactivations': '12.5%' }).plan.maxDeactivations).toEqual({ kind: 'percent', value: 12.5 });
    expect(errorOf({ 'max-deactivations': 'many' })).toContain('`max-deactivations`');
    expect(errorOf({ 'max-deactivations': '150%' })).toContain('100%');
  });

  it('accepts plain http only for loopback hosts, where credentials cannot leave the machine', () => {
    expect(settingsWith({ 'personio-base-url': 'http://127.0.0.1:8080/' }).personio.baseUrl).toBe('http://127.0.0.1:8080');
    expect(settingsWith({ 'leapsome-base-url': 'http://localhost:9/scim/v1' }).leapsome.baseUrl).toBe('http://localhost:9/scim/v1');
    expect(errorOf({ 'personio-base-url': 'http://proxy.internal' })).toContain('https://');
    expect(errorOf({ 'leapsome-base-url': 'not a url' })).toContain('not a valid URL');
  });

  it('never echoes a secret value in an error', () => {
    const message = errorOf({ 'personio-client-secret': 'super-secret-value', statuses: 'bogus' });
    expect(message).not.toContain('super-secret-value');
  });

  it('requires an UPPER_SNAKE_CASE app id', () => {
    expect(errorOf({ 'personio-app-id': 'my-app' })).toContain('UPPER_SNAKE_CASE');
  });
});
