// "What changed in Personio since the last run": the previous snapshot against the employees just
// read. Pure and linear: one Map per side, one pass over each.
//
// Categories (in scope = the status is one of the synced statuses):
// - joiner: in scope now; either absent from the snapshot, or present but neither in scope nor
//   inactive then (e.g. onboarding -> active).
// - rehire: in scope now, present in the snapshot with status inactive.
// - leaver: in scope then; now out of scope (status shown) or gone from Personio.
// - moves, supervisor, title, email and name changes: people in scope both times only (a joiner's
//   or leaver's details are not news).
// - org unit renames: same field and id, new name, seen across all employees (any status).
// - attribute changes: the other attributes the settings read (custom attributes and the like),
//   for people in scope both times, when both runs read them.
import type { FieldRule } from '../domain/fields.js';
import { ORG_FIELDS } from '../domain/types.js';
import type { AttributeValue, Employee, OrgField, OrgUnit, PersonioStatus } from '../domain/types.js';
import { sameAttributeValue } from './fields.js';
import { employeeName } from './labels.js';
import { compareIds } from './order.js';
import type { Snapshot } from '../domain/snapshot.js';

export interface DigestPerson {
  readonly id: string;
  readonly name: string;
}

export interface Leaver extends DigestPerson {
  /** The status now; null when the employee is no longer in Personio at all. */
  readonly status: PersonioStatus | null;
}

export interface OrgMove {
  readonly person: DigestPerson;
  readonly field: OrgField;
  readonly from: OrgUnit | null;
  readonly to: OrgUnit | null;
}

