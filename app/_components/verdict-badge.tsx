import Link from 'next/link';
import type { Verdict, VerdictLabel } from '@/lib/stats/types';

/**
 * Each verdict has its own shape and word: colour is never the only signal. Only a säkerställd change is
 * coloured; the weak level ("Tecken på …, ej säkerställd") is drawn neutral. Every badge links to the
 * methods page, where the verdict and its test are explained.
 */
const STYLE: Record<VerdictLabel, { shape: string; className: string; anchor: string }> = {
  'Målet uppnått': { shape: '★', className: 'v-met', anchor: 'malvarde' },
  'Säkerställd förbättring': { shape: '▲', className: 'v-better', anchor: 'sakerstalld' },
  'Tecken på förbättring (ej säkerställd)': { shape: '△', className: 'v-weak', anchor: 'tecken' },
  Oförändrat: { shape: '●', className: 'v-same', anchor: 'oforandrat' },
  'Tecken på försämring (ej säkerställd)': { shape: '▽', className: 'v-weak', anchor: 'tecken' },
  'Säkerställd försämring': { shape: '▼', className: 'v-worse', anchor: 'sakerstalld' },
  'Underlag saknas': { shape: '?', className: 'v-none', anchor: 'underlag-saknas' },
};

export const METHOD_PAGE = '/metod';

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  if (verdict.label === null) {
    return (
      <Link href={`${METHOD_PAGE}#sammanhang`} className="verdict-badge v-ctx">
        <span aria-hidden="true">◇</span> Sammanhang: {verdict.neutral ?? 'ingen bedömning'}
      </Link>
    );
  }
  const s = STYLE[verdict.label];
  return (
    <>
      <Link href={`${METHOD_PAGE}#${s.anchor}`} className={`verdict-badge ${s.className}`}>
        <span aria-hidden="true">{s.shape}</span> {verdict.label}
        {verdict.labelSuffix ? ` ${verdict.labelSuffix}` : ''}
        {verdict.provisional && ' (preliminärt)'}
      </Link>
      {verdict.target && (
        <Link href={`${METHOD_PAGE}#malvarde`} className={`verdict-badge ${verdict.target.met ? 'v-met' : 'v-ctx'}`}>
          <span aria-hidden="true">{verdict.target.met ? '★' : '☆'}</span> {verdict.target.text}
        </Link>
      )}
    </>
  );
}

export function RollupBadge({ label, count }: { label: VerdictLabel; count: number }) {
  const s = STYLE[label];
  return (
    <Link href={`${METHOD_PAGE}#${s.anchor}`} className={`verdict-badge ${s.className}`}>
      <span aria-hidden="true">{s.shape}</span> {count} {label.toLowerCase()}
    </Link>
  );
}
