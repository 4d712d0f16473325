import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { manifestSources } from '../db/schema.ts';

export function createManifestSourceStore(db: Db) {
  return {
    async getHash(path: string): Promise<string | null> {
      const rows = await db.select().from(manifestSources).where(eq(manifestSources.path, path)).limit(1);
      return rows[0]?.contentHash ?? null;
    },
    async setHash(path: string, contentHash: string): Promise<void> {
      await db
        .insert(manifestSources)
        .values({ path, contentHash })
        .onConflictDoUpdate({
          target: manifestSources.path,
          set: { contentHash, appliedAt: new Date().toISOString() },
        });
    },
  };
}
