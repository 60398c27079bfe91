import type { Verdict, VerdictLabel } from '@/lib/stats/types';

/** Each verdict has its own shape and word: colour is never the only signal. */
const STYLE: Record<VerdictLabel, { shape: string; className: string }> = {
  'Målet uppnått': { shape: '★', className: 'v-met' },
  'Säkerställd förbättring': { shape: '▲', className: 'v-better' },
  'Tecken på förbättring (ej säkerställd)': { shape: '△', className: 'v-better-weak' },
  Oförändrat: { shape: '●', className: 'v-same' },
  'Tecken på försämring (ej säkerställd)': { shape: '▽', className: 'v-worse-weak' },
  'Säkerställd försämring': { shape: '▼', className: 'v-worse' },
  'Underlag saknas': { shape: '?', className: 'v-none' },
};

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  if (verdict.label === null) {
    return <span className="verdict-badge v-ctx"><span aria-hidden="true">◇</span> Sammanhang: {verdict.neutral ?? 'ingen bedömning'}</span>;
  }
  const s = STYLE[verdict.label];
  return (
    <span className={`verdict-badge ${s.className}`}>
      <span aria-hidden="true">{s.shape}</span> {verdict.label}{verdict.labelSuffix ? ` ${verdict.labelSuffix}` : ''}
      {verdict.provisional && ' (preliminärt)'}
    </span>
  );
}

export function RollupBadge({ label, count }: { label: VerdictLabel; count: number }) {
  const s = STYLE[label];
  return <span className={`verdict-badge ${s.className}`}><span aria-hidden="true">{s.shape}</span> {count} {label.toLowerCase()}</span>;
}
