// The error body every API failure returns, and the stable codes shells and remotes report.
import type { z } from 'zod';

export type ErrorIssue = { path: string; message: string };

export type ErrorBody = {
  error: {
    code: string;
    message: string;
    /** Field path of the first problem, dotted ("remote.entry", "routes.0.path"). */
    field?: string;
    issues?: ErrorIssue[];
  };
};

/** Stable codes the shell uses for module failures, shown to users with a human message. */
export const MODULE_FAILURE_CODES = {
  ENTRY_UNREACHABLE: 'The module’s code could not be downloaded.',
  INTEGRITY_MISMATCH: 'The module’s code did not match its published integrity hash.',
  LOAD_FAILED: 'The module’s code failed while loading.',
  EXPOSE_MISSING: 'The module does not provide the requested component.',
  RENDER_CRASHED: 'The module crashed while rendering.',
  LOAD_TIMEOUT: 'The module took too long to load.',
} as const;
export type ModuleFailureCode = keyof typeof MODULE_FAILURE_CODES;

/**
 * Turns zod issues into `{ path, message }` pairs with dotted paths. An unknown-key issue is
 * split into one issue per key, with the key in the path, so the field at fault is named.
 */
export function issuesFromZod(error: z.ZodError, prefix: (string | number)[] = []): ErrorIssue[] {
  const dotted = (path: PropertyKey[]) => [...prefix, ...path].map(String).join('.');
  return error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => ({ path: dotted([...i.path, key]), message: `unknown field "${key}"` }))
      : [{ path: dotted(i.path), message: i.message }],
  );
}
