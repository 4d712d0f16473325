// Install and removal checks: shell and shared ranges, dependencies, conflicts, dependents.
import { describe, expect, it } from 'vitest';
import { type CompatibilityManifest, checkInstall, checkRemoval, type Environment } from './compatibility.ts';

function mod(
  id: string,
  version: string,
  extra: {
    shell?: string;
    modules?: Record<string, string>;
    shared?: Record<string, string>;
    conflicts?: Record<string, string>;
  } = {},
): CompatibilityManifest {
  return {
    id,
    version,
    requires: { shell: extra.shell ?? '*', modules: extra.modules ?? {}, shared: extra.shared ?? {} },
    conflicts: extra.conflicts ?? {},
  };
}

const env: Environment = { shellVersion: '1.0.0', shared: { react: '19.1.0', 'react-dom': '19.1.0' } };

describe('checkInstall', () => {
  it('accepts a module whose every requirement is met', () => {
    const core = mod('acme.core', '1.4.0');
    const candidate = mod('acme.clients', '2.0.0', {
      shell: '^1.0.0',
      shared: { react: '^19.0.0' },
      modules: { 'acme.core': '^1.2.0' },
      conflicts: { 'acme.legacy': '*' },
    });
    expect(checkInstall(candidate, [core], env)).toEqual([]);
  });

  it('reports a shell range the shell does not satisfy', () => {
    expect(checkInstall(mod('acme.clients', '1.0.0', { shell: '^2.0.0' }), [], env)).toEqual([
      {
        code: 'SHELL_RANGE',
        module: 'acme.clients',
        field: 'requires.shell',
        message: 'requires shell ^2.0.0, but this shell is 1.0.0',
      },
    ]);
  });

  it('reports shared singletons out of range or not provided', () => {
    const c = mod('acme.clients', '1.0.0', {
      shared: { react: '^18.0.0', zustand: '^4.0.0', 'react-dom': '>=19' },
    });
    expect(checkInstall(c, [], env)).toEqual([
      {
        code: 'SHARED_RANGE',
        module: 'acme.clients',
        field: 'requires.shared.react',
        message: 'requires react ^18.0.0, but this shell provides 19.1.0',
      },
      {
        code: 'SHARED_RANGE',
        module: 'acme.clients',
        field: 'requires.shared.zustand',
        message: 'requires zustand ^4.0.0, which this shell does not provide',
      },
    ]);
  });

  it('reports missing dependencies and dependencies at the wrong version', () => {
    const c = mod('acme.reports', '1.0.0', { modules: { 'acme.core': '^1.2.0', 'acme.clients': '^2.0.0' } });
    expect(checkInstall(c, [mod('acme.clients', '1.9.0')], env)).toEqual([
      {
        code: 'DEPENDENCY_RANGE',
        module: 'acme.reports',
        field: 'requires.modules.acme.clients',
        message: 'requires acme.clients ^2.0.0, but acme.clients 1.9.0 is installed',
      },
      {
        code: 'MISSING_DEPENDENCY',
        module: 'acme.reports',
        field: 'requires.modules.acme.core',
        message: 'requires acme.core ^1.2.0, which is not installed for this tenant',
      },
    ]);
  });

  it('counts prereleases as satisfying ranges', () => {
    const c = mod('acme.reports', '1.0.0', { modules: { 'acme.core': '^2.0.0-0' }, shell: '>=1.0.0-0' });
    expect(checkInstall(c, [mod('acme.core', '2.1.0-beta.1')], env)).toEqual([]);
  });

  it('reports conflicts declared by either side', () => {
    const legacy = mod('acme.legacy', '1.5.0', { conflicts: { 'acme.clients': '>=2.0.0' } });
    const candidate = mod('acme.clients', '2.0.0', { conflicts: { 'acme.legacy': '^1.0.0' } });
    expect(checkInstall(candidate, [legacy], env)).toEqual([
      {
        code: 'CONFLICT',
        module: 'acme.clients',
        field: 'conflicts.acme.legacy',
        message: 'conflicts with acme.legacy ^1.0.0, and acme.legacy 1.5.0 is installed',
      },
      {
        code: 'CONFLICT',
        module: 'acme.legacy',
        field: 'conflicts.acme.clients',
        message: 'acme.legacy 1.5.0 conflicts with acme.clients >=2.0.0, which includes 2.0.0',
      },
    ]);
    expect(
      checkInstall(mod('acme.clients', '1.0.0', { conflicts: { 'acme.legacy': '^2.0.0' } }), [legacy], env),
    ).toEqual([]);
  });

  it('reports installed modules the new version would break', () => {
    const reports = mod('acme.reports', '3.0.0', { modules: { 'acme.clients': '^1.0.0' } });
    expect(checkInstall(mod('acme.clients', '2.0.0'), [mod('acme.clients', '1.0.0'), reports], env)).toEqual([
      {
        code: 'DEPENDENT_BROKEN',
        module: 'acme.reports',
        field: 'requires.modules.acme.clients',
        message: 'acme.reports 3.0.0 requires acme.clients ^1.0.0, which 2.0.0 does not satisfy',
      },
    ]);
    expect(checkInstall(mod('acme.clients', '1.3.0'), [reports], env)).toEqual([]);
  });

  it('ignores the installed release the candidate replaces', () => {
    const old = mod('acme.clients', '1.0.0', { conflicts: { 'acme.clients': '*' } });
    expect(
      checkInstall(mod('acme.clients', '2.0.0', { modules: { 'acme.clients': '*' } }), [old], env),
    ).toEqual([
      {
        code: 'MISSING_DEPENDENCY',
        module: 'acme.clients',
        field: 'requires.modules.acme.clients',
        message: 'requires acme.clients *, which is not installed for this tenant',
      },
    ]);
  });

  it('never takes Object.prototype members for declarations', () => {
    const c = mod('acme.clients', '1.0.0', { shared: { constructor: '*' } });
    expect(checkInstall(c, [], { shellVersion: '1.0.0', shared: {} })[0]?.message).toBe(
      'requires constructor *, which this shell does not provide',
    );
  });
});

describe('checkRemoval', () => {
  it('reports the modules that require the one being removed', () => {
    const installed = [
      mod('acme.reports', '1.0.0', { modules: { 'acme.clients': '^1.0.0' } }),
      mod('acme.clients', '1.0.0'),
      mod('acme.analytics', '2.0.0', { modules: { 'acme.clients': '*' } }),
      mod('acme.other', '1.0.0', { modules: { 'acme.core': '*' } }),
    ];
    expect(checkRemoval('acme.clients', installed)).toEqual([
      {
        code: 'DEPENDENT_BROKEN',
        module: 'acme.analytics',
        field: 'requires.modules.acme.clients',
        message: 'acme.analytics 2.0.0 requires acme.clients *, which would no longer be installed',
      },
      {
        code: 'DEPENDENT_BROKEN',
        module: 'acme.reports',
        field: 'requires.modules.acme.clients',
        message: 'acme.reports 1.0.0 requires acme.clients ^1.0.0, which would no longer be installed',
      },
    ]);
    expect(checkRemoval('acme.reports', installed)).toEqual([]);
  });
});
