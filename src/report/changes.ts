// The plan as a reviewer reads it, the way Terraform shows a plan: `+` created or added, `-`
// deactivated or removed, `~` changed (old → new), grouped by takeovers, users, teams, memberships
// and managers. This is the model both renderers share: the Markdown diff blocks of the job summary and
// the pull-request comment (diff.ts) and the terminal (terminal.ts). Lines are made of spans that
// say whose words they are, so each renderer makes text from Personio or Leapsome safe its own way
// (inside a Markdown code block, or for a terminal) and styles the rest.
import {
  isTakeover,
  type AdditionalManagersChange,
  type FieldValue,
  type Plan,
  type Provenance,
  type Takeover,
  type TeamMember,
  type TeamOp,
  type UserOp,
} from '../domain/plan.js';
import { plural } from './sentences.js';

export type Marker = '+' | '~' | '-';

/**
 * A piece of a line. `text`: our own words. `data`: text from Personio or Leapsome (untrusted), with
 * `role` when it is the old or the new side of a change. `note`: our words about the change
 * (provenance, invite state), which a terminal shows de-emphasised.
 */
export type Span =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'data'; readonly text: string; readonly role?: 'old' | 'new' }
  | { readonly kind: 'note'; readonly text: string };

export interface ChangeLine {
  readonly marker: Marker;
  /** A detail of the entry's first line: a changed field, a team member. */
  readonly nested: boolean;
  readonly spans: readonly Span[];
}

/** One user or team: a first line, then its details. */
export interface ChangeEntry {
  readonly lines: readonly ChangeLine[];
}

export type SectionTitle = 'Takeovers' | 'Users' | 'Teams' | 'Memberships' | 'Managers';

export interface Tally {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
}

export interface ChangeSection {
  readonly title: SectionTitle;
  /** Counts of `+`, `~` and `-` changes, e.g. `+3 ~2 -1`. */
  readonly tally: Tally;
  readonly entries: readonly ChangeEntry[];
}

const text = (t: string): Span => ({ kind: 'text', text: t });
const data = (t: string, role?: 'old' | 'new'): Span => (role === undefined ? { kind: 'data', text: t } : { kind: 'data', text: t, role });
const note = (t: string): Span => ({ kind: 'note', text: t });
const head = (marker: Marker, ...spans: Span[]): ChangeLine => ({ marker, nested: false, spans });
const detail = (marker: Marker, ...spans: Span[]): ChangeLine => ({ marker, nested: true, spans });

/** The provenance label, with the two spaces that set it apart; nothing when unknown. */
export function provenanceNote(p: Provenance): Span[] {
  if (p === 'personio') return [note('  (changed in Personio)')];
  if (p === 'leapsome-edit') return [note('  (overrides a manual edit in Leapsome)')];
  return [];
}

const value = (v: FieldValue, role: 'old' | 'new'): Span => (v === null || v === '' ? text('(empty)') : data(String(v), role));
const who = (name: string, email: string | null): Span[] =>
  email === null ? [data(name)] : [data(name), text(' <'), data(email), text('>')];
/** A set of people (additional managers) as one side of a change: names joined by ", ". */
const people = (list: readonly { readonly name: string }[], role: 'old' | 'new'): Span[] =>
  list.length === 0 ? [text('(none)')] : list.flatMap((p, i) => [...(i === 0 ? [] : [text(', ')]), data(p.name, role)]);
const additionalManagersLine = (change: AdditionalManagersChange, p: Provenance): ChangeLine =>
  detail('~', text('additional-managers: '), ...people(change.from, 'old'), text(' → '), ...people(change.to, 'new'), ...provenanceNote(p));

const ORDER: Record<string, number> = { create: 0, reactivate: 1, update: 2, deactivate: 3 };
const userRank = (op: UserOp): number => ORDER[op.kind === 'update' && op.reactivate ? 'reactivate' : op.kind] ?? 9;

function section(title: SectionTitle): {
  entries: ChangeEntry[];
  tally: { added: number; changed: number; removed: number };
  done: () => ChangeSection;
} {
  const entries: ChangeEntry[] = [];
  const tally = { added: 0, changed: 0, removed: 0 };
  return { entries, tally, done: () => ({ title, tally, entries }) };
}

type UserUpdate = Extract<UserOp, { kind: 'update' }>;
type TeamUpdate = Extract<TeamOp, { kind: 'update' }>;

