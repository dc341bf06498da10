// The job summary: a review of what changed (or would change), rendered from the Plan and the
// apply result only. All text from Personio or Leapsome goes through escapeText (or codeText inside
// the diff blocks). With `detail: 'counts'` it holds numbers only: no name, email or value.
import type {
  Clash,
  FieldValue,
  PersonLabel,
  Plan,
  PreboardEntry,
  Provenance,
  SupervisorCycle,
  Takeover,
  TeamMember,
  TeamOp,
  UserOp,
} from '../domain/plan.js';
import { planId, shortPlanId } from '../plan-file/plan-id.js';
import { escapeText } from './escape.js';
import { folded, table, tableSection } from './markdown.js';
import { failedCount, outcomeCounts, outcomeFailures, type RunOutcome } from '../run/outcome.js';
import { plural, statsSentence } from './sentences.js';
import { formatTakenAt, renderDigest } from './digest.js';
import { diffBlocks, renderDiffBlock, takeovers, type DiffBlock } from './diff.js';

export interface SummaryOptions {
  /** `counts` leaves names, emails and values out (the `summary-detail` input). Default `full`. */
  readonly detail?: 'full' | 'counts';
  /** The run is for a pull request, so it never writes, whatever `dry-run` says. */
  readonly pullRequest?: boolean;
}

/** GitHub drops a step summary above 1 MiB; stay well below it. */
export const SUMMARY_BUDGET_BYTES = 900 * 1024;

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
const cycle = (c: SupervisorCycle): string => {
  const [first] = c.chain;
  return [...c.chain, ...(first === undefined ? [] : [first])].map((p) => `${e(p.name)} (${e(p.employeeId ?? '?')})`).join(' → ');
};
/** What a run does for an onboarding employee under `preboard-days`, as the summary and the terminal say it. */
export const PREBOARD_STATE: Readonly<Record<PreboardEntry['state'], string>> = {
  due: 'account from this run',
  kept: 'has an account already (kept, although early)',
  waiting: 'no account yet',
  'no-hire-date': 'no account: no hire date in Personio',
};
const why = (p: Provenance): string =>
  p === 'personio' ? 'changed in Personio' : p === 'leapsome-edit' ? 'overrides a manual edit in Leapsome' : '—';
const code = (text: string | null): string => (text === null ? '<i>none</i>' : `<code>${e(text)}</code>`);
const takeoverHow = (t: Takeover): string =>
  t.kind === 'foreign'
    ? 'marked by another integration'
    : t.kind === 'unmarked'
      ? 'had no externalId'
      : "the sync's team of a unit it no longer has";
const sources = (op: TeamOp): string => (op.sources.length > 1 ? op.sources.map((s) => `${s.field} ${e(s.name)}`).join(' + ') : op.field);

/** `team "Engineering"` or `user Anna Schmidt <anna@…>`, as the subject of a clash. */
function clashSubject(clash: Clash): string {
  return clash.kind === 'team' ? `team ${e(clash.displayName)}` : `user ${person(clash.person)}`;
}

/** What to do about a clash: the setting that takes it over, or why none does. */
export function clashResolution(clash: Clash, quote: (setting: string) => string = (setting) => `\`${setting}\``): string {
  if (clash.resolution !== null) return `set ${quote(clash.resolution)} to take it over`;
  return clash.cause === 'hand-made' ? 'no setting takes over a hand-made team: choose another name' : 'no setting takes it over';
}

