// The job summary: a review of what changed (or would change), rendered from the Plan and the
// apply result only. All text from Personio or Leapsome goes through escapeText.
import type { FieldValue, PersonLabel, Provenance, TeamMember, UserOp } from '../domain/plan.js';
import { escapeText } from './escape.js';
import { failedCount, outcomeCounts, outcomeFailures, type RunOutcome } from './counts.js';
import { renderDigest } from './digest.js';

/** GitHub drops a step summary above 1 MiB; stay well below it. */
export const SUMMARY_BUDGET_BYTES = 900 * 1024;
/** Tables longer than this are folded into <details>. */
const FOLD_AFTER_ROWS = 15;

type Row = readonly string[];

interface Section {
  readonly title: string;
  readonly header: Row;
  readonly rows: readonly Row[];
}

const e = escapeText;
const person = (p: PersonLabel): string => (p.email === null ? e(p.name) : `${e(p.name)} &lt;${e(p.email)}&gt;`);
const show = (value: FieldValue): string => (value === null || value === '' ? '<i>empty</i>' : e(String(value)));
const members = (list: readonly TeamMember[]): string => (list.length === 0 ? '—' : list.map((m) => e(m.name)).join(', '));
const why = (p: Provenance): string => (p === 'personio' ? 'changed in Personio' : p === 'leapsome-edit' ? 'overrides a manual edit in Leapsome' : '—');

function userLabel(op: UserOp): PersonLabel {
  if (op.kind === 'deactivate') return { employeeId: op.employeeId, leapsomeId: op.leapsomeId, name: op.name, email: op.userName };
  return { employeeId: op.employeeId, leapsomeId: op.kind === 'update' ? op.leapsomeId : null, name: op.attributes.displayName, email: op.attributes.userName };
}

function sections(outcome: RunOutcome): Section[] {
  const { plan } = outcome;
  const created: Row[] = [];
  const reactivated: Row[] = [];
  const deactivated: Row[] = [];
  const updated: Row[] = [];
  const managers: Row[] = [];
  for (const op of plan.users) {
    const who = person(userLabel(op));
    if (op.kind === 'create') {
      created.push([who, show(op.attributes.title), op.manager === null ? '—' : e(op.manager.name), op.invite === 'leapsome' ? 'invited by Leapsome' : 'invite pending']);
      if (op.manager !== null) managers.push([who, '—', e(op.manager.name), 'new user']);
    } else if (op.kind === 'deactivate') {
      deactivated.push([who, e(op.reason), why(op.provenance)]);
    } else {
      if (op.reactivate) reactivated.push([who, why(op.provenance)]);
      if (op.adopt) updated.push([who, 'externalId', 'adopted: existing Leapsome user linked to Personio', '']);
      for (const change of op.changes) {
        if (change.field === 'active' || (op.adopt && change.field === 'externalId')) continue;
        updated.push([who, change.field, `${show(change.from)} → ${show(change.to)}`, why(op.provenance)]);
      }
      if (op.manager !== null) {
        managers.push([who, op.manager.from === null ? '—' : e(op.manager.from.name), op.manager.to === null ? '— (cleared)' : e(op.manager.to.name), why(op.provenance)]);
      }
    }
  }
  const teamsCreated: Row[] = [];
  const teamsRenamed: Row[] = [];
  const memberships: Row[] = [];
  for (const op of plan.teams) {
    if (op.kind === 'create') {
      teamsCreated.push([e(op.displayName), op.field, String(op.members.length)]);
      if (op.members.length > 0) memberships.push([e(op.displayName), members(op.members), '—', 'new team']);
    } else {
      if (op.rename !== null) teamsRenamed.push([e(op.rename.from), e(op.rename.to), why(op.provenance)]);
      else if (op.adopt) teamsRenamed.push([e(op.displayName), `${e(op.displayName)} (adopted)`, '']);
      if (op.members !== null) memberships.push([e(op.displayName), members(op.added), members(op.removed), why(op.provenance)]);
    }
  }
  const skipped = plan.skipped.map((s): Row => [person(s.person), s.person.employeeId ?? '—', s.reason, e(s.detail)]);
  const failures = outcomeFailures(outcome).map((f): Row => [f.person ? person(f.person) : e(f.team ?? '—'), f.operation, e(f.reason)]);
  const warnings = plan.warnings.map((w): Row => [w.person ? person(w.person) : '—', e(w.message)]);
  return [
    { title: 'Failures', header: ['Who', 'Operation', 'Error'], rows: failures },
    { title: 'Skipped records', header: ['Who', 'Personio id', 'Reason', 'Detail'], rows: skipped },
    { title: 'Created users', header: ['User', 'Title', 'Manager', 'Invite'], rows: created },
    { title: 'Reactivated users', header: ['User', 'Why'], rows: reactivated },
    { title: 'Deactivated users', header: ['User', 'Reason', 'Why'], rows: deactivated },
    { title: 'Updated users', header: ['User', 'Field', 'Old → New', 'Why'], rows: updated },
    { title: 'Manager changes', header: ['User', 'Old manager', 'New manager', 'Why'], rows: managers },
    { title: 'Teams created', header: ['Team', 'From Personio field', 'Members'], rows: teamsCreated },
    { title: 'Teams renamed', header: ['Old name', 'New name', 'Why'], rows: teamsRenamed },
    { title: 'Membership changes', header: ['Team', 'Added', 'Removed', 'Why'], rows: memberships },
    { title: 'Warnings', header: ['Who', 'Warning'], rows: warnings },
  ];
}

