// The `fields` key of the config file: which Leapsome profile fields the sync owns and where each
// comes from. Plain data (checks, no transforms), so it also generates the JSON Schema editors use.
import { z } from 'zod';
import {
  APPLY_MODES,
  CUSTOM_ATTRIBUTE_ID,
  DATE_FIELDS,
  DEFAULT_FIELD_SOURCES,
  mapKey,
  STANDARD_FIELD_NAMES,
  type StandardFieldName,
} from '../domain/fields.js';
import { GENDERS } from '../domain/types.js';

/** Personio attribute keys (`position`, `dynamic_1146702`) and universal ids (`date_of_birth`). */
export const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SOURCE_HELP = 'a Personio attribute key (e.g. position, dynamic_1146702) or universal id (e.g. date_of_birth)';

const source = z
  .string({ error: `expected ${SOURCE_HELP}` })
  .regex(ATTRIBUTE_NAME, `expected ${SOURCE_HELP}; list them with \`personio-leapsome-sync attributes\``);

/** What a value must look like in Leapsome, for the fields that take only some values. */
function valueProblem(field: string, value: string): string | null {
  if (DATE_FIELDS.has(field as StandardFieldName) && !DATE.test(value))
    return `${field} takes a date as YYYY-MM-DD, not ${JSON.stringify(value)}`;
  if (field === 'gender' && !(GENDERS as readonly string[]).includes(value.toLowerCase()))
    return `gender takes ${GENDERS.join(', ')}, not ${JSON.stringify(value)}`;
  return null;
}

const longForm = (field: string) =>
  z
    .strictObject({
      from: source.meta({ description: `The Personio source: ${SOURCE_HELP}.` }),
      map: z
        .record(z.string(), z.string({ error: 'expected text (quote numbers and dates): map values are what Leapsome gets' }), {
          error: 'expected a table of Personio value: Leapsome value',
        })
        .optional()
        .meta({
          description:
            'Personio value -> Leapsome value, matched ignoring case and surrounding spaces. An empty Personio value is not looked up: it takes `default`, or clears the field.',
        }),
      default: z.string({ error: 'expected text (quote numbers and dates)' }).optional().meta({
        description:
          'For an empty Personio value, or one `map` does not list. Without it, an unlisted value leaves the field unchanged (and the summary warns).',
      }),
      apply: z
        .enum(APPLY_MODES, { error: `expected ${APPLY_MODES.join(' or ')}` })
        .optional()
        .meta({
          description:
            'always (default): Personio wins, manual edits in Leapsome are overwritten and reported. on-create: written when the sync creates or first takes over a user, and later only into an empty Leapsome value; never reported as drift.',
        }),
    })
    .superRefine((entry, ctx) => {
      if (entry.from === 'off')
        ctx.addIssue({
          code: 'custom',
          path: ['from'],
          message: `\`from\` names a Personio attribute; to stop syncing the field write \`${field}: off\``,
        });
      const seen = new Map<string, string>();
      for (const [key, value] of Object.entries(entry.map ?? {})) {
        const normal = mapKey(key);
        const other = seen.get(normal);
        if (normal === '')
          ctx.addIssue({
            code: 'custom',
            path: ['map', key],
            message: 'an empty key never matches: an empty Personio value takes `default` (or clears the field)',
          });
        else if (other !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['map', key],
            message: `same key as ${JSON.stringify(other)}: keys are matched ignoring case and surrounding spaces`,
          });
        seen.set(normal, key);
        const problem = valueProblem(field, value);
        if (problem !== null) ctx.addIssue({ code: 'custom', path: ['map', key], message: problem });
      }
      const problem = entry.default === undefined || entry.default === '' ? null : valueProblem(field, entry.default);
      if (problem !== null) ctx.addIssue({ code: 'custom', path: ['default'], message: problem });
    });

const ENTRY_HELP = `expected ${SOURCE_HELP}, off, or {from, map, default, apply}`;

/** One field: a source, `off` (never read from Personio, never written), or the long form. */
const entry = (field: string) => z.union([z.literal(false), z.literal('off'), source, longForm(field)], { error: ENTRY_HELP });

const defaultNote = (field: StandardFieldName): string => {
  const from = DEFAULT_FIELD_SOURCES[field];
  return from === undefined ? 'Default: off.' : `Default: ${from}.`;
};

const FIELD_DESCRIPTIONS: Readonly<Record<StandardFieldName, string>> = {
  title: 'Job title.',
  location: 'Work location (an org unit gives its name).',
  'start-date': 'Employment start date (YYYY-MM-DD).',
  'end-date': 'Employment end date (YYYY-MM-DD).',
  gender: 'Gender: male, female or diverse. off: never read from Personio, never written; Leapsome keeps its value.',
  birthday: 'Birthday (YYYY-MM-DD), e.g. date_of_birth.',
  level: 'Level, e.g. from a custom attribute through a map.',
  division: 'Division (Leapsome makes it a team), e.g. subcompany.',
  'cost-center': 'Cost center (Leapsome makes it a team); cost_centers gives the one with the highest percentage.',
  'additional-managers':
    'Additional managers: Personio employee ids or work emails, separated by commas, semicolons or new lines, or a multi-valued attribute. The user themself and their primary manager are left out.',
};

const standardFields = Object.fromEntries(
  STANDARD_FIELD_NAMES.map((field) => [
    field,
    entry(field)
      .optional()
      .meta({ description: `${FIELD_DESCRIPTIONS[field]} ${defaultNote(field)}` }),
  ]),
) as Record<StandardFieldName, z.ZodOptional<ReturnType<typeof entry>>>;

export const fieldsSchema = z
  .strictObject(
    {
      ...standardFields,
      custom: z
        .record(
          z
            .string()
            .regex(
              CUSTOM_ATTRIBUTE_ID,
              'expected a Leapsome custom attribute id: 24 hexadecimal characters, copied from Leapsome (Settings → Users & Teams → custom attributes)',
            ),
          entry('custom'),
          {
            error: 'expected a table of Leapsome custom attribute id: Personio source',
          },
        )
        .optional()
        .meta({
          description: 'Leapsome custom attributes (keyed by their 24-character id, from Settings → Users & Teams) -> Personio source.',
        }),
    },
    { error: 'expected a table of Leapsome field: Personio source, e.g. `level: dynamic_1146702`' },
  )
  .superRefine((fields, ctx) => {
    const seen = new Map<string, string>();
    for (const id of Object.keys(fields.custom ?? {})) {
      const other = seen.get(id.toLowerCase());
      if (other !== undefined)
        ctx.addIssue({ code: 'custom', path: ['custom', id], message: `the same custom attribute as ${other} (ids ignore case)` });
      seen.set(id.toLowerCase(), id);
    }
  })
  .optional()
  .meta({
    description:
      'Which Leapsome profile fields the sync owns and where each comes from in Personio. A field not listed keeps its default (title: position, location: office, start-date: hire_date, end-date: termination_date, gender: gender; every other field off). Only the Personio attributes these need are read.',
  });

export type FieldsConfig = z.infer<typeof fieldsSchema>;
export type FieldEntry = NonNullable<NonNullable<FieldsConfig>['title']>;

/** Field names allowed under `fields`, for "did you mean" on a misspelt one. */
export const FIELDS_KEYS: readonly string[] = [...STANDARD_FIELD_NAMES, 'custom'];
