// The previous-run snapshot: what Personio looked like and which Leapsome ids the sync mapped it
// to. It is a reviewer's aid and a safety brake, never the source of truth, so it holds only the
// normalised values the digest and the guards need: no tokens, no raw API bodies.
import { z } from 'zod';
import { GENDERS, PERSONIO_STATUSES } from '../domain/types.js';
import type { Snapshot } from '../domain/snapshot.js';
import type { AttributeValue, Employee, LeapsomeState, OrgField, OrgUnit, PersonioState } from '../domain/types.js';
import { runAtOnce, runInSlices } from '../shared/cpu-slices.js';
import { compareIds } from '../plan/order.js';
import { issueLines } from '../shared/zod-issues.js';

/**
 * 2: employees carry the extra attributes the settings read (the header lists what was read) and
 * the UTC offset of their hire date.
 */
export const SNAPSHOT_SCHEMA_VERSION = 2;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const nullableText = z.string().nullable();
const date = z.string().regex(DATE, 'expected YYYY-MM-DD').nullable();

const orgUnit = (field: OrgField) => z.strictObject({ field: z.literal(field), id: z.string().min(1), name: z.string() }).nullable();

const orgSchema = z.strictObject({
  department: orgUnit('department'),
  team: orgUnit('team'),
  office: orgUnit('office'),
  subcompany: orgUnit('subcompany'),
});

const employeeSchema = z.strictObject({
  id: z.string().min(1),
  email: nullableText,
  firstName: z.string(),
  lastName: z.string(),
  preferredName: nullableText,
  status: z.enum(PERSONIO_STATUSES),
  position: nullableText,
  org: orgSchema,
  supervisorId: nullableText,
  hireDate: date,
  hireDateOffsetMinutes: z
    .int()
    .min(-12 * 60)
    .max(14 * 60)
    .nullable(),
  terminationDate: date,
  gender: z.enum(GENDERS).nullable(),
  attributes: z.record(z.string().min(1), z.union([z.string(), z.array(z.string()).readonly(), z.null()])),
});

const idMap = z.record(z.string().min(1), z.string().min(1));

/** The first line of the encoded snapshot: everything but the employees, and how many follow. */
const headerSchema = z.strictObject({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  actionVersion: z.string(),
  takenAt: z.iso.datetime({ offset: true }),
  attributes: z.array(z.string().min(1)).readonly(),
  leapsomeUserIds: idMap,
  leapsomeTeamIds: idMap,
  employeeCount: z.number().int().min(0),
});

export type ParseResult = { readonly ok: true; readonly snapshot: Snapshot } | { readonly ok: false; readonly reason: string };

const NEWLINE = 0x0a;

/**
 * The snapshot as newline-delimited JSON (UTF-8): a header line, then one line per employee. Every
 * line is a small string, so neither writing nor reading ever holds the whole snapshot as one
 * string or one parsed tree: at 20k employees that was ~10 MB of string and ~30 MB of objects left
 * for the garbage collector, on top of the employees themselves.
 */
export function encodeSnapshot(snapshot: Snapshot): Buffer {
  return Buffer.concat([...encodedSnapshotChunks(snapshot)].map((chunk) => Buffer.from(chunk, 'utf8')));
}

/** Employee lines per chunk of the encoding: a few hundred KiB, so that compression can stream them. */
const LINES_PER_CHUNK = 1_000;

/**
 * The encoding in chunks of whole lines, each ending in a newline: written straight into the
 * compressor, the whole plaintext never exists at once (at 20k employees that was ~40 MB of
 * buffers at the end of the run, the peak of its memory).
 */
export function* encodedSnapshotChunks(snapshot: Snapshot): Generator<string> {
  const { employees, ...rest } = snapshot;
  yield `${JSON.stringify({ ...rest, employeeCount: employees.length })}\n`;
  for (let start = 0; start < employees.length; start += LINES_PER_CHUNK) {
    let chunk = '';
    for (const employee of employees.slice(start, start + LINES_PER_CHUNK)) chunk += `${JSON.stringify(employee)}\n`;
    yield chunk;
  }
}

/** The first problem, as `employees.3.email: …`. */
const reasonOf = (error: z.ZodError, prefix: readonly (string | number)[]): string =>
  issueLines(error, { max: 1, prefix }).lines[0] ?? 'invalid';

type Header = z.infer<typeof headerSchema>;

function parseHeader(value: unknown): { readonly ok: true; readonly header: Header } | { readonly ok: false; readonly reason: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not a JSON object' };
  // Checked first so that an older or newer format is reported as such, not as a random bad field.
  const version: unknown = (value as Record<string, unknown>)['schemaVersion'];
  if (version !== SNAPSHOT_SCHEMA_VERSION) {
    return { ok: false, reason: `schema version ${JSON.stringify(version) ?? 'missing'}, expected ${SNAPSHOT_SCHEMA_VERSION}` };
  }
  const parsed = headerSchema.safeParse(value);
  return parsed.success ? { ok: true, header: parsed.data } : { ok: false, reason: reasonOf(parsed.error, []) };
}

/**
 * The header's employee count, from the start of an encoded snapshot; null unless its first line
 * is all there with the current schema version and a count. Only a hint (how many Personio pages
 * to ask for early): the full decoding validates the header and says what is wrong with it.
 */
