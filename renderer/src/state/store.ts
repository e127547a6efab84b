// createAppStore(api) builds a fresh store per app (and per test) with the API client injected.
import { createStore } from 'zustand/vanilla';
import type { ApiClient } from '../../../shared/api/contract';
import type { AppState } from './store-types';
import { createArticlesSlice } from './slices/articles';
import { createReaderSlice } from './slices/reader';
import { createClaimsSlice } from './slices/claims';
import { createUiSlice } from './slices/ui';
import { createImportSlice } from './slices/import';
import { createUndoSlice } from './slices/undo';
import { createSettingsSlice } from './slices/settings';

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
