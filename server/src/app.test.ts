import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './test-support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the application shell of the API', () => {
  it('answers /healthz with the database kind', async () => {
    const res = await h.call('GET', '/healthz', undefined, { token: null });
    expect(res.status).toBe(200);
    expect((await res.json()).ok).toBe(true);
  });

  it('describes every route in /v1/openapi.json, with bodies from the validation schemas', async () => {
    const doc = await (await h.call('GET', '/v1/openapi.json', undefined, { token: null })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/modules/{id}/releases',
        '/v1/tenants/{tenant}/installations/{moduleId}',
        '/v1/tenants/{tenant}/manifest',
        '/v1/audit',
      ]),
    );
    expect(Object.keys(doc.components.schemas.ModuleManifest.properties)).toEqual(
      expect.arrayContaining([
        'id',
        'version',
        'remote',
        'routes',
        'navigation',
        'requires',
        'config',
        'activation',
      ]),
    );
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await h.call('GET', '/v1/nothing', undefined, { token: null });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });

  it('limits ordinary request bodies to 1 MiB', async () => {
    const before = await h.fingerprint();
    const res = await h.call('POST', '/v1/tenants', { id: 'big', name: 'x', pad: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(413);
    expect(await h.fingerprint()).toBe(before);
  });
});
