import { describe, expect, it } from 'vitest';
import { themeCssVars } from './theme-vars.ts';

describe('themeCssVars', () => {
  it('maps every colour token to its custom property', () => {
    expect(
      themeCssVars({ primary: '#123', background: '#fff', surface: '#eeeeee', text: '#000', muted: '#777' }),
    ).toEqual({
      '--pb-primary': '#123',
      '--pb-background': '#fff',
      '--pb-surface': '#eeeeee',
      '--pb-text': '#000',
      '--pb-muted': '#777',
    });
  });
  it('skips missing and non-colour values', () => {
    expect(themeCssVars({ primary: 'red;}body{x:y', logo: '/logo.svg' })).toEqual({});
  });
});
