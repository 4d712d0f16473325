// plugboard publish: validates locally, uploads the manifest and its build folder, and prints
// the release (or that the same content was already published).
import { performance } from 'node:perf_hooks';
import type { Command } from './command.ts';
import { println } from './io.ts';
import { formatBytes, formatMs, table, toJson } from './output.ts';
import { createProgress, progressStream } from './progress.ts';
import { artifactSummary, checkOrReport } from './validate-command.ts';

type PublishResponse = {
  created: boolean;
  release: { moduleId: string; version: string; entryUrl: string; integrity: string | null };
};

const UPLOAD_TIMEOUT_MS = 10 * 60 * 1000;

export const publishCommand: Command = {
  name: 'publish',
  summary: 'upload a release: a manifest and its build folder',
  positionals: ['manifest'],
  options: { dist: { type: 'string' } },
  help: `Usage: plugboard publish <manifest.yaml|.json> [--dist <folder>]

Validates the manifest and its build folder locally (as "plugboard validate" does), then
uploads them as a release. Publishing the same version with the same content again is a
no-op; with other content it is refused: bump the version.

  --dist <folder>  the build folder, instead of remote.artifact (which is relative to
                   the manifest file)

Example:
  plugboard publish manifests/modules/clients.yaml --token $PLUGBOARD_TOKEN`,

  async run(ctx) {
    const progress = createProgress(ctx.io, ctx.json);
    const started = performance.now();
    const local = checkOrReport(ctx, 'nothing was uploaded; fix the fields above and publish again');
    if (!local) return 1;
    const { manifest, artifact } = local;
    const label = `${manifest.id}@${manifest.version}`;
    progress.phase(
      `checked ${label}${artifact ? `: ${artifactSummary(ctx, artifact)}` : ''} (${formatMs(performance.now() - started)})`,
    );

    const files = artifact?.files.map((f) => ({
      path: f.path,
      content: Buffer.from(f.content).toString('base64'),
    }));
    const body = Buffer.from(JSON.stringify({ manifest: local.raw, ...(files ? { files } : {}) }));
    const api = ctx.api();
    progress.phase(`uploading ${formatBytes(body.byteLength)} to ${api.server}…`);
    const sending = performance.now();
    let uploaded = sending;
    let res: Awaited<ReturnType<typeof api.request<PublishResponse>>>;
    try {
      res = await api.request<PublishResponse>(
        'POST',
        `/v1/modules/${encodeURIComponent(manifest.id)}/releases`,
        {
          stream: progressStream(body, (sent) => {
            progress.upload(sent, body.byteLength);
            if (sent === body.byteLength) uploaded = performance.now();
          }),
          timeoutMs: UPLOAD_TIMEOUT_MS,
        },
      );
    } finally {
      progress.done();
    }
    progress.phase(
      `sent in ${formatMs(uploaded - sending)}; the server answered ${formatMs(performance.now() - uploaded)} later`,
    );

    const { created, release } = res.body;
    const entry = api.absolute(release.entryUrl);
    if (ctx.json) {
      ctx.io.stdout(toJson({ ok: true, created, release: { ...release, entryUrl: entry } }));
      return 0;
    }
    const id = `${release.moduleId}@${release.version}`;
    println(
      ctx.io.stdout,
      created ? `published ${id}` : `${id} is already published with the same content; nothing changed`,
    );
    const rows = [
      ['entry', entry],
      ['integrity', release.integrity ?? '(none)'],
    ];
    println(ctx.io.stdout, table(rows).replace(/^/gm, '  '));
    if (created) {
      println(ctx.io.stdout, `next: plugboard install <tenant> ${release.moduleId} ${release.version}`);
    }
    return 0;
  },
};
