// plugboard validate: checks a manifest and its build folder locally, listing every problem.
import { isAbsolute, relative, resolve } from 'node:path';
import type { Command, Context } from './command.ts';
import { println } from './io.ts';
import { checkLocalRelease, type LocalRelease } from './local-release.ts';
import { formatBytes, toJson } from './output.ts';
import { printProblems } from './report-error.ts';

/** A path relative to the working folder when it is inside it, else absolute. */
export function shortPath(ctx: Context, path: string): string {
  const rel = relative(ctx.cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** Checks the manifest named on the command line; prints the problems and returns null if any. */
export function checkOrReport(ctx: Context, footer?: string): LocalRelease | null {
  const file = resolve(ctx.cwd, ctx.positionals[0] ?? '');
  const dist = typeof ctx.values.dist === 'string' ? resolve(ctx.cwd, ctx.values.dist) : undefined;
  const check = checkLocalRelease(file, dist ? { dist } : {});
  if (check.ok) return check.release;
  const count = check.problems.length;
  if (ctx.json) {
    ctx.io.stdout(toJson({ ok: false, file: shortPath(ctx, file), problems: check.problems }));
  } else {
    println(ctx.io.stderr, `${shortPath(ctx, file)}: ${count} problem${count === 1 ? '' : 's'}`);
    printProblems(ctx.io, check.problems);
    if (footer) println(ctx.io.stderr, footer);
  }
  return null;
}

export const artifactSummary = (ctx: Context, a: NonNullable<LocalRelease['artifact']>) =>
  `${a.files.length} file${a.files.length === 1 ? '' : 's'}, ${formatBytes(a.totalBytes)} in ${shortPath(ctx, a.dir)}`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a manifest and its build folder locally',
  positionals: ['manifest'],
  options: { dist: { type: 'string' } },
  help: `Usage: plugboard validate <manifest.yaml|.json> [--dist <folder>]

Checks the manifest against the schema the server uses, and that the build folder
(remote.artifact, relative to the manifest, or --dist) exists, holds only plain files
within the limits, and contains the entry file. Prints every problem, field by field,
and exits with 1 if there are any. Talks to no server.

  --dist <folder>  the build folder, instead of remote.artifact`,

  async run(ctx) {
    const release = checkOrReport(ctx);
    if (!release) return 1;
    const { manifest, artifact } = release;
    if (ctx.json) {
      ctx.io.stdout(
        toJson({
          ok: true,
          id: manifest.id,
          version: manifest.version,
          artifact: artifact
            ? {
                dir: shortPath(ctx, artifact.dir),
                files: artifact.files.length,
                bytes: artifact.totalBytes,
                entryFile: artifact.entryFile,
              }
            : null,
        }),
      );
      return 0;
    }
    println(ctx.io.stdout, `${manifest.id}@${manifest.version}: the manifest is valid`);
    if (artifact) {
      println(ctx.io.stdout, `  artifact: ${artifactSummary(ctx, artifact)}, entry ${artifact.entryFile}`);
    } else {
      println(ctx.io.stdout, `  remote entry: ${manifest.remote.entry}`);
    }
    return 0;
  },
};
