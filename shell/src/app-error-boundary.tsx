// Last resort: if the shell itself throws, show a way out instead of a blank page.
import { Component, type ReactNode } from 'react';
import { errorMessage } from './modules/module-failure.ts';

export class AppErrorBoundary extends Component<
  { children: ReactNode },
  { error: unknown; failed: boolean }
> {
  override state = { error: null as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('[plugboard] the shell crashed', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="pb-centered">
        <div className="pb-panel" role="alert" data-testid="shell-crash">
          <h1>Something went wrong</h1>
          <p className="pb-muted">{errorMessage(this.state.error)}</p>
          <div className="pb-actions">
            <button
              type="button"
              className="pb-button"
              onClick={() => this.setState({ error: null, failed: false })}
            >
              Try again
            </button>
            <button
              type="button"
              className="pb-button pb-button-quiet"
              onClick={() => window.location.assign('/')}
            >
              Reload
            </button>
          </div>
        </div>
      </div>
    );
  }
}
