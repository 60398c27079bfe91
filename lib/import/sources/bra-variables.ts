import { headerKey } from '../table';

/*
 * The variables of Brå's "Indikatorer för kommuners lägesbild" and the catalogue indicators they land on.
 * Titles and variable names vary between the workbook and the long table that Region Dalarna publishes
 * ("Oro för att utsättas för bostadsinbrott enligt NTU. Andel …"), so they are matched by keywords on the
 * normalised text (lower case, no accents, hyphenation joined). First match wins.
 */

export interface NtuVariable {
  id: string;
  /** Brå's wording, for messages. */
  name: string;
  pattern: RegExp;
}

export const NTU_VARIABLES: NtuVariable[] = [
  {
    id: 'ntu_otrygg_kvall',
    name: 'Otrygghet vid utevistelse sent på kvällen i det egna bostadsområdet',
    pattern: /otrygghet vid utevistelse|otrygg\w* .*sen\w* kvall/,
  },
  { id: 'ntu_oro_samhalle', name: 'Oro över brottsligheten i samhället', pattern: /oro (over|for) brottsligheten i samhallet/ },
  {
    id: 'ntu_utsatt_person',
    name: 'Självrapporterad utsatthet för något brott mot enskild person',
    pattern: /utsatthet for .*brott mot enskild person/,
  },
  { id: 'ntu_fortroende', name: 'Förtroende för rättsväsendet som helhet', pattern: /fortroende for rattsvasendet/ },
  {
    id: 'ntu_problem_narkotikahandel',
    name: 'Problem med öppen narkotikahandel i det egna bostadsområdet',
    pattern: /oppen narkotikahandel/,
  },
  {
    id: 'ntu_avstatt_aktivitet',
    name: 'Avstått från någon aktivitet på grund av oro för att utsättas för brott',
    pattern: /avstatt fran .*aktivitet/,
  },
  {
    id: 'ntu_annan_vag',
    name: 'Valt en annan väg eller ett annat färdsätt på grund av oro för att utsättas för brott',
    pattern: /annan vag|annat fardsatt/,
  },
  { id: 'ntu_oro_misshandel', name: 'Oro för att utsättas för misshandel', pattern: /^oro .*utsattas for misshandel/ },
  {
    id: 'ntu_oro_sexuella_angrepp',
    name: 'Oro för att utsättas för våldtäkt/sexuella angrepp',
    pattern: /^oro .*(valdtakt|sexuella angrepp)/,
  },
  { id: 'ntu_oro_bostadsinbrott', name: 'Oro för att utsättas för bostadsinbrott', pattern: /^oro .*bostadsinbrott/ },
  { id: 'ntu_oro_bilbrott', name: 'Oro för att utsättas för stöld av/skadegörelse på bil', pattern: /^oro .*\bbil\b/ },
  { id: 'ntu_problem_skadegorelse', name: 'Problem med skadegörelse i det egna bostadsområdet', pattern: /^problem med skadegorelse/ },
  { id: 'ntu_problem_klotter', name: 'Problem med klotter i det egna bostadsområdet', pattern: /^problem med klotter/ },
  { id: 'ntu_problem_fortkorning', name: 'Problem med fortkörning i det egna bostadsområdet', pattern: /^problem med fortkorning/ },
  {
    id: 'ntu_problem_storande_korning',
    name: 'Problem med övrig störande körning i det egna bostadsområdet',
    pattern: /^problem med .*storande korning/,
  },
  {
    id: 'ntu_problem_paverkade',
    name: 'Problem med personer påverkade av alkohol eller droger i det egna bostadsområdet',
    pattern: /^problem med .*paverkade/,
  },
  { id: 'ntu_problem_gang', name: 'Problem med gäng som uppehåller sig i det egna bostadsområdet', pattern: /^problem med gang\b/ },
  { id: 'ntu_utsatt_misshandel', name: 'Självrapporterad utsatthet för misshandel', pattern: /utsatthet for misshandel/ },
  { id: 'ntu_utsatt_sexualbrott', name: 'Självrapporterad utsatthet för sexualbrott', pattern: /utsatthet for sexualbrott/ },
  { id: 'ntu_utsatt_ran', name: 'Självrapporterad utsatthet för rån', pattern: /utsatthet for (person)?ran\b/ },
  {
    id: 'ntu_utsatt_forsaljningsbedrageri',
    name: 'Självrapporterad utsatthet för försäljningsbedrägeri',
    pattern: /utsatthet for forsaljningsbedrageri/,
  },
  { id: 'ntu_utsatt_kortbedrageri', name: 'Självrapporterad utsatthet för kortbedrägeri', pattern: /utsatthet for kortbedrageri/ },
  { id: 'ntu_utsatt_cykelstold', name: 'Självrapporterad utsatthet för cykelstöld bland cykelägare', pattern: /utsatthet for cykelstold/ },
];

/** NTU indicators whose question asks about the previous calendar year (utsatthet). */
export const PREVIOUS_YEAR = new Set([
  'ntu_utsatt_person',
  'ntu_utsatt_misshandel',
  'ntu_utsatt_sexualbrott',
  'ntu_utsatt_ran',
  'ntu_utsatt_forsaljningsbedrageri',
  'ntu_utsatt_kortbedrageri',
  'ntu_utsatt_cykelstold',
]);

