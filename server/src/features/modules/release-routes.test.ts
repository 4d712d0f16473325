import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, manifest } from '../../test-support/fixtures.ts';
import { createHarness, type Harness } from '../../test-support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const publish = (body: unknown, id = 'acme.clients', opts?: Parameters<Harness['call']>[3]) =>
  h.call('POST', `/v1/modules/${id}/releases`, body, opts);

describe('publishing a release with its built files', () => {
  it('stores the release content-addressed and serves its files immutable, with CORS', async () => {
    const res = await publish({ manifest: manifest(), files: files() });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.created).toBe(true);
    expect(body.release.entryUrl).toMatch(/^\/artifacts\/[0-9a-f]{64}\/remoteEntry\.js$/);
    expect(body.release.integrity).toMatch(/^sha384-/);

    const entry = await h.app.request(body.release.entryUrl);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('cache-control')).toContain('immutable');
    expect(entry.headers.get('access-control-allow-origin')).toBe('*');
    expect(entry.headers.get('content-type')).toContain('text/javascript');
    expect(await entry.text()).toContain('export const get');
    const chunk = await h.app.request(body.release.entryUrl.replace('remoteEntry.js', 'assets/chunk.js'));
    expect(await chunk.text()).toBe('export default 1;');
  });

  it('treats the same content published again as a no-op', async () => {
    const before = await h.fingerprint();
    const res = await publish({ manifest: manifest(), files: files() });
    expect(res.status).toBe(200);
    expect((await res.json()).created).toBe(false);
    expect(await h.fingerprint()).toBe(before);
  });

  it('refuses the same version with other content (409) and changes nothing', async () => {
    const before = await h.fingerprint();
    const res = await publish({ manifest: manifest(), files: files('export const other = 1;') });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe('RELEASE_EXISTS');
    expect(body.error.field).toBe('manifest.version');
    expect(await h.fingerprint()).toBe(before);
  });

  it('gives every release its own entry URL', async () => {
    const res = await publish({
      manifest: manifest({ version: '1.1.0' }),
      files: files('export const v = "1.1";'),
    });
    expect(res.status).toBe(201);
    const v11 = (await res.json()).release.entryUrl;
    const v10 = (await (await h.call('GET', '/v1/modules/acme.clients/releases/1.0.0')).json()).entryUrl;
    expect(v11).not.toBe(v10);
  });

  it('accepts a remote hosted elsewhere when it carries its integrity', async () => {
    const res = await publish(
      {
        manifest: manifest({
          id: 'acme.hosted',
          remote: {
            name: 'acme_hosted',
            entry: 'https://cdn.example.com/hosted/1.0.0/remoteEntry.js',
            integrity: 'sha384-AAAA',
          },
        }),
      },
      'acme.hosted',
    );
    expect(res.status).toBe(201);
    expect((await res.json()).release.entryUrl).toBe('https://cdn.example.com/hosted/1.0.0/remoteEntry.js');
  });

  it('lists modules and their releases', async () => {
    const list = await (await h.call('GET', '/v1/modules', undefined, { token: null })).json();
    const clients = list.modules.find((m: { id: string }) => m.id === 'acme.clients');
    expect(clients.versions).toEqual(['1.0.0', '1.1.0']);
    expect(clients.latestVersion).toBe('1.1.0');
    const one = await (await h.call('GET', '/v1/modules/acme.clients', undefined, { token: null })).json();
    expect(one.releases.map((r: { version: string }) => r.version)).toEqual(['1.0.0', '1.1.0']);
    expect((await h.call('GET', '/v1/modules/acme.nothing')).status).toBe(404);
    expect((await h.call('GET', '/v1/modules/acme.clients/releases/9.9.9')).status).toBe(404);
    expect((await h.call('GET', '/v1/modules/acme.clients/releases/latest')).status).toBe(400);
  });
});

describe('concurrent publications of one version', () => {
  it('publish once: a repeat is a no-op, other content a conflict, never a server error', async () => {
    const same = () =>
      publish(
        { manifest: manifest({ id: 'acme.race' }), files: files('export const race = 1;') },
        'acme.race',
      );
    const statuses = (await Promise.all([same(), same(), same()])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 201]);
    const other = (n: number) =>
      publish(
        { manifest: manifest({ id: 'acme.race2' }), files: files(`export const race = ${n};`) },
        'acme.race2',
      );
    const mixed = (await Promise.all([other(1), other(2)])).map((r) => r.status).sort();
    expect(mixed).toEqual([201, 409]);
  });
});

