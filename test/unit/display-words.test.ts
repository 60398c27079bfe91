import { describe, expect, it } from 'vitest';
import { withNames } from '@/lib/audit';
import { auditValue, describeChange, sideText } from '@/lib/audit-format';
import { axisTick, placeMarks } from '@/lib/charts/axis';
import { normaliseAddress } from '@/lib/net/address';
import { splitWorkingNotes } from '@/lib/notes';
import { regionDisplayName, TERMS } from '@/lib/vocabulary';

describe('addresses as people read them', () => {
  it('an IPv4-mapped IPv6 address is the IPv4 address, dotted or hexadecimal', () => {
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseAddress('::FFFF:10.1.2.3')).toBe('10.1.2.3');
    expect(normaliseAddress('[::ffff:192.0.2.4]')).toBe('192.0.2.4');
    expect(normaliseAddress('0:0:0:0:0:ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(normaliseAddress('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(normaliseAddress('::ffff:c000:204')).toBe('192.0.2.4');
  });

  it('anything else is left as it is; blanks are nothing', () => {
    expect(normaliseAddress('::1')).toBe('::1');
    expect(normaliseAddress('2001:db8::ffff:1')).toBe('2001:db8::ffff:1');
    expect(normaliseAddress(' 203.0.113.9 ')).toBe('203.0.113.9');
    expect(normaliseAddress('')).toBeNull();
    expect(normaliseAddress(null)).toBeNull();
  });
});

describe('the change log in Swedish', () => {
  const names = { ntu_otrygg_kvall: 'Otrygghet vid utevistelse sent på kvällen' };

  it('an edit lists only the fields that changed, with Swedish names and labels', () => {
    const c = describeChange(
      { status: 'not_started', startDate: null, endDate: null, effectHorizon: 'short' },
      { status: 'ongoing', startDate: '2025-01-15', endDate: null, effectHorizon: 'short' },
    );
    expect(c).toEqual([
      { field: 'Status', before: 'Ej påbörjad', after: 'Pågår' },
      { field: 'Startdatum', before: null, after: '2025-01-15' },
    ]);
  });

  it('a created record lists what it holds; ids, years and lists read as such', () => {
    const c = describeChange(null, { year: 2026, meetingDate: '2026-03-02', importIds: [2, 14] });
    expect(c.map((x) => `${x.field}: ${x.after}`)).toEqual(['År: 2026', 'Mötesdatum: 2026-03-02', 'Importer: 2, 14']);
    expect(c.map((x) => `${x.field} ${x.after}`).join(' ')).not.toMatch(/importIds|\[/);
  });

  it('values: yes/no, sv-SE numbers, link roles, sexes, indicator names beside their ids', () => {
    expect(auditValue('active', false)).toBe('nej');
    expect(auditValue('targetValue', 12.5)).toBe('12,5');
    expect(auditValue('costSek', 12500)).toBe('12\u00a0500');
    expect(auditValue('targetYear', 2027)).toBe('2027');
    expect(auditValue('role', 'primary')).toBe('Huvudmått');
    expect(auditValue('role', 'coordinator')).toBe('samordnare');
    // Entries written before the stored values became English read as they were.
    expect(auditValue('role', 'samordnare')).toBe('samordnare');
    expect(auditValue('status', 'decided')).toBe('Beslutad');
    expect(auditValue('sex', 'K')).toBe('Kvinnor');
    expect(auditValue('indicatorId', 'ntu_otrygg_kvall', names)).toBe('Otrygghet vid utevistelse sent på kvällen (ntu_otrygg_kvall)');
    expect(auditValue('note', '')).toBeNull();
  });

  it('the CSV sides, and names beside ids in a summary', () => {
    const c = describeChange({ role: 'reader' }, { role: 'coordinator' });
    expect(sideText(c, 'before')).toBe('Roll: läsare');
    expect(sideText(c, 'after')).toBe('Roll: samordnare');
    expect(withNames('Tog bort måttet ntu_otrygg_kvall från målet T-M1.', names)).toBe(
      'Tog bort måttet Otrygghet vid utevistelse sent på kvällen (ntu_otrygg_kvall) från målet T-M1.',
    );
    expect(withNames('Importerade okänd_fil.csv.', names)).toBe('Importerade okänd_fil.csv.');
  });
});

describe('chart axes and reference-line labels', () => {
  it('ticks carry no needless decimals', () => {
    expect(axisTick(20, 1)).toBe('20');
    expect(axisTick(2.5, 2)).toBe('2,5');
    expect(axisTick(2.25, 2)).toBe('2,25');
    expect(axisTick(1250, 1)).toBe('1\u00a0250');
    expect(axisTick(0.5, 0)).toBe('0,5');
  });

  it('labels never share a row; the same period is one label; right-half labels point left', () => {
    const periods = ['2019', '2020', '2021', '2022', '2023', '2024', '2025'];
    const placed = placeMarks(
      [
        { period: '2023', label: 'Baslinje', kind: 'baseline' },
        { period: '2024', label: 'Åtgärdsplanen startar', kind: 'action' },
        { period: '2024', label: 'T1 startar', kind: 'action' },
        { period: '2025', label: 'T2 startar', kind: 'action' },
        { period: '2017', label: 'Metodbyte 2017', kind: 'break' },
      ],
      periods,
    );
    const top = placed.filter((m) => m.kind !== 'break');
    expect(top.map((m) => m.row)).toEqual([0, 1, 2]);
    expect(new Set(top.map((m) => m.row)).size).toBe(top.length);
    expect(top[0]).toMatchObject({ label: 'Baslinje', row: 0 });
    expect(top[1]!.label).toBe('Åtgärdsplanen, T1 startar');
    expect(top.find((m) => m.period === '2025')!.anchor).toBe('end');
    expect(placeMarks([{ period: '2019', label: 'Baslinje', kind: 'baseline' }], periods)[0]!.anchor).toBe('start');
    expect(placed.find((m) => m.kind === 'break')!.row).toBe(0);
  });
});

describe('working notes and shared terms', () => {
  it('unverified remarks leave the public text and are kept for analysts', () => {
    const cadence = splitWorkingNotes('Vart tredje år (2015, 2018, 2021; 2024 ej verifierat)');
    expect(cadence.text).toBe('Vart tredje år (2015, 2018, 2021)');
    expect(cadence.unverified).toEqual(['Vart tredje år (2015, 2018, 2021; 2024 ej verifierat)']);
    const caveats = splitWorkingNotes('Mäter upptagningsområdet. Om Hedemora ingår i serien är ej verifierat. Flöde påverkar.');
    expect(caveats.text).toBe('Mäter upptagningsområdet. Flöde påverkar.');
    expect(caveats.unverified).toEqual(['Om Hedemora ingår i serien är ej verifierat.']);
    expect(splitWorkingNotes('Inget att dölja.')).toEqual({ text: 'Inget att dölja.', unverified: [] });
    expect(splitWorkingNotes(null)).toEqual({ text: '', unverified: [] });
  });

  it('one name per thing', () => {
    expect(TERMS.baseline).toBe('Baslinje');
    expect(regionDisplayName({ kind: 'riket', name: 'Riket' })).toBe('Sverige');
    expect(regionDisplayName({ kind: 'lan', name: 'Dalarnas län' })).toBe('Dalarnas län');
  });
});
