import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('../..', import.meta.url));
// `npm run console:dev`: the app with hot reload, the API from a running gateway (npm start).
const gateway = process.env.CONSOLE_GATEWAY_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: `${repository}dist/console`,
    emptyOutDir: true,
    sourcemap: true,
    // Below the default warning: the bundle is one app for desktop and phone, split by library for caching.
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: Number(process.env.CONSOLE_DEV_PORT ?? 5173),
    strictPort: true,
    proxy: {
      '/graphql': gateway,
      '/api': gateway,
      '/ops': gateway,
      '/console/auth': gateway,
      '/invitations': gateway,
    },
  },
});
