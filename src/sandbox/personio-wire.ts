// Personio v1 wire format: the attribute catalogue and the rendering of an employee into
// `{type:"Employee", attributes:{key:{label,value,type,universal_id}}}`, as in Personio's OpenAPI file
// (https://github.com/personio/api-docs, personio-personnel-data-api-oa3.yaml).

import {
  BIRTHDAY_KEY,
  berlinMidnight,
  COST_CENTER_CODE_KEY,
  LEVEL_KEY,
  LEVELS,
  MENTORS_KEY,
  REMOTE_DAYS_KEY,
  SKILLS,
  SKILLS_KEY,
  type SandboxEmployee,
  type SandboxOrgUnit,
} from './company.js';

export interface AttributeDefinition {
  readonly key: string;
  readonly label: string;
  readonly type: string;
  readonly universal_id: string | null;
  /** Values of a list or tags attribute. */
  readonly options?: readonly string[];
}

type Getter = (e: SandboxEmployee, lookup: (id: number) => SandboxEmployee | undefined, shape: SupervisorShape) => unknown;

/** `full`: nested supervisor with id, first_name, last_name, email (ShortEmployee); `idOnly`: as the spec examples. */
export type SupervisorShape = 'full' | 'idOnly';

const date = (v: string | null): string | null => (v === null || v === '' ? null : berlinMidnight(v));
const org = (type: string, unit: SandboxOrgUnit | null): unknown =>
  unit === null ? null : { type, attributes: { id: unit.id, name: unit.name } };

const STANDARD: ReadonlyArray<AttributeDefinition & { readonly get: Getter }> = [
  { key: 'id', label: 'ID', type: 'integer', universal_id: 'id', get: (e) => e.id },
  { key: 'first_name', label: 'First name', type: 'standard', universal_id: 'first_name', get: (e) => e.firstName },
  { key: 'last_name', label: 'Last name', type: 'standard', universal_id: 'last_name', get: (e) => e.lastName },
  { key: 'preferred_name', label: 'Name (preferred)', type: 'standard', universal_id: 'preferred_name', get: (e) => e.preferredName },
  { key: 'email', label: 'Email', type: 'standard', universal_id: 'email', get: (e) => e.email },
  { key: 'gender', label: 'Gender', type: 'standard', universal_id: 'gender', get: (e) => e.gender },
  { key: 'status', label: 'Status', type: 'standard', universal_id: 'status', get: (e) => e.status },
  { key: 'position', label: 'Position', type: 'standard', universal_id: 'position', get: (e) => e.position },
  { key: 'employment_type', label: 'Employment type', type: 'standard', universal_id: 'employment_type', get: (e) => e.employmentType },
  {
    key: 'weekly_working_hours',
    label: 'Weekly hours',
    type: 'standard',
    universal_id: 'weekly_working_hours',
    get: (e) => e.weeklyWorkingHours,
  },
  { key: 'department', label: 'Department', type: 'standard', universal_id: 'department', get: (e) => org('Department', e.department) },
  { key: 'team', label: 'Team', type: 'standard', universal_id: 'team', get: (e) => org('Team', e.team) },
  { key: 'office', label: 'Office', type: 'standard', universal_id: 'office', get: (e) => org('Office', e.office) },
  { key: 'subcompany', label: 'Subcompany', type: 'standard', universal_id: 'subcompany', get: (e) => org('Subcompany', e.subcompany) },
  {
    key: 'supervisor',
    label: 'Supervisor',
    type: 'standard',
    universal_id: 'supervisor',
    get: (e, lookup, shape) => supervisor(e, lookup, shape),
  },
  { key: 'hire_date', label: 'Hire date', type: 'date', universal_id: 'hire_date', get: (e) => date(e.hireDate) },
  {
    key: 'contract_end_date',
    label: 'Contract ends',
    type: 'date',
    universal_id: 'contract_end_date',
    get: (e) => date(e.contractEndDate),
  },
  {
    key: 'probation_period_end',
    label: 'Probation period end',
    type: 'date',
    universal_id: 'probation_period_end',
    get: (e) => date(e.probationPeriodEnd),
  },
  {
    key: 'termination_date',
    label: 'Termination date',
    type: 'date',
    universal_id: 'termination_date',
    get: (e) => date(e.terminationDate),
  },
  {
    key: 'last_working_day',
    label: 'Last day of work',
    type: 'date',
    universal_id: 'last_working_day',
    get: (e) => date(e.lastWorkingDay),
  },
  { key: 'termination_type', label: 'Termination type', type: 'standard', universal_id: 'termination_type', get: (e) => e.terminationType },
  {
    key: 'termination_reason',
    label: 'Termination reason',
    type: 'standard',
    universal_id: 'termination_reason',
    get: (e) => e.terminationReason,
  },
  {
    key: 'cost_centers',
    label: 'Cost center',
    type: 'standard',
    universal_id: 'cost_centers',
    get: (e) => e.costCenters.map((c) => ({ type: 'CostCenter', attributes: { id: c.id, name: c.name, percentage: c.percentage } })),
  },
  { key: 'created_at', label: 'Created at', type: 'date', universal_id: 'created_at', get: (e) => e.createdAt },
  { key: 'last_modified_at', label: 'Last modified', type: 'date', universal_id: 'last_modified_at', get: (e) => e.lastModifiedAt },
];

