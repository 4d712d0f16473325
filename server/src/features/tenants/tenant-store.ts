import type { Tenant, TenantAccess, Theme } from '@plugboard/shared';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { tenants } from '../../db/schema.ts';

export type TenantRow = Tenant & { revision: number };

const toTenant = (r: typeof tenants.$inferSelect): TenantRow => ({
  id: r.id,
  name: r.name,
  theme: r.theme as Theme,
  access: r.access as TenantAccess,
  revision: r.revision,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export function createTenantStore(db: Db) {
  return {
    async list(): Promise<TenantRow[]> {
      return (await db.select().from(tenants).orderBy(asc(tenants.id))).map(toTenant);
    },
    async get(id: string): Promise<TenantRow | null> {
      const rows = await db.select().from(tenants).where(eq(tenants.id, id)).limit(1);
      return rows[0] ? toTenant(rows[0]) : null;
    },
    /** Locks the row for the rest of the transaction, so concurrent changes to a tenant queue up. */
    async getForUpdate(id: string): Promise<TenantRow | null> {
      const rows = await db.select().from(tenants).where(eq(tenants.id, id)).limit(1).for('update');
      return rows[0] ? toTenant(rows[0]) : null;
    },
    async insert(t: { id: string; name: string; theme: Theme; access: TenantAccess }): Promise<void> {
      await db.insert(tenants).values(t);
    },
    async update(id: string, patch: { name?: string; theme?: Theme; access?: TenantAccess }): Promise<void> {
      await db
        .update(tenants)
        .set({ ...patch, updatedAt: sql`now()`, revision: sql`${tenants.revision} + 1` })
        .where(eq(tenants.id, id));
    },
    async bumpRevision(id: string): Promise<void> {
      await db
        .update(tenants)
        .set({ revision: sql`${tenants.revision} + 1`, updatedAt: sql`now()` })
        .where(eq(tenants.id, id));
    },
  };
}
export type TenantStore = ReturnType<typeof createTenantStore>;