const TAKEOVER_ORDER: Record<Takeover['kind'], number> = { foreign: 0, unmarked: 1, moved: 2 };

/** Teams first, then users; those another integration marked before the unmarked ones. */
export function takeovers(plan: Plan): { teams: TeamUpdate[]; users: UserUpdate[] } {
  const teams = plan.teams.filter((op): op is TeamUpdate => op.kind === 'update' && isTakeover(op.takeover));
  const users = plan.users.filter((op): op is UserUpdate => op.kind === 'update' && isTakeover(op.takeover));
  const rank = (t: Takeover | null): number => (t === null ? 9 : TAKEOVER_ORDER[t.kind]);
  return {
    teams: teams.sort((a, b) => rank(a.takeover) - rank(b.takeover)),
    users: users.sort((a, b) => rank(a.takeover) - rank(b.takeover)),
  };
}

function takeoverSpans(t: Takeover, to: string): Span[] {
  if (t.kind === 'unmarked') return [note('  (no externalId → '), data(to, 'new'), note(')')];
  return [
    note('  (externalId '),
    data(t.previousExternalId ?? '', 'old'),
    note(' → '),
    data(to, 'new'),
    note(t.kind === 'foreign' ? ', marked by another integration' : ''),
    note(')'),
  ];
}

/** Teams and users the sync takes over from another integration, or that nobody had marked. */
function takeoverSection(plan: Plan): ChangeSection {
  const s = section('Takeovers');
  const { teams, users } = takeovers(plan);
  for (const op of teams) {
    if (op.takeover === null) continue;
    const name = op.rename === null ? [data(op.displayName)] : [data(op.rename.from, 'old'), text(' → '), data(op.rename.to, 'new')];
    const spans = takeoverSpans(op.takeover, op.externalId);
    const n = op.removed.length;
    // The stale members go inside the parenthesis: before its closing note.
    const removed = n === 0 ? [] : [note(`; ${plural(n, 'stale member')} removed`)];
    s.entries.push({ lines: [head('~', text('team '), ...name, ...spans.slice(0, -1), ...removed, ...spans.slice(-1))] });
    s.tally.changed++;
  }
  for (const op of users) {
    if (op.takeover === null) continue;
    s.entries.push({
      lines: [
        head('~', text('user '), ...who(op.attributes.displayName, op.attributes.userName), ...takeoverSpans(op.takeover, op.employeeId)),
      ],
    });
    s.tally.changed++;
  }
  return s.done();
}

/** `department`, or for a team several units map to, `department Frontend + department Backend`. */
export function sourceSpans(op: TeamOp): Span[] {
  if (op.sources.length <= 1) return [note(op.field)];
  return op.sources.flatMap((src, i) => [note(`${i === 0 ? '' : ' + '}${src.field} `), data(src.name)]);
}

function users(plan: Plan): ChangeSection {
  const s = section('Users');
  for (const op of [...plan.users].sort((a, b) => userRank(a) - userRank(b))) {
    if (op.kind === 'create') {
      const titleValue = op.attributes.profile.title ?? null;
      const title = titleValue === null ? [] : [note(', title: '), data(titleValue)];
      const invite = op.invite === 'leapsome' ? 'invited by Leapsome' : 'invite pending';
      s.entries.push({
        lines: [head('+', ...who(op.attributes.displayName, op.attributes.userName), note('  (new'), ...title, note(`; ${invite})`))],
      });
      s.tally.added++;
    } else if (op.kind === 'deactivate') {
      s.entries.push({
        lines: [head('-', ...who(op.name, op.userName), text('  deactivated: '), data(op.reason), ...provenanceNote(op.provenance))],
      });
      s.tally.removed++;
    } else {
      // A takeover's new externalId is shown under Takeovers.
      const changes = op.changes.filter((ch) => ch.field !== 'active' && !(op.takeover !== null && ch.field === 'externalId'));
      // Only a manager change or a takeover: see Managers, Takeovers.
      if (!op.reactivate && changes.length === 0 && op.additionalManagers === null) continue;
      // The label goes on every line that changes something, so each line reads on its own.
      const lines = [
        op.reactivate
          ? head('+', ...who(op.attributes.displayName, op.attributes.userName), text('  reactivated'), ...provenanceNote(op.provenance))
          : head('~', ...who(op.attributes.displayName, op.attributes.userName)),
      ];
      for (const ch of changes)
        lines.push(
          detail('~', text(`${ch.field}: `), value(ch.from, 'old'), text(' → '), value(ch.to, 'new'), ...provenanceNote(op.provenance)),
        );
      if (op.additionalManagers !== null) lines.push(additionalManagersLine(op.additionalManagers, op.provenance));
      s.entries.push({ lines });
      if (op.reactivate) s.tally.added++;
      else s.tally.changed++;
    }
  }
  return s.done();
}

