import { planFeatureRepairs } from '../../data/index.js';
import type { StageInput } from './candidate-stages.js';
import type { Candidate } from './fix-types.js';

/**
 * The encodings `run`'s preparation applies, each as a candidate: a date column becomes its calendar
 * parts and days since 1970 (seasons and trends a model can use), and numbers written with separators
 * ("52,000", "1.234,5") become numbers instead of categories. Planned on the training rows; the test rows
 * get the same repair by column name at the end.
 */
export function encodeCandidates({ train, state }: StageInput): Candidate[] {
  const done = new Set((state.repairs ?? []).map((repair) => repair.column));
  return planFeatureRepairs(train.features)
    .filter((repair) => repair.action === 'date-parts' || repair.action === 'parse-number')
    .filter((repair) => !done.has(repair.column) && !state.droppedColumns.includes(repair.column))
    .map((repair) => ({
      code: repair.action === 'date-parts' ? ('date_column' as const) : ('number_format' as const),
      remedy: 'encode' as const,
      description:
        repair.action === 'date-parts'
          ? `encode the dates of "${repair.column}" as year, month, day, weekday, day of year and days since 1970`
          : `read "${repair.column}" as numbers (written with separators, e.g. "52,000"), not as categories`,
      columns: [repair.column],
      rows: [],
      apply: (current) => ({ ...current, repairs: [...(current.repairs ?? []), repair] }),
    }));
}
