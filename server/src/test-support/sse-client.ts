// A small Server-Sent Events client over raw node:http, for tests, the e2e suite and benchmarks:
// connect(url) resolves once the response headers are in; frames are parsed as they arrive and
// can be awaited with waitFor(predicate) or iterated with `for await`.
import { get, type IncomingHttpHeaders } from 'node:http';

export type SseEvent = {
  /** `message` when the frame names no event; `comment` for `: …` lines (the heartbeat). */
  event: string;
  id?: string;
  data: string;
  retry?: number;
  /** performance.now() when the frame was parsed. */
  at: number;
};

export type SseConnection = AsyncIterable<SseEvent> & {
  status: number;
  headers: IncomingHttpHeaders;
  /** Every event so far, in order. */
  events: SseEvent[];
  /** The first event (seen already or arriving within `timeoutMs`) matching `predicate`. */
  waitFor(predicate: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves when the server ends or drops the stream. */
  closed: Promise<void>;
  close(): void;
};

export const json = (e: SseEvent) => JSON.parse(e.data) as Record<string, unknown>;

/** Parses one frame (the text between blank lines); null if it carries nothing. */
export function parseFrame(frame: string, at = performance.now()): SseEvent | null {
  const out: SseEvent = { event: 'message', data: '', at };
  const data: string[] = [];
  let comment = true;
  for (const line of frame.split(/\r?\n/)) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon === 0) continue;
    comment = false;
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') out.event = value;
    else if (field === 'id') out.id = value;
    else if (field === 'data') data.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) out.retry = Number(value);
  }
  if (comment) return frame.trim() ? { event: 'comment', data: frame.trim().slice(1).trim(), at } : null;
  out.data = data.join('\n');
  return out;
}

export function connect(
  url: string,
  options: { lastEventId?: string | number; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<SseConnection> {
  const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers };
  if (options.lastEventId !== undefined) headers['last-event-id'] = String(options.lastEventId);
  return new Promise((resolve, reject) => {
    const req = get(url, { headers, agent: false }, (res) => {
      clearTimeout(timer);
      const events: SseEvent[] = [];
      const waiters = new Set<() => void>();
      let ended = false;
      let buffer = '';
      let closedResolve: () => void = () => {};
      const closed = new Promise<void>((r) => {
        closedResolve = r;
      });
      const wake = () => {
        for (const w of [...waiters]) w();
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.search(/\r?\n\r?\n/);
        while (end !== -1) {
          const sep = /^\r?\n\r?\n/.exec(buffer.slice(end))?.[0].length ?? 2;
          const event = parseFrame(buffer.slice(0, end));
          buffer = buffer.slice(end + sep);
          if (event) events.push(event);
          end = buffer.search(/\r?\n\r?\n/);
        }
        wake();
      });
      const finish = () => {
        ended = true;
        wake();
        closedResolve();
      };
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);

      const waitFor = (predicate: (e: SseEvent) => boolean, timeoutMs = 2000) =>
        new Promise<SseEvent>((ok, fail) => {
          const check = () => {
            const found = events.find(predicate);
            if (found || ended) {
              clearTimeout(t);
              waiters.delete(check);
              if (found) ok(found);
              else fail(new Error(`the stream ended before a matching event; got ${summary(events)}`));
            }
          };
          const t = setTimeout(() => {
            waiters.delete(check);
            fail(new Error(`no matching event within ${timeoutMs} ms; got ${summary(events)}`));
          }, timeoutMs);
          waiters.add(check);
          check();
        });

      async function* iterate(): AsyncGenerator<SseEvent> {
        let i = 0;
        while (true) {
          if (i < events.length) yield events[i++] as SseEvent;
          else if (ended) return;
          else {
            await new Promise<void>((r) => {
              const once = () => {
                waiters.delete(once);
                r();
              };
              waiters.add(once);
            });
          }
        }
      }

      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        waitFor,
        closed,
        close: () => req.destroy(),
        [Symbol.asyncIterator]: iterate,
      });
    });
    const timer = setTimeout(
      () => req.destroy(new Error(`no response from ${url}`)),
      options.timeoutMs ?? 5000,
    );
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

const summary = (events: SseEvent[]) =>
  JSON.stringify(events.map(({ event, id, data }) => ({ event, id, data }))).slice(0, 500);
