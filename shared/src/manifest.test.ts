// The module manifest schema: a full manifest parses with defaults; hostile input is refused
// with the field at fault named.
import { describe, expect, it } from 'vitest';
import { issuesFromZod } from './errors.ts';
import { moduleManifestSchema } from './manifest.ts';

const minimal = () => ({
  id: 'acme.clients',
  name: 'Clients',
  version: '1.2.3',
  remote: { name: 'clients', artifact: 'dist' },
});

const full = () => ({
  $schema: '../../shared/manifest.schema.json',
  id: 'acme.clients',
  name: '  Clients  ',
  version: '2.0.0-beta.1',
  description: 'Client management',
  remote: {
    name: 'acme_clients',
    entry: 'https://cdn.example.com/clients/remoteEntry.js',
    integrity: 'sha384-AbC+/9=',
  },
  routes: [
    { path: '/clients/:id', expose: './ClientDetail', title: 'Client', permissions: ['clients.read'] },
  ],
  navigation: [{ label: 'Clients', path: '/clients/:id', icon: 'users' }],
  requires: {
    shell: '^1.0.0',
    modules: { 'acme.core': '^1.2.0' },
    shared: { react: '^19.0.0', '@scope/ui-kit': '1.x' },
  },
  conflicts: { 'acme.legacy-clients': '*' },
  provides: ['clients.directory'],
  permissions: [{ id: 'clients.read', description: 'See clients' }],
  config: {
    type: 'object',
    properties: { pageSize: { type: 'integer', minimum: 5, maximum: 100, default: 25 } },
    required: ['pageSize'],
  },
  isolation: 'iframe',
  activation: { strategy: 'instant' },
});

/** The dotted paths of every problem the schema finds. */
function problems(input: unknown) {
  const r = moduleManifestSchema.safeParse(input);
  if (r.success) throw new Error('expected the manifest to be refused');
  return issuesFromZod(r.error);
}

function paths(input: unknown) {
  return problems(input).map((i) => i.path);
}

