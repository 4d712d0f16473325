// The shell is a Module Federation host with no build-time remotes: modules are registered at
// run time from the resolved manifest (src/modules/module-loader.ts). The shared singletons
// below are provided by the shell, so remotes never load their own copies.
import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const singleton = (requiredVersion: string) => ({ singleton: true, requiredVersion });

export default defineConfig({
  base: '/',
  plugins: [
    react(),
    federation({
      name: 'plugboard_shell',
      remotes: {},
      shared: {
        react: singleton('^19.0.0'),
        'react-dom': singleton('^19.0.0'),
        'react-dom/client': singleton('^19.0.0'),
        'react/jsx-runtime': singleton('^19.0.0'),
        'react-router': singleton('^7.0.0'),
        zustand: singleton('^5.0.0'),
        '@plugboard/sdk': singleton('^1.0.0'),
      },
      dts: false,
    }),
  ],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // @plugboard/shared is pure (no side effects at import): let the bundle keep only what the
      // shell uses (the failure codes), not every zod schema and zod itself.
      treeshake: {
        moduleSideEffects: (id: string) => (/[\\/]shared[\\/]src[\\/]/.test(id) ? false : undefined),
      },
    },
  },
});
