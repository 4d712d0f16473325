// Two real Plugboard server processes on one PostgreSQL database (a fresh one, made and dropped
// here): a change made through A's API reaches an event stream opened on B, through
// LISTEN/NOTIFY. Skipped when no PostgreSQL answers on 127.0.0.1:5432.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, json, type SseConnection } from '../../server/src/test-support/sse-client.ts';
import { type RunningServer, startServer } from './server-process.ts';

const PG_SERVER = process.env.PLUGBOARD_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function reachable(host: string, port: number, ms = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(ms, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
const pgUp = await reachable('127.0.0.1', 5432);

const b64 = (s: string) => Buffer.from(s).toString('base64');
const release = {
  manifest: {
    id: 'acme.live',
    name: 'Live',
    version: '1.0.0',
    description: 'A module for the two-instance test',
    remote: { name: 'acme_live', format: 'esm' },
    routes: [{ path: '/live', expose: './Main', title: 'Live', permissions: [] }],
    navigation: [{ label: 'Live', path: '/live', order: 10 }],
    config: { type: 'object', properties: { n: { type: 'integer', default: 1 } } },
  },
  files: [
    { path: 'remoteEntry.js', content: b64('export const get = () => null; export const init = () => {};') },
  ],
};

describe.skipIf(!pgUp)('two server processes on one PostgreSQL', () => {
  const name = `plugboard_e2e_${randomBytes(5).toString('hex')}`;
  const admin = postgres(PG_SERVER, { max: 1, onnotice: () => {} });
  const manifests = mkdtempSync(join(tmpdir(), 'plugboard-no-manifests-'));
  let a: RunningServer | undefined;
  let b: RunningServer | undefined;
  let stream: SseConnection | undefined;

  const api = (s: RunningServer, method: string, path: string, body: unknown) =>
    fetch(`${s.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(PG_SERVER);
    url.pathname = `/${name}`;
    // An empty manifests folder: the two processes must not both apply the demo manifests.
    const env = { DATABASE_URL: url.toString(), PLUGBOARD_MANIFESTS_DIR: manifests, PLUGBOARD_WATCH: '0' };
    a = await startServer(env);
    b = await startServer(env);
  });
  afterAll(async () => {
    stream?.close();
    await b?.stop();
    await a?.stop();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end({ timeout: 5 });
    rmSync(manifests, { recursive: true, force: true });
  });

  it('a change through A reaches an event stream on B within a second', async () => {
    if (!a || !b) throw new Error('servers not started');
    const created = await api(a, 'POST', '/v1/tenants', { id: 'acme', name: 'Acme' });
    expect(created.status).toBe(201);
    expect((await api(a, 'POST', '/v1/modules/acme.live/releases', release)).status).toBe(201);

    // B hears of the new tenant through the same channel.
    const onB = b.url;
    await expect
      .poll(async () => (await fetch(`${onB}/v1/tenants/acme/events`, { method: 'HEAD' })).status)
      .toBe(200);
    stream = await connect(`${b.url}/v1/tenants/acme/events`);
    const hello = await stream.waitFor((e) => e.event === 'hello');

    const start = performance.now();
    const put = await api(a, 'PUT', '/v1/tenants/acme/installations/acme.live', {
      version: '1.0.0',
      config: { n: 2 },
    });
    expect(put.status).toBe(200);
    const change = await stream.waitFor((e) => e.event === 'change', 1000);
    expect(change.at - start).toBeLessThan(1000);
    expect(Number(change.id)).toBeGreaterThan(Number(hello.id));
    expect(json(change)).toMatchObject({ tenant: 'acme', reason: 'installation' });

    const manifest = await (await fetch(`${b.url}/v1/tenants/acme/manifest?user=e2e`)).json();
    expect(manifest.modules.map((m: { id: string }) => m.id)).toEqual(['acme.live']);
  });
});
