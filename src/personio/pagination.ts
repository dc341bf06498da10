// Paging rules for v1 GET /company/employees
// (https://developer.personio.de/docs/pagination-adoption-guide-for-v1-get-employees-endpoint):
// `offset` is a record index, not a page
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
  const total = meta?.total_elements ?? (meta?.total_pages != null ? meta.total_pages * step : null);
  if (total === null) return [];
  const offsets: number[] = [];
  for (let offset = first.offset + step; offset < total; offset += step) offsets.push(offset);
  return offsets;
}

/** A fetched page with the Personio ids of its records (null for a record without a readable id). */
export interface ListedPage extends FetchedPage {
  readonly ids: readonly (string | null)[];
}

/**
 * Why a read of the whole listing cannot be trusted to show everyone, or null. Offset pages shift
 * when someone is hired or removed while they are read (a record is then read twice, or never),
 * and a proxy may drop a record: the total moves between pages, an id repeats, a page that is not
 * the last comes back short, or fewer records arrive than the total announced.
 */
export function listingProblem(pages: readonly ListedPage[]): string | null {
  const sorted = [...pages].sort((a, b) => a.offset - b.offset);
  const first = sorted[0];
  if (first === undefined) return null;
  const total = first.page.metadata?.total_elements ?? null;
  for (const page of sorted) {
    const pageTotal = page.page.metadata?.total_elements ?? null;
    if (pageTotal !== total)
      return `the total changed from ${String(total)} to ${String(pageTotal)} while the list was read (someone was added or removed meanwhile)`;
  }
  const seenAt = new Map<string, number>();
  for (const page of sorted) {
    for (const id of page.ids) {
      if (id === null) continue;
      const at = seenAt.get(id);
      if (at !== undefined)
        return `employee ${id} came back twice (on the pages at offsets ${at} and ${page.offset}), so the pages shifted while they were read`;
      seenAt.set(id, page.offset);
    }
  }
  const step = first.page.size;
  for (const page of sorted.slice(0, -1)) {
    if (page.page.size < step) return `the page at offset ${page.offset} held ${page.page.size} records where ${step} were expected`;
  }
  const read = sorted.reduce((sum, page) => sum + page.page.size, 0);
  if (total !== null && read !== total) return `${read} records arrived, but Personio announced ${total}`;
  return null;
}
