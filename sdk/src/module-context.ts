import type { Theme } from '@plugboard/shared';
import { createContext, createElement, type ReactNode, useContext } from 'react';
import type { EventBus } from './event-bus.ts';

export type ModuleUser = { id: string; anonymous: boolean; permissions: string[] };
export type ModuleNavigationEntry = { label: string; path: string; moduleId: string };

/** What the shell hands every module it renders. */
export type ModuleContext = {
  tenant: { id: string; name: string };
  user: ModuleUser;
  module: { id: string; version: string };
  /** The tenant's values over the module's schema defaults. */
  config: Record<string, unknown>;
  navigation: ModuleNavigationEntry[];
  theme: Theme;
  hasPermission(permission: string): boolean;
  navigate(path: string): void;
  events: EventBus;
  reportError(error: unknown, detail?: string): void;
  /**
   * While true, a new release of this module is not swapped in: the shell keeps rendering this
   * one and tells the user an update is waiting. It swaps when this is cleared (or on the next
   * navigation). Prefer `useDeferUpdates`, which also clears it on unmount.
   */
  deferUpdates(defer: boolean): void;
};

const Context = createContext<ModuleContext | null>(null);

export function ModuleContextProvider(props: { value: ModuleContext; children: ReactNode }) {
  return createElement(Context.Provider, { value: props.value }, props.children);
}

export function useModuleContext(): ModuleContext {
  const ctx = useContext(Context);
  if (!ctx) {
    throw new Error('useModuleContext() must be called inside a component the Plugboard shell renders');
  }
  return ctx;
}

/** The module's effective configuration, typed by the caller. */
export function useModuleConfig<T extends Record<string, unknown>>(): T {
  return useModuleContext().config as T;
}

export function usePermission(permission: string): boolean {
  return useModuleContext().hasPermission(permission);
}
