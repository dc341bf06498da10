import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PlanDocument } from './schema.js';

/** Writes a plan document (report/plan-file.ts renders one from a run) as indented JSON. */
export async function writePlanFile(path: string, document: PlanDocument): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(document, null, 2) + '\n', 'utf8');
}
