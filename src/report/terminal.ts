// The run for a person at a terminal, rendered from the same values as the job summary (the plan's
// changes in changes.ts, the outcome's counts and problems): a coloured `+`/`~`/`-` diff per
// section, `error:` and `warning:` lines, and one closing line, the way Terraform shows a plan.
// Text from Personio or Leapsome goes through terminalText (no control characters, so no escape
// sequences); no Markdown, no HTML entities, no GitHub workflow commands.
import type { PersonLabel } from '../domain/plan.js';
import { plannedWrites, type ApplyCounts } from '../apply/apply.js';
import { shortPlanId, planId } from '../plan-file/plan-id.js';
import type { SummaryDetail } from '../settings/settings.js';
import { planChanges, tallyText, totalTally, type ChangeLine, type ChangeSection, type Marker, type Span } from './changes.js';
import { APPLY_CANCELLED, failedCount, outcomeCounts, outcomeFailures, type RunOutcome } from '../run/outcome.js';
import { cycleText, plural, statsSentence } from './sentences.js';
import { digestCounts } from './digest.js';
import { terminalText as safe } from './escape.js';
import { clashResolution, PREBOARD_STATE, switchOverText } from './summary.js';
import { layout, paint, type Look, type Piece, type Style } from './text-layout.js';

export interface TerminalOptions extends Look {
  /** Every entry of every list; otherwise long lists fold with a count. */
  readonly full: boolean;
  /** `counts` leaves names, emails and values out, as in the job summary. */
  readonly detail: SummaryDetail;
  /** Lines per list before it folds (default 25). */
  readonly foldAfter?: number;
  /** The plan was shown already (before asking to apply it): only the outcome follows. */
  readonly planShown?: boolean;
}

const DEFAULT_FOLD_AFTER = 25;
const MARKER_STYLE: Readonly<Record<Marker, Style>> = { '+': 'add', '~': 'change', '-': 'remove' };

/** Thousands separated, whatever the machine's locale: "4,212". */
export const count = (n: number): string => n.toLocaleString('en-US');
const counted = (n: number, one: string, many?: string): string => plural(n, one, many, count(n));

function spanPiece(span: Span, marker: Marker): Piece {
  if (span.kind === 'note') return { text: span.text, style: 'muted' };
  const text = span.kind === 'data' ? safe(span.text) : span.text;
  // A `+` or `-` line is coloured as a whole; on a `~` line the old and new values are.
  if (marker !== '~') return { text, style: MARKER_STYLE[marker] };
  return { text, style: span.kind === 'data' && span.role !== undefined ? span.role : null };
}

function changeLine(look: Look, line: ChangeLine): string[] {
  const prefix: Piece[] = [{ text: '  ' }, { text: line.marker, style: MARKER_STYLE[line.marker] }, { text: line.nested ? '    ' : ' ' }];
  return layout(
    look,
    prefix,
    line.spans.map((s) => spanPiece(s, line.marker)),
    line.nested ? 7 : 4,
  );
}

/** Lines of a list, folded after about `max` lines with a count of what is left out. */
function folded(look: Look, entries: readonly (readonly string[])[], max: number, full: boolean): string[] {
  const out: string[] = [];
  let shown = 0;
  for (const entry of entries) {
    const room = max - out.length;
    if (!full && entry.length > room) {
      // A long entry (a large team) is shown in part when a few of its lines fit.
      if (room >= 3 && entry.length > 1) {
        out.push(...entry.slice(0, room - 1));
        out.push(paint(look, 'muted', `        … and ${count(entry.length - room + 1)} more lines`));
        shown++;
      }
      break;
    }
    out.push(...entry);
    shown++;
  }
  const more = entries.length - shown;
  if (more > 0) out.push(paint(look, 'muted', `  … and ${count(more)} more; --full to show all`));
  return out;
}

function sectionLines(look: Look, section: ChangeSection, options: TerminalOptions): string[] {
  const heading = paint(look, 'heading', `${section.title} (${tallyText(section.tally)})`);
  if (options.detail === 'counts') return [heading];
  const entries = section.entries.map((entry) => entry.lines.flatMap((line) => changeLine(look, line)));
  return [heading, ...folded(look, entries, options.foldAfter ?? DEFAULT_FOLD_AFTER, options.full)];
}

const person = (p: PersonLabel): string => (p.email === null ? safe(p.name) : `${safe(p.name)} <${safe(p.email)}>`);

