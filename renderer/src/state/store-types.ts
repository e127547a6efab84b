// The store is one zustand store made of typed slices; this file holds the shapes they share.
import type { StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../shared/api/contract';
import type { ArticlesSlice } from '../features/articles/articles-slice';
import type { ReaderSlice } from '../features/reader/reader-slice';
import type { ClaimsSlice } from '../features/claims/claims-slice';
import type { UiSlice } from './slices/ui';
import type { ImportSlice } from '../features/import/import-slice';
import type { UndoSlice } from './slices/undo';
import type { SettingsSlice } from '../features/settings/settings-slice';

export type AppState = ArticlesSlice &
  ReaderSlice &
  ClaimsSlice &
  UiSlice &
  ImportSlice &
  UndoSlice &
  SettingsSlice;

export type SetState = StoreApi<AppState>['setState'];
export type GetState = () => AppState;

/** Every slice is built from the same three things, so slices can call each other's actions through get(). */
export type SliceCreator<T> = (set: SetState, get: GetState, api: ApiClient) => T;

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** A column sort as @tanstack/react-table keeps it; kept in the store so it survives view switches. */
export type SortState = Array<{ id: string; desc: boolean }>;
