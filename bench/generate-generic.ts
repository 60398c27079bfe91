// Writes a generic long-format CSV with N rows of distinct keys: every kommun, län and riket ×
// indicators × periods × sex, plausible values. Usage: tsx bench/generate-generic.ts <file> <rows>
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';

const [file, rowsArg] = process.argv.slice(2);
if (!file || !rowsArg) {
  console.error('Användning: tsx bench/generate-generic.ts <fil> <antal rader>');
  process.exit(2);
}
const rows = Number(rowsArg);
const root = path.resolve(import.meta.dirname, '..');
const kommuner = fs
  .readFileSync(path.join(root, 'data-imports/regions/kommuner.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(',')[0]!);
const lan = fs
  .readFileSync(path.join(root, 'data-imports/regions/lan.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(',')[0]!);
const regions = ['00', ...lan, ...kommuner];
const indicators = (
  JSON.parse(fs.readFileSync(path.join(root, 'data-imports/catalogue/indicators.json'), 'utf8')) as { id: string; unitKind: string }[]
).filter((i) => i.unitKind === 'percent');
const sexes = ['Totalt', 'Kvinnor', 'Män'];
const out = fs.createWriteStream(file);
out.write('indikator;region;period;kön;grupp;värde;ki_låg;ki_hög;n;status;kommentar\n');
let written = 0;
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
outer: for (let year = 1950; ; year++) {
  for (const ind of indicators)
    for (const region of regions)
      for (const sex of sexes) {
        if (written >= rows) break outer;
        const v = 5 + rand() * 60;
        const m = 1 + rand() * 5;
        const line = `${ind.id};${region};${year};${sex};;${v.toFixed(1).replace('.', ',')};${Math.max(0, v - m)
          .toFixed(1)
          .replace('.', ',')};${(v + m).toFixed(1).replace('.', ',')};${200 + Math.floor(rand() * 2000)};;\n`;
        if (!out.write(line)) await once(out, 'drain');
        written++;
      }
}
out.end();
await once(out, 'finish');
console.log(`${written} rader skrivna till ${file}`);
