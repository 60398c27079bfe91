/** The roles a column can play in a column mapping, with their Swedish names (no dependencies: used by the browser). */
export const ROLES = ['region', 'period', 'value', 'ciLow', 'ciHigh', 'n', 'sex', 'group', 'status', 'kpi'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  region: 'Region',
  period: 'Period',
  value: 'Värde',
  ciLow: 'KI låg',
  ciHigh: 'KI hög',
  n: 'Antal svarande (n)',
  sex: 'Kön',
  group: 'Grupp',
  status: 'Status',
  kpi: 'Nyckeltal (indikator per rad)',
};
