// Inputs (and the config file's values) -> one immutable, validated Settings value. Precedence per
// setting: a non-empty input, else the config file, else the built-in default in INPUT_DEFAULTS.
import { z } from 'zod';
import {
  ADOPT_TEAMS,
  ADOPT_USERS,
  isTeamSource,
  PERSONIO_APP_ID,
  PERSONIO_STATUSES,
  type ExcludeRule,
  type PersonioStatus,
  type PlanSettings,
  type TeamSource,
  type Threshold,
} from '../domain/types.js';
import { mayCarryCredentials } from '../http/url.js';
import type { ConfigFile } from './config-file.js';
import type { ConfigKey, InputConfigKey } from './config-schema.js';
import { excludeLines, isProblem, parseExcludeRule, parsePreboardDays, parseThreshold, splitList, TEAM_SOURCE_HELP } from './grammar.js';
import { InvalidInputsError } from './errors.js';
import { readFieldSettings, type FieldSetting } from './fields.js';
import { readTeamNames } from './team-names.js';

export { InvalidInputsError, SettingsError, type InputProblem } from './errors.js';

export type SummaryDetail = 'full' | 'counts';

export interface Settings {
  readonly personio: {
    readonly baseUrl: string;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly appId: string;
  };
  readonly leapsome: { readonly baseUrl: string; readonly token: string };
  readonly plan: PlanSettings;
  readonly dryRun: boolean;
  readonly cache: boolean;
  /** Secret for the snapshot encryption key; null derives the key from the credentials. */
  readonly snapshotKey: string | null;
  /** Refuse to write when the in-scope count falls by more than this against the last snapshot. */
  readonly maxSourceDrop: Threshold;
  /** `counts` leaves names and emails out of the job summary, the PR comment and annotations. */
  readonly summaryDetail: SummaryDetail;
  /** Path of an approved plan JSON to apply instead of planning anew; null plans as usual. */
  readonly planFile: string | null;
  /** Token for the pull-request plan comment; null when none was given. */
  readonly githubToken: string | null;
  /** The Leapsome fields the sync owns and their Personio sources (`fields`, config file only); off fields are left out. */
  readonly fields: readonly FieldSetting[];
  /** The config file that was read, the keys it set and those an input overrode; null without one. */
  readonly configFile: { readonly path: string; readonly keys: readonly ConfigKey[]; readonly overridden: readonly ConfigKey[] } | null;
}

export type InputReader = (name: string) => string;

/**
 * Every input the action reads, with the default used when it is empty and the config file does not
 * set it. action.yml gives no `default:` for the settings the file may hold: the runner fills
 * defaults into INPUT_*, which would make a default indistinguishable from a value the workflow set.
 */
export const INPUT_DEFAULTS = {
  'personio-client-id': '',
  'personio-client-secret': '',
  'leapsome-scim-token': '',
  'auto-invite': 'false',
  'dry-run': 'false',
  statuses: 'active,leave',
  'preboard-days': '',
  'teams-from': 'department',
  exclude: '',
  'adopt-teams': 'unmarked',
  'adopt-users': 'unmarked',
  'max-deactivations': '20%',
  'personio-base-url': 'https://api.personio.de',
  'leapsome-base-url': 'https://api.leapsome.com/scim/v1',
  cache: 'true',
  'personio-app-id': 'PERSONIO_LEAPSOME_SYNC',
  'snapshot-key': '',
  'max-source-drop': '20%',
  'summary-detail': 'full',
  'config-file': '',
  'plan-file': '',
  'github-token': '',
} as const;
export type InputName = keyof typeof INPUT_DEFAULTS;

const SECRET_INPUTS: readonly InputName[] = ['personio-client-secret', 'leapsome-scim-token', 'snapshot-key', 'github-token'];
export const isSecretInput = (name: string): boolean => (SECRET_INPUTS as readonly string[]).includes(name);

// Same spellings as core.getBooleanInput (YAML 1.2 core schema), so workflows behave alike.
const booleanInput = z.enum(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']).transform((v) => v.toLowerCase() === 'true');

const required = (what: string) => z.string().min(1, `${what} is required`);

const listOf = <T extends string>(allowed: readonly T[]) =>
  z
    .string()
    .transform((raw) => splitList(raw))
    .pipe(
      z
        .array(
          z.enum(allowed as unknown as [T, ...T[]], {
            error: (issue) => `unknown value ${JSON.stringify(issue.input)} (allowed: ${allowed.join(', ')})`,
          }),
        )
        .min(1, 'at least one value is required'),
    )
    .transform((values) => [...new Set(values)]);

const oneOf = <T extends string>(allowed: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((raw) => raw.trim().toLowerCase())
    .pipe(z.enum(allowed, { error: (issue) => `unknown value ${JSON.stringify(issue.input)} (allowed: ${allowed.join(', ')})` }));

/** Org fields and custom attribute keys (`dynamic_<n>`), in priority order, each once. */
const teamSources = z
  .string()
  .transform((raw) => splitList(raw))
  .pipe(
    z
      .array(
        z.string().refine(isTeamSource, {
          error: (issue) => `unknown value ${JSON.stringify(issue.input)} (allowed: ${TEAM_SOURCE_HELP})`,
        }),
      )
      .min(1, 'at least one value is required'),
  )
  .transform((values) => [...new Set(values)] as TeamSource[]);

const baseUrl = z.string().transform((raw, ctx) => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    ctx.addIssue({ code: 'custom', message: `not a valid URL: ${JSON.stringify(raw)}` });
    return z.NEVER;
  }
  // Credentials travel to this host.
  if (!mayCarryCredentials(url)) {
    ctx.addIssue({ code: 'custom', message: 'must use https:// (plain http:// is accepted only for loopback addresses)' });
    return z.NEVER;
  }
  return raw.replace(/\/+$/, '');
});

