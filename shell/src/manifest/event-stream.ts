// The tenant's server-sent events (GET /v1/tenants/{tenant}/events): `hello` on connect and
// `change` whenever what its users resolve may have changed, both carrying the revision.
// EventSource reconnects by itself after a network error; after an HTTP error it gives up
// for good, so then this opens a new one after a pause.

export type ServerEvent = { type: 'hello' | 'change'; tenant: string; revision: number };

export type EventStreamHandlers = {
  onEvent(event: ServerEvent): void;
  /** The connection failed or dropped (EventSource retries, or we reopen it). */
  onError(): void;
};

/** How long to wait before reopening a stream the browser gave up on. */
export const REOPEN_DELAY_MS = 5_000;

/** The event's tenant and revision (from its data, else its id), or null if it is not one of ours. */
export function parseServerEvent(
  type: string,
  data: string,
  lastEventId: string,
  tenant: string,
): ServerEvent | null {
  if (type !== 'hello' && type !== 'change') return null;
  let body: { tenant?: unknown; revision?: unknown } = {};
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null) body = parsed;
  } catch {
    // An event without a JSON body still carries its revision as the id.
  }
  if (body.tenant !== undefined && body.tenant !== tenant) return null;
  const revision = typeof body.revision === 'number' ? body.revision : Number(lastEventId || Number.NaN);
  if (!Number.isFinite(revision)) return null;
  return { type, tenant, revision };
}

export function eventsUrl(tenant: string): string {
  return `/v1/tenants/${encodeURIComponent(tenant)}/events`;
}

/** Listens to the tenant's events until the returned function is called. */
export function openEventStream(tenant: string, handlers: EventStreamHandlers): () => void {
  let source: EventSource | null = null;
  let reopenTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const onMessage = (e: Event) => {
    const message = e as MessageEvent<string>;
    const event = parseServerEvent(message.type, message.data, message.lastEventId, tenant);
    if (event) handlers.onEvent(event);
  };
  const open = () => {
    const es = new EventSource(eventsUrl(tenant));
    source = es;
    es.addEventListener('hello', onMessage);
    es.addEventListener('change', onMessage);
    es.onerror = () => {
      if (closed) return;
      handlers.onError();
      if (es.readyState === EventSource.CLOSED) {
        es.close();
        reopenTimer = setTimeout(() => {
          if (!closed) open();
        }, REOPEN_DELAY_MS);
      }
    };
  };

  open();
  return () => {
    closed = true;
    clearTimeout(reopenTimer);
    source?.close();
  };
}
