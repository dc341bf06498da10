export { canonicalJson, planId, shortPlanId } from './plan-id.js';
export { parsePlanFile, PlanFileError, readPlanFile, type ApprovedPlan } from './read.js';
export { PLAN_FILE_TOOL, PLAN_FILE_VERSION, planDocumentSchema, type PlanDocument } from './schema.js';
export { writePlanFile } from './write.js';
