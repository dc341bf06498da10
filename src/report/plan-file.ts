// The machine-readable record of a run: the plan and what became of it. The format (versioned,
// with a fingerprint per operation) lives in src/plan-file/; this keeps the report's entry point.
export { planDocument, writePlanFile, type PlanContext } from '../plan-file/document.js';
export { PLAN_FILE_VERSION } from '../plan-file/schema.js';