describe('moduleManifestSchema', () => {
  it('parses a full manifest and applies nested defaults', () => {
    const m = moduleManifestSchema.parse(full());
    expect(m.name).toBe('Clients');
    expect(m.remote).toEqual({
      name: 'acme_clients',
      format: 'esm',
      entry: 'https://cdn.example.com/clients/remoteEntry.js',
      entryFile: 'remoteEntry.js',
      integrity: 'sha384-AbC+/9=',
    });
    expect(m.navigation).toEqual([
      { label: 'Clients', path: '/clients/:id', icon: 'users', section: 'main', order: 100 },
    ]);
    expect(m.requires.shared).toEqual({ react: '^19.0.0', '@scope/ui-kit': '1.x' });
    expect(m.activation).toEqual({
      strategy: 'instant',
      steps: [1, 5, 25, 50, 100],
      interval: 300,
      health: { maxErrorRate: 0.05, minSamples: 20 },
    });
  });

  it('fills every default of a minimal manifest', () => {
    expect(moduleManifestSchema.parse(minimal())).toEqual({
      ...minimal(),
      description: '',
      remote: { name: 'clients', format: 'esm', artifact: 'dist', entryFile: 'remoteEntry.js' },
      routes: [],
      navigation: [],
      requires: { shell: '*', modules: {}, shared: {} },
      conflicts: {},
      provides: [],
      permissions: [],
      config: { type: 'object', properties: {} },
      isolation: 'none',
      activation: {
        strategy: 'gradual',
        steps: [1, 5, 25, 50, 100],
        interval: 300,
        health: { maxErrorRate: 0.05, minSamples: 20 },
      },
    });
  });

  it('names an unknown top-level field, including an own __proto__', () => {
    expect(problems({ ...minimal(), colour: 'red' })).toEqual([
      { path: 'colour', message: 'unknown field "colour"' },
    ]);
    const input = JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(minimal()).slice(1)}`);
    expect(paths(input)).toEqual(['__proto__']);
  });

  it('refuses prototype keys in requires.modules, requires.shared and conflicts', () => {
    const m = minimal();
    expect(
      paths(
        JSON.parse(JSON.stringify({ ...m, requires: { modules: { x: 1 } } }).replace('"x"', '"__proto__"')),
      ),
    ).toEqual(['requires.modules.__proto__']);
    expect(
      paths(JSON.parse(JSON.stringify({ ...m, conflicts: { x: '*' } }).replace('"x"', '"__proto__"'))),
    ).toEqual(['conflicts.__proto__']);
    expect(problems({ ...m, requires: { shared: { constructor: '*' } } })).toEqual([
      { path: 'requires.shared.constructor', message: 'the key "constructor" is not allowed' },
    ]);
    expect(paths({ ...m, config: JSON.parse('{"properties": {"__proto__": {"type": "string"}}}') })).toEqual([
      'config.properties.__proto__',
    ]);
    expect(paths({ ...m, config: { properties: { prototype: { type: 'string' } } } })).toEqual([
      'config.properties.prototype',
    ]);
  });

  it('refuses oversized text and records', () => {
    expect(problems({ ...minimal(), name: 'x'.repeat(100_000) })).toEqual([
      { path: 'name', message: 'must be at most 80 characters' },
    ]);
    expect(paths({ ...minimal(), name: 'a\u0000b' })).toEqual(['name']);
    const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`acme.m${i}`, '*']));
    expect(paths({ ...minimal(), conflicts: many })).toEqual(['conflicts']);
  });

  it('refuses a version that is not exact semver, and a bad module id', () => {
    expect(paths({ ...minimal(), version: '1.0' })).toEqual(['version']);
    expect(paths({ ...minimal(), version: 'v1.0.0' })).toEqual(['version']);
    expect(paths({ ...minimal(), id: 'Acme.Clients' })).toEqual(['id']);
    expect(paths({ ...minimal(), id: 'clients' })).toEqual(['id']);
    expect(paths({ ...minimal(), requires: { modules: { 'Acme.Core': '*' } } })).toEqual([
      'requires.modules.Acme.Core',
    ]);
    expect(paths({ ...minimal(), requires: { shell: 'not a range' } })).toEqual(['requires.shell']);
  });

  it.each([
    ['/../admin', 'is not allowed'],
    ['//evil.com', 'starting with one "/"'],
    ['/v1/x', '"/v1" is reserved'],
    ['/admin', '"/admin" is reserved'],
    ['/', 'belongs to the shell'],
    ['clients', 'starting with one "/"'],
    ['/Clients', 'is not allowed'],
  ])('refuses the route path %j', (path, message) => {
    const issues = problems({ ...minimal(), routes: [{ path, expose: './X', title: 'X' }] });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('routes.0.path');
    expect(issues[0]?.message).toContain(message);
  });

  it('refuses a route path declared twice, and navigation to a reserved path', () => {
    const route = { path: '/clients', expose: './X', title: 'X' };
    expect(paths({ ...minimal(), routes: [route, route] })).toEqual(['routes.1.path']);
    expect(paths({ ...minimal(), navigation: [{ label: 'x', path: '/admin/users' }] })).toEqual([
      'navigation.0.path',
    ]);
  });

  it.each([
    ['javascript:alert(1)', 'protocol "javascript:" is not allowed'],
    ['data:text/javascript,alert(1)', 'protocol "data:" is not allowed'],
    ['//evil.com/remoteEntry.js', 'must be an http(s) URL'],
    ['https://user:pw@cdn.example.com/x.js', 'must not carry credentials'],
  ])('refuses the remote entry %j', (entry, message) => {
    const issues = problems({ ...minimal(), remote: { name: 'clients', entry, integrity: 'sha256-abc=' } });
    expect(issues).toEqual([{ path: 'remote.entry', message: expect.stringContaining(message) }]);
  });

  it('refuses a remote with both entry and artifact, or an entry without integrity', () => {
    const entry = 'https://cdn.example.com/remoteEntry.js';
    expect(
      paths({ ...minimal(), remote: { name: 'c', entry, artifact: 'dist', integrity: 'sha256-abc=' } }),
    ).toEqual(['remote.artifact']);
    expect(paths({ ...minimal(), remote: { name: 'c', entry } })).toEqual(['remote.integrity']);
    expect(paths({ ...minimal(), remote: { name: 'c', entry, integrity: 'md5-abc' } })).toEqual([
      'remote.integrity',
    ]);
  });

  it('refuses an entry file that could leave the artifact folder', () => {
    for (const entryFile of ['../secret.js', 'a/../../b.js', './x.js', 'a//b.js']) {
      expect(paths({ ...minimal(), remote: { name: 'c', artifact: 'dist', entryFile } })).toEqual([
        'remote.entryFile',
      ]);
    }
    expect(
      moduleManifestSchema.parse({
        ...minimal(),
        remote: { name: 'c', artifact: 'd', entryFile: 'assets/re.js' },
      }).remote.entryFile,
    ).toBe('assets/re.js');
  });

  it('refuses a module that requires or conflicts with itself', () => {
    expect(paths({ ...minimal(), requires: { modules: { 'acme.clients': '*' } } })).toEqual([
      'requires.modules.acme.clients',
    ]);
    expect(paths({ ...minimal(), conflicts: { 'acme.clients': '*' } })).toEqual(['conflicts.acme.clients']);
  });

  it('refuses configuration schemas whose defaults or bounds contradict themselves', () => {
    const config = {
      type: 'object',
      properties: { pageSize: { type: 'integer', maximum: 10, default: 50 } },
    };
    expect(problems({ ...minimal(), config })).toEqual([
      { path: 'config.properties.pageSize.default', message: 'must be at most 10' },
    ]);
    const bounds = { properties: { s: { type: 'string', minLength: 5, maxLength: 2 } } };
    expect(paths({ ...minimal(), config: bounds })).toEqual(['config.properties.s.minLength']);
    expect(paths({ ...minimal(), config: { type: 'array' } })).toEqual(['config']);
    expect(paths({ ...minimal(), config: { properties: { a: { pattern: '(' } } } })).toEqual([
      'config.properties.a.pattern',
    ]);
  });
});
