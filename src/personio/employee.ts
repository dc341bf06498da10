// One Personio employee record (wire format) -> domain Employee, or a RejectedRecord naming the
// field that was wrong.

import {
  GENDERS,
  ORG_FIELDS,
  type AttributeValue,
  type Employee,
  type Gender,
  type OrgField,
  type OrgUnit,
  type RejectedRecord,
} from '../domain/types.js';
import { describeIssues } from '../http/parse.js';
import type { ExtraAttribute } from '../domain/ports.js';
import { attributeValue } from './values.js';
import { employeeRecord, recordIdOnly, type EmployeeRecord } from './wire.js';

export type RecordResult = { readonly ok: true; readonly employee: Employee } | { readonly ok: false; readonly rejected: RejectedRecord };

/** Shared by every employee read without extra attributes. */
const NO_ATTRIBUTES: Readonly<Record<string, AttributeValue>> = Object.freeze({});

/** Parses one record: the fixed attributes, then each extra attribute into `attributes[name]`. */
export function parseEmployeeRecord(raw: unknown, extras: readonly ExtraAttribute[] = []): RecordResult {
  const parsed = employeeRecord.safeParse(raw);
  const reject = (reason: string): RecordResult => ({ ok: false, rejected: { source: 'personio', recordId: readRecordId(raw), reason } });
  if (!parsed.success) return reject(describeIssues(parsed.error));
  let attributes = NO_ATTRIBUTES;
  if (extras.length > 0) {
    const wire = wireAttributes(raw);
    const values: Record<string, AttributeValue> = {};
    // Same keys in the same order for every employee: one hidden class, little memory.
    for (const extra of extras) {
      const value = attributeValue(wire[extra.key], extra.key);
      if (!value.ok) return reject(value.reason);
      values[extra.name] = value.value;
    }
    attributes = values;
  }
  return { ok: true, employee: toEmployee(parsed.data, attributes) };
}

function wireAttributes(raw: unknown): Record<string, unknown> {
  const attributes = typeof raw === 'object' && raw !== null ? (raw as { attributes?: unknown }).attributes : undefined;
  return typeof attributes === 'object' && attributes !== null && !Array.isArray(attributes) ? (attributes as Record<string, unknown>) : {};
}

function toEmployee(record: EmployeeRecord, attributes: Readonly<Record<string, AttributeValue>>): Employee {
  const a = record.attributes;
  const org = Object.fromEntries(ORG_FIELDS.map((field) => [field, toOrgUnit(field, a[field]?.value)])) as Record<OrgField, OrgUnit | null>;
  return {
    id: a.id.value,
    email: a.email?.value ?? null,
    firstName: a.first_name.value,
    lastName: a.last_name.value,
    preferredName: a.preferred_name?.value ?? null,
    status: a.status.value,
    position: a.position?.value ?? null,
    org,
    supervisorId: a.supervisor?.value?.attributes.id.value ?? null,
    hireDate: a.hire_date?.value?.date ?? null,
    hireDateOffsetMinutes: a.hire_date?.value?.offsetMinutes ?? null,
    terminationDate: a.termination_date?.value ?? null,
    gender: toGender(a.gender?.value),
    attributes,
  };
}

function toOrgUnit(field: OrgField, value: { attributes: { id: string; name: string } } | null | undefined): OrgUnit | null {
  return value ? { field, id: value.attributes.id, name: value.attributes.name } : null;
}

function toGender(value: string | null | undefined): Gender | null {
  const normalised = value?.trim().toLowerCase();
  return GENDERS.find((gender) => gender === normalised) ?? null;
}

function readRecordId(raw: unknown): string | null {
  const parsed = recordIdOnly.safeParse(raw);
  return parsed.success ? parsed.data.attributes.id.value : null;
}
