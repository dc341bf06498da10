// The sandbox's internal employee record and a deterministic sample company generator. The
// generator is linear in `size`, so 20k employees take milliseconds (benchmarks use it).

import { mulberry32, pick, randInt } from './random.js';

export type SandboxStatus = 'active' | 'inactive' | 'onboarding' | 'leave';
export type SandboxGender = 'male' | 'female' | 'diverse';

export interface SandboxOrgUnit {
  id: number;
  name: string;
}

/** One entry of `cost_centers`: an employee may be split across several. */
export interface SandboxCostCenter {
  id: number;
  name: string;
  percentage: number;
}

/** A custom attribute value: text, a number, the values of a tags attribute, or none. */
export type SandboxDynamicValue = string | number | readonly string[] | null;

/** One Personio employee as the sandbox stores it; rendered into v1 attribute objects on the wire. */
export interface SandboxEmployee {
  id: number;
  /** Work email; null (or '') to simulate a record without one. */
  email: string | null;
  firstName: string;
  lastName: string;
  /** '' when none, as Personio sends it. */
  preferredName: string;
  gender: SandboxGender | null;
  status: SandboxStatus;
  position: string;
  department: SandboxOrgUnit | null;
  team: SandboxOrgUnit | null;
  office: SandboxOrgUnit | null;
  subcompany: SandboxOrgUnit | null;
  supervisorId: number | null;
  /** Local calendar dates, YYYY-MM-DD (rendered as local-midnight datetimes). */
  hireDate: string | null;
  contractEndDate: string | null;
  probationPeriodEnd: string | null;
  terminationDate: string | null;
  lastWorkingDay: string | null;
  terminationType: string | null;
  terminationReason: string | null;
  employmentType: 'internal' | 'external';
  /** A string on the wire, as in the real API. */
  weeklyWorkingHours: string;
  /** ISO datetimes with offset, e.g. 2025-03-02T10:15:44+01:00. */
  createdAt: string;
  lastModifiedAt: string;
  /** The `cost_centers` standard attribute; empty when none. */
  costCenters: SandboxCostCenter[];
  /** Custom attributes by key (`dynamic_<n>`). */
  dynamic: Record<string, SandboxDynamicValue>;
}

export interface SampleCompanyOptions {
  /** Number of employees (default 40). */
  readonly size?: number;
  readonly seed?: number;
  /** Email domain (default example.com). */
  readonly domain?: string;
  /** The "today" the data is relative to (default 2025-09-01), so output never depends on the clock. */
  readonly today?: string;
}

export const DEFAULT_DOMAIN = 'example.com';
export const DEFAULT_TODAY = '2025-09-01';
/** The custom attributes the sample company fills in, one of each type Personio has. */
export const COST_CENTER_CODE_KEY = 'dynamic_1146702';
/** list (single choice): L1 … L5. */
export const LEVEL_KEY = 'dynamic_1146703';
/** tags (multi-valued). */
export const SKILLS_KEY = 'dynamic_1146704';
/** integer. */
export const REMOTE_DAYS_KEY = 'dynamic_1146705';
/** text: Personio ids and work emails, separated by commas or semicolons. */
export const MENTORS_KEY = 'dynamic_1146710';
/** date, universal id date_of_birth (the key Personio's own example uses). */
export const BIRTHDAY_KEY = 'dynamic_180883';
export const LEVELS = ['L1', 'L2', 'L3', 'L4', 'L5'] as const;
export const SKILLS = [
  'TypeScript',
  'Go',
  'SQL',
  'Kotlin',
  'Figma',
  'Negotiation',
  'Public speaking',
  'Excel',
  'Recruiting',
  'Kubernetes',
] as const;

interface DepartmentSpec {
  readonly name: string;
  readonly weight: number;
  readonly head: string;
  readonly lead: string;
  readonly teams: readonly string[];
  readonly roles: readonly string[];
  /** Small companies only have the core departments. */
  readonly core: boolean;
}

