// `personio-leapsome-sync attributes`: the Personio attributes the credential may read, so writing
// `fields` needs no guesswork. Credentials from PERSONIO_CLIENT_ID / PERSONIO_CLIENT_SECRET; the
// settings (config file, teams-from, exclude) only to say which attribute each setting uses.
import { attributeNeeds } from '../run/pipeline.js';
import type { ReadableAttribute } from '../domain/ports.js';
import { createPersonioClient, MissingAttributesError, resolveSources } from '../personio/index.js';
import { renderAttributeListing, type AttributeListing } from '../report/attributes.js';
import { EXIT } from '../run/run-once.js';
import type { Settings } from '../settings/settings.js';

/** The listing's model, from the settings and the credential's attribute list. */
export function attributeUse(
  settings: Settings,
  readable: readonly ReadableAttribute[],
): { usedBy: Map<string, string[]>; unreadable: MissingAttributesError['problems'] } {
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

/** The listing as one JSON document (`--json`): per attribute its description, use and how many hold a value. */
export function attributesDocument(listing: AttributeListing): unknown {
  return {
    sampled: listing.values?.sampled ?? null,
    attributes: listing.attributes.map((a) => ({
      key: a.key,
      label: a.label,
      type: a.type,
      universalId: a.universalId,
      options: a.options,
      withValue: listing.values === null ? null : (listing.values.counts.get(a.key) ?? 0),
      usedBy: listing.usedBy.get(a.key) ?? [],
    })),
    unreadable: listing.unreadable,
  };
}

export interface AttributesOutput {
  readonly json: boolean;
  readonly out: (text: string) => void;
}

/** Lists what the credential may read; 2 when the settings need an attribute it may not read. */
export async function listAttributes(settings: Settings, output: AttributesOutput): Promise<number> {
  const client = createPersonioClient({
    baseUrl: settings.personio.baseUrl,
    clientId: settings.personio.clientId,
    clientSecret: settings.personio.clientSecret,
    appId: settings.personio.appId,
  });
  try {
    const [readable, values] = await Promise.all([client.readableAttributes(), client.valueCounts()]);
    const listing: AttributeListing = { attributes: readable, values, ...attributeUse(settings, readable) };
    if (output.json) output.out(`${JSON.stringify(attributesDocument(listing), null, 2)}\n`);
    else output.out(`${renderAttributeListing(listing).join('\n')}\n`);
    return listing.unreadable.length > 0 ? EXIT.usage : EXIT.ok;
  } finally {
    await client.close();
  }
}
