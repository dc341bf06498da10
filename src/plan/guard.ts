// The deactivation guard: a broken Personio response must not lock out half the company. The
// planner only measures; the applier refuses to write when it is exceeded.
import type { DeactivationGuard } from '../domain/plan.js';
import type { Threshold } from '../domain/types.js';

export function deactivationGuard(base: number, planned: number, threshold: Threshold): DeactivationGuard {
  const limit = threshold.kind === 'count' ? Math.floor(threshold.value) : Math.floor((base * threshold.value) / 100);
  return { base, limit, planned, exceeded: planned > limit };
}