/** A grammar's parser as a zod transform: a problem becomes an issue naming the input. */
const parsedBy = <T>(parse: (raw: string) => T | { readonly problem: string }) =>
  z.string().transform((raw, ctx): T => {
    const parsed = parse(raw);
    if (!isProblem(parsed)) return parsed;
    ctx.addIssue({ code: 'custom', message: parsed.problem });
    return z.NEVER;
  });

const threshold = parsedBy<Threshold>(parseThreshold);

const preboardDays = parsedBy<number | null>(parsePreboardDays);

const excludeRules = z.string().transform((raw, ctx): ExcludeRule[] => {
  const rules: ExcludeRule[] = [];
  for (const line of excludeLines(raw)) {
    const rule = parseExcludeRule(line);
    if (isProblem(rule)) ctx.addIssue({ code: 'custom', message: rule.problem });
    else rules.push(rule);
  }
  return rules;
});

// Personio credentials are required unless a plan file is applied: that reads only Leapsome, so the
// apply job needs no Personio secret. Listing Personio's attributes needs no Leapsome token.
const inputSchema = (needsPersonio: boolean, needsLeapsome: boolean) =>
  z.object({
    'personio-client-id': needsPersonio ? required('the Personio client id') : z.string(),
    'personio-client-secret': needsPersonio ? required('the Personio client secret') : z.string(),
    'leapsome-scim-token': needsLeapsome ? required('the Leapsome SCIM token') : z.string(),
    'auto-invite': booleanInput,
    'dry-run': booleanInput,
    statuses: listOf<PersonioStatus>(PERSONIO_STATUSES),
    'preboard-days': preboardDays,
    'teams-from': teamSources,
    exclude: excludeRules,
    'max-deactivations': threshold,
    'personio-base-url': baseUrl,
    'leapsome-base-url': baseUrl,
    cache: booleanInput,
    'snapshot-key': z.string(),
    'max-source-drop': threshold,
    'personio-app-id': z.string().regex(PERSONIO_APP_ID, 'must be UPPER_SNAKE_CASE, e.g. ACME_HR_SYNC'),
    'summary-detail': z.enum(['full', 'counts'], { error: 'expected full or counts' }),
    'config-file': z.string(),
    'plan-file': z.string(),
    'github-token': z.string(),
    'adopt-teams': oneOf(ADOPT_TEAMS),
    'adopt-users': oneOf(ADOPT_USERS),
  });

/**
 * Reads every input (empty -> the config file's value -> the documented default) and validates them
 * all, reporting every problem at once.
 */
export function readSettings(read: InputReader, config: ConfigFile | null = null, options: { readonly leapsome?: boolean } = {}): Settings {
  const raw: Record<string, string> = {};
  const fromFile = new Set<string>();
  const overridden: ConfigKey[] = [];
  for (const [name, fallback] of Object.entries(INPUT_DEFAULTS)) {
    const value = read(name).trim();
    const fileValue = config?.values[name as InputConfigKey];
    if (value !== '') {
      raw[name] = value;
      if (fileValue !== undefined) overridden.push(name as InputConfigKey);
    } else if (fileValue !== undefined) {
      raw[name] = fileValue === '' ? fallback : fileValue;
      fromFile.add(name);
    } else raw[name] = fallback;
  }
  const parsed = inputSchema(raw['plan-file'] === '', options.leapsome ?? true).safeParse(raw);
  if (!parsed.success) {
    throw new InvalidInputsError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '?');
        return { input: name, file: fromFile.has(name) && config !== null ? config.path : null, message: issue.message };
      }),
    );
  }
  const i = parsed.data;
  const fields = readFieldSettings(config);
  return {
    personio: {
      baseUrl: i['personio-base-url'],
      clientId: i['personio-client-id'],
      clientSecret: i['personio-client-secret'],
      appId: i['personio-app-id'],
    },
    leapsome: { baseUrl: i['leapsome-base-url'], token: i['leapsome-scim-token'] },
    plan: {
      statuses: i.statuses,
      teamsFrom: i['teams-from'],
      exclude: i.exclude,
      maxDeactivations: i['max-deactivations'],
      autoInvite: i['auto-invite'],
      teamNames: readTeamNames(config),
      adoptTeams: i['adopt-teams'],
      adoptUsers: i['adopt-users'],
      fields,
      preboardDays: i['preboard-days'],
    },
    dryRun: i['dry-run'],
    cache: i.cache,
    snapshotKey: i['snapshot-key'] === '' ? null : i['snapshot-key'],
    maxSourceDrop: i['max-source-drop'],
    summaryDetail: i['summary-detail'],
    planFile: i['plan-file'] === '' ? null : i['plan-file'],
    githubToken: i['github-token'] === '' ? null : i['github-token'],
    fields,
    configFile: config === null ? null : { path: config.path, keys: config.keys, overridden },
  };
}
