// zod at the boundary: validate a response body and describe failures by field path only, so that
// reasons can be shown in reports without leaking the values that failed.

import type { z } from 'zod';
import { issueLines } from '../shared/zod-issues.js';
import { ResponseShapeError, type ApiName } from './errors.js';

export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown, api: ApiName, endpoint: string): z.output<Schema> {
  const result = schema.safeParse(body);
  if (!result.success) throw new ResponseShapeError(api, endpoint, describeIssues(result.error));
  return result.data;
}

/** "attributes.status.value: expected one of active|inactive" style text for the first few issues. */
export function describeIssues(error: z.ZodError, maxIssues = 3): string {
  const { lines, more } = issueLines(error, { max: maxIssues, message: describeIssue });
  return more > 0 ? `${lines.join('; ')} (+${more} more)` : lines.join('; ');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join('|')}`;
    case 'invalid_type':
      return /received undefined$/.test(issue.message) ? `missing (expected ${issue.expected})` : `expected ${issue.expected}`;
    default:
      return issue.message;
  }
}
