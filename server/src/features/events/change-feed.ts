// Composes the manifest cache, the event hub and the database's LISTEN/NOTIFY into the one
// ChangeListener the services announce committed changes to:
// - a local change refreshes the cache, pushes `change` to this instance's open streams, then
//   NOTIFYs the other instances (the services call the listener after their commit);
// - a notification (from any instance, this one included) refreshes that tenant and pushes if its
//   revision went up; the hub drops revisions already published, so hearing ourselves is harmless.
// With PGlite there is one instance and the database's listen/notify do nothing.
import { tenantIdSchema } from '@plugboard/shared';
import type { Database } from '../../db/database.ts';
import type { ChangeListener } from '../resolve/change-listener.ts';
import type { ManifestCache } from '../resolve/manifest-cache.ts';
import type { EventHub } from './event-hub.ts';

export const CHANGES_CHANNEL = 'plugboard_changes';

export type ChangeFeedDeps = {
  cache: Pick<ManifestCache, 'listener' | 'snapshot'>;
  hub: EventHub;
  database: Pick<Database, 'kind' | 'listen' | 'notify'>;
  log?: (msg: string) => void;
};

/** Payload: `<tenantId>` or `<tenantId>:<reason>` (tenant ids never contain a colon). */
export const encodePayload = (tenantId: string, reason: string) => `${tenantId}:${reason}`;

export function decodePayload(payload: string): { tenantId: string; reason: string } | null {
  const colon = payload.indexOf(':');
  const tenantId = colon === -1 ? payload : payload.slice(0, colon);
  const reason = colon === -1 ? 'change' : payload.slice(colon + 1) || 'change';
  return tenantIdSchema.safeParse(tenantId).success ? { tenantId, reason } : null;
}

export function createChangeFeed(deps: ChangeFeedDeps) {
  const { cache, hub, database } = deps;
  const log = deps.log ?? ((m: string) => console.error(m));
  const refresh = cache.listener;
  let unlisten: (() => Promise<void>) | null = null;

  const publishCurrent = (tenantId: string, reason: string) => {
    const revision = cache.snapshot(tenantId)?.revision;
    if (revision !== undefined) hub.publish(tenantId, revision, reason);
  };

  async function onNotification(payload: string): Promise<void> {
    const parsed = decodePayload(payload);
    if (!parsed) return log(`[plugboard] ignored a malformed ${CHANGES_CHANNEL} payload`);
    const before = cache.snapshot(parsed.tenantId)?.revision ?? 0;
    await refresh.tenantChanged(parsed.tenantId);
    const after = cache.snapshot(parsed.tenantId)?.revision;
    if (after !== undefined && after > before) hub.publish(parsed.tenantId, after, parsed.reason);
  }

  const listener: ChangeListener = {
    async tenantChanged(tenantId, reason = 'change') {
      await refresh.tenantChanged(tenantId);
      publishCurrent(tenantId, reason);
      if (database.kind !== 'postgres' || !database.notify) return;
      // The change is committed and served here already; a failed NOTIFY must not fail the request.
      await database.notify(CHANGES_CHANNEL, encodePayload(tenantId, reason)).catch((err: unknown) => {
        log(`[plugboard] NOTIFY ${CHANGES_CHANNEL} failed for "${tenantId}": ${(err as Error).message}`);
      });
    },
  };

  return {
    listener,

    /** Listens to the other instances' changes (PostgreSQL only). */
    async start(): Promise<void> {
      if (unlisten || database.kind !== 'postgres' || !database.listen) return;
      unlisten = await database.listen(CHANGES_CHANNEL, (payload) => {
        onNotification(payload).catch((err: unknown) => {
          log(`[plugboard] refreshing after a notification failed: ${(err as Error).message}`);
        });
      });
    },

    /** Stops listening; database.close() ends the listen connection too. */
    async stop(): Promise<void> {
      const off = unlisten;
      unlisten = null;
      await off?.();
    },
  };
}
export type ChangeFeed = ReturnType<typeof createChangeFeed>;

/** `listener` with `reason` filled in when its caller gives none (so events say what changed). */
export const withReason = (listener: ChangeListener, reason: string): ChangeListener => ({
  tenantChanged: (tenantId, given) => listener.tenantChanged(tenantId, given ?? reason),
});
