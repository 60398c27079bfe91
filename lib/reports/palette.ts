/** The report files' colours (chart, PDF, DOCX): one palette, contrast ≥ 4.5:1 on white for text colours. */
export const PALETTE = {
  ink: '#1b1b1b',
  muted: '#4a4a4a',
  accent: '#1f4e79',
  rule: '#c9ced6',
  headBg: '#e8edf3',
  warnBg: '#fff4ce',
  warnInk: '#5c4300',
} as const;

/** Word wants colours as six hex digits without '#'. */
export const wordColour = (hex: string) => hex.slice(1).toUpperCase();
