// The config file's shape, as one zod schema. It is plain data (no transforms), so the same schema
// validates the file at run time and generates schema/personio-leapsome.schema.json for editors.
import { z } from 'zod';
import { ADOPT_TEAMS, ADOPT_USERS, CUSTOM_ATTRIBUTE_KEY, ORG_FIELDS, PERSONIO_APP_ID, PERSONIO_STATUSES } from '../domain/types.js';
import { fieldsSchema } from './fields-schema.js';
import { EXCLUDE_RULE, MAX_PREBOARD_DAYS, TEAM_SOURCE_HELP, THRESHOLD } from './grammar.js';
import { teamNamesSchema } from './team-names-schema.js';

const threshold = (what: string) =>
  z
    .union(
      [
        z.int({ error: 'expected a whole number such as 10 or a percentage such as "20%"' }).min(0, 'cannot be negative'),
        z.string().regex(THRESHOLD, 'expected a whole number such as 10 or a percentage up to "100%"'),
      ],
      { error: 'expected a whole number such as 10 or a percentage such as "20%"' },
    )
    .meta({ description: what });

const listOf = <T extends string>(values: readonly T[], description: string) =>
  z
    .array(z.enum(values as unknown as [T, ...T[]], { error: `expected one of ${values.join(', ')}` }), {
      error: `expected a list, e.g. [${values[0]}]`,
    })
    .min(1, 'needs at least one value')
    .meta({ description });

const bool = (description: string) => z.boolean({ error: 'expected true or false' }).meta({ description });

const TEAM_SOURCE_EXPECTED = `expected one of ${TEAM_SOURCE_HELP}`;

/** Keys that are also action inputs: the file's value reaches Settings as the input's string would. */
const inputKeys = {
  statuses: listOf(PERSONIO_STATUSES, 'Personio statuses that get an active Leapsome account. Default: [active, leave].').optional(),
  'preboard-days': z
    .int({ error: `expected a whole number of days from 0 to ${MAX_PREBOARD_DAYS}` })
    .min(0, 'cannot be negative')
    .max(MAX_PREBOARD_DAYS, `at most ${MAX_PREBOARD_DAYS} days`)
    .nullable()
    .optional()
    .meta({
      description:
        "Employees with status onboarding get their Leapsome account from this many days before their hire date (in the employee's calendar), never earlier, whether or not `statuses` lists onboarding. Default: empty (`statuses` alone decides).",
    }),
  'teams-from': z
    .array(
      z.union(
        [
          z.enum(ORG_FIELDS, { error: TEAM_SOURCE_EXPECTED }),
          z.string({ error: TEAM_SOURCE_EXPECTED }).regex(CUSTOM_ATTRIBUTE_KEY, TEAM_SOURCE_EXPECTED),
        ],
        { error: TEAM_SOURCE_EXPECTED },
      ),
      { error: 'expected a list, e.g. [department]' },
    )
    .min(1, 'needs at least one value')
    .optional()
    .meta({
      description:
        'Personio sources of Leapsome teams, in priority order: org fields (department, team, office, subcompany) and custom attribute keys (dynamic_<n>: one team per value, one per tag of a tags attribute). Default: [department].',
    }),
  exclude: z
    .array(
      z
        .string({ error: 'expected a rule such as "email:*@contractor.example.com"' })
        .regex(EXCLUDE_RULE, 'expected email:<glob>, department:<name> or id:<personio id>'),
      { error: 'expected a list of rules' },
    )
    .nullable()
    .optional()
    .meta({
      description: 'Rules that take employees out of the sync entirely: email:<glob>, department:<name>, id:<personio id>. Default: none.',
    }),
  'max-deactivations': threshold(
    'Safety threshold: a number, or a percentage of managed active users. Above it nothing is written and the run fails. Default: "20%".',
  ).optional(),
  'max-source-drop': threshold(
    'Refuse to write when Personio returns this much fewer in-scope employees than the last snapshot. Default: "20%".',
  ).optional(),
  'auto-invite': bool('Report new accounts as "invited by Leapsome" (true) or "invite pending" (false). Default: false.').optional(),
  cache: bool('Keep the encrypted previous snapshot in the Actions cache. Default: true.').optional(),
  'summary-detail': z.enum(['full', 'counts'], { error: 'expected full or counts' }).optional().meta({
    description: 'full: names, emails and values in the job summary and pull-request comment; counts: numbers only. Default: full.',
  }),
  'adopt-teams': z
    .enum(ADOPT_TEAMS, { error: `expected ${ADOPT_TEAMS.join(' or ')}` })
    .optional()
    .meta({
      description:
        "Which same-named Leapsome teams the sync takes over: unmarked (only teams without externalId) or by-name (also teams another integration, e.g. Leapsome's built-in Personio integration, marked). Default: unmarked.",
    }),
  'adopt-users': z
    .enum(ADOPT_USERS, { error: `expected ${ADOPT_USERS.join(' or ')}` })
    .optional()
    .meta({
      description:
        "Which Leapsome users with an employee's email the sync takes over: unmarked (only users without externalId) or by-email (also users whose externalId another integration set; never one carrying another employee's Personio id). Default: unmarked.",
    }),
  'personio-app-id': z
    .string({ error: 'expected a string' })
    .regex(PERSONIO_APP_ID, 'must be UPPER_SNAKE_CASE, e.g. ACME_HR_SYNC')
    .optional()
    .meta({ description: 'The X-Personio-App-ID header. Default: PERSONIO_LEAPSOME_SYNC.' }),
};