function userLabel(op: UserOp): PersonLabel {
  if (op.kind === 'deactivate') return { employeeId: op.employeeId, leapsomeId: op.leapsomeId, name: op.name, email: op.userName };
  return {
    employeeId: op.employeeId,
    leapsomeId: op.kind === 'update' ? op.leapsomeId : null,
    name: op.attributes.displayName,
    email: op.attributes.userName,
  };
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
      created.push([
        who,
        show(op.attributes.profile.title ?? null),
        op.manager === null ? '—' : e(op.manager.name),
        op.invite === 'leapsome' ? 'invited by Leapsome' : 'invite pending',
      ]);
      if (op.manager !== null) managers.push([who, '—', e(op.manager.name), 'new user']);
    } else if (op.kind === 'deactivate') {
      deactivated.push([who, e(op.reason), why(op.provenance)]);
    } else {
      if (op.reactivate) reactivated.push([who, why(op.provenance)]);
      for (const change of op.changes) {
        // A takeover's externalId change is in the Takeovers table.
        if (change.field === 'active' || (op.takeover !== null && change.field === 'externalId')) continue;
        updated.push([who, change.field, `${show(change.from)} → ${show(change.to)}`, why(op.provenance)]);
      }
      if (op.additionalManagers !== null) {
        const list = (people: readonly { readonly name: string }[]): string =>
          people.length === 0 ? '<i>none</i>' : people.map((p) => e(p.name)).join(', ');
        updated.push([
          who,
          'additional-managers',
          `${list(op.additionalManagers.from)} → ${list(op.additionalManagers.to)}`,
          why(op.provenance),
        ]);
      }
      if (op.manager !== null) {
        managers.push([
          who,
          op.manager.from === null ? '—' : e(op.manager.from.name),
          op.manager.to === null ? '— (cleared)' : e(op.manager.to.name),
          why(op.provenance),
        ]);
      }
    }
  }
  const teamsCreated: Row[] = [];
  const teamsRenamed: Row[] = [];
  const memberships: Row[] = [];
  for (const op of plan.teams) {
    if (op.kind === 'create') {
      teamsCreated.push([e(op.displayName), sources(op), String(op.members.length)]);
      if (op.members.length > 0) memberships.push([e(op.displayName), members(op.members), '—', 'new team']);
    } else {
      if (op.rename !== null) teamsRenamed.push([e(op.rename.from), e(op.rename.to), why(op.provenance)]);
      else if (op.takeover?.kind === 'moved')
        teamsRenamed.push([e(op.displayName), `${e(op.displayName)} (now the team of ${sources(op)} ${e(op.externalId)})`, '']);
      if (op.members !== null) memberships.push([e(op.displayName), members(op.added), members(op.removed), why(op.provenance)]);
    }
  }
  const taken = takeovers(plan);
  const takenOver: Row[] = [
    ...taken.teams.flatMap((op): Row[] =>
      op.takeover === null
        ? []
        : [
            [
              `team ${e(op.displayName)}`,
              code(op.takeover.previousExternalId),
              code(op.externalId),
              takeoverHow(op.takeover),
              String(op.removed.length),
            ],
          ],
    ),
    ...taken.users.flatMap((op): Row[] =>
      op.takeover === null
        ? []
        : [[`user ${person(userLabel(op))}`, code(op.takeover.previousExternalId), code(op.employeeId), takeoverHow(op.takeover), '—']],
    ),
  ];
  const clashes = plan.clashes.map((c): Row => [
    clashSubject(c),
    `${e(c.holder.name)} (${e(c.holder.leapsomeId)})`,
    code(c.holder.externalId),
    clashResolution(c),
    e(c.detail),
  ]);
  const skipped = plan.skipped.map((s): Row => [person(s.person), s.person.employeeId ?? '—', s.reason, e(s.detail)]);
  const failures = outcomeFailures(outcome).map((f): Row => [f.person ? person(f.person) : e(f.team ?? '—'), f.operation, e(f.reason)]);
  const warnings = plan.warnings.map((w): Row => [w.person ? person(w.person) : '—', e(w.message)]);
  const stale = (outcome.approvedPlan?.stale ?? []).map((st): Row => [
    st.person ? person(st.person) : e(st.team ?? '—'),
    st.operation,
    e(st.reason),
  ]);
  const cycles = plan.supervisorCycles.map((c): Row => [
    cycle(c),
    'Synced like everyone else, except these manager links: left as Leapsome has them. Fix the supervisors in Personio.',
  ]);
  const preboarding = plan.preboarding.map((p): Row => [
    person(p.person),
    p.hireDate ?? '—',
    p.accountFrom ?? '—',
    PREBOARD_STATE[p.state],
  ]);
  return [
    { title: 'Failures', header: ['Who', 'Operation', 'Error'], rows: failures },
    { title: NOT_TAKEN_OVER, header: ['Team or user', 'Held by (Leapsome)', 'Its externalId', 'To resolve', 'Why'], rows: clashes },
    { title: 'Skipped records', header: ['Who', 'Personio id', 'Reason', 'Detail'], rows: skipped },
    { title: 'Supervisor cycles', header: ['Supervisor chain (each reports to the next)', 'What the sync did'], rows: cycles },
    { title: 'Not applied: changed in Leapsome since the plan was made', header: ['Who', 'Operation', 'Why'], rows: stale },
    {
      title: 'Taken over',
      header: ['Team or user', 'externalId before', 'externalId now', 'How', 'Stale members removed'],
      rows: takenOver,
    },
    { title: 'Created users', header: ['User', 'Title', 'Manager', 'Invite'], rows: created },
    { title: 'Reactivated users', header: ['User', 'Why'], rows: reactivated },
    { title: 'Deactivated users', header: ['User', 'Reason', 'Why'], rows: deactivated },
    { title: 'Updated users', header: ['User', 'Field', 'Old → New', 'Why'], rows: updated },
    { title: 'Manager changes', header: ['User', 'Old manager', 'New manager', 'Why'], rows: managers },
    { title: 'Teams created', header: ['Team', 'From Personio field', 'Members'], rows: teamsCreated },
    { title: 'Teams renamed', header: ['Old name', 'New name', 'Why'], rows: teamsRenamed },
    { title: 'Membership changes', header: ['Team', 'Added', 'Removed', 'Why'], rows: memberships },
    { title: 'Warnings', header: ['Who', 'Warning'], rows: warnings },
    {
      title: 'Pre-boarding: when onboarding employees get their account',
      header: ['Who', 'Hire date', 'Account from', 'This run'],
      rows: preboarding,
    },
  ];
}

