import { distance } from 'fastest-levenshtein';
import type { IndicatorType, UnitKind } from '../catalogue/catalogue-file';
import { regionNameKeys } from '../regions/normalize';

export interface IndicatorInfo {
  id: string;
  name: string;
  unitKind: UnitKind;
  type: IndicatorType;
  decimals: number;
  sourceId: string;
}

export interface RegionInfo {
  code: string;
  kind: 'riket' | 'lan' | 'kommun';
  name: string;
}

export type RegionResult = { ok: true; code: string } | { ok: false; message: string };

/** Resolves region codes and names as files write them. */
export class RegionResolver {
  private readonly byCode: Map<string, RegionInfo>;
  private readonly aliasKeys: string[];

  constructor(
    regions: RegionInfo[],
    private readonly aliases: Map<string, string>,
  ) {
    this.byCode = new Map(regions.map((r) => [r.code, r]));
    this.aliasKeys = [...aliases.keys()];
  }

  get(code: string): RegionInfo | undefined {
    return this.byCode.get(code);
  }

  resolve(input: string): RegionResult {
    const raw = input.trim();
    if (raw === '') return { ok: false, message: 'regionen saknas' };
    if (/^\d{1,4}$/.test(raw)) return this.resolveCode(raw);
    for (const key of regionNameKeys(raw)) {
      const code = this.aliases.get(key);
      if (code) return { ok: true, code };
    }
    return { ok: false, message: `okänd region. ${this.suggest(raw)}` };
  }

  private resolveCode(raw: string): RegionResult {
    // Kolada writes riket "0000" and län "00xx"; Excel drops leading zeros ("114" for 0114, "1" for 01).
    const candidates =
      raw === '0000' || raw === '0'
        ? ['00']
        : raw.length === 4 && raw.startsWith('00')
          ? [raw.slice(2)]
          : raw.length <= 2
            ? [raw.padStart(2, '0')]
            : [raw.padStart(4, '0')];
    for (const c of candidates) if (this.byCode.has(c)) return { ok: true, code: c };
    return {
      ok: false,
      message: 'okänd regionkod: ange kommunkod (4 siffror, t.ex. 2083), länskod (2 siffror, t.ex. 20) eller 00 för riket',
    };
  }

  /** "Menade du Hedemora (2083)?" from the nearest alias names. */
  suggest(raw: string): string {
    const key = regionNameKeys(raw)[0]!;
    const ranked = [...this.aliasKeys].sort((a, b) => distance(key, a) - distance(key, b)).slice(0, 12);
    const names: string[] = [];
    for (const alias of ranked) {
      const r = this.byCode.get(this.aliases.get(alias)!);
      const label = r ? `${r.name} (${r.code})` : alias;
      if (!names.includes(label)) names.push(label);
      if (names.length === 3) break;
    }
    return names.length ? `Närmast: ${names.join(', ')}.` : '';
  }
}

export interface ImportContext {
  indicators: Map<string, IndicatorInfo>;
  regions: RegionResolver;
}
