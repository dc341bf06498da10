// The planner's public surface.
export { planSync } from './planner.js';
export type { PlanInput } from './planner.js';
export { globMatch } from './glob.js';
export { teamExternalId } from './teams.js';
