// Exposed as "./Fine": the control case, a module from the same remote that renders normally.
// Its text field and "hold updates" box let tests prove live swaps keep or defer module state.
import { useDeferUpdates, useModuleContext } from '@plugboard/sdk';
import { useState } from 'react';

export default function Fine() {
  const ctx = useModuleContext();
  const [text, setText] = useState('');
  const [hold, setHold] = useState(false);
  useDeferUpdates(hold);
  return (
    <div>
      <p data-testid="faulty-fine" style={{ color: 'var(--pb-text, #0f172a)' }}>
        faulty module rendered fine{' '}
        <small style={{ color: 'var(--pb-muted, #64748b)' }}>({ctx.tenant.name})</small>
      </p>
      <input
        aria-label="Notes"
        data-testid="faulty-fine-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />{' '}
      <label>
        <input
          type="checkbox"
          data-testid="faulty-fine-defer"
          checked={hold}
          onChange={(e) => setHold(e.target.checked)}
        />{' '}
        Hold updates
      </label>
    </div>
  );
}
