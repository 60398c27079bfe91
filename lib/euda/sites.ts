/**
 * The kommun each Swedish EUDA/SCORE site lies in (SiteID → SCB kommunkod). EUDA names cities, not
 * kommuner, and spells them inconsistently ("Umea", "Gothenburg", "Stockholm (2)"), so the map is explicit.
 * Sites elsewhere have no Swedish geography and are not imported.
 */
export const SWEDISH_SITE_KOMMUN: Readonly<Record<string, string>> = {
  SE001: '1480', // Gothenburg → Göteborg
  SE002: '2180', // Gävle
  SE003: '1780', // Karlstad
  SE004: '2181', // Sandviken
  SE005: '0180', // Stockholm (2): Bromma and Henriksdal
  SE008: '2182', // Söderhamn
  SE009: '1488', // Trollhättan
  SE010: '2480', // Umea → Umeå
  SE011: '0380', // Uppsala
  SE012: '0780', // Växjö
};
