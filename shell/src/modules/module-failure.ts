// Module failures with their stable code, and the pure checks the loader relies on.
import { MODULE_FAILURE_CODES, type ModuleFailureCode } from '@plugboard/shared';
import type { ComponentType } from 'react';

export class ModuleFailure extends Error {
  readonly code: ModuleFailureCode;
  /** The underlying error's message, shown under the human one. */
  readonly detail: string;

  constructor(code: ModuleFailureCode, cause?: unknown) {
    const detail = cause === undefined ? '' : errorMessage(cause);
    super(`${code}: ${MODULE_FAILURE_CODES[code]}${detail ? ` (${detail})` : ''}`, { cause });
    this.name = 'ModuleFailure';
    this.code = code;
    this.detail = detail;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** The federation runtime's and the Vite remote entry's ways of saying "no such expose". */
export function isExposeMissingError(error: unknown): boolean {
  return /RUNTIME-014|does not exist in container|does not expose/i.test(errorMessage(error));
}

function isComponent(value: unknown): value is ComponentType<Record<string, never>> {
  if (typeof value === 'function') return true;
  // memo(), forwardRef() and lazy() components are objects tagged by React.
  return typeof value === 'object' && value !== null && '$$typeof' in value;
}

/** The component of an exposed module: its default export, or the export named like the expose. */
export function exposedComponent(
  exported: unknown,
  expose: string,
): ComponentType<Record<string, never>> | null {
  if (isComponent(exported) && typeof exported === 'function') return exported;
  if (typeof exported !== 'object' || exported === null) return null;
  const namespace = exported as Record<string, unknown>;
  const named = expose.replace(/^\.\//, '').split('/').pop() ?? '';
  for (const candidate of [namespace.default, namespace[named]]) {
    if (isComponent(candidate)) return candidate;
  }
  return null;
}

/** Rejects with `onTimeout()` when `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
