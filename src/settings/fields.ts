// The validated `fields` key (or its absence) -> the field rules the sync runs with: defaults
// filled in, `off` fields dropped, map keys normalised, each rule remembering where it was written.
import { customField, DEFAULT_FIELD_SOURCES, mapKey, STANDARD_FIELD_NAMES, type FieldName, type FieldRule } from '../domain/fields.js';
import type { ConfigFile, ConfigLocation } from './config-file.js';
import type { FieldEntry, FieldsConfig } from './fields-schema.js';

/** A rule and where it comes from: a line of the config file, or null for a built-in default. */
export interface FieldSetting extends FieldRule {
  readonly at: ConfigLocation | null;
}

/** The setting's name as users write it, e.g. `fields.level` or `fields.custom.<id>`. */
export const settingName = (field: FieldName): string => `fields.${field}`;

/** Every owned field, in STANDARD_FIELD_NAMES order, then custom attributes in file order. */
export function readFieldSettings(config: ConfigFile | null): FieldSetting[] {
  const fields: FieldsConfig = config?.structured.fields;
  const settings: FieldSetting[] = [];
  const add = (field: FieldName, entry: FieldEntry | undefined, path: readonly string[]): void => {
    const given = entry !== undefined;
    const value = given ? entry : DEFAULT_FIELD_SOURCES[field as keyof typeof DEFAULT_FIELD_SOURCES];
    if (value === undefined || value === false || value === 'off') return;
    // For the long form, the line of `from`: problems found later are about the source.
    const at = given && config !== null ? config.locate(typeof value === 'object' ? [...path, 'from'] : path) : null;
    if (typeof value === 'string') {
      settings.push({ field, from: value, map: null, default: null, apply: 'always', at });
      return;
    }
    const map = value.map === undefined ? null : new Map(Object.entries(value.map).map(([key, to]) => [mapKey(key), to]));
    settings.push({ field, from: value.from, map, default: value.default ?? null, apply: value.apply ?? 'always', at });
  };
  for (const field of STANDARD_FIELD_NAMES) add(field, fields?.[field], ['fields', field]);
  for (const [id, entry] of Object.entries(fields?.custom ?? {})) add(customField(id), entry, ['fields', 'custom', id]);
  return settings;
}
