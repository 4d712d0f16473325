import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { snapshots } from '../../db/schema.ts';

/** What a tenant serves of one module at one moment. */
export type SnapshotEntry = {
  moduleId: string;
  version: string | null;
  candidateVersion: string | null;
  percentage: number;
  groupId: string | null;
  enabled: boolean;
  config: Record<string, unknown>;
};
export type SnapshotRow = Omit<typeof snapshots.$inferSelect, 'releases'> & { releases: SnapshotEntry[] };

export function createSnapshotStore(db: Db) {
  return {
    async insert(row: {
      tenantId: string;
      actor: string;
      reason: string;
      releases: SnapshotEntry[];
    }): Promise<void> {
      await db.insert(snapshots).values(row);
    },
    async list(tenantId: string, limit: number, before?: number): Promise<SnapshotRow[]> {
      const where = before
        ? and(eq(snapshots.tenantId, tenantId), lt(snapshots.id, before))
        : eq(snapshots.tenantId, tenantId);
      return (await db
        .select()
        .from(snapshots)
        .where(where)
        .orderBy(desc(snapshots.id))
        .limit(limit)) as SnapshotRow[];
    },
    async get(tenantId: string, id: number): Promise<SnapshotRow | null> {
      const rows = await db
        .select()
        .from(snapshots)
        .where(and(eq(snapshots.tenantId, tenantId), eq(snapshots.id, id)))
        .limit(1);
      return (rows[0] as SnapshotRow | undefined) ?? null;
    },
  };
}
export type SnapshotStore = ReturnType<typeof createSnapshotStore>;