const NOT_TAKEN_OVER = 'Not taken over: held by something else';
/** What did not sync: each row counts in `failed`. */
const PROBLEMS = new Set([
  'Failures',
  NOT_TAKEN_OVER,
  'Skipped records',
  'Supervisor cycles',
  'Not applied: changed in Leapsome since the plan was made',
]);
/** Sections shown outside the folded tables: what a reviewer must act on, and the pre-boarding schedule. */
const ATTENTION = new Set([...PROBLEMS, 'Warnings', 'Pre-boarding: when onboarding employees get their account']);

function renderSection(section: Section, maxRows: number, restIn = 'the plan file'): string {
  if (section.rows.length === 0) return '';
  return tableSection(`### ${section.title} (${section.rows.length})`, section.header, section.rows, { maxRows, restIn });
}

function modeText(outcome: RunOutcome, options: SummaryOptions): string {
  if (outcome.mode === 'refused') return 'Refused: nothing was written to Leapsome';
  if (outcome.approvedPlan !== undefined) {
    return outcome.mode === 'dry-run'
      ? 'Dry run of an approved plan: checked against Leapsome, nothing was written'
      : 'Applied an approved plan to Leapsome';
  }
  if (outcome.mode === 'applied') return 'Applied to Leapsome';
  return options.pullRequest === true
    ? 'Dry run: this is the plan, nothing was written to Leapsome (pull requests never write, whatever `dry-run` says)'
    : 'Dry run: this is the plan, nothing was written to Leapsome';
}

/** Only links GitHub could have written are shown as links. */
const safeUrl = (url: string | null): string | null => (url !== null && /^https:\/\/[\w.-]+(?::\d+)?\/[\w./-]+$/.test(url) ? url : null);

/** Lines about the plan itself: its id, an approved plan's origin, a deactivation guard a dry run tripped. */
export function planNotes(outcome: RunOutcome, options: { readonly planId?: boolean } = {}): string[] {
  const lines: string[] = [];
  const approved = outcome.approvedPlan;
  if (approved !== undefined) {
    const by = safeUrl(approved.plannedBy);
    const applied = outcome.plan.users.length + outcome.plan.teams.length;
    lines.push(
      `Approved plan \`${shortPlanId(approved.planId)}\`, made ${formatTakenAt(approved.plannedAt)}${by === null ? '' : ` ([run](${by}))`}: ${applied} operation(s) still matched Leapsome; ${approved.stale.length} skipped because their Leapsome record changed since.`,
    );
  } else if (outcome.fingerprints !== undefined && outcome.mode === 'dry-run' && options.planId !== false) {
    lines.push(
      `Plan id \`${shortPlanId(planId(outcome.plan, outcome.fingerprints))}\`: an apply run given this plan file shows the same id.`,
    );
  }
  const switchOver = switchOverNote(outcome.plan, outcome.mode === 'applied');
  if (switchOver !== null) lines.push(switchOver);
  const g = outcome.plan.deactivationGuard;
  if (outcome.mode === 'dry-run' && g.exceeded) {
    lines.push(
      `> [!WARNING]\n> ${g.planned} deactivations planned, above the max-deactivations limit of ${g.limit} (of ${g.base} managed active users): a run that applies this plan would refuse to write anything.`,
    );
  }
  return lines;
}

function bothKinds(teams: number, users: number): string {
  return [teams > 0 ? plural(teams, 'team') : '', users > 0 ? plural(users, 'user') : ''].filter((p) => p !== '').join(' and ');
}

/**
 * The headline of a switch-over: how many teams and users are taken over (another integration's,
 * and unmarked ones), and how many are held by something the settings do not allow to take over.
 * Null when neither happens, as in every run after the first.
 */
