// Claims table columns (module scope so the table does not rebuild them each render).
import type { ColumnDef, SortingFn } from '@tanstack/react-table';
import { STANCES, type ClaimSummary } from '../../../../shared/domain/types';
import { compareTextKey } from '../../lib/sort-keys';

const byText: SortingFn<ClaimSummary> = (a, b, id) =>
  compareTextKey(String(a.getValue(id)), String(b.getValue(id)));

export const claimColumns: ColumnDef<ClaimSummary>[] = [
  { id: 'text', header: 'Claim', accessorFn: (r) => r.text, sortingFn: byText },
  {
    id: 'speaker',
    header: 'Speaker',
    accessorFn: (r) => r.speaker || undefined,
    sortUndefined: 'last',
    sortingFn: byText,
  },
  ...STANCES.map((s): ColumnDef<ClaimSummary> => ({
    id: s,
    header: s,
    accessorFn: (r) => r.counts[s],
    sortingFn: 'basic',
    sortDescFirst: true,
  })),
  {
    id: 'sources',
    header: 'Sources',
    accessorFn: (r) => r.sourceCount,
    sortingFn: 'basic',
    sortDescFirst: true,
  },
];

export const isStanceColumn = (id: string): boolean => (STANCES as readonly string[]).includes(id);
