// Renders one module route: loading state, time limit, error isolation, SDK context, telemetry.

import { ModuleContextProvider } from '@plugboard/sdk';
import type { ResolvedModule, ResolvedRoute } from '@plugboard/shared';
import { type ReactNode, Suspense, useCallback, useEffect, useId, useState } from 'react';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { useShellStore } from '../manifest/shell-store.ts';
import { reportOutcome } from '../telemetry/telemetry-client.ts';
import { ModuleErrorBoundary } from './module-error-boundary.tsx';
import { ModuleErrorPanel } from './module-error-panel.tsx';
import { errorMessage, ModuleFailure } from './module-failure.ts';
import { loadModuleComponent, type ModuleComponent, peekModuleComponent } from './module-loader.ts';
import { UpdatePendingNotice } from './update-pending-notice.tsx';
import { useModuleContextValue } from './use-module-context.ts';

type Props = { module: ResolvedModule; route: ResolvedRoute };

/** Releases + exposes already reported as loaded in this page, so revisits do not count twice. */
const reportedLoaded = new Set<string>();

function useReport(module: ResolvedModule) {
  const tenantId = useShellStore((s) => s.manifest?.tenant.id);
  return useCallback(
    (event: {
      outcome: 'loaded' | 'load-failed' | 'render-crashed';
      loadMs?: number;
      code?: string;
      message?: string;
    }) => {
      if (tenantId) reportOutcome(tenantId, { module: module.id, version: module.version, ...event });
    },
    [tenantId, module.id, module.version],
  );
}

/** The module instance's deferUpdates() (stable), cleared when the instance goes away. */
function useDeferUpdates(moduleId: string): (defer: boolean) => void {
  const instanceId = useId();
  const setDeferring = useShellStore((s) => s.setDeferring);
  useEffect(() => () => setDeferring(instanceId, moduleId, false), [setDeferring, instanceId, moduleId]);
  return useCallback(
    (defer: boolean) => setDeferring(instanceId, moduleId, defer === true),
    [setDeferring, instanceId, moduleId],
  );
}

export function ModuleHost({ module, route }: Props) {
  const [attempt, setAttempt] = useState(0);
  const report = useReport(module);
  const deferUpdates = useDeferUpdates(module.id);
  useDocumentTitle(route.title);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const onCrash = useCallback(
    (error: unknown) =>
      report({ outcome: 'render-crashed', code: 'RENDER_CRASHED', message: errorMessage(error) }),
    [report],
  );
  return (
    <section className="pb-module" data-module={module.id} data-version={module.version}>
      <UpdatePendingNotice module={module} />
      <ModuleErrorBoundary key={attempt} module={module} onCrash={onCrash} onRetry={retry}>
        <LoadedModule module={module} route={route} onRetry={retry} deferUpdates={deferUpdates} />
      </ModuleErrorBoundary>
    </section>
  );
}

type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; Component: ModuleComponent; startedAt: number | null }
  | { status: 'failed'; failure: ModuleFailure };

type LoadedProps = Props & { onRetry(): void; deferUpdates(defer: boolean): void };

function LoadedModule({ module, route, onRetry, deferUpdates }: LoadedProps) {
  const report = useReport(module);
  const context = useModuleContextValue(module, deferUpdates);
  const [state, setState] = useState<LoadState>(() => {
    const Component = peekModuleComponent(module, route.expose);
    return Component ? { status: 'ready', Component, startedAt: null } : { status: 'loading' };
  });

  useEffect(() => {
    if (state.status !== 'loading') return;
    let cancelled = false;
    const startedAt = performance.now();
    loadModuleComponent(module, route.expose).then(
      (Component) => {
        if (!cancelled) setState({ status: 'ready', Component, startedAt });
      },
      (error: unknown) => {
        if (cancelled) return;
        const failure = error instanceof ModuleFailure ? error : new ModuleFailure('LOAD_FAILED', error);
        console.error(`[plugboard] ${module.id}@${module.version} failed to load`, error);
        report({ outcome: 'load-failed', code: failure.code, message: failure.detail });
        setState({ status: 'failed', failure });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [state.status, module, route.expose, report]);

  if (state.status === 'failed') {
    return (
      <ModuleErrorPanel
        module={module}
        code={state.failure.code}
        detail={state.failure.detail}
        onRetry={onRetry}
      />
    );
  }
  const loading = (
    <div className="pb-module-loading" data-testid="module-loading" aria-busy="true">
      Loading {module.name}…
    </div>
  );
  if (state.status === 'loading' || !context) return loading;
  const { Component, startedAt } = state;
  const onFirstRender = () => {
    const key = `${module.remote.entry}#${route.expose}`;
    if (startedAt === null || reportedLoaded.has(key)) return;
    reportedLoaded.add(key);
    report({ outcome: 'loaded', loadMs: performance.now() - startedAt });
  };
  return (
    <ModuleContextProvider value={context}>
      <Suspense fallback={loading}>
        <Component />
        <AfterFirstRender onRender={onFirstRender} />
      </Suspense>
    </ModuleContextProvider>
  );
}

/** Rendered after the module: its effect runs once the module's first render committed. */
function AfterFirstRender({ onRender }: { onRender(): void }): ReactNode {
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the first commit counts
  useEffect(() => onRender(), []);
  return null;
}
