import { forwardRef, memo } from 'react';
import { describe, expect, it } from 'vitest';
import { exposedComponent, isExposeMissingError, ModuleFailure, withTimeout } from './module-failure.ts';

describe('ModuleFailure', () => {
  it('carries the code, the human message and the cause', () => {
    const f = new ModuleFailure('LOAD_TIMEOUT', new Error('slow'));
    expect(f.code).toBe('LOAD_TIMEOUT');
    expect(f.detail).toBe('slow');
    expect(f.message).toContain('took too long');
  });
});

const Fn = () => null;

describe('exposedComponent', () => {
  it('takes the default export, the named export, or a bare function', () => {
    expect(exposedComponent({ default: Fn }, './ClientList')).toBe(Fn);
    expect(exposedComponent({ ClientList: Fn }, './ClientList')).toBe(Fn);
    expect(exposedComponent(Fn, './X')).toBe(Fn);
  });
  it('accepts memo and forwardRef components', () => {
    const m = memo(Fn);
    expect(exposedComponent({ default: m }, './X')).toBe(m);
    const f = forwardRef(Fn);
    expect(exposedComponent({ default: f }, './X')).toBe(f);
  });
  it('rejects anything else', () => {
    expect(exposedComponent({ default: 'nope' }, './X')).toBeNull();
    expect(exposedComponent(null, './X')).toBeNull();
    expect(exposedComponent({ Other: Fn }, './X')).toBeNull();
  });
});

describe('isExposeMissingError', () => {
  it('recognises the runtime and remote entry messages', () => {
    expect(isExposeMissingError(new Error('[ Federation Runtime ]: RUNTIME-014 ...'))).toBe(true);
    expect(isExposeMissingError(new Error('Module ./Nope does not exist in container.'))).toBe(true);
    expect(isExposeMissingError(new Error('Failed to fetch'))).toBe(false);
  });
});

describe('withTimeout', () => {
  it('resolves in time and rejects when late', async () => {
    await expect(withTimeout(Promise.resolve(1), 50, () => new Error('late'))).resolves.toBe(1);
    const never = new Promise(() => {});
    await expect(withTimeout(never, 10, () => new Error('late'))).rejects.toThrow('late');
  });
});
