import { SPARK_HEIGHT, SPARK_WIDTH, type SparkGeometry } from '@/lib/charts/sparkline';
import { REGION_STYLES } from '@/lib/charts/styles';

/**
 * A small trend line of the kommun's values as plain SVG (no chart library), drawn from a geometry computed on the
 * server (lib/charts/sparkline.ts). It is hidden from assistive technology: the row's text beside it carries the
 * same information. Example data is drawn dotted with a hollow end point, as in the charts.
 */
export function Sparkline({ spark, example }: { spark: SparkGeometry; example: boolean }) {
  const color = REGION_STYLES.kommun.color;
  return (
    <svg
      className="summary-spark"
      width={SPARK_WIDTH}
      height={SPARK_HEIGHT}
      viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`}
      aria-hidden="true"
      focusable="false"
    >
      <path d={spark.d} fill="none" stroke={color} strokeWidth="1.5" strokeDasharray={example ? '2 2' : undefined} />
      <circle cx={spark.cx} cy={spark.cy} r="2.5" fill={example ? '#fff' : color} stroke={color} strokeWidth="1.2" />
    </svg>
  );
}
