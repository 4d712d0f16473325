import type { Installation, ModuleManifest } from '@plugboard/shared';
import type { Stores } from '../../db/unit-of-work.ts';

/** Manifests of what the tenant serves besides `except`: stable and, mid-rollout, candidate releases. */
export async function enabledManifests(
  s: Stores,
  tenantId: string,
  except: string,
): Promise<ModuleManifest[]> {
  return manifestsOf(s, await s.installations.list(tenantId), except);
}

/** The same, from installations the caller has already read. */
export async function manifestsOf(
  s: Stores,
  list: Installation[],
  except: string,
): Promise<ModuleManifest[]> {
  const manifests: ModuleManifest[] = [];
  for (const i of list) {
    if (!i.enabled || i.moduleId === except) continue;
    for (const version of [i.version, i.candidateVersion]) {
      const release = version ? await s.modules.getRelease(i.moduleId, version) : null;
      if (release) manifests.push(release.manifest);
    }
  }
  return manifests;
}
