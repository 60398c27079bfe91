/** Prints the no-change simulation table of docs/statistics.md §10: `npm run stats:simulate [-- runs]`. */
import { SCENARIOS, simulateNoChange } from '../lib/stats/simulate';

const runs = Number(process.argv[2] ?? 20000);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
console.log('| Scenario | Säkerställd | Tecken (ej säkerställd) | Underlag saknas |');
console.log('|---|---|---|---|');
for (const s of SCENARIOS) {
  const r = simulateNoChange(s, runs);
  console.log(`| ${r.name} | ${pct(r.sakerstalld)} | ${pct(r.tecken)} | ${pct(r.underlag)} |`);
}
console.log(`\n${runs} series per scenario, seed 11.`);
