// Exposed as "./ClientList": the tenant's clients, searchable by name, paged by config.pageSize.
import { useModuleContext } from '@plugboard/sdk';
import { type MouseEvent, useState } from 'react';
import { CLIENTS, type Client } from './data.ts';
import { button, card, cell, color, statusColor } from './styles.ts';

/** The tenant's page size, kept inside the manifest's bounds whatever the config says. */
function pageSizeOf(config: Record<string, unknown>): number {
  const v = config.pageSize;
  if (typeof v !== 'number' || !Number.isFinite(v)) return 10;
  return Math.min(100, Math.max(5, Math.round(v)));
}

export default function ClientList() {
  const ctx = useModuleContext();
  const pageSize = pageSizeOf(ctx.config);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);

  const needle = query.trim().toLowerCase();
  const matches = needle ? CLIENTS.filter((c) => c.name.toLowerCase().includes(needle)) : CLIENTS;
  const pages = Math.max(1, Math.ceil(matches.length / pageSize));
  const current = Math.min(page, pages - 1);
  const start = current * pageSize;
  const rows = matches.slice(start, start + pageSize);
  const range = rows.length ? `${start + 1}–${start + rows.length}` : '0';

  const open = (client: Client) => {
    ctx.events.emit('clients.opened', { id: client.id });
    ctx.navigate(`/clients/${client.id}`);
  };
  // The name is a real link (middle-click, new tab); a plain click is left to the row's handler.
  const onLinkClick = (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) e.stopPropagation();
    else e.preventDefault();
  };

  return (
    <section data-testid="clients-list" style={{ ...card, fontFamily: 'inherit' }}>
      <h1 style={{ margin: '0 0 4px' }}>Clients</h1>
      <p style={{ margin: '0 0 12px', color: color.muted }}>Clients of {ctx.tenant.name}</p>
      <input
        type="search"
        aria-label="Search clients by name"
        placeholder="Search by name…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setPage(0);
        }}
        style={{ padding: '6px 10px', width: '100%', maxWidth: 320, boxSizing: 'border-box' }}
      />
      <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 12 }}>
        <thead>
          <tr style={{ color: color.muted }}>
            <th style={cell}>Name</th>
            <th style={cell}>Email</th>
            <th style={cell}>City</th>
            <th style={cell}>Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} data-testid="client-row" onClick={() => open(c)} style={{ cursor: 'pointer' }}>
              <td style={cell}>
                <a href={`/clients/${c.id}`} onClick={onLinkClick} style={{ color: color.primary }}>
                  {c.name}
                </a>
              </td>
              <td style={cell}>{c.email}</td>
              <td style={cell}>{c.city}</td>
              <td style={{ ...cell, color: statusColor[c.status] }}>{c.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p style={{ color: color.muted }}>No client matches “{query}”.</p>}
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginTop: 12 }}>
        <button type="button" style={button} disabled={current === 0} onClick={() => setPage(current - 1)}>
          Previous
        </button>
        <span data-testid="clients-page-size" style={{ color: color.muted }}>
          Showing {range} of {matches.length} · page size {pageSize}
        </span>
        <button
          type="button"
          style={button}
          disabled={current >= pages - 1}
          onClick={() => setPage(current + 1)}
        >
          Next
        </button>
      </div>
    </section>
  );
}