/** Custom attributes known to the sandbox account (`dynamic_<n>`), one of each type. */
export const DEFAULT_CUSTOM_ATTRIBUTES: readonly AttributeDefinition[] = [
  { key: COST_CENTER_CODE_KEY, label: 'Kostenstelle Code', type: 'standard', universal_id: null },
  { key: LEVEL_KEY, label: 'Level', type: 'list', universal_id: null, options: LEVELS },
  { key: SKILLS_KEY, label: 'Skills', type: 'tags', universal_id: null, options: SKILLS },
  { key: REMOTE_DAYS_KEY, label: 'Remote days per week', type: 'integer', universal_id: null },
  { key: MENTORS_KEY, label: 'Mentors', type: 'standard', universal_id: null },
  { key: BIRTHDAY_KEY, label: 'Birthday', type: 'date', universal_id: 'date_of_birth' },
];

export class PersonioCatalogue {
  private readonly getters = new Map<string, Getter>();
  readonly definitions: readonly AttributeDefinition[];

  constructor(custom: readonly AttributeDefinition[] = DEFAULT_CUSTOM_ATTRIBUTES) {
    const defs: AttributeDefinition[] = [];
    for (const { get, ...def } of STANDARD) {
      defs.push(def);
      this.getters.set(def.key, get);
    }
    for (const def of custom) {
      defs.push(def);
      this.getters.set(def.key, (e) => customValue(def.type, e.dynamic[def.key] ?? null));
    }
    this.definitions = defs;
  }

  has(key: string): boolean {
    return this.getters.has(key);
  }

  /** The full record for the given attribute keys (already whitelisted and projected). */
  render(
    e: SandboxEmployee,
    keys: readonly AttributeDefinition[],
    lookup: (id: number) => SandboxEmployee | undefined,
    shape: SupervisorShape,
  ): { type: 'Employee'; attributes: Record<string, unknown> } {
    const attributes: Record<string, unknown> = {};
    for (const def of keys) {
      const get = this.getters.get(def.key);
      if (get === undefined) continue;
      attributes[def.key] = attribute(def, get(e, lookup, shape));
    }
    return { type: 'Employee', attributes };
  }
}

/**
 * Tags as one comma-separated string (the v1 wire form of tags is UNCONFIRMED: our client reads
 * this and a JSON list alike). Custom dates are plain YYYY-MM-DD, as in the spec's examples.
 */
function customValue(type: string, value: SandboxEmployee['dynamic'][string]): unknown {
  return Array.isArray(value) && type === 'tags' ? value.join(',') : value;
}

function attribute(def: AttributeDefinition, value: unknown): unknown {
  return { label: def.label, value, type: def.type, universal_id: def.universal_id };
}

/** The nested supervisor: an Employee whose attributes are attribute objects again. */
function supervisor(e: SandboxEmployee, lookup: (id: number) => SandboxEmployee | undefined, shape: SupervisorShape): unknown {
  if (e.supervisorId === null) return null;
  const attributes: Record<string, unknown> = {
    id: attribute({ key: 'id', label: 'ID', type: 'integer', universal_id: 'id' }, e.supervisorId),
  };
  const boss = lookup(e.supervisorId);
  if (shape === 'full' && boss !== undefined) {
    attributes.first_name = attribute(
      { key: 'first_name', label: 'First name', type: 'standard', universal_id: 'first_name' },
      boss.firstName,
    );
    attributes.last_name = attribute({ key: 'last_name', label: 'Last name', type: 'standard', universal_id: 'last_name' }, boss.lastName);
    attributes.email = attribute({ key: 'email', label: 'Email', type: 'standard', universal_id: 'email' }, boss.email);
  }
  return { type: 'Employee', attributes };
}

/** `{success:false, error:{code, message}}` — the v1 error envelope. */
export function personioError(code: number, message: string): unknown {
  return { success: false, error: { code, message } };
}
