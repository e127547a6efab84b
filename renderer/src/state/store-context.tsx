// Components read the store through this context; the store itself is built from the injected ApiClient.
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useApi } from '../api/api-context';
import { createAppStore, type AppState, type AppStore } from './store';

const StoreContext = createContext<AppStore | null>(null);

/** Provides `store` when given (tests), else builds one from the ApiClient in context. */
export function StoreProvider({ store, children }: { store?: AppStore; children: ReactNode }) {
  const api = useApi();
  const [own] = useState(() => store ?? createAppStore(api));
  return <StoreContext.Provider value={own}>{children}</StoreContext.Provider>;
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore() outside <StoreProvider>');
  return store;
}

/** Select a slice of state. Selectors must return stable values (primitives or stored references). */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
