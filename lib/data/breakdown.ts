import { SEX_BREAKDOWN_LABELS as SEX_NAME } from '../vocabulary';

/** How a breakdown (kön × grupp × plats) is named in the UI. */
export function breakdownLabel(b: { sex: 'T' | 'K' | 'M'; grp: string; site: string }): string {
  const parts = [
    b.sex !== 'T' ? SEX_NAME[b.sex] : '',
    b.grp === 'vardag' ? 'vardagsmedel' : b.grp === 'helg' ? 'helgmedel' : b.grp,
    b.site ? `reningsverk ${b.site}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Totalt';
}