export interface CrimeVariable {
  name: string;
  /** Indicator for the count ("Antal") and for the rate ("Antal per 100 000 inv"). */
  count: string;
  rate: string;
  pattern: RegExp;
}

/** Reported crime (anmälda brott), 15 categories, each as count and per 100 000 inhabitants. */
export const CRIME_VARIABLES: CrimeVariable[] = [
  { name: 'Totalt antal anmälda brott', count: 'bra_anm_totalt', rate: 'kolada_anm_brott_100k', pattern: /^totalt\b/ },
  { name: 'Bilbrott', count: 'bra_anm_bilbrott', rate: 'bra_anm_bilbrott_100k', pattern: /^bilbrott/ },
  { name: 'Bostadsinbrott', count: 'bra_anm_bostadsinbrott', rate: 'bra_anm_bostadsinbrott_100k', pattern: /^bostadsinbrott/ },
  { name: 'Narkotikabrott', count: 'bra_anm_narkotikabrott', rate: 'bra_anm_narkotikabrott_100k', pattern: /^narkotikabrott/ },
  { name: 'Rån mot privatperson, unga', count: 'bra_anm_ran_unga', rate: 'bra_anm_ran_unga_100k', pattern: /^ran mot privatperson,? unga/ },
  { name: 'Skadegörelsebrott', count: 'bra_anm_skadegorelse', rate: 'bra_anm_skadegorelse_100k', pattern: /^skadegorelse/ },
  { name: 'Stöld och tillgreppsbrott, totalt', count: 'bra_anm_stold', rate: 'bra_anm_stold_100k', pattern: /^stold och tillgreppsbrott/ },
  { name: 'Trafikbrott, totalt', count: 'bra_anm_trafikbrott', rate: 'bra_anm_trafikbrott_100k', pattern: /^trafikbrott/ },
  {
    name: 'Våld i inomhusmiljö mot barn och unga, flickor',
    count: 'bra_anm_vald_barn_inomhus_flickor',
    rate: 'bra_anm_vald_barn_inomhus_flickor_100k',
    pattern: /^vald i inomhusmiljo mot barn .*flickor/,
  },
  {
    name: 'Våld i inomhusmiljö mot barn och unga, pojkar',
    count: 'bra_anm_vald_barn_inomhus_pojkar',
    rate: 'bra_anm_vald_barn_inomhus_pojkar_100k',
    pattern: /^vald i inomhusmiljo mot barn .*pojkar/,
  },
  {
    name: 'Våld i nära relationer, mot kvinnor',
    count: 'bra_anm_vnr_kvinnor',
    rate: 'bra_anm_vnr_kvinnor_100k',
    pattern: /^vald i nara relation\w*,? mot kvinnor/,
  },
  {
    name: 'Våld i nära relationer, mot män',
    count: 'bra_anm_vnr_man',
    rate: 'bra_anm_vnr_man_100k',
    pattern: /^vald i nara relation\w*,? mot man\b/,
  },
  {
    name: 'Våld i offentlig miljö mot barn och unga, flickor',
    count: 'bra_anm_vald_barn_offentlig_flickor',
    rate: 'bra_anm_vald_barn_offentlig_flickor_100k',
    pattern: /^vald i offentlig miljo mot barn .*flickor/,
  },
  {
    name: 'Våld i offentlig miljö mot barn och unga, pojkar',
    count: 'bra_anm_vald_barn_offentlig_pojkar',
    rate: 'bra_anm_vald_barn_offentlig_pojkar_100k',
    pattern: /^vald i offentlig miljo mot barn .*pojkar/,
  },
  {
    name: 'Våld i offentlig miljö mot vuxna',
    count: 'bra_anm_vald_offentlig_vuxna',
    rate: 'bra_anm_vald_offentlig_vuxna_100k',
    pattern: /^vald i offentlig miljo mot vuxna/,
  },
];

/** Lower case, no accents, single spaces, "brottslig-heten" → "brottsligheten". */
export function ntuKey(text: string): string {
  return headerKey(text).replace(/(\p{L})-(\p{L})/gu, '$1$2');
}

export function matchNtuVariable(variable: string): NtuVariable | null {
  const key = ntuKey(variable);
  return NTU_VARIABLES.find((v) => v.pattern.test(key)) ?? null;
}

export function matchCrimeVariable(variable: string): CrimeVariable | null {
  const key = ntuKey(variable).replace(/^anmalda brott:?\s*/, '');
  return CRIME_VARIABLES.find((v) => v.pattern.test(key)) ?? null;
}

/** "Antal svarande i NTU." — the respondents of the survey year, shared by every NTU variable of a geography. */
export const isRespondentsVariable = (variable: string) => /^antal svarande/.test(ntuKey(variable));

export const KNOWN_VARIABLES_TEXT = NTU_VARIABLES.map((v) => `"${v.name}" (${v.id})`).join(', ');

/** Where the values come from, stored with the import and shown beside every series it wrote. */
export const BRA_LAGESBILD_PROVENANCE = {
  publication: 'Indikatorer för kommuners lägesbild',
  publisher: 'Brå',
  url: null,
} as const;
