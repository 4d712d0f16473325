// The server checks modules' shared-singleton ranges against SHELL_ENVIRONMENT; it must describe
// what this shell really ships.
import { readFileSync } from 'node:fs';
import { SHELL_ENVIRONMENT } from '@plugboard/shared';
import { describe, expect, it } from 'vitest';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

describe('SHELL_ENVIRONMENT', () => {
  it('lists the versions of the singletons the shell shares', () => {
    const shell = read('../package.json');
    const sdk = read('../../sdk/package.json');
    for (const pkg of ['react', 'react-dom', 'react-router', 'zustand']) {
      expect(SHELL_ENVIRONMENT.shared[pkg], pkg).toBe(shell.dependencies[pkg]);
    }
    expect(SHELL_ENVIRONMENT.shared['@plugboard/sdk']).toBe(sdk.version);
  });
});
