// The plan JSON, versioned and validated with zod on read: a plan file comes from outside (an
// artifact, a reviewer's download) and its operations are written to Leapsome as they stand.
import { z } from 'zod';
import { DATE_FIELDS, isCustomField, STANDARD_PROFILE_FIELDS, type FieldName, type ProfileField } from '../domain/fields.js';
import type { Plan, SkipReason } from '../domain/plan.js';
import { GENDERS, IDENTITY_ATTRIBUTE_NAMES, isTeamSource, type TeamSource } from '../domain/types.js';

/** Bumped on any change to the document's shape; a reader accepts exactly its own version. */
export const PLAN_FILE_VERSION = 3;
export const PLAN_FILE_TOOL = 'personio-leapsome-sync';

const SKIP_REASONS = [
  'invalid-record',
  'no-email',
  'duplicate-email',
  'external-id-conflict',
  'email-conflict',
  'email-domain',
  'no-hire-date',
  'unconfirmed-leaver',
  'listing-inconsistent',
] as const;
// Fails to compile when the domain gains a skip reason this schema does not know.
const _allSkipReasons: Record<SkipReason, true> = Object.fromEntries(SKIP_REASONS.map((r) => [r, true])) as Record<
  (typeof SKIP_REASONS)[number],
  true
>;
void _allSkipReasons;

// Readonly, like the domain types, so a Plan is a document's plan and back without copying.
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
const id = z.string().min(1);
const text = z.string();
const nullableText = z.string().nullable();
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .nullable();
const provenance = z.enum(['personio', 'leapsome-edit', 'unknown']);
const fingerprint = z.string().regex(/^(?:absent|unknown|sha256:[0-9a-f]{64})$/, 'expected a fingerprint');

const teamSource = z
  .string()
  .refine((v): v is TeamSource => isTeamSource(v), 'expected department, team, office, subcompany or dynamic_<n>');
const takeover = z.strictObject({ kind: z.enum(['unmarked', 'foreign', 'moved']), previousExternalId: id.nullable() }).nullable();
const personLabel = z.strictObject({ employeeId: id.nullable(), leapsomeId: id.nullable(), name: text, email: nullableText });
const managerTarget = z.strictObject({ employeeId: id, email: text, name: text, leapsomeId: id.nullable() });
const userRef = z.strictObject({ leapsomeId: id, name: text });

const isProfileField = (name: unknown): name is ProfileField =>
  typeof name === 'string' && ((STANDARD_PROFILE_FIELDS as readonly string[]).includes(name) || isCustomField(name));
const profileField = z.custom<ProfileField>(isProfileField, {
  error: `expected a field: ${STANDARD_PROFILE_FIELDS.join(', ')} or custom.<24-character id>`,
});
const fieldName = z.custom<FieldName>((name) => name === 'additional-managers' || isProfileField(name), { error: 'expected a field name' });
const profile = z.partialRecord(profileField, z.string().nullable()).superRefine((values, ctx) => {
  for (const [field, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    if (DATE_FIELDS.has(field as ProfileField) && date.safeParse(value).success === false)
      ctx.addIssue({ code: 'custom', path: [field], message: 'expected a date YYYY-MM-DD' });
    if (field === 'gender' && !(GENDERS as readonly string[]).includes(value))
      ctx.addIssue({ code: 'custom', path: [field], message: `expected one of ${GENDERS.join(', ')}` });
  }
});
const userAttributes = z.strictObject({
  userName: z.string().min(3),
  externalId: id,
  givenName: text,
  familyName: text,
  displayName: text,
  profile,
});
const fieldChange = z.strictObject({
  field: z.union([z.enum(['active', ...IDENTITY_ATTRIBUTE_NAMES]), profileField]),
  from: z.union([z.string(), z.boolean(), z.null()]),
  to: z.union([z.string(), z.boolean(), z.null()]),
});

const userOp = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('create'),
    employeeId: id,
    attributes: userAttributes,
    manager: managerTarget.nullable(),
    additionalManagers: list(managerTarget),
    invite: z.enum(['leapsome', 'pending']),
    fingerprint,
  }),
  z.strictObject({
    kind: z.literal('update'),
    employeeId: id,
    leapsomeId: id,
    attributes: userAttributes,
    changes: list(fieldChange),
    manager: z.strictObject({ from: userRef.nullable(), to: managerTarget.nullable() }).nullable(),
    additionalManagers: z.strictObject({ from: list(userRef), to: list(managerTarget) }).nullable(),
    takeover,
    reactivate: z.boolean(),
    provenance,
    fingerprint,
  }),
  z.strictObject({
    kind: z.literal('deactivate'),
    employeeId: id.nullable(),
    leapsomeId: id,
    userName: text,
    name: text,
    reason: text,
    provenance,
    fingerprint,
  }),
]);

