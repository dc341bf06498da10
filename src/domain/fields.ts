// Which Leapsome profile fields the sync owns and where each comes from in Personio (the `fields`
// setting). Names are the config file's: they appear as such in plans, summaries and the plan file.

/** Leapsome profile fields with a fixed name; a custom attribute is `custom.<its id>`. */
export const STANDARD_PROFILE_FIELDS = [
  'title',
  'location',
  'start-date',
  'end-date',
  'gender',
  'birthday',
  'level',
  'division',
  'cost-center',
] as const;
export type StandardProfileField = (typeof STANDARD_PROFILE_FIELDS)[number];
export type CustomField = `custom.${string}`;
/** A field holding one text value in Leapsome. */
export type ProfileField = StandardProfileField | CustomField;
/** Every field name `fields` knows, in the order plans list them (custom attributes follow). */
export const STANDARD_FIELD_NAMES = [...STANDARD_PROFILE_FIELDS, 'additional-managers'] as const;
export type StandardFieldName = (typeof STANDARD_FIELD_NAMES)[number];
export type FieldName = ProfileField | 'additional-managers';

/** Leapsome custom attribute ids are 24 hexadecimal characters (Settings → Users & Teams). */
export const CUSTOM_ATTRIBUTE_ID = /^[0-9a-f]{24}$/i;

export const customField = (id: string): CustomField => `custom.${id.toLowerCase()}`;
export const isCustomField = (name: string): name is CustomField => name.startsWith('custom.') && CUSTOM_ATTRIBUTE_ID.test(name.slice(7));

/** `always`: Personio wins on every run. `on-create`: written on creation or first takeover, then only into an empty Leapsome value. */
export const APPLY_MODES = ['always', 'on-create'] as const;
export type ApplyMode = (typeof APPLY_MODES)[number];

/** One owned field: its Personio source and how a value is turned into Leapsome's. */
export interface FieldRule {
  readonly field: FieldName;
  /** The Personio attribute as the settings name it: a key (`position`, `dynamic_1146702`) or a universal id (`date_of_birth`). */
  readonly from: string;
  /** Personio value (normalised with mapKey) -> Leapsome value; null without a map. */
  readonly map: ReadonlyMap<string, string> | null;
  /** For an empty value, or one the map does not list; null without a default. */
  readonly default: string | null;
  readonly apply: ApplyMode;
}

/** The fields and sources owned without a `fields` setting: what the sync always did. Every other field is off. */
export const DEFAULT_FIELD_SOURCES: Readonly<Partial<Record<StandardFieldName, string>>> = {
  title: 'position',
  location: 'office',
  'start-date': 'hire_date',
  'end-date': 'termination_date',
  gender: 'gender',
};

/** Fields Leapsome takes as YYYY-MM-DD. */
export const DATE_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>(['start-date', 'end-date', 'birthday']);

/** How `map` keys and Personio values are matched: surrounding spaces and case do not count. */
export const mapKey = (value: string): string => value.trim().toLowerCase();
