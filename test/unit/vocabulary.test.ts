import { describe, expect, it } from 'vitest';
import * as schema from '@/lib/db/schema';
import * as vocabulary from '@/lib/vocabulary';

describe('the vocabulary module', () => {
  it('is where every pgEnum of the schema takes its values', () => {
    const arrays: unknown[] = Object.values(vocabulary).filter((v) => Array.isArray(v));
    const enums = Object.values(schema).filter((v): v is typeof schema.linkRole => typeof v === 'function' && 'enumValues' in v);
    expect(enums.length).toBeGreaterThan(10);
    // drizzle copies the array: the same values in the same order (the order of the type in PostgreSQL).
    for (const e of enums) expect(arrays, e.enumName).toContainEqual(e.enumValues);
  });

  it('labels each value of an enum exactly once, with a non-empty Swedish text', () => {
    const pairs: [readonly string[], Readonly<Record<string, string>>][] = [
      [vocabulary.ROLES, vocabulary.ROLE_DESCRIPTIONS],
      [vocabulary.ROLES, vocabulary.ROLE_LABELS],
      [vocabulary.REVIEW_STATUSES, vocabulary.REVIEW_STATUS_LABELS],
      [vocabulary.SEXES, vocabulary.SEX_LABELS],
      [vocabulary.SEXES, vocabulary.SEX_BREAKDOWN_LABELS],
      [vocabulary.DIRECTIONS, vocabulary.DIRECTION_LABELS],
      [vocabulary.INDICATOR_TYPES, vocabulary.INDICATOR_TYPE_LABELS],
      [vocabulary.GEOGRAPHY_LEVELS, vocabulary.GEOGRAPHY_LEVEL_LABELS],
      [vocabulary.OBSERVATION_STATUSES, vocabulary.OBSERVATION_STATUS_LABELS],
      [vocabulary.OBSERVATION_STATUSES, vocabulary.OBSERVATION_STATUS_SHORT],
      [vocabulary.IMPORT_KINDS, vocabulary.IMPORT_KIND_LABELS],
      [vocabulary.REVISION_ACTIONS, vocabulary.REVISION_ACTION_LABELS],
      [vocabulary.LINK_ROLES, vocabulary.LINK_ROLE_LABELS],
      [vocabulary.MEASURE_STATUSES, vocabulary.MEASURE_STATUS_LABELS],
      [vocabulary.EFFECT_HORIZONS, vocabulary.EFFECT_HORIZON_LABELS],
      [vocabulary.AS_PLANNED, vocabulary.AS_PLANNED_LABELS],
    ];
    for (const [values, labels] of pairs) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const v of values) expect(labels[v]).toMatch(/\S/);
    }
  });

  it('stores English identifiers, except the names of Swedish administrative units and kön codes', () => {
    const units = new Set<string>([...vocabulary.REGION_KINDS, ...vocabulary.GEOGRAPHY_LEVELS, ...vocabulary.SEXES]);
    const stored = [
      ...(Object.values(vocabulary) as unknown[]).filter((v): v is string[] => Array.isArray(v)).flat(),
      ...Object.keys(vocabulary.DECISION_KINDS),
      ...Object.keys(vocabulary.AUDIT_ACTIONS),
      ...Object.keys(vocabulary.CADENCES),
    ];
    expect(stored.length).toBeGreaterThan(80);
    const notEnglish = stored.filter((v) => !units.has(v) && !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(v));
    expect(notEnglish).toEqual([]);
    // The words a person reads are Swedish, and each stored value has one.
    expect(Object.values(vocabulary.AUDIT_ACTIONS).every((l) => /^[A-ZÅÄÖ]/.test(l))).toBe(true);
    expect(Object.values(vocabulary.DECISION_KINDS)).toContain('Övrigt');
  });

  it('labelOf falls back to the value itself for a word it does not know', () => {
    expect(vocabulary.labelOf(vocabulary.OBSERVATION_STATUS_SHORT, 'below_loq')).toBe('< LOQ');
    expect(vocabulary.labelOf(vocabulary.GEOGRAPHY_LEVEL_LABELS, 'stadsdel')).toBe('stadsdel');
  });
});
