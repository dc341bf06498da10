// Who is in the sync, and which Leapsome user stands for whom. Everything later (user ops,
// managers, teams) works from this classification, so every skip is decided here first: a
// skipped supervisor or team member must be known before managers and teams are planned.
import type { ListingFacts } from '../domain/lifecycle.js';
import type { Clash, PersonLabel, PlanWarning, PreboardEntry, SkipReason, SkippedRecord, Takeover } from '../domain/plan.js';
import type { Employee, IdentityAttributes, LeapsomeUser, PersonioState, PlanSettings } from '../domain/types.js';
import { identityAttributes } from './attributes.js';
import { compileExclude } from './exclude.js';
import { employeeLabel, employeeName, userLabel, userName } from './labels.js';
import type { LeapsomeIndex } from './leapsome-index.js';
import { compareIds, looksLikePersonioId } from './order.js';
import { planPreboarding } from './preboard.js';
import { duplicateEmails, emailKey } from './emails.js';
import { decideVanished, isVanished, knownPersonioIds, lazyEmailClaimants } from './vanished.js';

/** An employee who should have an active Leapsome account this run. */
export interface InScope {
  readonly employee: Employee;
  /** Who they are in Leapsome; the owned profile fields are worked out when their operation is planned. */
  readonly attributes: IdentityAttributes;
  /** Matched by externalId, or by email when taken over; null: the user is created. */
  readonly user: LeapsomeUser | null;
  readonly takeover: Takeover | null;
}

export interface Deactivation {
  /** The employee, or the vanished Personio id the user still carries. */
  readonly employeeId: string;
  readonly user: LeapsomeUser;
  readonly name: string;
  readonly reason: string;
}

export interface Scope {
  /** Employees with a unique id, by id, sorted. */
  readonly employeeById: ReadonlyMap<string, Employee>;
  readonly excluded: ReadonlySet<string>;
  /** Skips that belong to a parsed employee, by Personio id (used to explain cleared managers). */
  readonly skippedById: ReadonlyMap<string, SkippedRecord>;
  readonly skipped: readonly SkippedRecord[];
  /** Employees whose account is held by another record the settings do not allow to take over. */
  readonly clashes: readonly Clash[];
  /** In-scope employees by id, sorted by id. */
  readonly inScope: ReadonlyMap<string, InScope>;
  readonly deactivations: readonly Deactivation[];
  /** Users the sync must leave exactly as they are, team memberships included. */
  readonly frozenUserIds: ReadonlySet<string>;
  /** Leapsome id -> the Personio id the user stands for (managed or adopted in this run). */
  readonly personioIdOfUser: ReadonlyMap<string, string>;
  readonly managedUserIds: ReadonlySet<string>;
  readonly warnings: readonly PlanWarning[];
  /** When each onboarding employee gets their account (`preboard-days`), by id. */
  readonly preboarding: readonly PreboardEntry[];
}

export interface ScopeContext {
  /** The run's instant (ms since the epoch); needed for `preboard-days`. */
  readonly now: number | null;
  readonly listing: ListingFacts;
}

