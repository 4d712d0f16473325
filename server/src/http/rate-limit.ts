// A token bucket per client address: shells report in batches, so a few requests a second per
// address is generous; more is a misbehaving or hostile client.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { PlugboardError } from '../errors.ts';

export type RateLimitOptions = {
  perSecond: number;
  burst: number;
  maxClients?: number;
  /** Behind a proxy every client has the proxy's address: then key by X-Forwarded-For's first hop. */
  trustProxy?: boolean;
};

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxClients = options.maxClients ?? 10_000;
  return async (c, next) => {
    let key = 'unknown';
    const forwarded = options.trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
    if (forwarded) key = forwarded;
    else {
      try {
        key = getConnInfo(c).remote.address ?? 'unknown';
      } catch {
        // Not served by Node (tests calling app.request): one shared bucket.
      }
    }
    const now = Date.now();
    let b = buckets.get(key);
    if (!b) {
      if (buckets.size >= maxClients) buckets.clear();
      b = { tokens: options.burst, at: now };
      buckets.set(key, b);
    }
    b.tokens = Math.min(options.burst, b.tokens + ((now - b.at) / 1000) * options.perSecond);
    b.at = now;
    if (b.tokens < 1) {
      c.header('Retry-After', '1');
      throw new PlugboardError(
        429,
        'RATE_LIMITED',
        'Too many reports from this client; send them in larger batches',
      );
    }
    b.tokens -= 1;
    await next();
  };
}