export function switchOverNote(plan: Plan, applied: boolean): string | null {
  const text = switchOverText(plan, applied, (setting) => `\`${setting}\``, 'the table below says so');
  return text === null ? null : `**Switch-over:** ${text}`;
}

/** The switch-over note's words, for the summary and the terminal: settings quoted by `quote`. */
export function switchOverText(plan: Plan, applied: boolean, quote: (setting: string) => string, whereListed: string): string | null {
  const { teams, users } = takeovers(plan);
  const clashTeams = plan.clashes.filter((c) => c.kind === 'team').length;
  const clashUsers = plan.clashes.length - clashTeams;
  if (teams.length + users.length + plan.clashes.length === 0) return null;
  const parts: string[] = [];
  if (teams.length + users.length > 0) {
    const foreign = (ops: readonly { takeover: Takeover | null }[]): number => ops.filter((op) => op.takeover?.kind === 'foreign').length;
    const marked = bothKinds(foreign(teams), foreign(users));
    const unmarked = bothKinds(teams.length - foreign(teams), users.length - foreign(users));
    const detail = [
      marked === '' ? '' : `${marked} another integration had marked`,
      unmarked === '' ? '' : `${unmarked} without externalId`,
    ]
      .filter((p) => p !== '')
      .join(', ');
    parts.push(
      `${bothKinds(teams.length, users.length)} ${applied ? 'taken over' : 'to take over'} (${detail}): from now on their names and members follow Personio. They are listed under Takeovers.`,
    );
  }
  if (plan.clashes.length > 0) {
    const settings = [...new Set(plan.clashes.flatMap((c) => (c.resolution === null ? [] : [quote(c.resolution)])))];
    parts.push(
      `Not taken over: ${bothKinds(clashTeams, clashUsers)} held by something else${settings.length === 0 ? '' : ` (${settings.join(' and ')} would take ${clashTeams + clashUsers === 1 ? 'it' : 'them'} over where ${whereListed})`}; nothing is written to ${clashTeams + clashUsers === 1 ? 'it' : 'them'} and the run fails.`,
    );
  }
  return parts.join(' ');
}

/** The headline's table of counts: what the outputs report. */
export function countsTable(outcome: RunOutcome): string {
  const c = outcomeCounts(outcome);
  return table(
    [
      'Created',
      'Updated',
      'Reactivated',
      'Deactivated',
      'Teams created',
      'Teams renamed',
      'Membership changes',
      'Manager changes',
      'Taken over',
      'Failed or skipped',
    ],
    [
      [
        c.created,
        c.updated,
        c.reactivated,
        c.deactivated,
        c.teamsCreated,
        c.teamsRenamed,
        c.membershipChanges,
        c.managerChanges,
        c.takenOver,
        failedCount(outcome),
      ].map(String),
    ],
  );
}

/** Failures, skipped records, supervisor cycles and stale operations, with names and reasons (full detail only). */
export function renderProblemSections(outcome: RunOutcome, maxRows: number, restIn = 'the plan file'): string[] {
  return sections(outcome)
    .filter((section) => PROBLEMS.has(section.title))
    .map((section) => renderSection(section, maxRows, restIn))
    .filter((p) => p !== '');
}

function headline(outcome: RunOutcome, options: SummaryOptions = {}): string {
  const mode = modeText(outcome, options);
  const verb = outcome.mode === 'applied' ? '' : ' (planned)';
  const counts = countsTable(outcome);
  const lines = [
    `## Personio → Leapsome sync`,
    '',
    `**${mode}.**${verb}`,
    '',
    counts,
    '',
    `${outcome.approvedPlan === undefined ? '' : 'When the plan was made: '}${statsSentence(outcome.plan.stats)}`,
  ];
  if (outcome.refusedReason !== null) lines.push('', `> [!CAUTION]`, `> ${e(outcome.refusedReason)}`);
  for (const note of planNotes(outcome)) lines.push('', note);
  if (outcome.requests !== null) {
    const r = outcome.requests;
    lines.push('', `Requests: ${r.personio} to Personio, ${r.leapsome} to Leapsome (${r.leapsomeWrites} writes).`);
  }
  return lines.join('\n') + '\n';
}

/** Blocks longer than this many lines fold into <details>. */
const FOLD_AFTER_LINES = 30;

