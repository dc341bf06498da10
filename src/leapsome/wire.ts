// zod schemas for Leapsome SCIM wire formats (specs/leapsome-scim-openapi.yml). List envelopes are
// parsed with resources left as unknown; each resource is then parsed on its own.

import { z } from 'zod';

/** Enterprise extension: dates, gender, location and (on read) the manager live here. */
export const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export const scimId = z.union([z.string().trim().min(1), z.int()], { error: 'expected a non-empty id' }).transform(String);

/** Strings where Leapsome may send "", null or nothing for "not set". */
export const optionalText = z
  .string()
  .nullish()
  .transform((text) => (text === null || text === undefined || text.trim() === '' ? null : text));

export const listResponse = z.object({
  totalResults: z.int().nonnegative().nullish(),
  itemsPerPage: z.int().nonnegative().nullish(),
  startIndex: z.int().nullish(),
  Resources: z.array(z.unknown()).nullish(),
});
export type ListResponse = z.output<typeof listResponse>;

/** Read form: `{managerId, displayName}`; a plain string is accepted too in case the write form is echoed. */
const enterpriseManager = z.union([z.object({ managerId: optionalText, displayName: optionalText }), z.string()]).nullish();

/** Custom attributes sit in the extension under their 24-hex id; the spec types them as strings. */
const customValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.object({ value: z.union([z.string(), z.number(), z.boolean()]).nullish() }),
  z.null(),
]);

export const userResource = z.object({
  id: scimId,
  userName: z.string().trim().min(1),
  externalId: z.union([z.string(), z.int()]).nullish(),
  // SCIM treats a missing `active` as active.
  active: z.boolean().nullish(),
  name: z.object({ givenName: optionalText, familyName: optionalText }).nullish(),
  displayName: optionalText,
  title: optionalText,
  location: optionalText,
  manager: z.union([z.object({ value: optionalText }), z.string()]).nullish(),
  groups: z.array(z.object({ value: scimId })).nullish(),
  [ENT]: z
    .object({
      manager: enterpriseManager,
      additionalManagers: z.array(enterpriseManager).nullish(),
      startDate: optionalText,
      endDate: optionalText,
      birthday: optionalText,
      location: optionalText,
      gender: optionalText,
      level: optionalText,
      division: optionalText,
      costCenter: optionalText,
    })
    // Custom attributes are read leniently here and checked only when the sync owns them.
    .catchall(z.unknown())
    .nullish(),
});
export type UserResource = z.output<typeof userResource>;
export { customValue };

export const groupResource = z.object({
  id: scimId,
  displayName: z.string().min(1),
  externalId: z.union([z.string(), z.int()]).nullish(),
});
export type GroupResource = z.output<typeof groupResource>;

/** Used to tell a created resource from the documented `201 {}` for "already exists". */
export const hasId = z.object({ id: scimId });
