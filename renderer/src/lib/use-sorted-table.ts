// The one set-up of a sortable table (the article list and the claims table): rows keyed by id, sorted by the
// store's sorting state, which the header clicks change.
import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';

export function useSortedTable<T extends { id: string }>(
  data: T[],
  columns: ColumnDef<T>[],
  sorting: SortingState,
  /** The store's current sorting (read at the click, not at render) and its setter. */
  store: { get(): SortingState; set(next: SortingState): void },
) {
  return useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: (u: Updater<SortingState>) => store.set(typeof u === 'function' ? u(store.get()) : u),
    getRowId: (r) => r.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
}
