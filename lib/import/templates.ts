/** The downloadable templates in data-imports/templates/ (documented in its README). */
export const TEMPLATES = [
  {
    file: 'generisk.csv',
    label: 'Generisk mall',
    description:
      'en rad per värde, för kommunens egna register och allt annat (indikator;region;period;kön;grupp;värde;ki_låg;ki_hög;n;status;kommentar)',
  },
  {
    file: 'ntu.csv',
    label: 'NTU (Brå)',
    description:
      'andel med 95 % konfidensintervall och antal svarande per kommun och period, för NTU-siffror ur Brås rapporter (generiska kolumner, t.ex. ntu_otrygg_kvall;2083;2023–2024)',
  },
  { file: 'lupp.csv', label: 'Lupp', description: 'andelar per årskurs och kön med antal svarande och svarsfrekvens' },
  {
    file: 'svenskt-naringsliv.csv',
    label: 'Svenskt Näringsliv',
    description: 'andel företag som påverkas negativt av brottslighet och otrygghet',
  },
  { file: 'avlopp-rise.csv', label: 'Avloppsanalys (RISE)', description: 'labbresultat per reningsverk, provdatum och substans' },
] as const;
