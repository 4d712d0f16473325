import { describe, expect, it } from 'vitest';
import { fakeModule } from '../test-fixtures.ts';
import { moduleRoutes } from './module-routes.ts';

describe('moduleRoutes', () => {
  it('yields one entry per route with stable keys', () => {
    const clients = fakeModule('acme.clients', '1.2.0', {
      routes: [
        { path: '/clients', expose: './ClientList', title: 'Clients' },
        { path: '/clients/:id', expose: './ClientDetail', title: 'Client' },
      ],
    });
    const routes = moduleRoutes([clients]);
    expect(routes.map((r) => [r.path, r.hostKey])).toEqual([
      ['/clients', 'acme.clients@1.2.0./ClientList'],
      ['/clients/:id', 'acme.clients@1.2.0./ClientDetail'],
    ]);
    expect(routes[0]?.module).toBe(clients);
  });

  it('keeps the first claim of a path and never takes "/"', () => {
    const a = fakeModule('acme.a', '1.0.0', { routes: [{ path: '/x', expose: './A', title: 'A' }] });
    const b = fakeModule('acme.b', '1.0.0', {
      routes: [
        { path: '/x', expose: './B', title: 'B' },
        { path: '/', expose: './B', title: 'B' },
      ],
    });
    expect(moduleRoutes([a, b]).map((r) => r.module.id)).toEqual(['acme.a']);
  });

  it('changes the host key when the release changes', () => {
    const [v1] = moduleRoutes([fakeModule('acme.a', '1.0.0')]);
    const [v2] = moduleRoutes([fakeModule('acme.a', '1.1.0')]);
    expect(v1?.hostKey).not.toBe(v2?.hostKey);
  });
});