/**
 * Keys only the file holds: structured values no action input could carry. Each reaches Settings
 * typed, through its reader in settings.ts, with lines for problems found later. To add one, give
 * its schema here and its reader there.
 */
const configOnlyKeys = {
  fields: fieldsSchema,
  'team-names': teamNamesSchema,
};

/** Every key the file may hold, in the order the JSON Schema lists them. Names are the input names. */
export const configFileSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Ignored by the action; lets editors find this schema.' }),
    ...inputKeys,
    ...configOnlyKeys,
  })
  .meta({
    title: 'personio-leapsome-sync configuration',
    description:
      'Non-secret settings of the personio-leapsome-sync GitHub Action. Keys are the action input names; an input given in the workflow overrides the key. `fields` and `team-names` are set here only.',
  });

export type ConfigFileValues = z.infer<typeof configFileSchema>;
/** Keys that are also inputs (their file values become input strings). */
export type InputConfigKey = keyof typeof inputKeys;
/** Keys only the file holds. */
export type ConfigOnlyKey = keyof typeof configOnlyKeys;
export type ConfigKey = InputConfigKey | ConfigOnlyKey;
export type ConfigOnlyValues = Partial<Pick<ConfigFileValues, ConfigOnlyKey>>;
export const INPUT_CONFIG_KEYS = Object.keys(inputKeys) as InputConfigKey[];
export const CONFIG_ONLY_KEYS = Object.keys(configOnlyKeys) as ConfigOnlyKey[];
export const CONFIG_KEYS: readonly ConfigKey[] = [...INPUT_CONFIG_KEYS, ...CONFIG_ONLY_KEYS];

/** Keys a file must never hold, and why: said in the error instead of a bare "unknown key". */
export const INPUT_ONLY_KEYS: Readonly<Record<string, string>> = {
  'personio-client-id': 'credentials belong in GitHub secrets, never in a file: pass it as an input from a secret',
  'personio-client-secret': 'credentials belong in GitHub secrets, never in a file: pass it as an input from a secret',
  'leapsome-scim-token': 'credentials belong in GitHub secrets, never in a file: pass it as an input from a secret',
  'snapshot-key': 'it is a secret: pass it as an input from a GitHub secret, never in a file',
  'github-token': 'it is a secret: pass it as an input (it defaults to the workflow token)',
  'personio-base-url': 'it decides where the credentials are sent, so only the workflow may set it (a pull request must not)',
  'leapsome-base-url': 'it decides where the credentials are sent, so only the workflow may set it (a pull request must not)',
  'dry-run': 'it is decided per run: set it as a workflow input',
  'plan-file': 'it is decided per run: set it as a workflow input',
  'config-file': 'it names this file: set it as a workflow input',
};

/** The JSON Schema published for editors (draft-07: the draft YAML editors support best). */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configFileSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
}
