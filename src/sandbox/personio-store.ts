// The Personio employee list: insertion-ordered, O(1) lookups by id, an email index and a cached
// ordered array for paging by slicing. Raw records (arbitrary JSON) sit in the same order so tests
// can check that a client skips malformed entries.

import { berlinDateTime, DEFAULT_DOMAIN, type SandboxEmployee } from './company.js';

export type PersonioEntry =
  | { readonly kind: 'employee'; readonly employee: SandboxEmployee }
  | { readonly kind: 'raw'; readonly key: string; readonly record: unknown };

export type EmployeeInput = Partial<SandboxEmployee>;

export class PersonioStore {
  private readonly entries = new Map<string, PersonioEntry>();
  private ordered: PersonioEntry[] | null = null;
  private emailIndex: Map<string, SandboxEmployee> | null = null;
  private maxId = 0;
  private rawCount = 0;

  constructor(
    employees: readonly SandboxEmployee[],
    private readonly now: () => number,
    private readonly domain: string = DEFAULT_DOMAIN,
  ) {
    for (const e of employees) this.insert(structuredClone(e));
  }

  /** Copies of all employees (raw records excluded), in order. */
  list(): SandboxEmployee[] {
    const out: SandboxEmployee[] = [];
    for (const entry of this.entries.values()) if (entry.kind === 'employee') out.push(structuredClone(entry.employee));
    return out;
  }

  get(id: number): SandboxEmployee | undefined {
    const e = this.lookup(id);
    return e === undefined ? undefined : structuredClone(e);
  }

  /** The stored record itself (no copy), for rendering. */
  lookup(id: number): SandboxEmployee | undefined {
    const entry = this.entries.get(String(id));
    return entry?.kind === 'employee' ? entry.employee : undefined;
  }

  byEmail(email: string): SandboxEmployee | undefined {
    if (this.emailIndex === null) {
      this.emailIndex = new Map();
      for (const entry of this.entries.values()) {
        if (entry.kind !== 'employee') continue;
        const mail = entry.employee.email?.trim().toLowerCase();
        if (mail && !this.emailIndex.has(mail)) this.emailIndex.set(mail, entry.employee);
      }
    }
    return this.emailIndex.get(email.trim().toLowerCase());
  }

  /** All entries in order; cached until the next change. */
  all(): readonly PersonioEntry[] {
    this.ordered ??= [...this.entries.values()];
    return this.ordered;
  }

  /** Adds an employee; every field has a default (id = highest id + 1, email from the names). */
  add(input: EmployeeInput = {}): SandboxEmployee {
    const id = input.id ?? this.maxId + 1;
    if (this.entries.has(String(id))) throw new Error(`personio: employee ${id} already exists`);
    const firstName = input.firstName ?? 'New';
    const lastName = input.lastName ?? `Employee${id}`;
    const stamp = berlinDateTime(this.now());
    const employee: SandboxEmployee = {
      email: `${firstName}.${lastName}@${this.domain}`.toLowerCase(),
      preferredName: '',
      gender: null,
      status: 'active',
      position: '',
      department: null,
      team: null,
      office: null,
      subcompany: null,
      supervisorId: null,
      hireDate: null,
      contractEndDate: null,
      probationPeriodEnd: null,
      terminationDate: null,
      lastWorkingDay: null,
      terminationType: null,
      terminationReason: null,
      employmentType: 'internal',
      weeklyWorkingHours: '40',
      createdAt: stamp,
      lastModifiedAt: stamp,
      costCenters: [],
      dynamic: {},
      ...defined(input),
      id,
      firstName,
      lastName,
    };
    this.insert(employee);
    return structuredClone(employee);
  }

  /** Changes fields in place (order kept); bumps last_modified_at unless the patch sets it. */
  update(id: number, patch: EmployeeInput): SandboxEmployee {
    const current = this.lookup(id);
    if (current === undefined) throw new Error(`personio: no employee ${id}`);
    if (patch.id !== undefined && patch.id !== id) throw new Error('personio: the id of an employee cannot change');
    Object.assign(current, defined(patch));
    if (patch.lastModifiedAt === undefined) current.lastModifiedAt = berlinDateTime(this.now());
    this.changed();
    return structuredClone(current);
  }

  remove(id: number): boolean {
    const removed = this.lookup(id) !== undefined && this.entries.delete(String(id));
    if (removed) this.changed();
    return removed;
  }

  /** Adds a whole raw data item (anything JSON), returned as-is in unfiltered listings. */
  injectRawRecord(record: unknown): string {
    this.rawCount += 1;
    const key = `raw-${this.rawCount}`;
    this.entries.set(key, { kind: 'raw', key, record: structuredClone(record) });
    this.changed();
    return key;
  }

  removeRaw(key: string): boolean {
    const removed = this.entries.get(key)?.kind === 'raw' && this.entries.delete(key);
    if (removed) this.changed();
    return removed;
  }

  private insert(employee: SandboxEmployee): void {
    this.entries.set(String(employee.id), { kind: 'employee', employee });
    this.maxId = Math.max(this.maxId, employee.id);
    this.changed();
  }

  /** Bumped by every change, so that what was rendered from the records can be cached until then. */
  revision = 0;

  private changed(): void {
    this.revision += 1;
    this.ordered = null;
    this.emailIndex = null;
  }
}

/** A deep copy without the keys set to undefined (so `{ email: undefined }` keeps the default). */
function defined(input: EmployeeInput): EmployeeInput {
  return structuredClone(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))) as EmployeeInput;
}
