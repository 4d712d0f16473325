// Exposed as "./ClientDetail": one client, the id taken from the last URL segment (/clients/:id),
// so the module does not depend on react-router being shared.
import { useModuleContext } from '@plugboard/sdk';
import { useEffect, useState } from 'react';
import { findClient } from './data.ts';
import { button, card, color, statusColor } from './styles.ts';

function idFromPath(): string {
  const last = window.location.pathname.replace(/\/+$/, '').split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export default function ClientDetail() {
  const ctx = useModuleContext();
  const [id, setId] = useState(idFromPath);
  // Back/forward between two client pages may keep this component mounted.
  useEffect(() => {
    const sync = () => setId(idFromPath());
    window.addEventListener('popstate', sync);
    return () => window.removeEventListener('popstate', sync);
  }, []);
  const client = findClient(id);
  const canEdit = ctx.hasPermission('clients.write');

  return (
    <section data-testid="client-detail" style={card}>
      <button type="button" style={button} onClick={() => ctx.navigate('/clients')}>
        ← All clients
      </button>
      {client ? (
        <>
          <h1 style={{ margin: '12px 0 4px' }}>{client.name}</h1>
          <p style={{ margin: 0, color: color.muted }}>
            Client {client.id} of {ctx.tenant.name}
          </p>
          <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 16px' }}>
            <dt style={{ color: color.muted }}>Email</dt>
            <dd style={{ margin: 0 }}>{client.email}</dd>
            <dt style={{ color: color.muted }}>City</dt>
            <dd style={{ margin: 0 }}>{client.city}</dd>
            <dt style={{ color: color.muted }}>Status</dt>
            <dd style={{ margin: 0, color: statusColor[client.status] }}>{client.status}</dd>
          </dl>
          <p style={{ color: color.muted }}>{canEdit ? 'You can edit this client.' : 'Read-only access.'}</p>
        </>
      ) : (
        <p data-testid="client-not-found" style={{ color: color.muted }}>
          No client with id “{id}”.
        </p>
      )}
    </section>
  );
}
