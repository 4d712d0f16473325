import { semverSchema } from '@plugboard/shared';
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { PlugboardError } from '../../errors.ts';
import type { AuthVariables } from '../../http/auth.ts';
import { limitBody } from '../../http/body-limit.ts';
import { parseModuleId } from '../../http/path-params.ts';
import { readJson } from '../../http/read-json.ts';
import type { ModuleStore, ReleaseRow } from './module-store.ts';
import type { ReleaseService } from './release-service.ts';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const publishBodySchema = z.strictObject({
  manifest: z.record(z.string(), z.unknown()),
  files: z
    .array(
      z.strictObject({
        path: z.string().max(300),
        content: z.string().regex(BASE64, 'must be base64'),
      }),
    )
    .max(500)
    .optional(),
});

export const releaseView = (r: ReleaseRow) => ({
  moduleId: r.moduleId,
  version: r.version,
  entryUrl: r.entryUrl,
  integrity: r.integrity,
  contentHash: r.contentHash,
  createdAt: r.createdAt,
  manifest: r.manifest,
});

export function moduleRoutes(deps: {
  releases: ReleaseService;
  modules: ModuleStore;
  requireAdmin: MiddlewareHandler<{ Variables: AuthVariables }>;
  maxUploadBytes: number;
}) {
  const app = new Hono<{ Variables: AuthVariables }>();

  app.get('/', async (c) => {
    const [mods, releases] = await Promise.all([deps.modules.listModules(), deps.modules.listReleases()]);
    return c.json({
      modules: mods.map((m) => {
        const own = releases.filter((r) => r.moduleId === m.id);
        const latest = own.at(-1);
        return {
          id: m.id,
          namespace: m.namespace,
          name: latest?.manifest.name ?? m.id,
          description: latest?.manifest.description ?? '',
          latestVersion: latest?.version ?? null,
          versions: own.map((r) => r.version),
        };
      }),
    });
  });

  app.get('/:id', async (c) => {
    const id = parseModuleId(c.req.param('id'));
    const mod = await deps.modules.getModule(id);
    if (!mod) throw new PlugboardError(404, 'MODULE_NOT_FOUND', `No module "${id}"`);
    const releases = await deps.modules.listReleases(id);
    return c.json({
      id: mod.id,
      namespace: mod.namespace,
      createdAt: mod.createdAt,
      releases: releases.map(releaseView),
    });
  });

  app.get('/:id/releases/:version', async (c) => {
    const id = parseModuleId(c.req.param('id'));
    const version = semverSchema.safeParse(c.req.param('version'));
    if (!version.success) {
      throw new PlugboardError(
        400,
        'INVALID_VERSION',
        'The version must be a semantic version such as 1.2.3',
        {
          field: 'version',
        },
      );
    }
    return c.json(releaseView(await deps.releases.getRelease(id, version.data)));
  });

  app.post('/:id/releases', deps.requireAdmin, limitBody(deps.maxUploadBytes), async (c) => {
    const id = parseModuleId(c.req.param('id'));
    const body = await readJson(c, publishBodySchema, 'release');
    const files = body.files?.map((f) => ({
      path: f.path,
      content: new Uint8Array(Buffer.from(f.content, 'base64')),
    }));
    const result = await deps.releases.publish({
      manifest: body.manifest,
      ...(files ? { files } : {}),
      actor: c.get('actor'),
      moduleId: id,
    });
    return c.json(
      { created: result.created, release: releaseView(result.release) },
      result.created ? 201 : 200,
    );
  });

  return app;
}
