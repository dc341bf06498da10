// Paging rules for v1 GET /company/employees (docs §2.2): `offset` is a record index, not a page
// number, and `current_page` is 0-based. Time-offs differ, so this is not a shared helper.

import type { EmployeesPage } from './wire.js';

/** What paging needs to know of a page; the records themselves are parsed and dropped at once. */
export interface FetchedPage {
  readonly offset: number;
  readonly page: Pick<EmployeesPage, 'metadata' | 'limit'> & { readonly size: number };
}

/**
 * True when nothing follows this page: empty data, last page number, or total reached. Without
 * metadata, a page shorter than the echoed `limit` is the last one.
 */
export function isLastPage({ offset, page }: FetchedPage): boolean {
  if (page.size === 0) return true;
  const meta = page.metadata;
  if (meta?.total_pages != null && meta.current_page != null && meta.current_page >= meta.total_pages - 1) return true;
  if (meta?.total_elements != null && offset + page.size >= meta.total_elements) return true;
  const hasTotals = meta?.total_elements != null || meta?.total_pages != null;
  return !hasTotals && page.limit != null && page.size < page.limit;
}

/**
 * Offsets of the pages after the first, as far as the first page's metadata tells. A page that is
 * not the last is full, so its length is the effective page size even if the server capped `limit`.
 */
export function remainingOffsets(first: FetchedPage): number[] {
  if (isLastPage(first)) return [];
  const step = first.page.size;
  const meta = first.page.metadata;
  const total =
    meta?.total_elements ?? (meta?.total_pages != null ? meta.total_pages * step : null);
  if (total === null) return [];
  const offsets: number[] = [];
  for (let offset = first.offset + step; offset < total; offset += step) offsets.push(offset);
  return offsets;
}
