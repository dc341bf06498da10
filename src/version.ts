/** The action's version, recorded in snapshots and plan files (kept equal to package.json by a test). */
export const ACTION_VERSION = '0.1.0';