export interface OrgUnitRename {
  readonly field: OrgField;
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

export interface ValueChange<T> {
  readonly person: DigestPerson;
  readonly from: T;
  readonly to: T;
}

export interface AttributeChange {
  readonly person: DigestPerson;
  /** The attribute as the settings name it (a key or a universal id). */
  readonly attribute: string;
  /** The Leapsome fields it feeds, e.g. `level`, `custom.<id>`. */
  readonly fields: readonly string[];
  readonly from: AttributeValue;
  readonly to: AttributeValue;
}

export interface PersonioDigest {
  readonly previousTakenAt: string;
  readonly previousInScope: number;
  readonly currentInScope: number;
  readonly joiners: readonly DigestPerson[];
  readonly leavers: readonly Leaver[];
  readonly rehires: readonly DigestPerson[];
  /** Org unit changes per field; department moves are the ones with field 'department'. */
  readonly moves: readonly OrgMove[];
  readonly renames: readonly OrgUnitRename[];
  /** From and to are the supervisors (null: none); a supervisor Personio no longer has keeps their id as name. */
  readonly supervisorChanges: readonly ValueChange<DigestPerson | null>[];
  readonly titleChanges: readonly ValueChange<string | null>[];
  readonly emailChanges: readonly ValueChange<string | null>[];
  /** Display names (preferred name, else first and last name). */
  readonly nameChanges: readonly ValueChange<string>[];
  readonly attributeChanges: readonly AttributeChange[];
}

/** First record per id wins: Personio can return an id twice, and the planner skips such records anyway. */
export function employeesById(employees: readonly Employee[]): Map<string, Employee> {
  const byId = new Map<string, Employee>();
  for (const employee of employees) if (!byId.has(employee.id)) byId.set(employee.id, employee);
  return byId;
}

const person = (e: Employee): DigestPerson => ({ id: e.id, name: employeeName(e) });

/** field:id -> name, taking the name from the lowest employee id (as the team planner does) when records disagree. */
export function orgUnitNames(employees: Iterable<Employee>): Map<string, { unit: OrgUnit; holder: string }> {
  // A map per field by unit id: a key string for every employee and field was most of the cost.
  const byField = new Map(ORG_FIELDS.map((field) => [field, new Map<string, { unit: OrgUnit; holder: string }>()]));
  for (const employee of employees) {
    for (const [field, units] of byField) {
      const unit = employee.org[field];
      if (unit === null) continue;
      const seen = units.get(unit.id);
      if (seen === undefined || compareIds(employee.id, seen.holder) < 0) units.set(unit.id, { unit, holder: employee.id });
    }
  }
  const names = new Map<string, { unit: OrgUnit; holder: string }>();
  for (const [field, units] of byField) for (const [id, named] of units) names.set(`${field}:${id}`, named);
  return names;
}

const byPerson = <T extends { readonly person: DigestPerson }>(a: T, b: T): number => compareIds(a.person.id, b.person.id);
const byId = (a: DigestPerson, b: DigestPerson): number => compareIds(a.id, b.id);

export function personioDigest(
  previous: Snapshot,
  current: readonly Employee[],
  statuses: readonly PersonioStatus[],
  fields: readonly FieldRule[] = [],
): PersonioDigest {
  const wanted = new Set(statuses);
  const before = employeesById(previous.employees);
  const now = employeesById(current);
  const inScope = (e: Employee | undefined): boolean => e !== undefined && wanted.has(e.status);
  const supervisor = (id: string | null, side: ReadonlyMap<string, Employee>): DigestPerson | null => {
    if (id === null) return null;
    const found = side.get(id);
    return found === undefined ? { id, name: id } : person(found);
  };

  const joiners: DigestPerson[] = [];
  const rehires: DigestPerson[] = [];
  const leavers: Leaver[] = [];
  const moves: OrgMove[] = [];
  const supervisorChanges: ValueChange<DigestPerson | null>[] = [];
  const titleChanges: ValueChange<string | null>[] = [];
  const emailChanges: ValueChange<string | null>[] = [];
  const nameChanges: ValueChange<string>[] = [];
  const attributeChanges: AttributeChange[] = [];
  const readBefore = new Set(previous.attributes);
  const feeds = new Map<string, string[]>();
  for (const rule of fields) feeds.set(rule.from, [...(feeds.get(rule.from) ?? []), rule.field]);

  for (const [id, cur] of now) {
    if (!inScope(cur)) continue;
    const prev = before.get(id);
    if (prev === undefined || !inScope(prev)) {
      if (prev?.status === 'inactive') rehires.push(person(cur));
      else joiners.push(person(cur));
      continue;
    }
    // Most employees did not change: their label is only made when something is reported.
    let label: DigestPerson | null = null;
    const who = (): DigestPerson => (label ??= person(cur));
    for (const field of ORG_FIELDS) {
      const from = prev.org[field];
      const to = cur.org[field];
      if ((from?.id ?? null) !== (to?.id ?? null)) moves.push({ person: who(), field, from, to });
    }
    if (prev.supervisorId !== cur.supervisorId) {
      supervisorChanges.push({ person: who(), from: supervisor(prev.supervisorId, before), to: supervisor(cur.supervisorId, now) });
    }
    if (prev.position !== cur.position) titleChanges.push({ person: who(), from: prev.position, to: cur.position });
    if (prev.email !== cur.email) emailChanges.push({ person: who(), from: prev.email, to: cur.email });
    if (prev.preferredName !== cur.preferredName || prev.firstName !== cur.firstName || prev.lastName !== cur.lastName) {
      const prevName = employeeName(prev);
      if (prevName !== who().name) nameChanges.push({ person: who(), from: prevName, to: who().name });
    }
    for (const attribute in cur.attributes) {
      if (!readBefore.has(attribute)) continue;
      const to = cur.attributes[attribute] ?? null;
      const from = prev.attributes[attribute] ?? null;
      if (!sameAttributeValue(from, to)) attributeChanges.push({ person: who(), attribute, fields: feeds.get(attribute) ?? [], from, to });
    }
  }

  let previousInScope = 0;
  for (const [id, prev] of before) {
    if (!inScope(prev)) continue;
    previousInScope++;
    const cur = now.get(id);
    if (cur === undefined) leavers.push({ ...person(prev), status: null });
    else if (!inScope(cur)) leavers.push({ ...person(cur), status: cur.status });
  }
  let currentInScope = 0;
  for (const cur of now.values()) if (inScope(cur)) currentInScope++;

  const renames: OrgUnitRename[] = [];
  const namesBefore = orgUnitNames(before.values());
  for (const [key, { unit }] of orgUnitNames(now.values())) {
    const old = namesBefore.get(key);
    if (old !== undefined && old.unit.name !== unit.name)
      renames.push({ field: unit.field, id: unit.id, from: old.unit.name, to: unit.name });
  }
  const fieldRank = (field: OrgField): number => ORG_FIELDS.indexOf(field);
  renames.sort((a, b) => fieldRank(a.field) - fieldRank(b.field) || compareIds(a.id, b.id));

  return {
    previousTakenAt: previous.takenAt,
    previousInScope,
    currentInScope,
    joiners: joiners.sort(byId),
    leavers: leavers.sort(byId),
    rehires: rehires.sort(byId),
    moves: moves.sort((a, b) => byPerson(a, b) || fieldRank(a.field) - fieldRank(b.field)),
    renames,
    supervisorChanges: supervisorChanges.sort(byPerson),
    titleChanges: titleChanges.sort(byPerson),
    emailChanges: emailChanges.sort(byPerson),
    nameChanges: nameChanges.sort(byPerson),
    attributeChanges: attributeChanges.sort(
      (a, b) => byPerson(a, b) || (a.attribute < b.attribute ? -1 : a.attribute > b.attribute ? 1 : 0),
    ),
  };
}

/** True when nothing in any category changed. */
export function isEmptyDigest(d: PersonioDigest): boolean {
  return (
    d.joiners.length +
      d.leavers.length +
      d.rehires.length +
      d.moves.length +
      d.renames.length +
      d.supervisorChanges.length +
      d.titleChanges.length +
      d.emailChanges.length +
      d.nameChanges.length +
      d.attributeChanges.length ===
    0
  );
}
