// The `team-names` key of the config file: `<source>:<Personio name>` -> Leapsome team name. Plain
// data (checks, no transforms), so it also generates the JSON Schema editors use.
import { z } from 'zod';
import { MAX_TEAM_NAME, ORG_FIELDS } from '../domain/types.js';
import { TEAM_SOURCE_PATTERN } from './grammar.js';

/** `department:Engineering`, `dynamic_1146702:Blue`: the source is matched exactly, the name ignoring case and spaces. */
export const TEAM_NAME_KEY = new RegExp(`^(${TEAM_SOURCE_PATTERN}):(.*)$`, 's');

const KEY_HELP = `<source>:<Personio name>, where the source is ${ORG_FIELDS.join(', ')} or a custom attribute key (dynamic_<n>), e.g. "department:Engineering"`;

const KNOWN_SOURCE = new RegExp(`^${TEAM_SOURCE_PATTERN}:`);
const NAMED = /^[^:]+:.*\S/s;

export const teamNamesSchema = z
  .record(
    z.string().regex(KNOWN_SOURCE, `unknown source: expected ${KEY_HELP}`).regex(NAMED, 'the Personio name after the source is empty'),
    z
      .string({ error: 'expected a Leapsome team name (quote names that look like numbers or dates)' })
      .regex(/\S/, 'the Leapsome team name is empty')
      .max(MAX_TEAM_NAME, `Leapsome team names are at most ${MAX_TEAM_NAME} characters`),
    { error: 'expected a table of "<source>:<Personio name>": Leapsome team name' },
  )
  .superRefine((names, ctx) => {
    // YAML keys differ where the sync would not: the Personio name is matched ignoring case and spaces.
    const seen = new Map<string, string>();
    for (const key of Object.keys(names)) {
      const match = TEAM_NAME_KEY.exec(key);
      if (match === null) continue;
      const normal = `${match[1] ?? ''}:${(match[2] ?? '').trim().toLowerCase()}`;
      const other = seen.get(normal);
      if (other !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `the same Personio ${match[1] ?? ''} as ${JSON.stringify(other)}: names are matched ignoring case and surrounding spaces`,
        });
      seen.set(normal, key);
    }
  })
  .optional()
  .meta({
    description:
      'Leapsome team names for Personio units: "<source>:<Personio name>" (source: department, team, office, subcompany or a custom attribute key dynamic_<n>; the name matched ignoring case and surrounding spaces) -> Leapsome team name (at most 128 characters). Entries naming the same Leapsome team make one team with the members of all of them. Changing a name renames the team in place.',
  });

export type TeamNamesConfig = z.infer<typeof teamNamesSchema>;
