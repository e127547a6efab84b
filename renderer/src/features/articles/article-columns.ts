// Article list columns (module scope so the table does not rebuild them each render).
import type { ColumnDef, SortingFn } from '@tanstack/react-table';
import type { ArticleSummary } from '../../../../shared/domain/types';
import { formatPublished } from '../../../../shared/domain/claims';
import { compareIsoKey, compareTextKey } from '../../lib/sort-keys';

const byText: SortingFn<ArticleSummary> = (a, b, id) =>
  compareTextKey(String(a.getValue(id)), String(b.getValue(id)));
const byIso: SortingFn<ArticleSummary> = (a, b, id) =>
  compareIsoKey(String(a.getValue(id)), String(b.getValue(id)));

export const articleColumns: ColumnDef<ArticleSummary>[] = [
  { id: 'title', header: 'Title', accessorFn: (r) => r.title, sortingFn: byText },
  { id: 'outlet', header: 'Outlet', accessorFn: (r) => r.outlet.name, sortingFn: byText },
  {
    id: 'published',
    header: 'Published',
    // Undated rows stay at the bottom in both directions.
    accessorFn: (r) => r.published ?? undefined,
    sortUndefined: 'last',
    sortingFn: byIso,
    sortDescFirst: true,
    cell: (info) => formatPublished((info.getValue() as string | undefined) ?? null),
  },
  {
    id: 'language',
    header: 'Lang',
    accessorFn: (r) => r.language ?? undefined,
    sortUndefined: 'last',
    sortingFn: byText,
  },
  {
    id: 'claims',
    header: 'Claims',
    accessorFn: (r) => r.claimCount,
    sortingFn: 'basic',
    sortDescFirst: true,
  },
];
