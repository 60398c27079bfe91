/**
 * Builds a kommun's "Indikatorer för kommuners lägesbild" workbook (as Brå publishes it per kommun) from the
 * real values in the long table, in the layout described in data-imports/bra/README.md: one sheet per NTU
 * variable and measure, "Antal svarande i NTU.", and one "(anmälda brott)" sheet per crime variable. Used to
 * make the test fixtures; the values are Brå's, only the layout is rebuilt.
 *
 *   npx tsx scripts/build-bra-workbook.ts <long-table.csv> <kommun> <out.xlsx>
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

type Row = { kalla: string; variabel: string; enhet: string; geografi: string; ar: string; varde: string };

export async function buildWorkbook(csvText: string, kommun: string, lan: string): Promise<ExcelJS.Workbook> {
  const rows = Papa.parse<Row>(csvText.replace(/^\uFEFF/, ''), { header: true, delimiter: ';', skipEmptyLines: true }).data;
  const geos = [kommun, lan, 'Hela landet'];
  const mine = rows.filter((r) => geos.includes(r.geografi));
  const wb = new ExcelJS.Workbook();
  const used = new Set<string>();
  const sheetName = (base: string) => {
    let name = base
      .replace(/[\\/?*[\]:]/g, ' ')
      .slice(0, 31)
      .trim();
    for (let i = 2; used.has(name); i++) name = `${base.slice(0, 28).trim()} ${i}`;
    used.add(name);
    return name;
  };
  const groups = new Map<string, Row[]>();
  for (const r of mine) {
    const key = `${r.kalla}\u0000${r.variabel}\u0000${r.kalla.startsWith('Nationella') ? r.enhet : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [key, group] of groups) {
    const [kalla, variabel, enhet] = key.split('\u0000') as [string, string, string];
    const crime = !kalla.startsWith('Nationella');
    const years = [...new Set(group.map((r) => r.ar))].sort();
    const span = `${years[0]}–${years.at(-1)}`;
    let title: string;
    let name: string;
    let columns: { label: string; ar: string; enhet: string }[];
    if (crime) {
      title = `${variabel} i kommunen, länet och hela landet ${span}. Antal och antal per 100 000 invånare.`;
      name = sheetName(`${variabel.slice(0, 14).trim()} (anmälda brott)`);
      columns = ['Antal', 'Antal per 100 000 inv'].flatMap((e) => years.map((ar) => ({ label: `${e} ${ar}`, ar, enhet: e })));
    } else {
      const respondents = variabel.startsWith('Antal svarande');
      // Utsatthet is published by the year it refers to: the title carries both ranges, as Brå's does.
      const survey = /utsatthet/i.test(variabel) ? `${Number(years[0]) + 1}–${Number(years.at(-1)) + 1}` : span;
      const short = variabel.replace(/ enligt NTU\..*$/, '');
      title = respondents ? variabel : `${short}${survey !== span ? ` ${span}` : ''}, enligt NTU ${survey}. ${enhet}`;
      const suffix = enhet.startsWith('KI') ? (enhet.includes('undre') ? ' KI undre' : ' KI övre') : '';
      name = sheetName(
        respondents
          ? 'Antal svarande'
          : `${short
              .replace(/^(Problem med|Oro för att utsättas för|Självrapporterad utsatthet för) /, '')
              .slice(0, 31 - suffix.length)
              .trim()}${suffix}`,
      );
      columns = years.map((ar) => ({ label: ar, ar, enhet }));
    }
    const ws = wb.addWorksheet(name);
    ws.getCell('A1').value = title;
    ws.getRow(2).values = ['', ...columns.map((c) => c.label)];
    geos.forEach((g, i) => {
      const values = columns.map((c) => {
        const hit = group.find((r) => r.geografi === g && r.ar === c.ar && (!crime || r.enhet === c.enhet));
        if (!hit) return null;
        const v = Number(hit.varde);
        return Number.isFinite(v) && hit.varde !== '' ? v : hit.varde;
      });
      ws.getRow(3 + i).values = [g, ...values];
    });
    ws.getCell(`A${3 + geos.length + 1}`).value = 'Källa: Brå';
  }
  return wb;
}

async function main() {
  const [csv, kommun, out] = process.argv.slice(2);
  if (!csv || !kommun || !out) {
    console.error('Användning: npx tsx scripts/build-bra-workbook.ts <lång-tabell.csv> <kommun> <ut.xlsx>');
    process.exit(2);
  }
  const wb = await buildWorkbook(fs.readFileSync(csv, 'utf8'), kommun, 'Dalarnas län');
  await wb.xlsx.writeFile(out);
  console.log(`${out}: ${wb.worksheets.length} blad`);
}

if (process.argv[1]?.endsWith('build-bra-workbook.ts')) await main();
