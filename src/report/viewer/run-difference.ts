import { z } from 'zod';
import { chiSquaredSurvival } from '../../linalg/special-functions.js';
import { mcnemarFromCounts } from '../../metrics/index.js';
import { pValue } from '../format-values.js';

/** What report.json keeps of the final test rows (older reports lack it: then only sizes are compared). */
export const storedTestSetSchema = z.object({
  fingerprint: z.string(),
  wrongRows: z.array(z.number().int().nonnegative()),
});
export type StoredTestSet = z.infer<typeof storedTestSetSchema>;

export interface FinalTestOfRun {
  /** Rows × predictions of the final test, as the run summary stores them. */
  readonly confusion: { readonly counts: readonly (readonly number[])[] };
  readonly testSet?: StoredTestSet;
}

export interface RunDifference {
  readonly rowsA: number;
  readonly rowsB: number;
  readonly accuracyA: number;
  readonly accuracyB: number;
  /** `mcnemar` when both ran on the same rows (paired), else an unpaired two-proportion z-test. */
  readonly test: 'mcnemar' | 'two-proportion';
  readonly method: string;
  readonly pValue: number;
  readonly significant: boolean;
  /** One sentence for the compare page. */
  readonly sentence: string;
}

const ALPHA = 0.05;

/**
 * Whether the final-test accuracies of two runs differ by more than chance: McNemar's test on the rows
 * only one of them got wrong when both were scored on the same rows (equal fingerprints), otherwise a
 * two-proportion z-test — which treats the test sets as independent samples and is far less sensitive.
 */
export function runDifference(a: FinalTestOfRun, b: FinalTestOfRun): RunDifference {
  const [rowsA, correctA] = totals(a);
  const [rowsB, correctB] = totals(b);
  const accuracyA = correctA / rowsA;
  const accuracyB = correctB / rowsB;
  const paired =
    a.testSet !== undefined && b.testSet !== undefined && a.testSet.fingerprint === b.testSet.fingerprint;
  let result: Pick<RunDifference, 'test' | 'method' | 'pValue'>;
  if (paired && a.testSet && b.testSet) {
    const wrongA = new Set(a.testSet.wrongRows);
    const wrongB = new Set(b.testSet.wrongRows);
    const onlyA = [...wrongB].filter((row) => !wrongA.has(row)).length;
    const onlyB = [...wrongA].filter((row) => !wrongB.has(row)).length;
    const bothWrong = [...wrongA].filter((row) => wrongB.has(row)).length;
    const mcnemar = mcnemarFromCounts({
      onlyFirstCorrect: onlyA,
      onlySecondCorrect: onlyB,
      bothWrong,
      bothCorrect: rowsA - onlyA - onlyB - bothWrong,
    });
    result = {
      test: 'mcnemar',
      method: `McNemar's test (${mcnemar.method}; ${onlyA} rows only a gets right, ${onlyB} only b)`,
      pValue: mcnemar.pValue,
    };
  } else {
    const pooled = (correctA + correctB) / (rowsA + rowsB);
    const variance = pooled * (1 - pooled) * (1 / rowsA + 1 / rowsB);
    const z = variance === 0 ? 0 : (accuracyA - accuracyB) / Math.sqrt(variance);
    result = {
      test: 'two-proportion',
      method: 'a two-proportion z-test (the runs were tested on different rows, so they cannot be paired)',
      pValue: z === 0 ? 1 : chiSquaredSurvival(z * z, 1),
    };
  }
  const significant = result.pValue < ALPHA;
  const sizes =
    rowsA === rowsB && paired ? `the same ${rowsA} test rows` : `${rowsA} test rows (a) and ${rowsB} (b)`;
  const verdict = significant
    ? `the difference in accuracy (${accuracyA.toFixed(4)} → ${accuracyB.toFixed(4)}) is significant at 5 %`
    : `the difference in accuracy (${accuracyA.toFixed(4)} → ${accuracyB.toFixed(4)}) is not significant at 5 %: it may be chance`;
  const small =
    Math.min(rowsA, rowsB) < 100 ? ' Fewer than 100 test rows: only large differences can show.' : '';
  return {
    rowsA,
    rowsB,
    accuracyA,
    accuracyB,
    ...result,
    significant,
    sentence: `Tested on ${sizes}: ${verdict} (${result.method}, p ${result.pValue < 1e-16 ? '' : '= '}${pValue(result.pValue)}).${small}`,
  };
}

/** Test rows and correct predictions from the confusion counts (rows: true labels). */
function totals(run: FinalTestOfRun): [number, number] {
  let rows = 0;
  let correct = 0;
  run.confusion.counts.forEach((row, i) => {
    for (const count of row) rows += count;
    correct += row[i] ?? 0;
  });
  return [rows, correct];
}
