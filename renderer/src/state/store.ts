// createAppStore(api) builds a fresh store per app (and per test) with the API client injected.
import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../../shared/api/contract';
import type { AppState } from './store-types';
import { createArticlesSlice } from '../features/articles/articles-slice';
import { createReaderSlice } from '../features/reader/reader-slice';
import { createClaimsSlice } from '../features/claims/claims-slice';
import { createUiSlice } from './slices/ui';
import { createImportSlice } from '../features/import/import-slice';
import { createUndoSlice } from './slices/undo';
import { createSettingsSlice } from '../features/settings/settings-slice';

export function createAppStore(api: ApiClient) {
  return createStore<AppState>()((set, get) => ({
    ...createUiSlice(set, get, api),
    ...createArticlesSlice(set, get, api),
    ...createReaderSlice(set, get, api),
    ...createClaimsSlice(set, get, api),
    ...createImportSlice(set, get, api),
    ...createUndoSlice(set, get, api),
    ...createSettingsSlice(set, get, api),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
export type { AppState } from './store-types';