const teamMember = z.strictObject({ employeeId: id.nullable(), leapsomeId: id.nullable(), name: text });
const teamSourceRef = z.strictObject({ field: teamSource, id, name: text });
const teamOp = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('create'),
    externalId: id,
    field: teamSource,
    sources: list(teamSourceRef),
    displayName: z.string().min(1),
    members: list(teamMember),
    fingerprint,
  }),
  z.strictObject({
    kind: z.literal('update'),
    teamId: id,
    externalId: id,
    field: teamSource,
    sources: list(teamSourceRef),
    displayName: z.string().min(1),
    rename: z.strictObject({ from: text, to: text }).nullable(),
    takeover,
    members: list(teamMember).nullable(),
    added: list(teamMember),
    removed: list(teamMember),
    provenance,
    fingerprint,
  }),
]);

const clashHolder = z.strictObject({ leapsomeId: id, name: text, externalId: id.nullable() });
const clash = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('team'),
    cause: z.enum(['marked', 'hand-made']),
    displayName: text,
    externalId: id,
    holder: clashHolder,
    entry: z.strictObject({ key: text, file: text, line: z.int().min(1) }).nullable(),
    resolution: nullableText,
    detail: text,
  }),
  z.strictObject({
    kind: z.literal('user'),
    cause: z.enum(['marked', 'other-employee']),
    person: personLabel,
    holder: clashHolder,
    resolution: nullableText,
    detail: text,
  }),
]);

const count = z.int().min(0);
const planSchema = z.strictObject({
  users: list(userOp),
  teams: list(teamOp),
  skipped: list(z.strictObject({ reason: z.enum(SKIP_REASONS), person: personLabel, detail: text })),
  clashes: list(clash),
  warnings: list(z.strictObject({ person: personLabel.nullable(), message: text })),
  stats: z.strictObject({
    employees: count,
    inScope: count,
    excluded: count,
    managedUsers: count,
    unmanagedUsers: count,
    managedTeams: count,
    unmanagedTeams: count,
  }),
  deactivationGuard: z.strictObject({ base: count, limit: count, planned: count, exceeded: z.boolean() }),
  supervisorCycles: list(z.strictObject({ chain: list(personLabel).check(z.minLength(1)) })),
  preboarding: list(
    z.strictObject({ person: personLabel, hireDate: date, accountFrom: date, state: z.enum(['due', 'kept', 'waiting', 'no-hire-date']) }),
  ),
});

const staleOperation = z.strictObject({
  operation: z.enum(['create user', 'update user', 'reactivate user', 'deactivate user', 'create team', 'update team']),
  person: personLabel.nullable(),
  team: nullableText,
  reason: text,
});

export const planDocumentSchema = z.strictObject({
  version: z.literal(PLAN_FILE_VERSION),
  tool: z.literal(PLAN_FILE_TOOL),
  actionVersion: text,
  /** Hash of the operations and their fingerprints: the same id in the plan run and the apply run. */
  planId: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  mode: z.enum(['dry-run', 'applied', 'refused']),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  run: z.strictObject({ repository: nullableText, runId: nullableText, url: nullableText, event: nullableText }),
  leapsome: z.strictObject({ baseUrl: z.url() }),
  /** The fields the sync owned when planning: the apply run reads Leapsome users with the same ones. */
  fields: list(fieldName),
  counts: z.record(z.string(), count),
  refused: nullableText,
  plan: planSchema,
  failures: list(z.strictObject({ person: personLabel.nullable(), team: nullableText, operation: text, reason: text })),
  approvedPlan: z.strictObject({ planId: z.string(), plannedAt: text, stale: list(staleOperation) }).nullable(),
});

export type PlanDocument = z.infer<typeof planDocumentSchema>;
export type PlanWithFingerprints = PlanDocument['plan'];

// The parsed plan, fingerprints removed, is a domain Plan: checked by the compiler here.
export const asDomainPlan = (plan: PlanWithFingerprints): Plan => ({
  ...plan,
  users: plan.users.map(({ fingerprint: _f, ...op }) => op),
  teams: plan.teams.map(({ fingerprint: _f, ...op }) => op),
});