const DEPARTMENTS: readonly DepartmentSpec[] = [
  {
    name: 'Engineering',
    weight: 34,
    head: 'VP Engineering',
    lead: 'Engineering Manager',
    core: true,
    teams: ['Platform', 'Backend', 'Frontend', 'Mobile', 'Data', 'Infrastructure', 'Security', 'QA', 'Payments', 'Search'],
    roles: ['Backend Engineer', 'Frontend Engineer', 'Software Engineer', 'Data Engineer', 'Site Reliability Engineer', 'QA Engineer'],
  },
  {
    name: 'Sales',
    weight: 18,
    head: 'VP Sales',
    lead: 'Sales Team Lead',
    core: true,
    teams: ['DACH Sales', 'UK Sales', 'Nordics Sales', 'Enterprise Sales', 'Inside Sales', 'Partnerships'],
    roles: ['Account Executive', 'Sales Development Representative', 'Sales Manager'],
  },
  {
    name: 'Customer Success',
    weight: 12,
    head: 'Head of Customer Success',
    lead: 'Customer Success Lead',
    core: false,
    teams: ['Onboarding', 'Support', 'Account Management'],
    roles: ['Customer Success Manager', 'Support Specialist', 'Implementation Consultant'],
  },
  {
    name: 'Product',
    weight: 9,
    head: 'Head of Product',
    lead: 'Group Product Manager',
    core: true,
    teams: ['Product Management', 'Design', 'User Research'],
    roles: ['Product Manager', 'Product Designer', 'UX Researcher'],
  },
  {
    name: 'Marketing',
    weight: 9,
    head: 'Head of Marketing',
    lead: 'Marketing Team Lead',
    core: true,
    teams: ['Brand', 'Content', 'Performance Marketing', 'Product Marketing'],
    roles: ['Marketing Manager', 'Content Writer', 'Performance Marketer'],
  },
  {
    name: 'Operations',
    weight: 6,
    head: 'Head of Operations',
    lead: 'Operations Lead',
    core: false,
    teams: ['IT', 'Workplace', 'Legal'],
    roles: ['IT Administrator', 'Office Manager', 'Legal Counsel'],
  },
  {
    name: 'People',
    weight: 6,
    head: 'Head of People',
    lead: 'People Team Lead',
    core: true,
    teams: ['Recruiting', 'People Operations', 'Learning & Development'],
    roles: ['Recruiter', 'People Partner', 'HR Generalist'],
  },
  {
    name: 'Finance',
    weight: 6,
    head: 'Chief Financial Officer',
    lead: 'Finance Team Lead',
    core: true,
    teams: ['Accounting', 'Controlling', 'Payroll'],
    roles: ['Accountant', 'Financial Analyst', 'Payroll Specialist'],
  },
];

