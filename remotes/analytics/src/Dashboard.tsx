// Exposed as "./Dashboard": KPI cards and a weekly bar chart that refresh every
// config.refreshInterval seconds (default 300, kept within 60–3600 as the manifest declares).
import { useModuleContext } from '@plugboard/sdk';
import { type CSSProperties, useEffect, useState } from 'react';
import { metricsFor } from './data.ts';

const color = {
  primary: 'var(--pb-primary, #2563eb)',
  surface: 'var(--pb-surface, #ffffff)',
  text: 'var(--pb-text, #0f172a)',
  muted: 'var(--pb-muted, #64748b)',
  background: 'var(--pb-background, #f8fafc)',
};
const card: CSSProperties = {
  background: color.surface,
  color: color.text,
  borderRadius: 8,
  padding: 16,
  boxShadow: '0 1px 2px rgba(15, 23, 42, 0.08)',
};

function refreshSecondsOf(config: Record<string, unknown>): number {
  const v = config.refreshInterval;
  if (typeof v !== 'number' || !Number.isFinite(v)) return 300;
  return Math.min(3600, Math.max(60, Math.round(v)));
}

const CHART = { width: 420, height: 160, gap: 12, label: 18 };

export default function Dashboard() {
  const ctx = useModuleContext();
  const seconds = refreshSecondsOf(ctx.config);
  const [refresh, setRefresh] = useState(0);
  const [updatedAt, setUpdatedAt] = useState(() => new Date());

  useEffect(() => {
    const timer = window.setInterval(() => {
      setRefresh((n) => n + 1);
      setUpdatedAt(new Date());
    }, seconds * 1000);
    return () => window.clearInterval(timer);
  }, [seconds]);

  const { kpis, weekly } = metricsFor(ctx.tenant.id, refresh);
  const barWidth = (CHART.width - CHART.gap * (weekly.length - 1)) / weekly.length;
  const plot = CHART.height - CHART.label;

  return (
    <section data-testid="analytics-dashboard" style={{ display: 'grid', gap: 16 }}>
      <header>
        <h1 style={{ margin: '0 0 4px', color: color.text }}>Analytics</h1>
        <p style={{ margin: 0, color: color.muted }}>
          {ctx.tenant.name} · <span data-testid="analytics-refresh">Refreshes every {seconds} s</span> · last
          update {updatedAt.toLocaleTimeString()}
        </p>
      </header>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', gap: 12 }}>
        {kpis.map((k) => (
          <div key={k.label} data-testid="analytics-kpi" style={card}>
            <div style={{ color: color.muted, fontSize: 13 }}>{k.label}</div>
            <div style={{ fontSize: 28, fontWeight: 600 }}>{k.value}</div>
            <div style={{ fontSize: 13, color: k.delta >= 0 ? '#16a34a' : '#dc2626' }}>
              {k.delta >= 0 ? '▲' : '▼'} {Math.abs(k.delta)}%
            </div>
          </div>
        ))}
      </div>
      <div style={card}>
        <h2 style={{ margin: '0 0 8px', fontSize: 16 }}>Sessions this week</h2>
        <svg
          role="img"
          aria-label="Sessions per day this week"
          viewBox={`0 0 ${CHART.width} ${CHART.height}`}
          style={{ width: '100%', maxWidth: CHART.width }}
        >
          {weekly.map((d, i) => {
            const h = (d.value / 100) * plot;
            const x = i * (barWidth + CHART.gap);
            return (
              <g key={d.label}>
                <rect x={x} y={plot - h} width={barWidth} height={h} rx={3} fill={color.primary}>
                  <title>{`${d.label}: ${d.value}`}</title>
                </rect>
                <text
                  x={x + barWidth / 2}
                  y={CHART.height - 4}
                  textAnchor="middle"
                  fontSize={11}
                  fill={color.muted}
                >
                  {d.label}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </section>
  );
}
