// The sidebar's shape: every module's navigation entries, grouped by section, sorted by order.
import type { ResolvedModule } from '@plugboard/shared';

export type NavItem = { label: string; path: string; icon?: string; order: number; moduleId: string };
export type NavSection = { section: string; items: NavItem[] };

export const MAIN_SECTION = 'main';

/** Sections: "main" first, then alphabetical; items by order, then label, then path. */
export function groupNavigation(modules: readonly ResolvedModule[]): NavSection[] {
  const bySection = new Map<string, NavItem[]>();
  for (const m of modules) {
    for (const entry of m.navigation) {
      const section = entry.section || MAIN_SECTION;
      const item: NavItem = {
        label: entry.label,
        path: entry.path,
        order: entry.order ?? 100,
        moduleId: m.id,
      };
      if (entry.icon) item.icon = entry.icon;
      const items = bySection.get(section) ?? [];
      items.push(item);
      bySection.set(section, items);
    }
  }
  return [...bySection.entries()]
    .sort(([a], [b]) => (a === MAIN_SECTION ? -1 : b === MAIN_SECTION ? 1 : a.localeCompare(b)))
    .map(([section, items]) => ({
      section,
      items: items.sort(
        (a, b) => a.order - b.order || a.label.localeCompare(b.label) || a.path.localeCompare(b.path),
      ),
    }));
}

/** "reports-and-stats" → "Reports and stats". */
export function sectionTitle(section: string): string {
  const words = section.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
