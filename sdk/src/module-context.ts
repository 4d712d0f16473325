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
