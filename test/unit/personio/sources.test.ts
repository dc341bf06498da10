// Sources the settings name -> the attributes to request, or one error naming each that the
// credential may not read (unknown and unreadable look the same: the list holds only what may be read).
import { describe, expect, it } from 'vitest';
import type { ReadableAttribute } from '../../../src/domain/ports.js';
import { MissingAttributesError, queryWithoutList, resolveSources, type AttributeNeed } from '../../../src/personio/index.js';

const readable = (key: string, universalId: string | null = key, type = 'standard'): ReadableAttribute => ({
  key,
  label: key,
  type,
  universalId,
  options: [],
});
const need = (source: string, neededBy = 'the sync itself', at: AttributeNeed['at'] = null): AttributeNeed => ({ source, neededBy, at });
const LIST = [
  readable('first_name'),
  readable('email'),
  readable('position'),
  readable('cost_centers'),
  readable('dynamic_180883', 'date_of_birth', 'date'),
  readable('dynamic_5', null, 'list'),
];

describe('resolveSources', () => {
  it('requests keys as they are and universal ids by their key; extras keep the name the settings use', () => {
    expect(
      resolveSources(
        [
          need('id'),
          need('first_name'),
          need('email'),
          need('position', 'fields.title'),
          need('date_of_birth', 'fields.birthday'),
          need('dynamic_5', 'fields.level'),
          need('cost_centers', 'fields.cost-center'),
          need('dynamic_5', 'fields.custom.x'),
        ],
        LIST,
      ),
    ).toEqual({
      keys: ['first_name', 'email', 'position', 'dynamic_180883', 'dynamic_5', 'cost_centers'],
      extras: [
        { name: 'date_of_birth', key: 'dynamic_180883' },
        { name: 'dynamic_5', key: 'dynamic_5' },
        { name: 'cost_centers', key: 'cost_centers' },
      ],
    });
  });

  it('fails with one error naming every source it cannot resolve, the setting and where it was written', () => {
    const error = (() => {
      try {
        resolveSources(
          [
            need('first_name'),
            need('gender', 'fields.gender'),
            need('dynamic_99', 'fields.level', { file: '.github/personio-leapsome.yml', line: 12 }),
            need('team', 'teams-from'),
          ],
          LIST,
        );
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(MissingAttributesError);
    const e = error as MissingAttributesError;
    expect(e.missing).toEqual(['gender', 'dynamic_99', 'team']);
    expect(e.message).toContain(
      '`gender`, needed by `fields.gender`, is not among the attributes this credential may read: unknown, or not allowed for it',
    );
    expect(e.message).toContain('`dynamic_99`, needed by `fields.level` (.github/personio-leapsome.yml:12), is not among the attributes');
    expect(e.message).toContain('`team`, needed by `teams-from`');
    expect(e.message).toContain('"Readable employee attributes"');
    expect(e.problems[1]?.at).toEqual({ file: '.github/personio-leapsome.yml', line: 12 });
  });

  it('asks for the key when a universal id is ambiguous', () => {
    expect(() => resolveSources([need('iban', 'fields.custom.x')], [readable('dynamic_1', 'iban'), readable('dynamic_2', 'iban')])).toThrow(
      'is the universal id of several attributes (dynamic_1, dynamic_2): name one by its key',
    );
  });
});

describe('queryWithoutList', () => {
  it('requests at once when every source is a standard key or dynamic_<n>, the same query the list would give', () => {
    const needs = [need('first_name'), need('position'), need('dynamic_5'), need('cost_centers')];
    expect(queryWithoutList(needs)).toEqual(resolveSources(needs, LIST));
  });

  it('waits for the list when a source may be a universal id', () => {
    expect(queryWithoutList([need('first_name'), need('date_of_birth')])).toBeNull();
  });
});
