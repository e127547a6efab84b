// Entry point: pick the transport for this shell and mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickClient } from './api/pick-client';
import { Workbench } from './app/Workbench';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <Workbench client={pickClient(window, document)} />
  </StrictMode>,
);
