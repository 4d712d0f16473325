// Exposed as "./Fine": the control case, a module from the same remote that renders normally.
import { useModuleContext } from '@plugboard/sdk';

export default function Fine() {
  const ctx = useModuleContext();
  return (
    <p data-testid="faulty-fine" style={{ color: 'var(--pb-text, #0f172a)' }}>
      faulty module rendered fine{' '}
      <small style={{ color: 'var(--pb-muted, #64748b)' }}>({ctx.tenant.name})</small>
    </p>
  );
}
