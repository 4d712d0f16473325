import { describe, expect, it } from 'vitest';
import { fakeModule } from '../test-fixtures.ts';
import { groupNavigation, sectionTitle } from './nav-groups.ts';

const nav = (label: string, path: string, section: string, order: number) => ({
  label,
  path,
  section,
  order,
});

describe('groupNavigation', () => {
  it('groups by section with main first and sorts by order then label', () => {
    const modules = [
      fakeModule('acme.clients', '1.0.0', {
        navigation: [
          nav('Clients', '/clients', 'main', 20),
          nav('Client admin', '/clients/admin', 'admin', 1),
        ],
      }),
      fakeModule('acme.analytics', '1.0.0', {
        navigation: [nav('Dashboard', '/analytics', 'main', 10), nav('Billing', '/billing', 'main', 20)],
      }),
      fakeModule('acme.reports', '1.0.0', { navigation: [nav('Reports', '/reports', 'analysis', 5)] }),
    ];
    const sections = groupNavigation(modules);
    expect(sections.map((s) => s.section)).toEqual(['main', 'admin', 'analysis']);
    expect(sections[0]?.items.map((i) => i.label)).toEqual(['Dashboard', 'Billing', 'Clients']);
    expect(sections[0]?.items[2]).toEqual({
      label: 'Clients',
      path: '/clients',
      order: 20,
      moduleId: 'acme.clients',
    });
  });

  it('returns nothing for modules without navigation', () => {
    expect(groupNavigation([fakeModule('acme.x')])).toEqual([]);
  });
});

describe('sectionTitle', () => {
  it('turns an id into a title', () => {
    expect(sectionTitle('reports-and-stats')).toBe('Reports and stats');
  });
});
