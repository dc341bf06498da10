// Plain-text sentences the renderers share (job summary, terminal, annotations): numbers and names
// only, no markup, so each renderer escapes or styles them its own way.
import type { PlanStats, SupervisorCycle } from '../domain/plan.js';

/** `1 team`, `3 teams`; `shown` is how the number is written (e.g. with thousands separators). */
export function plural(n: number, one: string, many = `${one}s`, shown = String(n)): string {
  return `${shown} ${n === 1 ? one : many}`;
}

/** Who was read and who is in scope: numbers only. */
export function statsSentence(s: PlanStats): string {
  return `Personio: ${s.employees} employees, ${s.inScope} in scope, ${s.excluded} excluded. Leapsome: ${plural(s.managedUsers, 'user')} and ${plural(s.managedTeams, 'team')} managed by this sync, ${plural(s.unmanagedUsers, 'other user')} and ${plural(s.unmanagedTeams, 'other team')} left alone.`;
}

/** `Anna Weber (1007) → Jonas Klein (1012) → Anna Weber (1007)`: the loop, back to its start. */
export function cycleText(cycle: SupervisorCycle): string {
  const [first] = cycle.chain;
  return [...cycle.chain, ...(first === undefined ? [] : [first])].map((p) => `${p.name} (${p.employeeId ?? '?'})`).join(' → ');
}
