// The client side of the live-propagation benchmark, in its own process (its own core): N raw
// TCP connections reading the tenant's event stream, driven over IPC by bench/propagation.ts.
// Raw sockets, not an SSE library, so that at 10,000 connections the clients cost little.
// Per change it sends the PUT itself, so one clock times "PUT sent" → "every client has it".
//   → { open: n }                 ← { opened: n, ms }
//   → { change: { path, token, body } }  ← { changed: { putMs, firstMs, lastMs, lastAt, received, … } }
// (…Ms: after the PUT was sent; lastAt: epoch ms, to compare with the server's publish time)
//   → { close: true }             ← { closed: true }
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { serveParent } from './children.ts';

const [baseUrl, tenant] = process.argv.slice(2);
if (!baseUrl || !tenant) throw new Error('usage: propagation-clients.ts <base url> <tenant>');
const { hostname, port } = new URL(baseUrl);
const GET = `GET /v1/tenants/${tenant}/events HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\n\r\n`;
const ID = 'id: ';
const CHANGE = 'event: change\nid: ';
const OPEN_CONCURRENCY = 200;
const CHANGE_TIMEOUT_MS = 5000;
const READ_BUFFER = Buffer.alloc(16 * 1024);

type Client = { socket: Socket; revision: number; hello: boolean; tail: string; seenFor: number };
const clients: Client[] = [];
let lost = 0;
let round: {
  seq: number;
  baseline: number;
  received: number;
  first: number;
  last: number;
  done(): void;
} | null = null;
let seq = 0;

const readId = (text: string, at: number) => Number.parseInt(text.slice(at, at + 16), 10);

function onData(c: Client, chunk: Buffer) {
  const text = c.tail + chunk.toString('latin1');
  if (!c.hello) {
    const hello = text.indexOf('event: hello\nid: ');
    if (hello !== -1) {
      c.hello = true;
      c.revision = readId(text, hello + 'event: hello\n'.length + ID.length);
    }
  }
  for (let i = text.indexOf(CHANGE); i !== -1; i = text.indexOf(CHANGE, i + 1)) {
    const rev = readId(text, i + CHANGE.length);
    if (rev > c.revision) c.revision = rev;
  }
  // A frame split across reads (never seen on loopback, but cheap to handle).
  c.tail = text.endsWith('\n') ? '' : text.slice(-64);
  const r = round;
  if (r && c.seenFor !== r.seq && c.revision > r.baseline) {
    const now = performance.now();
    c.seenFor = r.seq;
    if (r.received++ === 0) r.first = now;
    r.last = now;
    if (r.received === clients.length) r.done();
  }
}

function openOne(): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    // onread with one shared buffer: no stream machinery and no Buffer per read.
    const onread = {
      buffer: READ_BUFFER,
      callback(nread: number, buf: Buffer) {
        onData(c, buf.subarray(0, nread));
        if (c.hello && !settled) {
          settled = true;
          clearTimeout(timer);
          resolve();
        }
        return true;
      },
    };
    const socket = connect({ host: hostname, port: Number(port), onread });
    const c: Client = { socket, revision: 0, hello: false, tail: '', seenFor: 0 };
    const timer = setTimeout(() => socket.destroy(new Error('no hello within 20 s')), 20_000);
    socket.setNoDelay(true);
    socket.once('connect', () => socket.write(GET));
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.once('close', () => {
      if (c.hello) lost++;
    });
    clients.push(c);
  });
}

async function open(n: number) {
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      await openOne();
    }
  };
  await Promise.all(Array.from({ length: Math.min(OPEN_CONCURRENCY, n) }, worker));
  return { opened: clients.length, ms: performance.now() - start };
}

function put(path: string, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      {
        method: 'PUT',
        agent: false,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve(res.statusCode) : reject(new Error(`PUT ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function change(m: { path: string; token: string; body: string }) {
  const baseline = Math.max(...clients.map((c) => c.revision));
  const start = performance.now();
  let putMs = 0;
  const all = new Promise<void>((done) => {
    round = { seq: ++seq, baseline, received: 0, first: 0, last: 0, done };
  });
  const timeout = new Promise<void>((r) => setTimeout(r, CHANGE_TIMEOUT_MS).unref());
  await put(m.path, m.token, m.body).then(() => {
    putMs = performance.now() - start;
  });
  await Promise.race([all, timeout]);
  const r = round;
  round = null;
  if (!r) throw new Error('no round');
  return {
    putMs,
    lastAt: performance.timeOrigin + r.last,
    firstMs: r.received ? r.first - start : Number.NaN,
    lastMs: r.received === clients.length ? r.last - start : Number.NaN,
    received: r.received,
    clients: clients.length,
    lost,
    revision: Math.max(...clients.map((c) => c.revision)),
  };
}

type Command = { open?: number; change?: { path: string; token: string; body: string }; close?: boolean };
process.on('message', (m: Command) => {
  const reply = (x: object) => process.send?.(x);
  const fail = (err: unknown) => reply({ error: err instanceof Error ? err.message : String(err) });
  if (m.open) open(m.open).then(reply, fail);
  else if (m.change) change(m.change).then((changed) => reply({ changed }), fail);
  else if (m.close) {
    for (const c of clients) c.socket.destroy();
    clients.length = 0;
    lost = 0;
    reply({ closed: true });
  }
});
serveParent(() => process.exit(0));
process.send?.({ ready: true });
