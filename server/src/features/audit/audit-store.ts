import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { auditLog } from '../../db/schema.ts';

export type AuditEntry = {
  actor: string;
  action: string;
  tenantId?: string | null;
  moduleId?: string | null;
  before?: unknown;
  after?: unknown;
};

export type AuditQuery = { tenantId?: string; moduleId?: string; before?: number; limit: number };

export function createAuditStore(db: Db) {
  return {
    async record(entry: AuditEntry): Promise<void> {
      await db.insert(auditLog).values({
        actor: entry.actor,
        action: entry.action,
        tenantId: entry.tenantId ?? null,
        moduleId: entry.moduleId ?? null,
        before: entry.before ?? null,
        after: entry.after ?? null,
      });
    },
    async list(q: AuditQuery) {
      const where: SQL[] = [];
      if (q.tenantId) where.push(eq(auditLog.tenantId, q.tenantId));
      if (q.moduleId) where.push(eq(auditLog.moduleId, q.moduleId));
      if (q.before) where.push(lt(auditLog.id, q.before));
      return db
        .select()
        .from(auditLog)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(auditLog.id))
        .limit(q.limit);
    },
  };
}
