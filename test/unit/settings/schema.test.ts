// The published JSON Schema is generated from the zod schema the action validates with, and the
// example config passes both. `UPDATE_SCHEMA=1 npx vitest run test/unit/settings/schema.test.ts`
// rewrites the committed schema after a change to src/settings/config-schema.ts.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { configFileSchema, configJsonSchema } from '../../../src/settings/config-schema.js';
import { parseConfigFile } from '../../../src/settings/config-file.js';
import { readSettings } from '../../../src/settings/settings.js';
import { BENCH_FIELDS, EXAMPLE_FIELDS } from '../../../src/sandbox/sample-fields.js';
import { REPO_ROOT } from '../../support/paths.js';
import { validateJsonSchema } from '../../support/json-schema-lite.js';

const SCHEMA_FILE = join(REPO_ROOT, 'schema', 'personio-leapsome.schema.json');
const EXAMPLE_FILE = join(REPO_ROOT, 'docs', 'personio-leapsome.example.yml');

if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, JSON.stringify(configJsonSchema(), null, 2) + '\n');

const committed = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
const example = readFileSync(EXAMPLE_FILE, 'utf8');

describe('the sample fields', () => {
  const fieldsOf = (text: string, file: string) =>
    readSettings(
      (name) => ({ 'personio-client-id': 'id', 'personio-client-secret': 's', 'leapsome-scim-token': 't' })[name] ?? '',
      parseConfigFile(text, file),
    ).fields.map((r) => r.field);

  it("are the worked example in docs/fields.md (which the demo passes) and the bench's six extra fields, both valid", () => {
    expect(readFileSync(join(REPO_ROOT, 'docs', 'fields.md'), 'utf8')).toContain(`\`\`\`yaml\n${EXAMPLE_FIELDS}\`\`\``);
    expect(fieldsOf(EXAMPLE_FIELDS, 'README.md')).toEqual([
      'title',
      'location',
      'start-date',
      'end-date',
      'birthday',
      'level',
      'cost-center',
      'additional-managers',
      'custom.6140868326541a4da586db0b',
      'custom.6140868326541a4da586db0c',
    ]);
    expect(fieldsOf(BENCH_FIELDS, 'bench')).toHaveLength(5 + 6);
    expect(validateJsonSchema(committed, parse(EXAMPLE_FIELDS))).toEqual([]);
  });

  it('the example config maps fields too', () => {
    expect(fieldsOf(example, 'docs/personio-leapsome.example.yml')).toContain('custom.6140868326541a4da586db0c');
  });
});

describe('schema/personio-leapsome.schema.json', () => {
  it('is exactly what the zod schema generates (regenerate with UPDATE_SCHEMA=1)', () => {
    expect(committed).toEqual(configJsonSchema());
  });

  it('validates the example config, which the action also accepts', () => {
    expect(validateJsonSchema(committed, parse(example))).toEqual([]);
    expect(configFileSchema.safeParse(parse(example)).success).toBe(true);
    const loaded = parseConfigFile(example, 'docs/personio-leapsome.example.yml');
    expect(Object.keys(loaded.values).length).toBeGreaterThan(5);
  });

  it('accepts what the action accepts in fields: short forms, off, the long form, custom attributes', () => {
    const good = {
      fields: {
        gender: 'off',
        title: false,
        birthday: 'date_of_birth',
        level: { from: 'dynamic_1146702', map: { L1: 'Junior' }, default: 'Unassigned', apply: 'on-create' },
        custom: { '6140868326541a4da586db0b': 'dynamic_1146703', '6140868326541a4da586db0c': { from: 'employment_type' } },
      },
    };
    expect(validateJsonSchema(committed, good)).toEqual([]);
    expect(configFileSchema.safeParse(good).success).toBe(true);
  });

  it('rejects what the action rejects: unknown keys, secrets, wrong types, bad values', () => {
    const bad = [
      { 'team-from': ['office'] },
      { 'leapsome-scim-token': 'abc' },
      { statuses: 'active' },
      { statuses: ['retired'] },
      { statuses: [] },
      { 'max-deactivations': '150%' },
      { 'max-deactivations': -1 },
      { exclude: ['name:Bob'] },
      { 'auto-invite': 'yes' },
      { 'personio-app-id': 'my-app' },
      { fields: { levle: 'dynamic_1' } },
      { fields: { level: { from: 'dynamic_1', apply: 'sometimes' } } },
      { fields: { level: { from: 'dynamic_1', map: { L1: 1 } } } },
      { fields: { level: { map: { L1: 'Junior' } } } },
      { fields: { title: 'office name' } },
      { fields: { custom: { 'not-an-id': 'dynamic_1' } } },
      { 'adopt-teams': 'by-email' },
      { 'adopt-users': 'always' },
      { 'team-names': { 'division:Sales': 'Sales' } },
      { 'team-names': { 'department:': 'Nobody' } },
      { 'team-names': { 'department:Ops': ' ' } },
      { 'team-names': { 'department:Ops': 'x'.repeat(129) } },
      { 'team-names': { 'department:Ops': 7 } },
      { 'preboard-days': -1 },
      { 'preboard-days': 1.5 },
      { 'preboard-days': '14' },
      { 'preboard-days': 3651 },
    ];
    for (const config of bad) {
      expect(validateJsonSchema(committed, config), JSON.stringify(config)).not.toEqual([]);
      expect(configFileSchema.safeParse(config).success, JSON.stringify(config)).toBe(false);
    }
  });
});
