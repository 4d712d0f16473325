import { describe, expect, it } from 'vitest';
import { eventsUrl, parseServerEvent } from './event-stream.ts';

describe('parseServerEvent', () => {
  it('reads hello and change events of this tenant', () => {
    expect(parseServerEvent('hello', '{"tenant":"acme","revision":12}', '12', 'acme')).toEqual({
      type: 'hello',
      tenant: 'acme',
      revision: 12,
    });
    expect(
      parseServerEvent('change', '{"tenant":"acme","revision":13,"reason":"installation"}', '13', 'acme'),
    ).toEqual({ type: 'change', tenant: 'acme', revision: 13 });
  });

  it('falls back to the event id for the revision', () => {
    expect(parseServerEvent('change', 'not json', '14', 'acme')?.revision).toBe(14);
  });

  it('ignores other tenants, other event types and events without a revision', () => {
    expect(parseServerEvent('change', '{"tenant":"globex","revision":13}', '13', 'acme')).toBeNull();
    expect(parseServerEvent('message', '{"tenant":"acme","revision":13}', '13', 'acme')).toBeNull();
    expect(parseServerEvent('change', '{"tenant":"acme"}', '', 'acme')).toBeNull();
  });
});

describe('eventsUrl', () => {
  it('is the tenant’s events endpoint', () => {
    expect(eventsUrl('acme corp')).toBe('/v1/tenants/acme%20corp/events');
  });
});