interface Problem {
  readonly level: 'error' | 'warning';
  readonly text: string;
}

/** Settings as a person types them in a terminal: no Markdown quotes. */
const asTyped = (setting: string): string => setting;

/** Our own messages are written for the job summary: `code` reads as 'code' here. */
const plainWords = (text: string): string => text.replace(/`([^`\n]*)`/g, "'$1'");

/** Records that did not sync and warnings, with names (full detail). */
function problems(outcome: RunOutcome): Problem[] {
  const list: Problem[] = [];
  if (outcome.refusedReason !== null && outcome.refusedReason !== APPLY_CANCELLED)
    list.push({ level: 'error', text: plainWords(safe(outcome.refusedReason)) });
  for (const c of outcome.plan.clashes) {
    const what = c.kind === 'team' ? `team ${safe(c.displayName)}` : `user ${person(c.person)}`;
    const holder = `${c.kind === 'team' ? 'Leapsome team' : 'Leapsome user'} ${safe(c.holder.name)} (${safe(c.holder.leapsomeId)}, externalId ${safe(c.holder.externalId ?? 'none')})`;
    list.push({
      level: 'error',
      text: `not taken over: ${what} is held by ${holder}. ${plainWords(safe(c.detail))} To resolve: ${clashResolution(c, asTyped)}.`,
    });
  }
  const g = outcome.plan.deactivationGuard;
  if (outcome.mode === 'dry-run' && g.exceeded) {
    list.push({
      level: 'warning',
      text: `${g.planned} deactivations planned, above the max-deactivations limit of ${g.limit} (of ${g.base} managed active users): a run that applies this plan would refuse to write anything.`,
    });
  }
  for (const f of outcomeFailures(outcome)) {
    const subject = f.person !== null ? ` for ${person(f.person)}` : f.team !== null ? ` ${safe(f.team)}` : '';
    list.push({ level: 'error', text: `failed to ${f.operation}${subject}: ${safe(f.reason)}` });
  }
  for (const s of outcome.plan.skipped) {
    list.push({
      level: 'error',
      text: `skipped ${person(s.person)} (Personio id ${safe(s.person.employeeId ?? 'unknown')}): ${s.reason}: ${safe(s.detail)}`,
    });
  }
  for (const c of outcome.plan.supervisorCycles) {
    list.push({
      level: 'error',
      text: `supervisor cycle: ${safe(cycleText(c))}. Synced like everyone else, except these manager links: left as Leapsome has them; fix the supervisors in Personio.`,
    });
  }
  for (const st of outcome.approvedPlan?.stale ?? []) {
    const subject = st.person !== null ? ` for ${person(st.person)}` : st.team !== null ? ` ${safe(st.team)}` : '';
    list.push({
      level: 'error',
      text: `not applied, changed in Leapsome since the plan was made: ${st.operation}${subject}: ${safe(st.reason)}`,
    });
  }
  for (const w of outcome.plan.warnings) list.push({ level: 'warning', text: plainWords(safe(w.message)) });
  return list;
}

/** Numbers only: how many of each kind, never who (summary-detail: counts). */
function problemCounts(outcome: RunOutcome): Problem[] {
  const list: Problem[] = [];
  if (outcome.refusedReason !== null) list.push({ level: 'error', text: plainWords(safe(outcome.refusedReason)) });
  const byKey = (what: string, keys: readonly string[]): void => {
    if (keys.length === 0) return;
    const tally = new Map<string, number>();
    for (const key of keys) tally.set(key, (tally.get(key) ?? 0) + 1);
    list.push({
      level: 'error',
      text: `${what}: ${[...tally].map(([k, n]) => `${k} ${count(n)}`).join(', ')} (names left out: summary-detail counts)`,
    });
  };
  byKey(
    'failed',
    outcomeFailures(outcome).map((f) => f.operation),
  );
  byKey(
    'not taken over, held by something else',
    outcome.plan.clashes.map((c) => `${c.kind}: ${clashResolution(c, asTyped)}`),
  );
  byKey(
    'skipped',
    outcome.plan.skipped.map((s) => s.reason),
  );
  if (outcome.plan.supervisorCycles.length > 0) {
    list.push({
      level: 'error',
      text: `${counted(outcome.plan.supervisorCycles.length, 'supervisor cycle')}: manager links inside each left as they are (names left out: summary-detail counts)`,
    });
  }
  byKey(
    'not applied, changed in Leapsome since the plan was made',
    (outcome.approvedPlan?.stale ?? []).map((s) => s.operation),
  );
  if (outcome.plan.warnings.length > 0)
    list.push({ level: 'warning', text: `${counted(outcome.plan.warnings.length, 'warning')} (details left out: summary-detail counts)` });
  return list;
}

/** `error: …` and `warning: …` lines, wrapped under their text and folded like the lists. */
function problemLines(look: Look, list: readonly Problem[], options: TerminalOptions): string[] {
  const entries = list.map((p) =>
    layout(look, [{ text: `${p.level}:`, style: p.level }, { text: ' ' }], [{ text: p.text }], p.level.length + 2),
  );
  return folded(look, entries, options.foldAfter ?? DEFAULT_FOLD_AFTER, options.full);
}

function when(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? safe(iso) : `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** What the snapshot says about Personio since the last run, in one line. */
function digestLine(outcome: RunOutcome): string | null {
  const snapshot = outcome.snapshot;
  if (snapshot === null) return null;
  if (snapshot.digest === null) {
    const why = snapshot.missingReason === null ? '' : ` (${safe(snapshot.missingReason)})`;
    return `No previous snapshot${why}: planned changes are not labelled as coming from Personio or overriding a manual edit.`;
  }
  const kinds = digestCounts(snapshot.digest).map((c) => `${c.title.toLowerCase()} ${count(c.count)}`);
  return `Changes in Personio since the last run (${when(snapshot.previousTakenAt ?? snapshot.digest.previousTakenAt)}): ${kinds.length === 0 ? 'none' : kinds.join(', ')}.`;
}

