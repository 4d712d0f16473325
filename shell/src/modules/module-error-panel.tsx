// What a user sees instead of a module that failed to load or crashed.
import { MODULE_FAILURE_CODES, type ModuleFailureCode, type ResolvedModule } from '@plugboard/shared';

type Props = { module: ResolvedModule; code: ModuleFailureCode; detail: string; onRetry(): void };

export function ModuleErrorPanel({ module, code, detail, onRetry }: Props) {
  return (
    <div className="pb-module-error" role="alert" data-testid="module-error" data-code={code}>
      <h2>
        {module.name} <span className="pb-muted">({module.id})</span> could not be shown
      </h2>
      <p>
        Release <strong data-testid="module-error-version">{module.version}</strong>:{' '}
        <code data-testid="module-error-code">{code}</code> — {MODULE_FAILURE_CODES[code]}
      </p>
      {detail ? (
        <pre className="pb-module-error-detail" data-testid="module-error-detail">
          {detail}
        </pre>
      ) : null}
      <button type="button" className="pb-button" onClick={onRetry} data-testid="module-retry">
        Retry
      </button>
    </div>
  );
}
