// The module SDK: the one import a Plugboard module needs. It is shared as a federation
// singleton, so the shell and every module see the same React context and event bus.

export { useDeferUpdates } from './defer-updates.ts';
export type { EventBus } from './event-bus.ts';
export { createEventBus } from './event-bus.ts';
export type { ModuleContext, ModuleNavigationEntry, ModuleUser } from './module-context.ts';
export { ModuleContextProvider, useModuleConfig, useModuleContext, usePermission } from './module-context.ts';
export const SDK_VERSION = '1.0.0';