export function employeeCountOf(start: Buffer): number | null {
  const newline = start.indexOf(NEWLINE);
  if (newline === -1) return null;
  let value: unknown;
  try {
    value = JSON.parse(start.toString('utf8', 0, newline));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { schemaVersion, employeeCount } = value as Record<string, unknown>;
  return schemaVersion === SNAPSHOT_SCHEMA_VERSION && Number.isSafeInteger(employeeCount) && (employeeCount as number) >= 0
    ? (employeeCount as number)
    : null;
}

/** Validates an untrusted (decrypted) encoded snapshot. The reason names the first bad field. */
export function decodeSnapshot(plain: Buffer): ParseResult {
  return runAtOnce(decodeSteps(plain));
}

/**
 * Lines decoded between two chances for I/O: about a millisecond of work, since each I/O step of
 * the first requests (auth answer, token, send) waits for the slice in progress.
 */
const LINES_PER_SLICE = 50;

/** decodeSnapshot in slices, letting I/O through in between: it runs while the APIs are read. */
export function decodeSnapshotInSlices(plain: Buffer, onEmployeeCount?: (count: number) => void): Promise<ParseResult> {
  return runInSlices(decodeSteps(plain, onEmployeeCount));
}

/** The decoding, pausing (a `yield`) every LINES_PER_SLICE lines. */
function* decodeSteps(plain: Buffer, onEmployeeCount?: (count: number) => void): Generator<void, ParseResult> {
  let header: Header | null = null;
  const employees: Employee[] = [];
  for (let start = 0, line = 1; start < plain.length; line += 1) {
    if (line % LINES_PER_SLICE === 0) yield;
    const newline = plain.indexOf(NEWLINE, start);
    const end = newline === -1 ? plain.length : newline;
    const text = plain.toString('utf8', start, end);
    start = end + 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, reason: header === null ? 'the header is not JSON' : `employees.${employees.length}: not JSON` };
    }
    if (header === null) {
      const parsed = parseHeader(value);
      if (!parsed.ok) return parsed;
      header = parsed.header;
      onEmployeeCount?.(header.employeeCount);
      continue;
    }
    const parsed = employeeSchema.safeParse(value);
    if (!parsed.success) return { ok: false, reason: reasonOf(parsed.error, ['employees', employees.length]) };
    employees.push(parsed.data);
  }
  if (header === null) return { ok: false, reason: 'empty' };
  const { employeeCount, ...rest } = header;
  if (employees.length !== employeeCount) return { ok: false, reason: `${employees.length} employees, the header says ${employeeCount}` };
  return { ok: true, snapshot: { ...rest, employees } };
}

export interface BuildSnapshotInput {
  readonly personio: PersonioState;
  readonly leapsome: LeapsomeState;
  readonly actionVersion: string;
  readonly takenAt: Date | string;
  /** The Personio attributes read, by the names the settings use. */
  readonly attributes: readonly string[];
  /** Personio id -> Leapsome id of users created in this run (not in the state read before it). */
  readonly createdUserIds?: ReadonlyMap<string, string>;
  /** Team externalId -> Leapsome id of teams created in this run. */
  readonly createdTeamIds?: ReadonlyMap<string, string>;
}

/** Copies only the domain fields, so that nothing an adapter may have attached can leak into the cache. */
function copyEmployee(e: Employee): Employee {
  const unit = (u: OrgUnit | null): OrgUnit | null => (u === null ? null : { field: u.field, id: u.id, name: u.name });
  const org: Record<OrgField, OrgUnit | null> = {
    department: unit(e.org.department),
    team: unit(e.org.team),
    office: unit(e.org.office),
    subcompany: unit(e.org.subcompany),
  };
  return {
    id: e.id,
    email: e.email,
    firstName: e.firstName,
    lastName: e.lastName,
    preferredName: e.preferredName,
    status: e.status,
    position: e.position,
    org,
    supervisorId: e.supervisorId,
    hireDate: e.hireDate,
    hireDateOffsetMinutes: e.hireDateOffsetMinutes,
    terminationDate: e.terminationDate,
    gender: e.gender,
    attributes: copyAttributes(e.attributes),
  };
}

function copyAttributes(attributes: Readonly<Record<string, AttributeValue>>): Record<string, AttributeValue> {
  const copy: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(attributes)) copy[name] = value === null || typeof value === 'string' ? value : [...value];
  return copy;
}

/** Maps each key to its one id; keys held by several records are left out, as the planner leaves them alone. */
function uniqueIds(pairs: Iterable<readonly [string, string]>): Record<string, string> {
  const seen = new Map<string, string | null>();
  for (const [key, id] of pairs) seen.set(key, seen.has(key) ? null : id);
  const result: Record<string, string> = {};
  for (const key of [...seen.keys()].sort(compareIds)) {
    const id = seen.get(key);
    if (id !== null && id !== undefined) result[key] = id;
  }
  return result;
}

export function buildSnapshot({
  personio,
  leapsome,
  actionVersion,
  takenAt,
  attributes,
  createdUserIds,
  createdTeamIds,
}: BuildSnapshotInput): Snapshot {
  const employees = [...personio.employees].sort((a, b) => compareIds(a.id, b.id)).map(copyEmployee);
  const known = new Set(employees.map((e) => e.id));
  const userPairs = [
    ...leapsome.users.flatMap((u) => (u.externalId !== null && known.has(u.externalId) ? [[u.externalId, u.id] as const] : [])),
    ...(createdUserIds ?? new Map<string, string>()),
  ];
  const teamPairs = [
    ...leapsome.teams.flatMap((t) =>
      t.externalId !== null && t.externalId.startsWith('personio:') ? [[t.externalId, t.id] as const] : [],
    ),
    ...(createdTeamIds ?? new Map<string, string>()),
  ];
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    actionVersion,
    takenAt: typeof takenAt === 'string' ? takenAt : takenAt.toISOString(),
    attributes: [...attributes],
    employees,
    leapsomeUserIds: uniqueIds(userPairs),
    leapsomeTeamIds: uniqueIds(teamPairs),
  };
}