const FEMALE = [
  'Anna',
  'Maria',
  'Katharina',
  'Laura',
  'Julia',
  'Sophie',
  'Lena',
  'Hannah',
  'Emma',
  'Mia',
  'Clara',
  'Lea',
  'Sarah',
  'Elisabeth',
  'Franziska',
  'Johanna',
  'Nina',
  'Paula',
  'Charlotte',
  'Amelie',
  'Jennifer',
  'Daniela',
  'Olivia',
  'Isabel',
  'Fatima',
  'Aylin',
  'Priya',
  'Chloe',
  'Ingrid',
  'Zoe',
];
const MALE = [
  'Jonas',
  'Lukas',
  'Maximilian',
  'Alexander',
  'Felix',
  'Paul',
  'Leon',
  'Tom',
  'Johannes',
  'David',
  'Moritz',
  'Benjamin',
  'Christopher',
  'Daniel',
  'Simon',
  'Jan',
  'Tobias',
  'Matthias',
  'Nikolaus',
  'Theodor',
  'Oliver',
  'Samuel',
  'Mehmet',
  'Arjun',
  'Lars',
  'Mateo',
  'Kenji',
  'Omar',
  'Henrik',
  'Noah',
];
const NEUTRAL = ['Alex', 'Kim', 'Robin', 'Sascha', 'Charlie', 'Luca', 'Jules', 'Sam', 'Toni', 'Maxi'];
const LAST = [
  'Schneider',
  'Weber',
  'Becker',
  'Mueller',
  'Schmidt',
  'Fischer',
  'Wagner',
  'Hoffmann',
  'Schulz',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Neumann',
  'Schwarz',
  'Braun',
  'Zimmermann',
  'Krueger',
  'Hartmann',
  'Lange',
  'Werner',
  'Krause',
  'Meier',
  'Lehmann',
  'Schmid',
  'Schulze',
  'Maier',
  'Koehler',
  'Herrmann',
  'Walter',
  'Smith',
  'Jones',
  'Brown',
  'Taylor',
  'Wilson',
  'Nielsen',
  'Jensen',
  'Rossi',
  'Garcia',
  'Kowalski',
  'Yilmaz',
  'Nguyen',
  'Sharma',
  'Tanaka',
  'Silva',
  'Novak',
  'Dubois',
  'Andersson',
  'OBrien',
  'Costa',
];
const NICKNAMES: Readonly<Record<string, string>> = {
  Alexander: 'Alex',
  Katharina: 'Kathi',
  Maximilian: 'Max',
  Johannes: 'Hannes',
  Elisabeth: 'Lisa',
  Christopher: 'Chris',
  Benjamin: 'Ben',
  Daniela: 'Dani',
  Nikolaus: 'Niko',
  Jennifer: 'Jenny',
  Franziska: 'Franzi',
  Theodor: 'Theo',
  Maria: 'Mia',
  Samuel: 'Sam',
  Charlotte: 'Lotte',
  Tobias: 'Tobi',
};
const SENIORITY = ['Junior ', '', '', 'Senior '];

/** Team size the generator aims at, and how many reports a director gets before another layer appears. */
const TEAM_SIZE = 9;
const SPAN = 6;

const DAY_MS = 86_400_000;

