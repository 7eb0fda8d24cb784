import type { DataCheck } from './check.js';
import { classBalance } from './class-balance.js';
import { conflictingLabels } from './conflicting-labels.js';
import { constantColumns } from './constant-columns.js';
import { dateColumns } from './date-columns.js';
import { duplicateRows } from './duplicate-rows.js';
import { highCardinality } from './high-cardinality.js';
import { idLikeColumns } from './id-like-columns.js';
import { labelDrift } from './label-drift.js';
import { labelLeak } from './label-leak.js';
import { missingValues } from './missing-values.js';
import { mixedNulls } from './mixed-nulls.js';
import { mixedTypes } from './mixed-types.js';
import { newCategories } from './new-categories.js';
import { nonFiniteValues } from './non-finite-values.js';
import { numberFormat } from './number-format.js';
import { outliers } from './outliers.js';
import { textDuplicates } from './text-duplicates.js';
import { textLength } from './text-length.js';
import { trainTestOverlap } from './train-test-overlap.js';

/** Every data check, in the order they run; the report sorts findings by status and severity. */
export const DATA_CHECKS: readonly DataCheck[] = [
  missingValues,
  mixedNulls,
  duplicateRows,
  conflictingLabels,
  mixedTypes,
  nonFiniteValues,
  numberFormat,
  dateColumns,
  constantColumns,
  idLikeColumns,
  labelLeak,
  outliers,
  classBalance,
  highCardinality,
  textLength,
  textDuplicates,
  trainTestOverlap,
  newCategories,
  labelDrift,
];
