import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served over HTTP by the host and over the app:// protocol by Electron, never file://.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
});