export function sampleCompany(options: SampleCompanyOptions = {}): SandboxEmployee[] {
  const size = options.size ?? 40;
  if (!Number.isInteger(size) || size < 1) throw new Error(`sampleCompany: size must be a positive integer, got ${size}`);
  const domain = (options.domain ?? DEFAULT_DOMAIN).toLowerCase();
  const today = Date.parse(`${options.today ?? DEFAULT_TODAY}T00:00:00Z`);
  if (Number.isNaN(today)) throw new Error(`sampleCompany: today must be YYYY-MM-DD, got ${options.today}`);
  const rand = mulberry32(options.seed ?? 42);

  const companyName = capitalize(domain.split('.')[0] ?? 'Example');
  const offices: SandboxOrgUnit[] = [
    { id: 131014, name: 'Berlin' },
    { id: 131015, name: 'Munich' },
    { id: 131016, name: 'London' },
  ];
  const gmbh: SandboxOrgUnit = { id: 7033, name: `${companyName} GmbH` };
  const ltd: SandboxOrgUnit = { id: 7034, name: `${companyName} Ltd` };

  const emails = new Set<string>();
  const employees: SandboxEmployee[] = [];
  let nextTeamId = 59026;

  const person = (role: {
    position: string;
    department: SandboxOrgUnit | null;
    team: SandboxOrgUnit | null;
    supervisorId: number | null;
    hireFrom: number;
  }): SandboxEmployee => {
    const id = 1000 + employees.length;
    const g = rand();
    const gender: SandboxGender = g < 0.47 ? 'female' : g < 0.94 ? 'male' : 'diverse';
    const firstName = pick(rand, gender === 'female' ? FEMALE : gender === 'male' ? MALE : NEUTRAL);
    const lastName = pick(rand, LAST);
    const nick = NICKNAMES[firstName];
    const preferredName = nick !== undefined && rand() < 0.5 ? `${nick} ${lastName}` : '';
    const email = uniqueEmail(emails, firstName, lastName, domain);
    const o = rand();
    const office = (o < 0.5 ? offices[0] : o < 0.8 ? offices[1] : offices[2]) ?? null;
    const hire = role.hireFrom + Math.floor((rand() * Math.max(DAY_MS, today - 30 * DAY_MS - role.hireFrom)) / DAY_MS) * DAY_MS;
    const created = hire - 21 * DAY_MS + randInt(rand, 8, 17) * 3_600_000 + randInt(rand, 0, 3599) * 1000;
    const modified = created + Math.floor(rand() * Math.max(1, today - created));
    const e: SandboxEmployee = {
      id,
      email,
      firstName,
      lastName,
      preferredName,
      gender,
      status: 'active',
      position: role.position,
      department: role.department,
      team: role.team,
      office,
      subcompany: office?.name === 'London' ? ltd : gmbh,
      supervisorId: role.supervisorId,
      hireDate: isoDate(hire),
      contractEndDate: null,
      probationPeriodEnd: isoDate(hire + 182 * DAY_MS),
      terminationDate: null,
      lastWorkingDay: null,
      terminationType: null,
      terminationReason: null,
      employmentType: rand() < 0.95 ? 'internal' : 'external',
      weeklyWorkingHours: rand() < 0.85 ? '40' : rand() < 0.5 ? '32' : '20',
      createdAt: berlinDateTime(created),
      lastModifiedAt: berlinDateTime(modified),
      costCenters: [],
      dynamic: {},
    };
    employees.push(e);
    return e;
  };

  const ceo = person({
    position: 'Chief Executive Officer',
    department: { id: 281520, name: 'Management' },
    team: null,
    supervisorId: null,
    hireFrom: Date.parse('2015-03-01T00:00:00Z'),
  });
  ceo.hireDate = '2015-03-01';

  const leaves: SandboxEmployee[] = [];
  const specs = size - 1 >= 60 ? DEPARTMENTS : DEPARTMENTS.filter((d) => d.core);
  const sizes = allocate(
    size - 1,
    specs.map((d) => d.weight),
  );
  specs.forEach((spec, index) => {
    const deptSize = sizes[index] ?? 0;
    if (deptSize === 0) return;
    const department: SandboxOrgUnit = { id: 281521 + index, name: spec.name };
    const costCenter = `CC-${100 + 10 * index}`;
    const start = employees.length;
    const head = person({
      position: spec.head,
      department,
      team: null,
      supervisorId: ceo.id,
      hireFrom: Date.parse('2015-06-01T00:00:00Z'),
    });
    const rest = deptSize - 1;
    // Teams of ~TEAM_SIZE (lead + members); above SPAN teams, directors form extra layers.
    const teamCount = rest === 0 ? 0 : Math.max(1, Math.round(rest / TEAM_SIZE));
    const layers: number[] = [];
    for (let n = teamCount; n > SPAN + 2;) {
      n = Math.ceil(n / SPAN);
      layers.unshift(n);
    }
    let managers: SandboxEmployee[] = [head];
    for (const count of layers) {
      const layer: SandboxEmployee[] = [];
      for (let i = 0; i < count; i += 1) {
        const boss = managers[Math.floor((i * managers.length) / count)] ?? head;
        layer.push(
          person({
            position: `Director ${spec.name}`,
            department,
            team: null,
            supervisorId: boss.id,
            hireFrom: Date.parse('2016-01-01T00:00:00Z'),
          }),
        );
      }
      managers = layer;
    }
    const memberCount = rest - teamCount - layers.reduce((a, b) => a + b, 0);
    const weights = Array.from({ length: teamCount }, () => 0.6 + rand() * 0.8);
    const teamSizes = allocate(Math.max(0, memberCount), weights);
    for (let t = 0; t < teamCount; t += 1) {
      const base = spec.teams[t % spec.teams.length] ?? spec.name;
      const round = Math.floor(t / spec.teams.length);
      const team: SandboxOrgUnit = { id: nextTeamId, name: round === 0 ? base : `${base} ${round + 1}` };
      nextTeamId += 1;
      const boss = managers[Math.floor((t * managers.length) / teamCount)] ?? head;
      const lead = person({ position: spec.lead, department, team, supervisorId: boss.id, hireFrom: Date.parse('2016-06-01T00:00:00Z') });
      for (let m = 0; m < (teamSizes[t] ?? 0); m += 1) {
        const position = `${pick(rand, SENIORITY)}${pick(rand, spec.roles)}`;
        leaves.push(person({ position, department, team, supervisorId: lead.id, hireFrom: Date.parse('2017-01-01T00:00:00Z') }));
      }
    }
    for (let i = start; i < employees.length; i += 1) {
      const e = employees[i];
      if (e !== undefined) e.dynamic[COST_CENTER_CODE_KEY] = costCenter;
    }
  });
  ceo.dynamic[COST_CENTER_CODE_KEY] = 'CC-000';

  assignStatuses(leaves, rand, today);
  addProfileAttributes(employees, options.seed ?? 42);
  return employees;
}

