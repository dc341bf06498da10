// What a run actually sent, read from the sandbox's request log (the server's view, not ours).
import type { RequestLogEntry } from '../sandbox/index.js';
import type { WriteCounts } from './minimum.js';

export interface Traffic {
  readonly personioPages: number;
  /** Auth and attribute check. */
  readonly personioOverhead: number;
  /** Unfiltered GET /Users and GET /Groups. */
  readonly scimListPages: number;
  /** Filtered or by-id GETs: lookups after unknown outcomes or `201 {}`. */
  readonly scimLookups: number;
  readonly writes: WriteCounts;
  /** Leapsome writes of another kind (should be none). */
  readonly otherWrites: number;
  /** Answered 429 by the sandbox's rate limiter: the client went over a documented limit. */
  readonly rateLimited: number;
  /** First request's arrival to the last response, in ms. */
  readonly activeMs: number;
  readonly firstAt: number | null;
}

export function measureTraffic(entries: readonly RequestLogEntry[]): Traffic {
  const writes: WriteCounts = { postUsers: 0, patchUsers: 0, postGroups: 0, patchGroups: 0 };
  let personioPages = 0;
  let personioOverhead = 0;
  let scimListPages = 0;
  let scimLookups = 0;
  let otherWrites = 0;
  let rateLimited = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const e of entries) {
    first = Math.min(first, e.at);
    last = Math.max(last, e.at + e.durationMs);
    if (e.fault === 'rateLimit') rateLimited++;
    const key = `${e.method} ${e.route}`;
    if (e.api === 'personio') {
      if (key === 'GET /v1/company/employees') personioPages++;
      else personioOverhead++;
      continue;
    }
    switch (key) {
      case 'GET /Users':
      case 'GET /Groups':
        if (e.query.filter === undefined) scimListPages++;
        else scimLookups++;
        break;
      case 'GET /Users/:id':
      case 'GET /Groups/:id':
        scimLookups++;
        break;
      case 'POST /Users':
        writes.postUsers++;
        break;
      case 'PATCH /Users/:id':
        writes.patchUsers++;
        break;
      case 'POST /Groups':
        writes.postGroups++;
        break;
      case 'PATCH /Groups/:id':
        writes.patchGroups++;
        break;
      default:
        otherWrites++;
    }
  }
  const any = entries.length > 0;
  return {
    personioPages,
    personioOverhead,
    scimListPages,
    scimLookups,
    writes,
    otherWrites,
    rateLimited,
    activeMs: any ? Math.round(last - first) : 0,
    firstAt: any ? first : null,
  };
}
