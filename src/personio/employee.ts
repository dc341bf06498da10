// One Personio employee record (wire format) -> domain Employee, or a RejectedRecord naming the
// field that was wrong.

import { GENDERS, ORG_FIELDS, type Employee, type Gender, type OrgField, type OrgUnit, type RejectedRecord } from '../domain/types.js';
import { describeIssues } from '../http/parse.js';
import { employeeRecord, recordIdOnly, type EmployeeRecord } from './wire.js';

export type RecordResult = { readonly ok: true; readonly employee: Employee } | { readonly ok: false; readonly rejected: RejectedRecord };

export function parseEmployeeRecord(raw: unknown): RecordResult {
  const parsed = employeeRecord.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, rejected: { source: 'personio', recordId: readRecordId(raw), reason: describeIssues(parsed.error) } };
  }
  return { ok: true, employee: toEmployee(parsed.data) };
}

function toEmployee(record: EmployeeRecord): Employee {
  const a = record.attributes;
  const org = Object.fromEntries(
    ORG_FIELDS.map((field) => [field, toOrgUnit(field, a[field]?.value)]),
  ) as Record<OrgField, OrgUnit | null>;
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
    hireDate: a.hire_date?.value ?? null,
    terminationDate: a.termination_date?.value ?? null,
    gender: toGender(a.gender?.value),
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
