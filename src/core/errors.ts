/**
 * Every failure the library expects (bad input, bad params, unfit data) is a ModeldebugError with a
 * stable `code`, so callers branch on the code and the CLI prints `message` as one line and exits 2.
 */
export type ErrorCode =
  | 'file_not_found'
  | 'parse_error'
  | 'missing_column'
  | 'non_numeric_feature'
  | 'missing_values'
  | 'non_finite_values'
  | 'single_class'
  | 'too_few_per_class'
  | 'unknown_param'
  | 'invalid_param'
  | 'invalid_argument'
  | 'shape_mismatch'
  | 'unknown_label'
  | 'not_fitted'
  | 'unsupported'
  | 'sparse_unsupported'
  | 'llm_request_failed'
  | 'budget_exceeded'
  | 'diverged'
  | 'run_busy'
  | 'internal';

export interface ErrorDetails {
  /** Where the problem is: a file, `file:line:column`, a column name or a param path. */
  readonly where?: string;
  /** What the user can do about it, phrased as an instruction. */
  readonly hint?: string;
  readonly cause?: unknown;
}

export class ModeldebugError extends Error {
  readonly code: ErrorCode;
  /** The message without where and hint, so a caller can say where in its own terms (a CLI flag). */
  readonly problem: string;
  readonly where: string | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, problem: string, details: ErrorDetails = {}) {
    super(
      formatMessage(problem, details),
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = 'ModeldebugError';
    this.code = code;
    this.problem = problem;
    this.where = details.where;
    this.hint = details.hint;
  }
}

function formatMessage(problem: string, { where, hint }: ErrorDetails): string {
  const located = where ? `${where}: ${problem}` : problem;
  return hint ? `${located} — ${hint}` : located;
}

export function isModeldebugError(error: unknown): error is ModeldebugError {
  return error instanceof ModeldebugError;
}
