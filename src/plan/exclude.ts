// Exclude rules take employees out of the sync entirely. Compiled once so that checking 20,000
// employees costs a Set lookup per id/department rule and one glob match per email rule.
import type { Employee, ExcludeRule } from '../domain/types.js';
import { globMatch } from './glob.js';

export type ExcludeMatcher = (employee: Employee) => boolean;

export function compileExclude(rules: readonly ExcludeRule[]): ExcludeMatcher {
  const ids = new Set<string>();
  const departments = new Set<string>();
  const globs: string[] = [];
  for (const rule of rules) {
    if (rule.kind === 'id') ids.add(rule.id.trim());
    else if (rule.kind === 'department') departments.add(rule.name.trim().toLowerCase());
    else globs.push(rule.glob.trim().toLowerCase());
  }
  return (employee) => {
    if (ids.has(employee.id)) return true;
    const department = employee.org.department;
    if (department !== null && departments.has(department.name.trim().toLowerCase())) return true;
    if (employee.email === null || globs.length === 0) return false;
    const email = employee.email.toLowerCase();
    return globs.some((glob) => globMatch(glob, email));
  };
}
