// `personio-leapsome-sync attributes`: the Personio attributes the credential may read, so writing
// `fields` needs no guesswork. Credentials from PERSONIO_CLIENT_ID / PERSONIO_CLIENT_SECRET; the
// settings (config file, teams-from, exclude) only to say which attribute each setting uses.
import { parseArgs } from 'node:util';
import { attributeNeeds } from '../pipeline.js';
import { ConfigurationError, createPersonioClient, MissingAttributesError, resolveSources, type ReadableAttribute } from '../personio/index.js';
import { renderAttributeListing } from '../report/attributes.js';
import { SettingsError } from '../settings/errors.js';
import { loadSettings } from '../settings/load.js';
import type { Settings } from '../settings/settings.js';

export const ATTRIBUTES_USAGE = `Usage: personio-leapsome-sync attributes [--config-file <path>] [--teams-from <fields>] [--exclude <rules>]
                                        [--personio-base-url <url>] [--personio-app-id <ID>]
Lists the Personio attributes the credential may read (key, label, type, universal id), how many of
the first 100 employees hold a value in each, and which setting reads it. Values are never printed.
Credentials come from PERSONIO_CLIENT_ID and PERSONIO_CLIENT_SECRET.`;

const FLAGS = ['config-file', 'teams-from', 'exclude', 'personio-base-url', 'personio-app-id'] as const;

/** The listing's model, from the settings and the credential's attribute list. */
export function attributeUse(settings: Settings, readable: readonly ReadableAttribute[]): { usedBy: Map<string, string[]>; unreadable: MissingAttributesError['problems'] } {
  const needs = attributeNeeds(settings);
  const usedBy = new Map<string, string[]>();
  for (const need of needs) {
    const attribute = readable.find((a) => a.key === need.source) ?? readable.find((a) => a.universalId === need.source);
    if (attribute === undefined) continue;
    const list = usedBy.get(attribute.key) ?? [];
    if (!list.includes(need.neededBy)) list.push(need.neededBy);
    usedBy.set(attribute.key, list);
  }
  try {
    resolveSources(needs, readable);
    return { usedBy, unreadable: [] };
  } catch (error) {
    if (error instanceof MissingAttributesError) return { usedBy, unreadable: error.problems };
    throw error;
  }
}

/** Runs the command; returns the exit code (0 listed, 2 usage or configuration error, 1 other failure). */
export async function attributesCommand(args: readonly string[], env: NodeJS.ProcessEnv = process.env, print: (line: string) => void = console.log): Promise<number> {
  let flags: Partial<Record<(typeof FLAGS)[number] | 'help', string | boolean>>;
  try {
    flags = parseArgs({ args: [...args], options: { ...Object.fromEntries(FLAGS.map((f) => [f, { type: 'string' as const }])), help: { type: 'boolean', short: 'h' } } }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${ATTRIBUTES_USAGE}`);
    return 2;
  }
  if (flags.help === true) {
    print(ATTRIBUTES_USAGE);
    return 0;
  }
  const inputs: Record<string, string> = {
    'personio-client-id': env.PERSONIO_CLIENT_ID ?? '',
    'personio-client-secret': env.PERSONIO_CLIENT_SECRET ?? '',
  };
  for (const flag of FLAGS) if (typeof flags[flag] === 'string') inputs[flag] = flags[flag];
  let client: ReturnType<typeof createPersonioClient> | null = null;
  try {
    const settings = loadSettings((name) => inputs[name] ?? '', env, undefined, { leapsome: false });
    client = createPersonioClient({
      baseUrl: settings.personio.baseUrl,
      clientId: settings.personio.clientId,
      clientSecret: settings.personio.clientSecret,
      appId: settings.personio.appId,
    });
    const [readable, values] = await Promise.all([client.readableAttributes(), client.valueCounts()]);
    const use = attributeUse(settings, readable);
    for (const line of renderAttributeListing({ attributes: readable, values, ...use })) print(line);
    return use.unreadable.length > 0 ? 2 : 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return error instanceof SettingsError || error instanceof ConfigurationError ? 2 : 1;
  } finally {
    await client?.close();
  }
}
