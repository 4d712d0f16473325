import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { PlugboardError } from '../errors.ts';
import { rateLimit } from './rate-limit.ts';

function app(trustProxy: boolean) {
  const a = new Hono();
  a.onError((err, c) => c.json({ code: (err as PlugboardError).code }, (err as PlugboardError).status));
  a.post('/', rateLimit({ perSecond: 0.001, burst: 3, trustProxy }), (c) => c.body(null, 202));
  return a;
}
const post = (a: Hono, from?: string) =>
  a.request('/', {
    method: 'POST',
    ...(from ? { headers: { 'x-forwarded-for': `${from}, 10.0.0.1` } } : {}),
  });

describe('rateLimit', () => {
  it('answers 429 with Retry-After once a client has spent its burst', async () => {
    const a = app(false);
    for (let i = 0; i < 3; i++) expect((await post(a)).status).toBe(202);
    const limited = await post(a);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toEqual({ code: 'RATE_LIMITED' });
  });

  it('keys by the first X-Forwarded-For hop only when told the proxy is trusted', async () => {
    const trusted = app(true);
    for (let i = 0; i < 3; i++) expect((await post(trusted, '203.0.113.1')).status).toBe(202);
    expect((await post(trusted, '203.0.113.1')).status).toBe(429);
    expect((await post(trusted, '203.0.113.2')).status).toBe(202);
    const untrusted = app(false);
    for (let i = 0; i < 3; i++) await post(untrusted, `198.51.100.${i}`);
    expect((await post(untrusted, '198.51.100.99')).status).toBe(429);
  });
});