describe('refused publications change nothing', () => {
  const cases: [string, () => unknown, number, string, string?][] = [
    [
      'unknown top-level field',
      () => ({ manifest: { ...manifest({ id: 'acme.bad' }), extra: 1 }, files: files() }),
      400,
      'VALIDATION_FAILED',
      'manifest.extra',
    ],
    [
      'non-semver version',
      () => ({ manifest: manifest({ id: 'acme.bad', version: '1.0' }), files: files() }),
      400,
      'VALIDATION_FAILED',
      'manifest.version',
    ],
    [
      'huge name',
      () => ({ manifest: manifest({ id: 'acme.bad', name: 'x'.repeat(100_000) }), files: files() }),
      400,
      'VALIDATION_FAILED',
      'manifest.name',
    ],
    [
      'route escaping the shell',
      () => ({
        manifest: manifest({ id: 'acme.bad', routes: [{ path: '/../admin', expose: './Main', title: 't' }] }),
        files: files(),
      }),
      400,
      'VALIDATION_FAILED',
      'manifest.routes.0.path',
    ],
    [
      'route on a reserved path',
      () => ({
        manifest: manifest({
          id: 'acme.bad',
          routes: [{ path: '/v1/tenants', expose: './Main', title: 't' }],
        }),
        files: files(),
      }),
      400,
      'VALIDATION_FAILED',
      'manifest.routes.0.path',
    ],
    [
      'javascript: entry',
      () => ({
        manifest: manifest({
          id: 'acme.bad',
          remote: { name: 'x', entry: 'javascript:alert(1)', integrity: 'sha384-AAAA' },
        }),
      }),
      400,
      'VALIDATION_FAILED',
      'manifest.remote.entry',
    ],
    [
      'entry without integrity',
      () => ({
        manifest: manifest({ id: 'acme.bad', remote: { name: 'x', entry: 'https://cdn.example.com/e.js' } }),
      }),
      400,
      'VALIDATION_FAILED',
      'manifest.remote.integrity',
    ],
    [
      'config default outside its bounds',
      () => ({
        manifest: manifest({
          id: 'acme.bad',
          config: { type: 'object', properties: { n: { type: 'integer', default: 1, minimum: 5 } } },
        }),
        files: files(),
      }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'path traversal in a file',
      () => ({
        manifest: manifest({ id: 'acme.bad' }),
        files: [...files(), { path: '../../etc/passwd', content: 'eA==' }],
      }),
      400,
      'INVALID_ARTIFACT_PATH',
      'files.2.path',
    ],
    [
      'absolute file path',
      () => ({
        manifest: manifest({ id: 'acme.bad' }),
        files: [...files(), { path: '/etc/passwd', content: 'eA==' }],
      }),
      400,
      'INVALID_ARTIFACT_PATH',
      'files.2.path',
    ],
    [
      'no remote entry among the files',
      () => ({ manifest: manifest({ id: 'acme.bad' }), files: [{ path: 'other.js', content: 'eA==' }] }),
      400,
      'ENTRY_FILE_MISSING',
      'manifest.remote.entryFile',
    ],
    [
      'a file over the size limit',
      () => ({
        manifest: manifest({ id: 'acme.bad' }),
        files: [
          ...files(),
          { path: 'big.js', content: Buffer.alloc(5 * 1024 * 1024 + 1).toString('base64') },
        ],
      }),
      413,
      'ARTIFACT_TOO_LARGE',
      'files.2.content',
    ],
    [
      'manifest for another module than the URL',
      () => ({ manifest: manifest({ id: 'acme.other' }), files: files() }),
      400,
      'MODULE_ID_MISMATCH',
      'manifest.id',
    ],
  ];
  for (const [name, body, status, code, field] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      const before = await h.fingerprint();
      const res = await publish(body(), 'acme.bad');
      expect(res.status).toBe(status);
      const err = (await res.json()).error;
      expect(err.code).toBe(code);
      expect(typeof err.message).toBe('string');
      if (field) expect(err.field).toBe(field);
      expect(await h.fingerprint()).toBe(before);
    });
  }

  it('refuses prototype-pollution keys', async () => {
    const before = await h.fingerprint();
    const raw = `{"manifest":${JSON.stringify(manifest({ id: 'acme.bad' })).replace('"config"', '"__proto__":{"polluted":true},"config"')}}`;
    const res = await publish(raw, 'acme.bad');
    expect(res.status).toBe(400);
    const err = (await res.json()).error;
    expect(err.code).toBe('FORBIDDEN_KEY');
    expect(err.field).toBe('manifest.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await h.fingerprint()).toBe(before);
  });

  it('refuses broken JSON, a wrong media type and a body over the limit', async () => {
    const before = await h.fingerprint();
    expect((await (await publish('{"manifest":', 'acme.bad')).json()).error.code).toBe('INVALID_JSON');
    const wrongType = await publish('x', 'acme.bad', { headers: { 'content-type': 'text/plain' } });
    expect(wrongType.status).toBe(415);
    const huge = await publish(`{"manifest":{},"pad":"${'x'.repeat(31 * 1024 * 1024)}"}`, 'acme.bad');
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await h.fingerprint()).toBe(before);
  });

  it('needs a valid admin token', async () => {
    const before = await h.fingerprint();
    const none = await publish({ manifest: manifest({ id: 'acme.bad' }), files: files() }, 'acme.bad', {
      token: null,
    });
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe('UNAUTHENTICATED');
    const wrong = await publish({ manifest: manifest({ id: 'acme.bad' }), files: files() }, 'acme.bad', {
      token: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('INVALID_TOKEN');
    expect(await h.fingerprint()).toBe(before);
  });

  it('refuses a malformed module id in the URL', async () => {
    const res = await publish({ manifest: manifest(), files: files() }, 'Acme.Clients');
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('moduleId');
  });
});

describe('artifact serving', () => {
  it('answers 404 for unknown hashes, files and traversal attempts', async () => {
    expect((await h.app.request(`/artifacts/${'0'.repeat(64)}/remoteEntry.js`)).status).toBe(404);
    expect((await h.app.request('/artifacts/not-a-hash/remoteEntry.js')).status).toBe(404);
    expect((await h.app.request(`/artifacts/${'0'.repeat(64)}/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });
});
