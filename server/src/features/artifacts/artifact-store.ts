import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { artifactFiles } from '../../db/schema.ts';
import type { BundleFile } from './bundle.ts';

export function createArtifactStore(db: Db) {
  return {
    async hasBundle(bundleHash: string): Promise<boolean> {
      const rows = await db
        .select({ path: artifactFiles.path })
        .from(artifactFiles)
        .where(eq(artifactFiles.bundleHash, bundleHash))
        .limit(1);
      return rows.length > 0;
    },
    /** Bundles are content-addressed: storing one that exists is a no-op. */
    async putBundle(bundleHash: string, files: BundleFile[]): Promise<void> {
      for (const f of files) {
        await db
          .insert(artifactFiles)
          .values({
            bundleHash,
            path: f.path,
            contentType: f.contentType,
            size: f.content.byteLength,
            sha256: f.sha256,
            content: f.content,
          })
          .onConflictDoNothing();
      }
    },
    async getFile(bundleHash: string, path: string) {
      const rows = await db
        .select()
        .from(artifactFiles)
        .where(and(eq(artifactFiles.bundleHash, bundleHash), eq(artifactFiles.path, path)))
        .limit(1);
      return rows[0] ?? null;
    },
  };
}