/** The diff-style review of the plan; empty when it changes nothing. */
export function renderPlanDiff(blocks: readonly DiffBlock[], maxEntries: number, restIn: string, heading = '### Plan'): string {
  const rendered = blocks.map((b) => renderDiffBlock(b, { maxEntries, foldAfterLines: FOLD_AFTER_LINES, restIn })).filter((r) => r !== '');
  if (rendered.length === 0) return '';
  return `${heading}\n\n\`+\` created or added, \`-\` deactivated or removed, \`~\` changed (old → new).\n\n${rendered.join('\n')}`;
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
export function renderSummary(outcome: RunOutcome, options: SummaryOptions = {}): string {
  if (options.detail === 'counts') return renderCountsSummary(outcome, options);
  const all = sections(outcome);
  const blocks = diffBlocks(outcome.plan);
  for (const maxRows of [1000, 250, 50, 10, 0]) {
    // What needs attention stays in view; the per-change tables repeat the diff with columns
    // (invite state, reasons, provenance), so they are folded into one block.
    const attention = all.filter((s) => ATTENTION.has(s.title)).map((s) => renderSection(s, maxRows));
    const tables = all
      .filter((s) => !ATTENTION.has(s.title))
      .map((s) => renderSection(s, maxRows))
      .filter((t) => t !== '');
    const parts = [
      headline(outcome, options),
      digestSection(outcome, maxRows),
      renderPlanDiff(blocks, maxRows, 'the tables below and the plan file'),
      ...attention,
      tables.length === 0
        ? ''
        : folded('<b>Every change as a table</b> (with invite state, reasons and whether it comes from Personio)', tables.join('\n')),
    ].filter((p) => p !== '');
    if (!all.some((s) => s.rows.length > 0)) parts.push('No changes: Leapsome already matches Personio.\n');
    const text = parts.join('\n');
    if (Buffer.byteLength(text) <= SUMMARY_BUDGET_BYTES) return text;
  }
  return headline(outcome, options);
}

/** How many entries of each kind, without saying who: what `summary-detail: counts` shows. */
export function countSections(outcome: RunOutcome): string {
  const parts: string[] = [];
  const blocks = diffBlocks(outcome.plan).filter((b) => b.entries.length > 0);
  if (blocks.length > 0) {
    parts.push(
      `### Plan\n\n${table(
        ['Area', 'Added (+)', 'Changed (~)', 'Removed (-)'],
        blocks.map((b) => [b.title, String(b.tally.added), String(b.tally.changed), String(b.tally.removed)]),
      )}\n`,
    );
  }
  const byKey = (title: string, header: string, keys: readonly string[]): void => {
    if (keys.length === 0) return;
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    parts.push(
      `### ${title} (${keys.length})\n\n${table(
        [header, 'Count'],
        [...counts].map(([k, n]) => [e(k), String(n)]),
      )}\n`,
    );
  };
  byKey(
    'Failures',
    'Operation',
    outcomeFailures(outcome).map((f) => f.operation),
  );
  byKey(
    NOT_TAKEN_OVER,
    'Kind',
    outcome.plan.clashes.map((c) => `${c.kind}: ${clashResolution(c)}`),
  );
  byKey(
    'Skipped records',
    'Reason',
    outcome.plan.skipped.map((s) => s.reason),
  );
  if (outcome.plan.supervisorCycles.length > 0) {
    parts.push(
      `### Supervisor cycles (${outcome.plan.supervisorCycles.length})\n\nEmployees whose supervisors form a loop: synced, except the manager links inside each loop. Names are left out of this summary.\n`,
    );
  }
  byKey(
    'Pre-boarding',
    'This run',
    outcome.plan.preboarding.map((p) => PREBOARD_STATE[p.state]),
  );
  byKey(
    'Not applied: changed in Leapsome since the plan was made',
    'Operation',
    (outcome.approvedPlan?.stale ?? []).map((st) => st.operation),
  );
  if (outcome.plan.warnings.length > 0)
    parts.push(`### Warnings (${outcome.plan.warnings.length})\n\nDetails are left out of this summary.\n`);
  return parts.join('\n');
}

function renderCountsSummary(outcome: RunOutcome, options: SummaryOptions): string {
  const snapshot = outcome.snapshot;
  const digest =
    snapshot === null
      ? ''
      : `${renderDigest(snapshot.digest, snapshot.previousTakenAt, { detail: 'counts', ...(snapshot.missingReason === null ? {} : { missingReason: snapshot.missingReason }) })}\nSnapshot of this run: ${e(snapshot.saved)}.\n`;
  const body = countSections(outcome);
  return [
    headline(outcome, options),
    'Names, emails and values are left out of this summary (`summary-detail: counts`); the plan file lists every operation.\n',
    body === '' ? 'No changes: Leapsome already matches Personio.\n' : body,
    digest,
  ]
    .filter((p) => p !== '')
    .join('\n');
}