/**
 * Level, skills, remote days, birthday, mentors and cost centers. Drawn from a generator of their
 * own (seeded per employee), so the rest of the company is the same as before they existed.
 */
function addProfileAttributes(employees: SandboxEmployee[], seed: number): void {
  const byDepartment = new Map<number, SandboxEmployee[]>();
  for (const e of employees) {
    if (e.department === null) continue;
    const list = byDepartment.get(e.department.id);
    if (list === undefined) byDepartment.set(e.department.id, [e]);
    else list.push(e);
  }
  for (const e of employees) {
    const rand = mulberry32((seed * 7919 + e.id * 104_729) >>> 0);
    e.dynamic[LEVEL_KEY] = levelOf(e.position);
    const skills = SKILLS.filter(() => rand() < 0.25);
    e.dynamic[SKILLS_KEY] = skills.length === 0 ? null : skills;
    e.dynamic[REMOTE_DAYS_KEY] = randInt(rand, 0, 5);
    e.dynamic[BIRTHDAY_KEY] = isoDate(Date.UTC(randInt(rand, 1962, 2002), randInt(rand, 0, 11), randInt(rand, 1, 28)));
    const code = e.dynamic[COST_CENTER_CODE_KEY];
    const centre = (name: string, percentage: number): SandboxCostCenter => ({
      id: 82_000 + Number(name.replace(/\D/g, '')),
      name,
      percentage,
    });
    if (typeof code === 'string') e.costCenters = rand() < 0.1 ? [centre('CC-000', 40), centre(code, 60)] : [centre(code, 100)];
    // Every eighth person has two mentors in their department: one by work email, one by Personio id.
    const department = e.department === null ? [] : (byDepartment.get(e.department.id) ?? []);
    const first = rand() < 0.125 ? mentorFor(e, department, rand, null) : null;
    const second = first === null ? null : mentorFor(e, department, rand, first);
    e.dynamic[MENTORS_KEY] = first === null || second === null ? null : `${first.email ?? first.id}; ${second.id}`;
  }
}

/** A colleague who is not the person, their supervisor or `other`; null after a few misses (tiny departments). */
function mentorFor(
  e: SandboxEmployee,
  department: readonly SandboxEmployee[],
  rand: () => number,
  other: SandboxEmployee | null,
): SandboxEmployee | null {
  for (let attempt = 0; attempt < 8 && department.length > 0; attempt++) {
    const candidate = pick(rand, department);
    if (candidate.id !== e.id && candidate.id !== e.supervisorId && candidate !== other) return candidate;
  }
  return null;
}

function levelOf(position: string): (typeof LEVELS)[number] {
  if (/^(Chief|VP|Head|Director)\b/.test(position)) return 'L5';
  if (/\b(Lead|Manager)\b/.test(position) && !position.startsWith('Junior')) return 'L4';
  if (position.startsWith('Senior')) return 'L3';
  if (position.startsWith('Junior')) return 'L1';
  return 'L2';
}

