import type { ModuleManifest } from '@plugboard/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { modules, releases } from '../../db/schema.ts';

export type ReleaseRow = {
  moduleId: string;
  version: string;
  manifest: ModuleManifest;
  contentHash: string;
  bundleHash: string | null;
  entryUrl: string;
  integrity: string | null;
  createdAt: string;
};

/**
 * Releases are immutable once committed, so reads are cached for the life of the process. Only
 * rows read from the database are cached, and a transaction never reads back a release it has
 * just inserted, so a row whose insert is rolled back never gets in.
 */
export type ReleaseCache = Map<string, ReleaseRow>;

export function createModuleStore(db: Db, releaseCache: ReleaseCache = new Map()) {
  return {
    async ensureModule(id: string): Promise<void> {
      await db
        .insert(modules)
        .values({ id, namespace: id.split('.')[0] ?? id })
        .onConflictDoNothing();
    },
    async listModules() {
      return db.select().from(modules).orderBy(asc(modules.id));
    },
    async getModule(id: string) {
      const rows = await db.select().from(modules).where(eq(modules.id, id)).limit(1);
      return rows[0] ?? null;
    },
    async listReleases(moduleId?: string): Promise<ReleaseRow[]> {
      const q = db.select().from(releases);
      const rows = await (moduleId ? q.where(eq(releases.moduleId, moduleId)) : q).orderBy(
        asc(releases.moduleId),
        asc(releases.createdAt),
      );
      return rows as ReleaseRow[];
    },
    async getRelease(moduleId: string, version: string): Promise<ReleaseRow | null> {
      const key = `${moduleId}@${version}`;
      const cached = releaseCache.get(key);
      if (cached) return cached;
      const rows = await db
        .select()
        .from(releases)
        .where(and(eq(releases.moduleId, moduleId), eq(releases.version, version)))
        .limit(1);
      const row = (rows[0] as ReleaseRow | undefined) ?? null;
      if (row) releaseCache.set(key, row);
      return row;
    },
    async insertRelease(row: Omit<ReleaseRow, 'createdAt'>): Promise<ReleaseRow> {
      const [inserted] = await db.insert(releases).values(row).returning();
      if (!inserted) throw new Error('insert returned no release');
      return inserted as ReleaseRow;
    },
  };
}
export type ModuleStore = ReturnType<typeof createModuleStore>;
