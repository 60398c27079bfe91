// The enum values live in the vocabulary module, with their Swedish labels.
export { IMPORT_KINDS, OBSERVATION_STATUSES, PERIOD_KINDS, SEXES, type ObservationStatus, type PeriodKind, type Sex } from '../vocabulary';