export function classify(personio: PersonioState, index: LeapsomeIndex, settings: PlanSettings, context: ScopeContext): Scope {
  const skippedById = new Map<string, SkippedRecord>();
  const skipped: SkippedRecord[] = [];
  const clashes: Clash[] = [];
  const clashHolders = new Set<string>();
  const frozen = new Set<string>();
  const warnings: PlanWarning[] = [];
  const usersOf = (id: string): readonly LeapsomeUser[] => index.usersByExternalId.get(id) ?? [];

  // The first reason recorded wins: checks run from the most to the least fundamental.
  const skip = (employee: Employee, reason: SkipReason, detail: string, leapsomeId: string | null = null): void => {
    if (skippedById.has(employee.id)) return;
    const record: SkippedRecord = { reason, person: employeeLabel(employee, leapsomeId ?? usersOf(employee.id)[0]?.id ?? null), detail };
    skippedById.set(employee.id, record);
    skipped.push(record);
  };

  /** Like a skip (the employee is not synced), reported as a clash naming the holder and the setting. */
  const clash = (employee: Employee, holder: LeapsomeUser, resolution: string | null, detail: string): void => {
    const cause = resolution === null ? 'other-employee' : 'marked';
    if (skippedById.has(employee.id)) return;
    skippedById.set(employee.id, { reason: 'external-id-conflict', person: employeeLabel(employee), detail });
    clashes.push({
      kind: 'user',
      cause,
      person: employeeLabel(employee),
      holder: { leapsomeId: holder.id, name: userName(holder), externalId: holder.externalId },
      resolution,
      detail,
    });
    frozen.add(holder.id);
    clashHolders.add(holder.id);
  };

  // Every Personio id seen, readable or not: a Leapsome user carrying one of them has not vanished.
  const knownIds = knownPersonioIds(personio);
  const occurrences = new Map<string, number>();
  for (const record of personio.rejected) {
    const user = record.recordId === null ? undefined : usersOf(record.recordId)[0];
    const person: PersonLabel = {
      employeeId: record.recordId,
      leapsomeId: user?.id ?? null,
      name:
        user !== undefined
          ? userName(user)
          : record.recordId !== null
            ? `Personio employee ${record.recordId}`
            : 'unreadable Personio record',
      email: user?.userName ?? null,
    };
    skipped.push({ reason: 'invalid-record', person, detail: record.reason });
    if (record.recordId !== null) occurrences.set(record.recordId, (occurrences.get(record.recordId) ?? 0) + 1);
  }
  for (const employee of personio.employees) occurrences.set(employee.id, (occurrences.get(employee.id) ?? 0) + 1);

  // An id Personio returns twice cannot be matched to one Leapsome user: skip it, keep the rest.
  const employeeById = new Map<string, Employee>();
  const sorted = [...personio.employees].sort((a, b) => compareIds(a.id, b.id));
  for (const employee of sorted) {
    if ((occurrences.get(employee.id) ?? 0) > 1)
      skip(employee, 'invalid-record', `Personio returned more than one record with id ${employee.id}`);
    else employeeById.set(employee.id, employee);
  }

  const isExcluded = compileExclude(settings.exclude);
  const statuses = new Set(settings.statuses);
  const excluded = new Set<string>();
  // Employees the sync acts on: wanted in Leapsome, or holding a managed user it may deactivate.
  const considered = new Map<string, Employee>();
  for (const employee of employeeById.values()) {
    if (isExcluded(employee)) excluded.add(employee.id);
    else considered.set(employee.id, employee);
  }
  // With `preboard-days`, the hire date decides for onboarding employees, whatever `statuses` says.
  const preboard = planPreboarding(considered.values(), settings.preboardDays, context.now, (id) => usersOf(id).some((u) => u.active));
  const wanted = (e: Employee): boolean => preboard.wanted(e) ?? statuses.has(e.status);
  const relevant = (e: Employee): boolean => wanted(e) || index.usersByExternalId.has(e.id);

  for (const employee of preboard.withoutHireDate) {
    skip(
      employee,
      'no-hire-date',
      `onboarding without a hire date in Personio, so preboard-days cannot say when the account is due; no account until it is set`,
    );
  }
  for (const employee of considered.values()) {
    if (wanted(employee) && employee.email === null) skip(employee, 'no-email', 'no work email in Personio');
  }

  const relevantEmployees = [...considered.values()].filter(relevant);
  const duplicates = duplicateEmails(relevantEmployees);
  for (const employee of relevantEmployees) {
    const others = duplicates.get(employee.id);
    if (others !== undefined) {
      skip(
        employee,
        'duplicate-email',
        `email ${employee.email ?? ''} is also used by Personio employee${others.length > 1 ? 's' : ''} ${others.join(', ')}`,
      );
    }
  }

  const inScope = new Map<string, InScope>();
  const adopted = new Map<string, string>();
  const deactivations: Deactivation[] = [];
  for (const employee of considered.values()) {
    if (skippedById.has(employee.id)) continue;
    const own = usersOf(employee.id);
    if (wanted(employee) && employee.email !== null) {
      const email = employee.email;
      const holders = index.usersByEmail.get(emailKey(email)) ?? [];
      const attributes = identityAttributes(employee, email);
      const [user, ...more] = own;
      if (user !== undefined && more.length > 0) {
        skip(employee, 'external-id-conflict', `Leapsome users ${own.map((u) => u.id).join(', ')} all carry externalId ${employee.id}`);
      } else if (user !== undefined) {
        const other = holders.find((holder) => holder.id !== user.id);
        if (other !== undefined) {
          // An email change onto an address another account holds: the update would 409.
          skip(
            employee,
            'email-conflict',
            `the new email ${email} is already used by another Leapsome user (${other.id}, ${other.userName})`,
            user.id,
          );
          frozen.add(other.id);
        } else {
          inScope.set(employee.id, { employee, attributes, user, takeover: null });
        }
      } else {
        const [holder, ...moreHolders] = holders;
        const takeOver = (user: LeapsomeUser, takeover: Takeover): void => {
          inScope.set(employee.id, { employee, attributes, user, takeover });
          adopted.set(user.id, employee.id);
        };
        if (holder === undefined) {
          inScope.set(employee.id, { employee, attributes, user: null, takeover: null });
        } else if (moreHolders.length === 0 && holder.externalId === null) {
          takeOver(holder, { kind: 'unmarked', previousExternalId: null });
        } else if (moreHolders.length === 0 && holder.externalId !== null && knownIds.has(holder.externalId)) {
          // The account is another employee's (an email that moved between people): no setting takes it.
          const other = employeeById.get(holder.externalId);
          clash(
            employee,
            holder,
            null,
            `Leapsome user ${holder.userName} has this email but carries the Personio id of ${other === undefined ? 'another employee' : employeeName(other)} (${holder.externalId}); another employee's account is never taken over. If the email moved between people, correct it in Personio or in Leapsome.`,
          );
        } else if (moreHolders.length === 0 && holder.externalId !== null && settings.adoptUsers === 'by-email') {
          takeOver(holder, { kind: 'foreign', previousExternalId: holder.externalId });
        } else if (moreHolders.length === 0 && holder.externalId !== null) {
          clash(
            employee,
            holder,
            'adopt-users: by-email',
            `Leapsome user ${holder.userName} has this email but another integration marked it (externalId ${holder.externalId}); it was not changed.`,
          );
        } else {
          const owner = holders.find((h) => h.externalId !== null) ?? holder;
          skip(
            employee,
            'external-id-conflict',
            `Leapsome user ${owner.id} (${owner.userName}) has this email but belongs to another record (externalId ${owner.externalId ?? 'none'})`,
          );
          for (const h of holders) frozen.add(h.id);
        }
      }
    } else if (!wanted(employee)) {
      const active = own.filter((u) => u.active);
      const [user] = own;
      if (own.length > 1 && active.length > 0) {
        skip(employee, 'external-id-conflict', `Leapsome users ${own.map((u) => u.id).join(', ')} all carry externalId ${employee.id}`);
      } else if (user !== undefined && user.active) {
        deactivations.push({
          employeeId: employee.id,
          user,
          name: employeeName(employee),
          reason: `status ${employee.status} in Personio`,
        });
      }
    }
  }

  // Users carrying a Personio-shaped id that the listing did not return: gone only when confirmed.
  const personioEmails = lazyEmailClaimants(personio);
  const managed = new Set<string>();
  const personioIdOfUser = new Map<string, string>();
  for (const user of index.users) {
    const externalId = user.externalId;
    const adoptedBy = adopted.get(user.id);
    if (adoptedBy !== undefined) {
      managed.add(user.id);
      personioIdOfUser.set(user.id, adoptedBy);
      continue;
    }
    if (externalId === null) continue;
    if (knownIds.has(externalId)) {
      // Excluded employees' accounts are left alone, so they do not count as managed.
      if (excluded.has(externalId) || skippedById.has(externalId) || !employeeById.has(externalId)) frozen.add(user.id);
      if (!excluded.has(externalId)) {
        managed.add(user.id);
        personioIdOfUser.set(user.id, externalId);
      }
      continue;
    }
    if (!looksLikePersonioId(externalId)) continue;
    managed.add(user.id);
    personioIdOfUser.set(user.id, externalId);
    if (isVanished(user, knownIds, personioEmails)) {
      const decision = decideVanished(context.listing.lookups.get(externalId));
      if (decision.kind === 'deactivate')
        deactivations.push({ employeeId: externalId, user, name: userName(user), reason: decision.reason });
      else {
        skipped.push({ reason: 'unconfirmed-leaver', person: userLabel(user, externalId), detail: decision.detail });
        frozen.add(user.id);
      }
      continue;
    }
    if (!user.active) continue;
    const claimants = personioEmails().get(emailKey(user.userName));
    if (claimants !== undefined) {
      // Same person under a new Personio id, most likely: deactivating would lock them out.
      frozen.add(user.id);
      // A clash already names this account and the setting that takes it over.
      if (clashHolders.has(user.id)) continue;
      warnings.push({
        person: userLabel(user, externalId),
        message: `${userName(user)} (${user.userName}) carries externalId ${externalId}, which Personio no longer has, but Personio employee ${claimants.join(', ')} has this email; the account was not deactivated. Set its externalId to the right Personio id.`,
      });
    }
  }

  // Found by a direct lookup: the listing missed them. They were planned as usual; say so.
  for (const [id, lookup] of context.listing.lookups) {
    const employee = employeeById.get(id);
    if (lookup.kind !== 'found' || employee === undefined) continue;
    warnings.push({
      person: employeeLabel(employee, usersOf(id)[0]?.id ?? null),
      message: `${employeeName(employee)} (${id}) was missing from Personio's employee list, but looking them up by id found them (status ${employee.status}), so they were planned by their status as usual, not as gone.`,
    });
  }

  // A listing that stayed inconsistent may have missed anyone: nobody is deactivated on it.
  const problem = context.listing.problem;
  if (problem !== null) {
    for (const d of deactivations) {
      skipped.push({
        reason: 'listing-inconsistent',
        person: userLabel(d.user, d.employeeId),
        detail: `not deactivated this run (${d.reason}): Personio's employee list was inconsistent`,
      });
      frozen.add(d.user.id);
    }
    warnings.push({
      person: null,
      message: `No deactivations this run${deactivations.length === 0 ? '' : ` (${deactivations.length} held back)`}: Personio's employee list was still inconsistent when read a second time: ${problem}`,
    });
    deactivations.length = 0;
  }

  const preboarding = preboard.entries.map(({ employee, ...entry }): PreboardEntry => ({
    person: employeeLabel(employee, usersOf(employee.id)[0]?.id ?? null),
    ...entry,
  }));

  return {
    preboarding,
    employeeById,
    excluded,
    skippedById,
    skipped,
    clashes,
    inScope,
    deactivations,
    frozenUserIds: frozen,
    personioIdOfUser,
    managedUserIds: managed,
    warnings,
  };
}
