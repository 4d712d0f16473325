// Builds the clients module as a Module Federation remote (ES module remoteEntry.js).
// `base: './'` keeps every chunk and CSS URL relative to remoteEntry.js, so dist/ can be
// served from any folder (the server hosts it at /artifacts/<hash>/).
import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  plugins: [
    react(),
    federation({
      name: 'plugboard_clients',
      filename: 'remoteEntry.js',
      exposes: {
        './ClientList': './src/ClientList.tsx',
        './ClientDetail': './src/ClientDetail.tsx',
      },
      // Must match what the shell shares; the host's copies win, ours are only fallbacks.
      shared: {
        react: { singleton: true, requiredVersion: '^19.0.0' },
        'react-dom': { singleton: true, requiredVersion: '^19.0.0' },
        'react/jsx-runtime': { singleton: true, requiredVersion: '^19.0.0' },
        '@plugboard/sdk': { singleton: true, requiredVersion: '^1.0.0' },
      },
      manifest: true,
      dts: false,
    }),
  ],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // manifest: true makes the plugin turn on Vite's manifest, by default at .vite/manifest.json;
    // a dot-folder is refused by the artifact upload, so keep it at the top level.
    manifest: 'vite-manifest.json',
  },
});
