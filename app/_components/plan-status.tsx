import type { Overview } from '@/lib/data/overview-query';
import { formatDateLong, formatMonth } from '@/lib/format';

export function PlanStatus({ plan }: { plan: Overview['plan'] }) {
  const { revision } = plan;
  return (
    <section className="plan-status" aria-labelledby="plan-status-heading">
      <h2 id="plan-status-heading" className="sr-only">
        Planens status
      </h2>
      <p>
        Beslutad av {plan.decidedBy.toLowerCase()} {formatDateLong(plan.decidedDate)} ({plan.decisionParagraph}, dnr {plan.diarienummer}),
        grundad på lägesbilden {plan.basedOnLagesbild}. Bör revideras senast {formatMonth(plan.reviseBy)}.
      </p>
      {revision.overdue ? (
        <div className="notice alert" role="status">
          <p>
            <strong>Revideringen är försenad.</strong> Planen skulle ha reviderats senast {formatMonth(plan.reviseBy)} – det är{' '}
            {revision.monthsOverdue} {revision.monthsOverdue === 1 ? 'månad' : 'månader'} sedan. Lägesbilden ska enligt lag (2023:196)
            uppdateras minst vartannat år och åtgärdsplanen följas upp.
          </p>
        </div>
      ) : (
        <p>Revideringen är inte försenad (senast {formatDateLong(revision.dueDate)}).</p>
      )}
    </section>
  );
}
