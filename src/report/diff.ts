// Diff-style sections of a plan, as a reviewer reads a Terraform plan: `+` created, `-` deactivated
// or removed, `~` changed (old → new), for users, teams, memberships and managers. Shared by the job
// summary and the pull-request comment. Text goes into ```diff blocks, so it is made safe with
// codeText (not HTML-escaped: entities would show literally inside code).
import { isTakeover, type FieldValue, type Plan, type Provenance, type Takeover, type TeamMember, type TeamOp, type UserOp } from '../domain/plan.js';
import { codeText as c } from './escape.js';

export interface DiffBlock {
  readonly title: 'Takeovers' | 'Users' | 'Teams' | 'Memberships' | 'Managers';
  /** Counts of `+`, `~` and `-` entries, e.g. `+3 ~2 -1`. */
  readonly tally: { readonly added: number; readonly changed: number; readonly removed: number };
  /** One entry per user or team; an entry is one or more lines, each starting with a marker. */
  readonly entries: readonly (readonly string[])[];
}

export interface DiffRenderOptions {
  /** Entries shown before "… and N more". */
  readonly maxEntries: number;
  /** Blocks longer than this many lines fold into <details>. */
  readonly foldAfterLines: number;
  /** Where the rest is listed, e.g. `the plan file` or a link to the job summary. */
  readonly restIn: string;
}

const INDENT = '    ';
const show = (value: FieldValue): string => (value === null || value === '' ? '(empty)' : c(String(value)));
const why = (p: Provenance): string => (p === 'personio' ? '  (changed in Personio)' : p === 'leapsome-edit' ? '  (overrides a manual edit in Leapsome)' : '');
const who = (name: string, email: string | null): string => (email === null ? c(name) : `${c(name)} <${c(email)}>`);

const ORDER: Record<string, number> = { create: 0, reactivate: 1, update: 2, deactivate: 3 };
const userRank = (op: UserOp): number => ORDER[op.kind === 'update' && op.reactivate ? 'reactivate' : op.kind] ?? 9;

type UserUpdate = Extract<UserOp, { kind: 'update' }>;
type TeamUpdate = Extract<TeamOp, { kind: 'update' }>;

const TAKEOVER_ORDER: Record<Takeover['kind'], number> = { foreign: 0, unmarked: 1, moved: 2 };

function takeoverText(t: Takeover, to: string): string {
  if (t.kind === 'unmarked') return `no externalId → ${c(to)}`;
  return `externalId ${c(t.previousExternalId ?? '')} → ${c(to)}${t.kind === 'foreign' ? ', marked by another integration' : ''}`;
}

/** Teams first, then users; those another integration marked before the unmarked ones. */
export function takeovers(plan: Plan): { teams: TeamUpdate[]; users: UserUpdate[] } {
  const teams = plan.teams.filter((op): op is TeamUpdate => op.kind === 'update' && isTakeover(op.takeover));
  const users = plan.users.filter((op): op is UserUpdate => op.kind === 'update' && isTakeover(op.takeover));
  const rank = (t: Takeover | null): number => (t === null ? 9 : TAKEOVER_ORDER[t.kind]);
  return { teams: teams.sort((a, b) => rank(a.takeover) - rank(b.takeover)), users: users.sort((a, b) => rank(a.takeover) - rank(b.takeover)) };
}

function takeoversBlock(plan: Plan): DiffBlock {
  const { teams, users } = takeovers(plan);
  const entries: string[][] = [];
  for (const op of teams) {
    if (op.takeover === null) continue;
    const name = op.rename === null ? c(op.displayName) : `${c(op.rename.from)} → ${c(op.rename.to)}`;
    const removed = op.removed.length === 0 ? '' : `; ${op.removed.length} stale member${op.removed.length === 1 ? '' : 's'} removed`;
    entries.push([`~ team ${name}  (${takeoverText(op.takeover, op.externalId)}${removed})`]);
  }
  for (const op of users) {
    if (op.takeover === null) continue;
    entries.push([`~ user ${who(op.attributes.displayName, op.attributes.userName)}  (${takeoverText(op.takeover, op.employeeId)})`]);
  }
  return { title: 'Takeovers', tally: { added: 0, changed: entries.length, removed: 0 }, entries };
}

function usersBlock(plan: Plan): DiffBlock {
  const entries: string[][] = [];
  const tally = { added: 0, changed: 0, removed: 0 };
  for (const op of [...plan.users].sort((a, b) => userRank(a) - userRank(b))) {
    if (op.kind === 'create') {
      const title = op.attributes.title === null ? '' : `, title: ${c(op.attributes.title)}`;
      entries.push([`+ ${who(op.attributes.displayName, op.attributes.userName)}  (new${title}; ${op.invite === 'leapsome' ? 'invited by Leapsome' : 'invite pending'})`]);
      tally.added++;
    } else if (op.kind === 'deactivate') {
      entries.push([`- ${who(op.name, op.userName)}  deactivated: ${c(op.reason)}${why(op.provenance)}`]);
      tally.removed++;
    } else {
      // A takeover's new externalId is shown under Takeovers.
      const changes = op.changes.filter((ch) => ch.field !== 'active' && !(op.takeover !== null && ch.field === 'externalId'));
      if (!op.reactivate && changes.length === 0) continue; // only a manager change or a takeover: see Managers, Takeovers
      // The label goes on every line that changes something, so each line reads on its own.
      const head = op.reactivate
        ? `+ ${who(op.attributes.displayName, op.attributes.userName)}  reactivated${why(op.provenance)}`
        : `~ ${who(op.attributes.displayName, op.attributes.userName)}`;
      const lines = [head];
      for (const ch of changes) lines.push(`~${INDENT}${ch.field}: ${show(ch.from)} → ${show(ch.to)}${why(op.provenance)}`);
      entries.push(lines);
      if (op.reactivate) tally.added++;
      else tally.changed++;
    }
  }
  return { title: 'Users', tally, entries };
}

