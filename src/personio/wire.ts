// zod schemas for Personio v1 wire formats (https://github.com/personio/api-docs,
// personio-personnel-data-api-oa3.yaml and personio-auth-api.yaml). Envelopes are
// parsed first with `data` left as unknown; each employee record is parsed on its own later so that
// one bad record cannot block the rest.

import { z } from 'zod';
import { PERSONIO_STATUSES } from '../domain/types.js';

/** Employee and org-unit ids arrive as integers (sometimes numeric strings); we keep strings. */
const ID_ERROR = { error: 'expected an integer id' };
export const personioId = z
  .union([z.int(ID_ERROR).nonnegative(ID_ERROR), z.string().trim().regex(/^\d+$/, ID_ERROR)], ID_ERROR)
  .transform((id) => String(id));

/** `{label, value, type, universal_id}`; only `value` matters, labels are localised. */
export function attribute<Value extends z.ZodType>(value: Value) {
  return z.object({
    label: z.string().nullish(),
    value,
    type: z.string().nullish(),
    universal_id: z.string().nullish(),
  });
}

/** Free text where `""` and null both mean "not set". */
export const optionalText = z
  .string()
  .nullish()
  .transform((text) => {
    const trimmed = text?.trim() ?? '';
    return trimmed === '' ? null : trimmed;
  });

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
/** The UTC offset at the end of an ISO datetime: `Z`, `+02:00`, `+0200` or `+02`. */
const OFFSET_SUFFIX = /[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:(Z)|([+-])(\d{2}):?(\d{2})?)$/i;

/** A local calendar date and the UTC offset (minutes) it was written with, if any. */
export interface LocalDate {
  readonly date: string;
  readonly offsetMinutes: number | null;
}

function parseLocalDate(text: string | null | undefined, ctx: z.RefinementCtx): LocalDate | null | typeof z.NEVER {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return null;
  const match = DATE_PREFIX.exec(trimmed);
  if (match === null || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    ctx.addIssue({ code: 'custom', message: 'expected an ISO date (YYYY-MM-DD…)' });
    return z.NEVER;
  }
  const offset = OFFSET_SUFFIX.exec(trimmed);
  let offsetMinutes: number | null = null;
  if (offset !== null) {
    const [, zulu, sign, hours, minutes] = offset;
    const size = Number(hours ?? 0) * 60 + Number(minutes ?? 0);
    offsetMinutes = zulu !== undefined ? 0 : (sign === '-' ? -1 : 1) * size;
    // Real offsets lie within -12:00..+14:00; anything else is not an offset we can trust.
    if (offsetMinutes < -12 * 60 || offsetMinutes > 14 * 60) offsetMinutes = null;
  }
  return { date: trimmed.slice(0, 10), offsetMinutes };
}

/**
 * "2021-04-01T00:00:00+02:00" -> "2021-04-01". The local date part is kept as written: converting
 * to UTC first would turn local midnight east of Greenwich into the previous day.
 */
export const localDate = z
  .string()
  .nullish()
  .transform((text, ctx) => parseLocalDate(text, ctx)?.date ?? null);

/** "2021-04-01T00:00:00+02:00" -> { date: "2021-04-01", offsetMinutes: 120 }; a plain date has no offset. */
export const localDateWithOffset = z
  .string()
  .nullish()
  .transform((text, ctx) => parseLocalDate(text, ctx));

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const status = z
  .string()
  .transform((text) => text.trim().toLowerCase())
  .pipe(z.enum(PERSONIO_STATUSES));

/** Department, team, office, subcompany: `{type, attributes: {id, name}}` or null. */
export const orgUnitValue = z
  .object({
    type: z.string().nullish(),
    attributes: z.object({ id: personioId, name: z.string().trim().min(1) }),
  })
  .nullish();

/** A nested Employee whose attributes are attribute objects; only the id is guaranteed. */
export const supervisorValue = z
  .object({
    type: z.string().nullish(),
    attributes: z.object({ id: attribute(personioId) }),
  })
  .nullish();

export const employeeRecord = z.object({
  type: z.string().nullish(),
  attributes: z.object({
    id: attribute(personioId),
    first_name: attribute(z.string().trim()),
    last_name: attribute(z.string().trim()),
    status: attribute(status),
    email: attribute(optionalText).optional(),
    preferred_name: attribute(optionalText).optional(),
    position: attribute(optionalText).optional(),
    department: attribute(orgUnitValue).optional(),
    team: attribute(orgUnitValue).optional(),
    office: attribute(orgUnitValue).optional(),
    subcompany: attribute(orgUnitValue).optional(),
    supervisor: attribute(supervisorValue).optional(),
    hire_date: attribute(localDateWithOffset).optional(),
    termination_date: attribute(localDate).optional(),
    gender: attribute(z.string().nullish()).optional(),
  }),
});
export type EmployeeRecord = z.output<typeof employeeRecord>;

/** Just enough to name a record that fails to parse. */
export const recordIdOnly = z.object({ attributes: z.object({ id: z.object({ value: personioId }) }) });

const count = z.int().nonnegative();

export const employeesPage = z.object({
  success: z.boolean().nullish(),
  metadata: z
    .object({
      total_elements: count.nullish(),
      current_page: count.nullish(),
      total_pages: count.nullish(),
    })
    .nullish(),
  offset: count.nullish(),
  limit: count.nullish(),
  data: z.array(z.unknown()),
});
export type EmployeesPage = z.output<typeof employeesPage>;

/** `GET /company/employees/{id}`: the record is parsed on its own, like a listed one. */
export const employeeResponse = z.object({ success: z.boolean().nullish(), data: z.unknown() });

/** Personio's 404 for an unknown employee: `{success:false, error:{code, message}}` (code 404 or 0, message localised). */
export const employeeNotFound = z.object({
  success: z.literal(false),
  error: z.object({ code: z.number().nullish(), message: z.string().nullish() }),
});

export const attributeList = z.object({
  success: z.boolean().nullish(),
  // Items are read one by one: an item without a key is left out, not fatal.
  data: z.array(z.unknown()),
});

/** One readable attribute; labels are localised and options exist only for list and tags (since 2024). */
export const attributeItem = z.object({
  key: z.string().trim().min(1),
  label: z.string().nullish(),
  type: z.string().nullish(),
  universal_id: z.string().nullish(),
  options: z.array(z.unknown()).nullish(),
});

export const authResponse = z.object({
  success: z.boolean().nullish(),
  data: z.object({ token: z.string().min(1), expires_in: z.number().positive().nullish() }),
});