function teams(plan: Plan): ChangeSection {
  const s = section('Teams');
  for (const op of plan.teams) {
    if (op.kind === 'create') {
      const n = op.members.length;
      s.entries.push({
        lines: [head('+', data(op.displayName), note('  (new team from Personio '), ...sourceSpans(op), note(`, ${plural(n, 'member')})`))],
      });
      s.tally.added++;
    } else if (op.rename !== null) {
      s.entries.push({
        lines: [
          head(
            '~',
            data(op.rename.from, 'old'),
            text(' → '),
            data(op.rename.to, 'new'),
            note('  (renamed)'),
            ...provenanceNote(op.provenance),
          ),
        ],
      });
      s.tally.changed++;
    } else if (op.takeover?.kind === 'moved') {
      const unit = op.externalId.split(':').slice(2).join(':');
      s.entries.push({
        lines: [
          head(
            '~',
            data(op.displayName),
            note(`  (now the team of Personio ${op.field} `),
            data(unit, 'new'),
            note(', was '),
            data(op.takeover.previousExternalId ?? '', 'old'),
            note(')'),
          ),
        ],
      });
      s.tally.changed++;
    }
  }
  return s.done();
}

function memberships(plan: Plan): ChangeSection {
  const s = section('Memberships');
  const member = (marker: '+' | '-', m: TeamMember): ChangeLine => detail(marker, data(m.name));
  for (const op of plan.teams) {
    if (op.kind === 'create') {
      if (op.members.length === 0) continue;
      s.entries.push({ lines: [head('+', data(op.displayName), note('  (new team)')), ...op.members.map((m) => member('+', m))] });
      s.tally.added += op.members.length;
    } else if (op.members !== null && (op.added.length > 0 || op.removed.length > 0)) {
      s.entries.push({
        lines: [
          head('~', data(op.displayName), ...provenanceNote(op.provenance)),
          ...op.added.map((m) => member('+', m)),
          ...op.removed.map((m) => member('-', m)),
        ],
      });
      s.tally.added += op.added.length;
      s.tally.removed += op.removed.length;
    }
  }
  return s.done();
}

function managers(plan: Plan): ChangeSection {
  const s = section('Managers');
  for (const op of plan.users) {
    if (op.kind === 'create' && op.manager !== null) {
      s.entries.push({
        lines: [head('~', data(op.attributes.displayName), text(': (none) → '), data(op.manager.name, 'new'), note('  (new user)'))],
      });
      s.tally.changed++;
    } else if (op.kind === 'update' && op.manager !== null) {
      const from = op.manager.from === null ? text('(none)') : data(op.manager.from.name, 'old');
      const to = op.manager.to === null ? text('(cleared)') : data(op.manager.to.name, 'new');
      s.entries.push({
        lines: [head('~', data(op.attributes.displayName), text(': '), from, text(' → '), to, ...provenanceNote(op.provenance))],
      });
      s.tally.changed++;
    }
  }
  return s.done();
}

/** The sections, in review order; empty sections included (renderers skip them). */
export function planChanges(plan: Plan): ChangeSection[] {
  return [takeoverSection(plan), users(plan), teams(plan), memberships(plan), managers(plan)];
}

/** `+3 ~2 -1`, leaving out what is zero. */
export function tallyText(t: Tally): string {
  return [t.added > 0 ? `+${t.added}` : '', t.changed > 0 ? `~${t.changed}` : '', t.removed > 0 ? `-${t.removed}` : '']
    .filter((s) => s !== '')
    .join(' ');
}

/** All sections' tallies added up: the plan's closing counts line. */
export function totalTally(sections: readonly ChangeSection[]): Tally {
  return sections.reduce(
    (sum, s) => ({ added: sum.added + s.tally.added, changed: sum.changed + s.tally.changed, removed: sum.removed + s.tally.removed }),
    { added: 0, changed: 0, removed: 0 },
  );
}
