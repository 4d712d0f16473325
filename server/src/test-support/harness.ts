// A real app over a real database for integration tests, driven through app.request().
import { sql } from 'drizzle-orm';
import { createApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { createServices, type ServiceOptions, type Services } from '../services.ts';
import { openTestDatabase } from './test-database.ts';

export const TOKEN = 'test-admin-token';

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert on them
type Loose = any;
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<Loose> };

export type Harness = {
  database: Database;
  services: Services;
  app: ReturnType<typeof createApp>;
  /** JSON call with the admin token unless `token: null`. */
  call(
    method: string,
    path: string,
    body?: unknown,
    opts?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<TestResponse>;
  /** What a user of a tenant resolves right now, from the in-memory cache. */
  resolved(tenant: string, user: string): Loose;
  /** A digest of every row of every table, to prove a refused request changed nothing. */
  fingerprint(): Promise<string>;
  close(): Promise<void>;
};

const TABLES = [
  'modules',
  'releases',
  'artifact_files',
  'tenants',
  'installations',
  'audit_log',
  'manifest_sources',
];

export async function createHarness(options: ServiceOptions = {}): Promise<Harness> {
  const database = await openTestDatabase();
  const services = await createServices(database, { log: () => {}, ...options });
  const app = createApp(services, { adminToken: TOKEN, log: () => {} });
  let closed = false;
  return {
    database,
    services,
    app,
    async call(method, path, body, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      const token = opts.token === undefined ? TOKEN : opts.token;
      if (token) headers.authorization = `Bearer ${token}`;
      let payload: string | undefined;
      if (body !== undefined) {
        payload = typeof body === 'string' ? body : JSON.stringify(body);
        headers['content-type'] ??= 'application/json';
      }
      return app.request(path, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    },
    resolved(tenant, user) {
      return JSON.parse(Buffer.from(services.cache.get(tenant, user).body).toString('utf8'));
    },
    async fingerprint() {
      const parts: string[] = [];
      for (const t of TABLES) {
        const result = await database.db.execute(
          sql.raw(
            `SELECT count(*)::text AS n, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM ${t} x`,
          ),
        );
        const row = (Array.isArray(result) ? result[0] : (result as { rows: unknown[] }).rows[0]) as {
          n: string;
          h: string;
        };
        parts.push(`${t}:${row.n}:${row.h}`);
      }
      return parts.join('\n');
    },
    async close() {
      if (closed) return;
      closed = true;
      await database.close();
    },
  };
}
