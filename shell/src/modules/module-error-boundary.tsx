// Catches a module's render crash so only that module's area shows an error.
import type { ResolvedModule } from '@plugboard/shared';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ModuleErrorPanel } from './module-error-panel.tsx';
import { errorMessage } from './module-failure.ts';

type Props = {
  module: ResolvedModule;
  onCrash(error: unknown): void;
  onRetry(): void;
  children: ReactNode;
};

export class ModuleErrorBoundary extends Component<Props, { error: unknown; failed: boolean }> {
  override state = { error: null as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`[plugboard] ${this.props.module.id} crashed while rendering`, error, info.componentStack);
    this.props.onCrash(error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <ModuleErrorPanel
        module={this.props.module}
        code="RENDER_CRASHED"
        detail={errorMessage(this.state.error)}
        onRetry={this.props.onRetry}
      />
    );
  }
}
