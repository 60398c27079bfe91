import type { Overview } from '../data/overview-query';
import type { ActionView } from '../data/followup/measures';

export interface Reminder {
  kind: 'revision' | 'lagesbild' | 'delrapport' | 'stale';
  text: string;
  href: string | null;
}

/** The last year a lägesbild covers: "2022/2023" → 2023, "2024" → 2024. */
export function lagesbildYear(basedOn: string): number | null {
  const years = [...basedOn.matchAll(/(19|20)\d{2}/g)].map((m) => Number(m[0]));
  return years.length > 0 ? Math.max(...years) : null;
}

/**
 * What the coordinator should act on, from lag (2023:196) and the plan: the plan's revision date, the lägesbild's
 * age against the two-year rule, åtgärder without this year's delrapport, and indicators whose data is stale.
 */
export function reminders(overview: Overview, actions: ActionView[], today: Date): Reminder[] {
  const out: Reminder[] = [];
  const year = today.getUTCFullYear();
  const { revision } = overview.plan;
  if (revision.overdue) {
    out.push({
      kind: 'revision',
      href: null,
      text: `Åtgärdsplanen skulle ha reviderats senast ${overview.plan.reviseBy} (${revision.monthsOverdue} ${revision.monthsOverdue === 1 ? 'månad' : 'månader'} sedan).`,
    });
  }
  const ly = lagesbildYear(overview.plan.basedOnLagesbild);
  if (ly !== null && year - ly >= 2) {
    out.push({
      kind: 'lagesbild',
      href: '/lagesbild',
      text: `Lägesbilden (${overview.plan.basedOnLagesbild}) är ${year - ly} år gammal: den ska uppdateras minst vartannat år.`,
    });
  }
  const running = actions.filter((a) => a.action.status !== 'cancelled');
  const missing = running.filter((a) => !a.reports.some((r) => r.year === year));
  if (missing.length > 0) {
    out.push({
      kind: 'delrapport',
      href: '/atgarder',
      text: `${missing.length} av ${running.length} åtgärder saknar delrapport för ${year} (${missing
        .slice(0, 4)
        .map((m) => m.action.code)
        .join(', ')}${missing.length > 4 ? ' …' : ''}).`,
    });
  }
  const stale = new Map<string, string>();
  for (const a of overview.areas)
    for (const g of a.goals) for (const i of g.indicators) if (i.assessment.stale.stale) stale.set(i.id, i.name);
  if (stale.size > 0) {
    out.push({
      kind: 'stale',
      href: '/indikatorer',
      text: `${stale.size} ${stale.size === 1 ? 'mått har' : 'mått har'} inaktuella data: ${[...stale.values()].slice(0, 3).join('; ')}${stale.size > 3 ? ' …' : ''}.`,
    });
  }
  return out;
}
