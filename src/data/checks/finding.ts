/** What a check concluded: pass, or a condition that warns or fails (thresholds decide which). */
export type CheckStatus = 'pass' | 'warn' | 'fail';

/** How much a failure of this check hurts a model, independent of this dataset. */
export type Severity = 'low' | 'medium' | 'high';

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** The proof behind a finding: row numbers (1-based data rows), values, counts. */
export type Evidence = Readonly<Record<string, JsonValue>>;

export interface Finding {
  readonly check: string;
  readonly title: string;
  readonly severity: Severity;
  readonly status: CheckStatus;
  /** The column the finding is about, when it is about one. */
  readonly column?: string;
  /** One sentence with the number that matters, e.g. "120 of 10,000 rows (1.2%) are exact duplicates". */
  readonly message: string;
  readonly evidence: Evidence;
}

const STATUS_RANK: Readonly<Record<CheckStatus, number>> = { fail: 2, warn: 1, pass: 0 };
const SEVERITY_RANK: Readonly<Record<Severity, number>> = { high: 2, medium: 1, low: 0 };

export function statusAtLeast(status: CheckStatus, threshold: CheckStatus): boolean {
  return STATUS_RANK[status] >= STATUS_RANK[threshold];
}

/** Worst first: failures before warnings before passes, then by severity; stable within ties. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      STATUS_RANK[b.status] - STATUS_RANK[a.status] || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
  );
}

/** Numbers in messages read as people write them: 12,345 and 1.2%. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

export function percent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const share = (100 * part) / whole;
  return `${share < 0.1 && share > 0 ? share.toPrecision(1) : share.toFixed(1)}%`;
}
