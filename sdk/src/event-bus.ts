// A tiny typed publish/subscribe bus so modules can talk without importing each other.
export type EventBus = {
  emit(topic: string, payload?: unknown): void;
  on(topic: string, handler: (payload: unknown) => void): () => void;
};

export function createEventBus(): EventBus {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  return {
    emit(topic, payload) {
      for (const h of handlers.get(topic) ?? []) {
        try {
          h(payload);
        } catch (err) {
          console.error(`[plugboard] event handler for "${topic}" threw`, err);
        }
      }
    },
    on(topic, handler) {
      let set = handlers.get(topic);
      if (!set) {
        set = new Set();
        handlers.set(topic, set);
      }
      set.add(handler);
      return () => set.delete(handler);
    },
  };
}
