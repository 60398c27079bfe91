import type { GoalTrend } from '@/lib/data/summary-query';
import { REGION_STYLES } from '@/lib/charts/styles';

const W = 96;
const H = 28;
const PAD = 3;

/**
 * A small trend line of the kommun's values, drawn on the server as plain SVG (no chart library, no JavaScript).
 * It is hidden from assistive technology: the row's text (`trend.text`, beside it) carries the same information.
 * Example data is drawn dotted with a hollow end point, as in the charts.
 */
export function Sparkline({ trend }: { trend: GoalTrend }) {
  const values = trend.points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => PAD + (i * (W - 2 * PAD)) / Math.max(1, values.length - 1);
  // A flat series sits in the middle; otherwise the lowest value at the bottom.
  const y = (v: number) => (max === min ? H / 2 : H - PAD - ((v - min) * (H - 2 * PAD)) / span);
  const d = values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`).join('');
  const last = values.length - 1;
  const color = REGION_STYLES.kommun.color;
  return (
    <svg className="summary-spark" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke={color} strokeWidth="1.5" strokeDasharray={trend.example ? '2 2' : undefined} />
      <circle
        cx={x(last).toFixed(1)}
        cy={y(values[last]!).toFixed(1)}
        r="2.5"
        fill={trend.example ? '#fff' : color}
        stroke={color}
        strokeWidth="1.2"
      />
    </svg>
  );
}
