// The planner's public surface.
export { planSync } from './plan.js';
export type { PlanInput } from './plan.js';
export { globMatch } from './glob.js';
export { teamExternalId } from './teams.js';
