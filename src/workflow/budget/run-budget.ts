import type { StepName } from '../config-schema.js';

/** What the budget took away from one step, in words a user reads in the report. */
export interface BudgetCut {
  readonly step: string;
  readonly what: string;
}

/**
 * A run's time budget: how much of it is gone, each step's deadline, the fit costs seen so far (to
 * estimate the steps ahead) and what was cut. One per run, passed in the step input.
 */
export interface RunBudget {
  readonly seconds: number;
  /** The run's clock in milliseconds (performance.now unless a test simulates one): time fits with it. */
  now(): number;
  /** Seconds since the run started. */
  elapsed(): number;
  /** Seconds since the start by which the step should be done (its share of the budget). */
  deadlineFor(step: StepName): number;
  /** Records the mean seconds of one fit of `spec` on `rows` training rows. */
  noteFits(spec: string, rows: number, secondsPerFit: number): void;
  /**
   * Estimated seconds of one fit of `spec` on `rows` rows, from the largest fit seen; undefined when
   * none was seen, or only on far fewer rows.
   */
  fitSeconds(spec: string, rows: number): number | undefined;
  cut(step: string, what: string): void;
  readonly cuts: readonly BudgetCut[];
  /** Has `step` run on a stratified sample of at most `rows` rows (the run decides, the step samples). */
  limitRows(step: StepName, rows: number): void;
  /** The rows `step` may use under the budget, or undefined when it is not limited. */
  rowLimit(step: StepName): number | undefined;
}

/**
 * The share of the budget by which each step must be done, as a fraction of the whole. The comparison
 * picks the model everything after it works on, so it may use up to 40 %; the final test (one fit on all
 * training rows) keeps the last 10 % for itself; the optional steps in between go while time is left.
 */
const DEADLINE_SHARES: Partial<Record<StepName, number>> = { baseline: 0.4 };
const FINAL_TEST_RESERVE = 0.1;
const MAX_EXTRAPOLATION = 16;

export function createRunBudget(seconds: number, now: () => number = () => performance.now()): RunBudget {
  const started = now();
  const cuts: BudgetCut[] = [];
  const fits = new Map<string, { rows: number; seconds: number }>();
  const rowLimits = new Map<StepName, number>();
  return {
    seconds,
    now,
    elapsed: () => (now() - started) / 1000,
    deadlineFor: (step) =>
      seconds * (DEADLINE_SHARES[step] ?? (step === 'final_test' ? 1 : 1 - FINAL_TEST_RESERVE)),
    noteFits(spec, rows, secondsPerFit) {
      const known = fits.get(spec);
      if (!known || rows >= known.rows) fits.set(spec, { rows, seconds: secondsPerFit });
    },
    fitSeconds(spec, rows) {
      const known = fits.get(spec);
      // Linear in the rows: exact for the linear models' passes, optimistic for trees (n log n). Not
      // beyond 16 times the rows measured: a small fit is mostly fixed cost (set-up, a cold JIT), and
      // scaling that up would cut steps that fit.
      if (!known || rows > MAX_EXTRAPOLATION * known.rows) return undefined;
      return (known.seconds * rows) / Math.max(1, known.rows);
    },
    cut(step, what) {
      cuts.push({ step, what });
    },
    cuts,
    limitRows(step, rows) {
      rowLimits.set(step, rows);
    },
    rowLimit: (step) => rowLimits.get(step),
  };
}

/** `60s`, `10m`, `1h30m`, `90` (seconds) → seconds; undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) > 0 ? Number(trimmed) : undefined;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(trimmed);
  if (!match || trimmed === '') return undefined;
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return seconds > 0 ? seconds : undefined;
}