function intro(outcome: RunOutcome): string {
  const approved = outcome.approvedPlan;
  if (outcome.mode === 'refused') return 'Refused: nothing was written to Leapsome. The plan was:';
  if (approved !== undefined) {
    const id = shortPlanId(approved.planId);
    return outcome.mode === 'dry-run'
      ? `The approved plan ${id}, checked against Leapsome (nothing was written); what it would still change:`
      : `Applied the approved plan ${id} to Leapsome:`;
  }
  return outcome.mode === 'applied' ? 'Applied to Leapsome:' : 'The sync would make these changes in Leapsome (nothing was written):';
}

/** "37 users created, 7 teams created, …": the counts the job summary's headline table shows, non-zero ones. */
function appliedCounts(c: ApplyCounts): string {
  const parts = [
    c.created > 0 ? `${counted(c.created, 'user')} created` : '',
    c.updated > 0 ? `${counted(c.updated, 'user')} updated` : '',
    c.reactivated > 0 ? `${counted(c.reactivated, 'user')} reactivated` : '',
    c.deactivated > 0 ? `${counted(c.deactivated, 'user')} deactivated` : '',
    c.teamsCreated > 0 ? `${counted(c.teamsCreated, 'team')} created` : '',
    c.teamsRenamed > 0 ? `${counted(c.teamsRenamed, 'team')} renamed` : '',
    c.membershipChanges > 0 ? counted(c.membershipChanges, 'membership change') : '',
    c.managerChanges > 0 ? counted(c.managerChanges, 'manager change') : '',
    c.takenOver > 0 ? `${counted(c.takenOver, 'team or user', 'teams and users')} taken over` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? 'nothing changed' : parts.join(', ');
}

/** The closing line: the plan's counts, or what the apply did. */
export function closingLine(outcome: RunOutcome, sections: readonly ChangeSection[]): string {
  const failed = failedCount(outcome);
  const changes = sections.some((s) => s.entries.length > 0);
  if (outcome.refusedReason === APPLY_CANCELLED) return 'Apply cancelled: nothing was written to Leapsome.';
  if (outcome.mode === 'refused') return 'Refused: nothing was written to Leapsome.';
  if (!changes && failed === 0) return 'No changes: Leapsome already matches Personio.';
  if (outcome.mode === 'applied') {
    const done = appliedCounts(outcomeCounts(outcome));
    return failed > 0 ? `Apply finished with errors: ${done}; ${count(failed)} failed or skipped.` : `Apply complete: ${done}.`;
  }
  const t = totalTally(sections);
  const plan = `Plan: ${count(t.added)} to add, ${count(t.changed)} to change, ${count(t.removed)} to remove.`;
  return failed > 0 ? `${plan} ${count(failed)} failed or skipped.` : plan;
}

function footnotes(outcome: RunOutcome): string[] {
  const notes: string[] = [];
  if (outcome.mode === 'dry-run' && outcome.approvedPlan === undefined && outcome.fingerprints !== undefined) {
    const writes = plannedWrites(outcome.plan);
    if (writes > 0)
      notes.push(
        `Applying it takes ${counted(writes, 'write')} to Leapsome. Plan id ${shortPlanId(planId(outcome.plan, outcome.fingerprints))} (saved with --out, apply --plan-file shows the same id).`,
      );
  }
  const approved = outcome.approvedPlan;
  if (approved !== undefined) {
    const still = outcome.plan.users.length + outcome.plan.teams.length;
    notes.push(
      `Approved plan ${shortPlanId(approved.planId)}, made ${when(approved.plannedAt)}: ${counted(still, 'operation')} still matched Leapsome, ${count(approved.stale.length)} skipped because their Leapsome record changed since.`,
    );
  }
  if (outcome.requests !== null) {
    const r = outcome.requests;
    const seconds = (Date.parse(outcome.finishedAt) - Date.parse(outcome.startedAt)) / 1000;
    const took = Number.isFinite(seconds) ? `, ${seconds.toFixed(1)} s` : '';
    notes.push(`Requests: ${count(r.personio)} to Personio, ${count(r.leapsome)} to Leapsome (${count(r.leapsomeWrites)} writes)${took}.`);
  }
  return notes;
}

/** When each onboarding employee gets their account (`preboard-days`); counts only with summary-detail counts. */
function preboardLines(look: Look, outcome: RunOutcome, options: TerminalOptions): string[] {
  const entries = outcome.plan.preboarding;
  if (entries.length === 0) return [];
  const heading = paint(look, 'heading', `Pre-boarding (${counted(entries.length, 'onboarding employee')})`);
  if (options.detail === 'counts') {
    const tally = new Map<string, number>();
    for (const e of entries) tally.set(PREBOARD_STATE[e.state], (tally.get(PREBOARD_STATE[e.state]) ?? 0) + 1);
    return [heading, ...layout(look, [{ text: '  ' }], [{ text: [...tally].map(([state, n]) => `${state}: ${count(n)}`).join(', ') }], 2)];
  }
  const lines = entries.map((e) =>
    layout(
      look,
      [{ text: '  ' }],
      [
        {
          text: `${person(e.person)}: hire date ${e.hireDate ?? 'none'}, account from ${e.accountFrom ?? '—'}; ${PREBOARD_STATE[e.state]}`,
        },
      ],
      4,
    ),
  );
  return [heading, ...folded(look, lines, options.foldAfter ?? DEFAULT_FOLD_AFTER, options.full)];
}

/** The whole report for a terminal; lines end in "\n". */
export function renderTerminal(outcome: RunOutcome, options: TerminalOptions): string {
  const look: Look = { colour: options.colour, width: options.width };
  const muted = (text: string): string[] => layout(look, [], [{ text, style: 'muted' }], 0);
  const sections = planChanges(outcome.plan);
  const present = sections.filter((s) => s.entries.length > 0);
  const out: string[] = [];
  const planShown = options.planShown === true;
  if (!planShown) {
    out.push(...muted(`${outcome.approvedPlan === undefined ? '' : 'When the plan was made: '}${statsSentence(outcome.plan.stats)}`));
    const digest = digestLine(outcome);
    if (digest !== null) out.push(...muted(digest));
    const switchOver = switchOverText(outcome.plan, outcome.mode === 'applied', asTyped, 'the error lines below say so');
    if (switchOver !== null)
      out.push('', ...layout(look, [{ text: 'Switch-over:', style: 'heading' }, { text: ' ' }], [{ text: switchOver }], 2));
  }
  if (present.length > 0 && !planShown) {
    out.push('', ...layout(look, [], [{ text: intro(outcome) }], 0));
    for (const section of present) out.push('', ...sectionLines(look, section, options));
  }
  const preboarding = preboardLines(look, outcome, options);
  if (preboarding.length > 0) out.push('', ...preboarding);
  const list = options.detail === 'counts' ? problemCounts(outcome) : problems(outcome);
  if (list.length > 0) out.push('', ...problemLines(look, list, options));
  out.push('', ...layout(look, [], [{ text: closingLine(outcome, sections), style: 'heading' }], 0));
  for (const note of footnotes(outcome)) out.push(...muted(note));
  // After the plan was shown, the outcome starts right below the answer.
  return (planShown && out[0] === '' ? out.slice(1) : out).join('\n') + '\n';
}
