import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Paths are derived from this file's URL (not process.cwd()) so the build works from any folder:
// `npx vite build --config tab/vite.config.ts` from the repository root is the usual way.
const here = (relative: string) => decodeURIComponent(new URL(relative, import.meta.url).pathname);

const API_TARGET = 'http://127.0.0.1:3978';

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    // The tab may import only the wire contracts from the server code; the alias makes that one
    // allowed path explicit (see tsconfig.json "paths").
    alias: { '@contracts': here('../src/contracts/index.ts') },
  },
  build: {
    outDir: here('../dist/tab'),
    emptyOutDir: true,
    sourcemap: true,
    // Admin and chat are split out with React.lazy; the budget warning guards the initial chunk.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Shared chunks are otherwise named after whichever module came first ("Caption1", "error-bar").
        chunkFileNames: (chunk) => {
          if (chunk.moduleIds.some((id) => id.includes('@microsoft/teams-js')))
            return 'assets/teams-js-[hash].js';
          return chunk.isDynamicEntry ? 'assets/[name]-[hash].js' : 'assets/shared-[hash].js';
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      // Everything under /api goes to the Chorus server, except the tab's own source files: the
      // dev server serves tab/api/*.ts at /api/*.ts too. (A key starting with ^ is a RegExp.)
      [String.raw`^/api/(?!.*\.(?:[cm]?[jt]sx?|map)(?:\?|$))`]: { target: API_TARGET, changeOrigin: false },
    },
  },
  preview: {
    proxy: { '/api': { target: API_TARGET, changeOrigin: false } },
  },
});
