// Navigation built from every module's navigation entries.
import { useMemo } from 'react';
import { NavLink } from 'react-router';
import { useShellStore } from '../manifest/shell-store.ts';
import { groupNavigation, MAIN_SECTION, sectionTitle } from '../navigation/nav-groups.ts';

export function Sidebar() {
  const modules = useShellStore((s) => s.manifest?.modules);
  const sections = useMemo(() => groupNavigation(modules ?? []), [modules]);
  return (
    <nav className="pb-nav" data-testid="nav" aria-label="Modules">
      <NavLink to="/" end className="pb-nav-link" data-testid="nav-home">
        Home
      </NavLink>
      {sections.map(({ section, items }) => (
        <div key={section} className="pb-nav-section" data-section={section}>
          {section === MAIN_SECTION ? null : <h3 className="pb-nav-title">{sectionTitle(section)}</h3>}
          {items.map((item) => (
            <NavLink
              key={`${item.moduleId}|${item.path}|${item.label}`}
              to={item.path}
              className="pb-nav-link"
              data-testid="nav-link"
              data-module-id={item.moduleId}
            >
              {item.label}
            </NavLink>
          ))}
        </div>
      ))}
    </nav>
  );
}
