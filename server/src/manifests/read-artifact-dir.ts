// Reads a remote's build folder for upload. Links are refused: a bundle is exactly the files
// in the folder, never something a link points at elsewhere on the machine.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_LIMITS } from '../features/artifacts/bundle.ts';

export class ArtifactDirError extends Error {}

export function readArtifactDir(root: string): { path: string; content: Uint8Array }[] {
  let rootStat: ReturnType<typeof lstatSync>;
  try {
    rootStat = lstatSync(root);
  } catch {
    throw new ArtifactDirError(
      `the artifact folder ${root} does not exist: build the remote first (npm start builds the samples)`,
    );
  }
  if (!rootStat.isDirectory()) throw new ArtifactDirError(`${root} is not a folder`);
  const files: { path: string; content: Uint8Array }[] = [];
  let total = 0;
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      const st = lstatSync(full);
      if (st.isSymbolicLink())
        throw new ArtifactDirError(`${rel} is a link; artifacts may only hold plain files`);
      if (st.isDirectory()) walk(full, rel);
      else if (st.isFile()) {
        if (st.size > BUNDLE_LIMITS.maxFileBytes) {
          throw new ArtifactDirError(
            `${rel} is ${st.size} bytes; the limit is ${BUNDLE_LIMITS.maxFileBytes}`,
          );
        }
        total += st.size;
        if (total > BUNDLE_LIMITS.maxTotalBytes || files.length >= BUNDLE_LIMITS.maxFiles) {
          throw new ArtifactDirError(`the artifact folder ${root} is larger than an artifact may be`);
        }
        files.push({ path: rel, content: new Uint8Array(readFileSync(full)) });
      } else throw new ArtifactDirError(`${rel} is neither a file nor a folder`);
    }
  };
  walk(root, '');
  return files;
}
