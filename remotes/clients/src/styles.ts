// Inline styles on the shell's theme tokens (CSS custom properties), with fallbacks for
// rendering outside the shell. Inline styles avoid shipping CSS through federation.
import type { CSSProperties } from 'react';

export const color = {
  primary: 'var(--pb-primary, #2563eb)',
  surface: 'var(--pb-surface, #ffffff)',
  text: 'var(--pb-text, #0f172a)',
  muted: 'var(--pb-muted, #64748b)',
  background: 'var(--pb-background, #f8fafc)',
};

export const card: CSSProperties = {
  background: color.surface,
  color: color.text,
  borderRadius: 8,
  padding: 16,
  boxShadow: '0 1px 2px rgba(15, 23, 42, 0.08)',
};

export const cell: CSSProperties = {
  padding: '8px 10px',
  borderBottom: `1px solid ${color.background}`,
  textAlign: 'left',
};

export const button: CSSProperties = {
  background: color.primary,
  color: '#fff',
  border: 'none',
  borderRadius: 6,
  padding: '6px 12px',
  cursor: 'pointer',
};

export const statusColor: Record<string, string> = {
  active: '#16a34a',
  prospect: '#d97706',
  inactive: '#94a3b8',
};