/** Deterministic counts so even the 40-person company has a few of each non-active status. */
function assignStatuses(leaves: SandboxEmployee[], rand: () => number, today: number): void {
  const n = leaves.length;
  const want = (share: number): number => (n >= 10 ? Math.max(1, Math.round(n * share)) : 0);
  const order = leaves
    .map((e) => ({ e, key: rand() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.e);
  let i = 0;
  const take = (count: number, apply: (e: SandboxEmployee) => void): void => {
    for (let k = 0; k < count && i < order.length; k += 1, i += 1) {
      const e = order[i];
      if (e !== undefined) apply(e);
    }
  };
  take(want(0.06), (e) => {
    const end = today - randInt(rand, 10, 400) * DAY_MS;
    const hire = Date.parse(`${e.hireDate ?? '2017-01-01'}T00:00:00Z`);
    if (hire >= end) e.hireDate = isoDate(end - randInt(rand, 200, 900) * DAY_MS);
    e.status = 'inactive';
    e.terminationDate = isoDate(end);
    e.lastWorkingDay = isoDate(end);
    e.terminationType = rand() < 0.7 ? 'employee' : 'mutual agreement';
    e.terminationReason = pick(rand, ['New job', 'Relocation', 'Career change', 'Personal reasons']);
  });
  take(want(0.04), (e) => {
    e.status = 'leave';
  });
  take(want(0.04), (e) => {
    const hire = today + randInt(rand, 7, 60) * DAY_MS;
    e.status = 'onboarding';
    e.hireDate = isoDate(hire);
    e.probationPeriodEnd = isoDate(hire + 182 * DAY_MS);
    e.createdAt = berlinDateTime(today - randInt(rand, 5, 20) * DAY_MS + 10 * 3_600_000);
    e.lastModifiedAt = e.createdAt;
  });
  // One active leaver with a termination date ahead (serving notice).
  take(n >= 20 ? 1 : 0, (e) => {
    const end = today + randInt(rand, 14, 90) * DAY_MS;
    e.terminationDate = isoDate(end);
    e.lastWorkingDay = isoDate(end);
    e.terminationType = 'employee';
    e.terminationReason = 'New job';
  });
}

/** Splits `total` into parts proportional to `weights` (largest remainder). */
function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

function uniqueEmail(taken: Set<string>, first: string, last: string, domain: string): string {
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z0-9.-]/g, '');
  let candidate = `${local}@${domain}`;
  for (let k = 2; taken.has(candidate); k += 1) candidate = `${local}${k}@${domain}`;
  taken.add(candidate);
  return candidate;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Central European offset (+01:00 / +02:00) for a UTC instant, per the EU DST rule. */
function berlinOffsetHours(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const lastSunday = (month: number): number => {
    const d = new Date(Date.UTC(year, month + 1, 0)); // last day of month
    return Date.UTC(year, month, d.getUTCDate() - d.getUTCDay());
  };
  const start = lastSunday(2) + 3_600_000; // 01:00 UTC, last Sunday of March
  const end = lastSunday(9) + 3_600_000; // 01:00 UTC, last Sunday of October
  return utcMs >= start && utcMs < end ? 2 : 1;
}

/** `2025-03-02T10:15:44+01:00` for a UTC instant, in Berlin local time. */
export function berlinDateTime(utcMs: number): string {
  const offset = berlinOffsetHours(utcMs);
  const local = new Date(Math.floor(utcMs / 1000) * 1000 + offset * 3_600_000).toISOString().slice(0, 19);
  return `${local}+0${offset}:00`;
}

/** A local calendar date as Personio sends it: midnight in Berlin with the offset of that day. */
export function berlinMidnight(date: string): string {
  // Midnight local = 22:00/23:00 UTC the day before; DST is decided by that instant.
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const offset = berlinOffsetHours(utcMidnight - 3_600_000);
  return `${date}T00:00:00+0${offset}:00`;
}
