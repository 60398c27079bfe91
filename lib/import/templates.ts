/** The downloadable templates in data-imports/templates/ (documented in its README). */
export const TEMPLATES = [
  { file: 'generisk.csv', label: 'Generisk mall', description: 'en rad per värde, för kommunens egna register och allt annat (indikator;region;period;kön;grupp;värde;ki_låg;ki_hög;n;status;kommentar)' },
  { file: 'lupp.csv', label: 'Lupp', description: 'andelar per årskurs och kön med antal svarande och svarsfrekvens' },
  { file: 'svenskt-naringsliv.csv', label: 'Svenskt Näringsliv', description: 'andel företag som påverkas negativt av brottslighet och otrygghet' },
  { file: 'avlopp-rise.csv', label: 'Avloppsanalys (RISE)', description: 'labbresultat per reningsverk, provdatum och substans' },
] as const;
