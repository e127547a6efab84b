// The app with its dependencies injected: the API client, and optionally a prepared store (tests).
import type { ApiClient } from '../../../shared/api/contract';
import { ApiProvider } from '../api/api-context';
import { StoreProvider } from '../state/store-context';
import type { AppStore } from '../state/store';
import { App } from './App';

export function Workbench({ client, store }: { client: ApiClient; store?: AppStore }) {
  return (
    <ApiProvider client={client}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </ApiProvider>
  );
}
