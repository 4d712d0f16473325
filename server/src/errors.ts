// The one error type the API raises. Everything thrown on purpose is a PlugboardError with an
// HTTP status, a stable code and, for bad input, the field at fault; app.onError maps it.
import type { ErrorBody, ErrorIssue } from '@plugboard/shared';
import { issuesFromZod } from '@plugboard/shared';
import type { z } from 'zod';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 500 | 503;

export class PlugboardError extends Error {
  readonly status: ErrorStatus;
  readonly code: string;
  readonly field: string | undefined;
  readonly issues: ErrorIssue[] | undefined;

  constructor(
    status: ErrorStatus,
    code: string,
    message: string,
    options: { field?: string; issues?: ErrorIssue[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'PlugboardError';
    this.status = status;
    this.code = code;
    this.field = options.field ?? options.issues?.[0]?.path;
    this.issues = options.issues;
  }

  toJSON(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field !== undefined ? { field: this.field } : {}),
        ...(this.issues ? { issues: this.issues } : {}),
      },
    };
  }
}

export const notFound = (code: string, message: string) => new PlugboardError(404, code, message);

export const conflict = (code: string, message: string, issues?: ErrorIssue[]) =>
  new PlugboardError(409, code, message, issues ? { issues } : {});

/** A 400 listing every problem zod found, field by field. */
export function invalid(what: string, error: z.ZodError, prefix: (string | number)[] = []): PlugboardError {
  const issues = issuesFromZod(error, prefix);
  const first = issues[0];
  const where = first?.path ? `${first.path}: ` : '';
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new PlugboardError(400, 'VALIDATION_FAILED', `Invalid ${what}: ${where}${first?.message}${more}`, {
    issues,
  });
}

/** A unique-key violation from PostgreSQL or PGlite, however drizzle wrapped it. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
