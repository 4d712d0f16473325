// Puts the tenant's theme tokens on :root as --pb-* custom properties.
import type { Theme } from '@plugboard/shared';
import { THEME_VARS, themeCssVars } from './theme-vars.ts';

export function applyTheme(theme: Theme | null): void {
  const style = document.documentElement.style;
  const vars = theme ? themeCssVars(theme) : {};
  for (const cssVar of Object.values(THEME_VARS)) {
    const value = vars[cssVar];
    if (value) style.setProperty(cssVar, value);
    else style.removeProperty(cssVar);
  }
}
