// Theme tokens → CSS custom properties set on :root.
import type { Theme } from '@plugboard/shared';

export const THEME_VARS = {
  primary: '--pb-primary',
  background: '--pb-background',
  surface: '--pb-surface',
  text: '--pb-text',
  muted: '--pb-muted',
} as const satisfies Partial<Record<keyof Theme, string>>;

const HEX_COLOR = /^#[0-9a-fA-F]{3,8}$/;

/** The custom properties for a theme; values that are not hex colours are left out. */
export function themeCssVars(theme: Partial<Theme>): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [token, cssVar] of Object.entries(THEME_VARS)) {
    const value = theme[token as keyof typeof THEME_VARS];
    if (typeof value === 'string' && HEX_COLOR.test(value)) vars[cssVar] = value;
  }
  return vars;
}
