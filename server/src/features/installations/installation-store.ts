import type { Installation } from '@plugboard/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { installations } from '../../db/schema.ts';

const toInstallation = (r: typeof installations.$inferSelect): Installation => ({
  tenantId: r.tenantId,
  moduleId: r.moduleId,
  version: r.version,
  enabled: r.enabled,
  config: r.config as Record<string, unknown>,
  candidateVersion: r.candidateVersion,
  percentage: r.percentage,
  groupId: r.groupId,
  updatedAt: r.updatedAt,
});

export function createInstallationStore(db: Db) {
  return {
    async list(tenantId: string): Promise<Installation[]> {
      const rows = await db
        .select()
        .from(installations)
        .where(eq(installations.tenantId, tenantId))
        .orderBy(asc(installations.moduleId));
      return rows.map(toInstallation);
    },
    async get(tenantId: string, moduleId: string): Promise<Installation | null> {
      const rows = await db
        .select()
        .from(installations)
        .where(and(eq(installations.tenantId, tenantId), eq(installations.moduleId, moduleId)))
        .limit(1);
      return rows[0] ? toInstallation(rows[0]) : null;
    },
    async upsert(i: Omit<Installation, 'updatedAt'>): Promise<Installation> {
      const [row] = await db
        .insert(installations)
        .values(i)
        .onConflictDoUpdate({
          target: [installations.tenantId, installations.moduleId],
          set: {
            version: i.version,
            enabled: i.enabled,
            config: i.config,
            candidateVersion: i.candidateVersion,
            percentage: i.percentage,
            groupId: i.groupId,
            updatedAt: sql`now()`,
          },
        })
        .returning();
      if (!row) throw new Error('upsert returned no installation');
      return toInstallation(row);
    },
    async remove(tenantId: string, moduleId: string): Promise<void> {
      await db
        .delete(installations)
        .where(and(eq(installations.tenantId, tenantId), eq(installations.moduleId, moduleId)));
    },
  };
}
export type InstallationStore = ReturnType<typeof createInstallationStore>;
