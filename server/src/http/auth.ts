// Bearer-token authentication for mutations and admin reads.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { PlugboardError } from '../errors.ts';

export type AuthVariables = { actor: string };

const digest = (s: string) => createHash('sha256').update(s).digest();

export function requireAdmin(adminToken: string): MiddlewareHandler<{ Variables: AuthVariables }> {
  const expected = digest(adminToken);
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) {
      throw new PlugboardError(
        401,
        'UNAUTHENTICATED',
        'This call needs "Authorization: Bearer <admin token>"',
        {
          field: 'authorization',
        },
      );
    }
    const match = /^Bearer\s+(\S{1,512})$/i.exec(header);
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
      throw new PlugboardError(401, 'INVALID_TOKEN', 'The bearer token is not valid', {
        field: 'authorization',
      });
    }
    c.set('actor', 'admin');
    await next();
  };
}
