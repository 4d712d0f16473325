// The hub on fake responses: wire format, revision dedupe, and that a slow client is cut off
// instead of holding up a broadcast.
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { changeFrame, createEventHub, helloFrame } from './event-hub.ts';

/** A response whose socket accepts `capacity` bytes before write() returns false. */
function fakeResponse(capacity = Number.POSITIVE_INFINITY) {
  const res = new EventEmitter() as EventEmitter & {
    chunks: string[];
    writableLength: number;
    destroyed: boolean;
    writableEnded: boolean;
    write(chunk: Buffer | string): boolean;
    destroy(): void;
    end(): void;
    drain(): void;
  };
  Object.assign(res, { chunks: [], writableLength: 0, destroyed: false, writableEnded: false });
  res.write = (chunk) => {
    res.chunks.push(chunk.toString());
    res.writableLength += chunk.length;
    return res.writableLength <= capacity;
  };
  res.destroy = () => {
    res.destroyed = true;
    res.emit('close');
  };
  res.end = () => {
    res.writableEnded = true;
    res.emit('close');
  };
  res.drain = () => {
    res.writableLength = 0;
    res.emit('drain');
  };
  return res;
}
const asRes = (r: ReturnType<typeof fakeResponse>) => r as unknown as ServerResponse;

describe('the event hub', () => {
  it('writes SSE frames in the documented format', () => {
    expect(changeFrame('acme', 13, 'installation')).toBe(
      'event: change\nid: 13\ndata: {"tenant":"acme","revision":13,"reason":"installation"}\n\n',
    );
    expect(helloFrame('acme', 13)).toBe(
      'retry: 2000\nevent: hello\nid: 13\ndata: {"tenant":"acme","revision":13}\n\n',
    );
    expect(changeFrame('acme', 1, 'bad\nreason"')).toContain('"reason":"badreason"');
  });

  it('publishes to the tenant only, and never a revision at or below the last one', () => {
    const hub = createEventHub();
    const a = fakeResponse();
    const b = fakeResponse();
    hub.subscribe('acme', asRes(a));
    hub.subscribe('globex', asRes(b));
    expect(hub.publish('acme', 5, 'installation')).toBe(1);
    expect(hub.publish('acme', 5, 'installation')).toBeNull();
    expect(hub.publish('acme', 4, 'installation')).toBeNull();
    expect(hub.publish('acme', 6)).toBe(1);
    expect(a.chunks.map((c) => /id: (\d+)/.exec(c)?.[1])).toEqual(['5', '6']);
    expect(b.chunks).toEqual([]);
    expect(hub.lastRevision('acme')).toBe(6);
    hub.close();
  });

  it('destroys a client whose queue passes the bound, without holding up the others', () => {
    const hub = createEventHub({ maxQueuedBytes: 200 });
    const slow = fakeResponse(0);
    const fast = fakeResponse();
    hub.subscribe('acme', asRes(slow));
    hub.subscribe('acme', asRes(fast));
    let revision = 0;
    while (!slow.destroyed && revision < 100) hub.publish('acme', ++revision);
    expect(slow.destroyed).toBe(true);
    expect(revision).toBeLessThan(10);
    expect(hub.subscribers('acme')).toBe(1);
    expect(hub.publish('acme', ++revision)).toBe(1);
    expect(fast.chunks).toHaveLength(revision);
    hub.close();
  });

  it('destroys a client that stays congested too long, and forgives one that drains', () => {
    const hub = createEventHub({ maxStallMs: -1 });
    const stuck = fakeResponse(0);
    const draining = fakeResponse(0);
    hub.subscribe('acme', asRes(stuck));
    hub.subscribe('acme', asRes(draining));
    hub.publish('acme', 1);
    draining.drain();
    hub.publish('acme', 2);
    expect(stuck.destroyed).toBe(true);
    expect(draining.destroyed).toBe(false);
    hub.close();
  });

  it('pings every subscriber, forgets closed ones and ends all streams on close', () => {
    const hub = createEventHub();
    const a = fakeResponse();
    const b = fakeResponse();
    hub.subscribe('acme', asRes(a));
    hub.subscribe('globex', asRes(b));
    hub.ping();
    expect([a.chunks, b.chunks]).toEqual([[': ping\n\n'], [': ping\n\n']]);
    a.destroy();
    expect(hub.subscribers()).toBe(1);
    hub.close();
    expect(b.writableEnded).toBe(true);
    expect(hub.subscribers()).toBe(0);
  });
});
