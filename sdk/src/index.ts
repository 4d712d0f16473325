// The module SDK: the one import a Plugboard module needs. It is shared as a federation
// singleton, so the shell and every module see the same React context and event bus.
export { ModuleContextProvider, useModuleContext, useModuleConfig, usePermission } from './module-context.ts';
export type { ModuleContext, ModuleUser, ModuleNavigationEntry } from './module-context.ts';
export { createEventBus } from './event-bus.ts';
export type { EventBus } from './event-bus.ts';
export const SDK_VERSION = '1.0.0';