/** `department`, or for a team several units map to, `department Frontend + department Backend`. */
export function sourcesText(op: TeamOp): string {
  return op.sources.length > 1 ? op.sources.map((s) => `${s.field} ${c(s.name)}`).join(' + ') : op.field;
}

function teamsBlock(plan: Plan): DiffBlock {
  const entries: string[][] = [];
  const tally = { added: 0, changed: 0, removed: 0 };
  for (const op of plan.teams) {
    if (op.kind === 'create') {
      entries.push([`+ ${c(op.displayName)}  (new team from Personio ${sourcesText(op)}, ${op.members.length} member${op.members.length === 1 ? '' : 's'})`]);
      tally.added++;
    } else if (op.rename !== null) {
      entries.push([`~ ${c(op.rename.from)} → ${c(op.rename.to)}  (renamed)${why(op.provenance)}`]);
      tally.changed++;
    } else if (op.takeover?.kind === 'moved') {
      entries.push([`~ ${c(op.displayName)}  (now the team of Personio ${op.field} ${c(op.externalId.split(':').slice(2).join(':'))}, was ${c(op.takeover.previousExternalId ?? '')})`]);
      tally.changed++;
    }
  }
  return { title: 'Teams', tally, entries };
}

function membershipsBlock(plan: Plan): DiffBlock {
  const entries: string[][] = [];
  const tally = { added: 0, changed: 0, removed: 0 };
  const member = (marker: '+' | '-', m: TeamMember): string => `${marker}${INDENT}${c(m.name)}`;
  for (const op of plan.teams) {
    if (op.kind === 'create') {
      if (op.members.length === 0) continue;
      entries.push([`+ ${c(op.displayName)}  (new team)`, ...op.members.map((m) => member('+', m))]);
      tally.added += op.members.length;
    } else if (op.members !== null && (op.added.length > 0 || op.removed.length > 0)) {
      entries.push([`~ ${c(op.displayName)}${why(op.provenance)}`, ...op.added.map((m) => member('+', m)), ...op.removed.map((m) => member('-', m))]);
      tally.added += op.added.length;
      tally.removed += op.removed.length;
    }
  }
  return { title: 'Memberships', tally, entries };
}

function managersBlock(plan: Plan): DiffBlock {
  const entries: string[][] = [];
  const tally = { added: 0, changed: 0, removed: 0 };
  for (const op of plan.users) {
    if (op.kind === 'create' && op.manager !== null) {
      entries.push([`~ ${c(op.attributes.displayName)}: (none) → ${c(op.manager.name)}  (new user)`]);
      tally.changed++;
    } else if (op.kind === 'update' && op.manager !== null) {
      const from = op.manager.from === null ? '(none)' : c(op.manager.from.name);
      const to = op.manager.to === null ? '(cleared)' : c(op.manager.to.name);
      entries.push([`~ ${c(op.attributes.displayName)}: ${from} → ${to}${why(op.provenance)}`]);
      tally.changed++;
    }
  }
  return { title: 'Managers', tally, entries };
}

/** The blocks, in review order; empty blocks included (callers skip them). */
export function diffBlocks(plan: Plan): DiffBlock[] {
  return [takeoversBlock(plan), usersBlock(plan), teamsBlock(plan), membershipsBlock(plan), managersBlock(plan)];
}

export function tallyText(t: DiffBlock['tally']): string {
  return [t.added > 0 ? `+${t.added}` : '', t.changed > 0 ? `~${t.changed}` : '', t.removed > 0 ? `-${t.removed}` : ''].filter((s) => s !== '').join(' ');
}

export function renderDiffBlock(block: DiffBlock, options: DiffRenderOptions): string {
  if (block.entries.length === 0) return '';
  const shown = block.entries.slice(0, Math.max(0, options.maxEntries));
  const more = block.entries.length - shown.length;
  const lines = shown.flat();
  const label = `${block.title} (${tallyText(block.tally)})`;
  const code = lines.length === 0 ? '' : '```diff\n' + lines.join('\n') + '\n```\n';
  const rest = more > 0 ? `\n… and ${more} more ${more === 1 ? 'entry' : 'entries'}, listed in ${options.restIn}.\n` : '';
  if (lines.length <= options.foldAfterLines) return `**${label}**\n\n${code}${rest}`;
  return `<details><summary><b>${label}</b>: ${lines.length} lines</summary>\n\n${code}${rest}\n</details>\n`;
}
