// Turns a failure into readable output: the server's message, field and issues, and a hint
// about what to do next. Returns the exit code.
import { ApiError, ConnectionError } from './api-client.ts';
import { UsageError } from './command.ts';
import { type Io, println } from './io.ts';
import type { Problem } from './manifest-file.ts';
import { toJson } from './output.ts';

export const TOKEN_HINT =
  'pass --token or set PLUGBOARD_TOKEN; the admin token is printed at first start and kept in .data/admin-token';

const HINTS: Record<string, string> = {
  RELEASE_EXISTS:
    'releases are immutable: bump version in the manifest and publish again (the same content republishes as a no-op)',
  INCOMPATIBLE: 'install or upgrade the modules it requires first, or remove what it conflicts with',
  TENANT_NOT_FOUND: 'run "plugboard tenants" to see the tenant ids',
  MODULE_NOT_FOUND: 'run "plugboard modules" to see what is published, or publish it first',
  RELEASE_NOT_FOUND: 'run "plugboard modules" to see the published versions',
  INSTALLATION_NOT_FOUND: 'run "plugboard installations <tenant>" to see what is installed',
  INVALID_CONFIG: "the configuration must match the module's config schema (see its manifest)",
  ENTRY_FILE_MISSING: 'build the remote first, or set remote.entryFile',
  INTEGRITY_MISMATCH: 'remove remote.integrity from the manifest (it is computed on upload) or update it',
  VALIDATION_FAILED: 'fix the fields listed above; "plugboard validate <manifest>" checks a manifest locally',
};

export function hintFor(err: unknown): string | undefined {
  if (err instanceof ConnectionError) {
    return 'is the server running? start it with npm start (or point --server / PLUGBOARD_URL at it)';
  }
  if (err instanceof ApiError) {
    if (err.status === 401) return TOKEN_HINT;
    if (err.status === 413) return 'the upload is too large: keep the build under the artifact limits';
    return HINTS[err.code];
  }
  if (err instanceof UsageError) return 'run "plugboard --help" or "plugboard <command> --help"';
  return undefined;
}

export function printProblems(io: Io, problems: Problem[]): void {
  for (const p of problems) println(io.stderr, `  ${p.path ? `${p.path}: ` : ''}${p.message}`);
}

export function reportError(io: Io, err: unknown, json: boolean): number {
  const hint = hintFor(err);
  const code = err instanceof UsageError ? 2 : 1;
  if (!(err instanceof ApiError || err instanceof ConnectionError || err instanceof UsageError)) {
    // A bug or an unexpected local failure: say so plainly, with the stack for a report.
    println(io.stderr, `plugboard: unexpected error: ${(err as Error)?.stack ?? String(err)}`);
    return 1;
  }
  if (json) {
    const error =
      err instanceof ApiError
        ? { status: err.status, code: err.code, message: err.message, field: err.field, issues: err.issues }
        : { code: err instanceof UsageError ? 'USAGE' : 'CONNECTION_FAILED', message: err.message };
    io.stdout(toJson({ ok: false, error, hint }));
    return code;
  }
  if (err instanceof ApiError) {
    println(io.stderr, `error: ${err.message} (HTTP ${err.status} ${err.code})`);
    if (err.field && !err.issues?.length) println(io.stderr, `  field: ${err.field}`);
    if (err.issues?.length) printProblems(io, err.issues);
  } else {
    println(io.stderr, `error: ${err.message}`);
  }
  if (hint) println(io.stderr, `hint: ${hint}`);
  return code;
}