function table(header: Row, rows: readonly Row[]): string {
  const line = (row: Row): string => `| ${row.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function renderSection(section: Section, maxRows: number): string {
  if (section.rows.length === 0) return '';
  const shown = section.rows.slice(0, maxRows);
  const more = section.rows.length - shown.length;
  const body = table(section.header, shown) + (more > 0 ? `\n\n… and ${more} more, listed in the plan file.` : '');
  const title = `${section.title} (${section.rows.length})`;
  if (section.rows.length <= FOLD_AFTER_ROWS) return `### ${title}\n\n${body}\n`;
  return `### ${title}\n\n<details><summary>Show ${section.rows.length} rows</summary>\n\n${body}\n\n</details>\n`;
}

function headline(outcome: RunOutcome): string {
  const mode =
    outcome.mode === 'dry-run'
      ? 'Dry run: this is the plan, nothing was written to Leapsome'
      : outcome.mode === 'refused'
        ? 'Refused: nothing was written to Leapsome'
        : 'Applied to Leapsome';
  const c = outcomeCounts(outcome);
  const failed = failedCount(outcome);
  const verb = outcome.mode === 'applied' ? '' : ' (planned)';
  const counts = table(
    ['Created', 'Updated', 'Reactivated', 'Deactivated', 'Teams created', 'Teams renamed', 'Membership changes', 'Manager changes', 'Failed or skipped'],
    [[c.created, c.updated, c.reactivated, c.deactivated, c.teamsCreated, c.teamsRenamed, c.membershipChanges, c.managerChanges, failed].map(String)],
  );
  const s = outcome.plan.stats;
  const lines = [
    `## Personio → Leapsome sync`,
    '',
    `**${mode}.**${verb}`,
    '',
    counts,
    '',
    `Personio: ${s.employees} employees, ${s.inScope} in scope, ${s.excluded} excluded. Leapsome: ${s.managedUsers} users managed by this sync, ${s.unmanagedUsers} other users left alone.`,
  ];
  if (outcome.refusedReason !== null) lines.push('', `> [!CAUTION]`, `> ${e(outcome.refusedReason)}`);
  if (outcome.requests !== null) {
    const r = outcome.requests;
    lines.push('', `Requests: ${r.personio} to Personio, ${r.leapsome} to Leapsome (${r.leapsomeWrites} writes).`);
  }
  return lines.join('\n') + '\n';
}

function digestSection(outcome: RunOutcome, maxRows: number): string {
  const snapshot = outcome.snapshot;
  if (snapshot === null) return '';
  const digest = renderDigest(snapshot.digest, snapshot.previousTakenAt, {
    maxRows,
    ...(snapshot.missingReason === null ? {} : { missingReason: snapshot.missingReason }),
  });
  return `${digest}\nSnapshot of this run: ${e(snapshot.saved)}.\n`;
}

/** Renders the whole summary, shrinking long tables until it fits GitHub's step-summary limit. */
export function renderSummary(outcome: RunOutcome): string {
  const all = sections(outcome);
  for (const maxRows of [1000, 250, 50, 10, 0]) {
    const parts = [headline(outcome), digestSection(outcome, maxRows), ...all.map((s) => renderSection(s, maxRows))].filter((p) => p !== '');
    if (!all.some((s) => s.rows.length > 0)) parts.push('No changes: Leapsome already matches Personio.\n');
    const text = parts.join('\n');
    if (Buffer.byteLength(text) <= SUMMARY_BUDGET_BYTES) return text;
  }
  return headline(outcome);
}
