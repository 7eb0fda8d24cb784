/**
 * Scores `run`'s findings against the planted answers: was each planted defect found (a finding with its
 * code, at any level: `run` named it; `raised` says whether at warn or fail), did a clean control raise
 * any defect code at warn or fail (a false alarm: an info line is not an alarm), and how well the named
 * rows and columns match the planted ones (precision and recall).
 */
import type { FindingRecord } from '../../src/core/finding-record.js';
import type { DiagnosisCase, PlantedDefect } from './plant-defects.js';

/** The part of a report.json finding the score reads: the findings contract's own fields. */
export type ReportedFinding = Pick<FindingRecord, 'code' | 'level' | 'rows' | 'testRows' | 'columns'>;

export interface PrecisionRecall {
  readonly precision: number;
  readonly recall: number;
}

export interface DefectScore {
  readonly case: string;
  readonly code: string;
  readonly found: boolean;
  /** Found at warn or fail, not only as information. */
  readonly raised: boolean;
  readonly rows?: PrecisionRecall;
  readonly columns?: PrecisionRecall;
}

export interface CaseScore {
  readonly case: string;
  readonly control: boolean;
  readonly defects: readonly DefectScore[];
  /** Defect codes a clean control raised. */
  readonly falseAlarms: readonly string[];
  /** Set when the run failed: every planted defect of the case counts as missed. */
  readonly error?: string;
}

export function scoreCase(
  diagnosisCase: DiagnosisCase,
  findings: readonly ReportedFinding[],
  defectCodes: readonly string[],
): CaseScore {
  const raised = findings.filter(isRaised);
  const control = diagnosisCase.planted.length === 0;
  return {
    case: diagnosisCase.name,
    control,
    defects: diagnosisCase.planted.map((defect) => scoreDefect(diagnosisCase.name, defect, findings)),
    falseAlarms: control
      ? [...new Set(raised.map((finding) => finding.code).filter((code) => defectCodes.includes(code)))]
      : [],
  };
}

/** A failed run: every planted defect missed, and a control's failure counted as an alarm. */
export function failedCase(diagnosisCase: DiagnosisCase, error: string): CaseScore {
  return {
    case: diagnosisCase.name,
    control: diagnosisCase.planted.length === 0,
    defects: diagnosisCase.planted.map((defect) => ({
      case: diagnosisCase.name,
      code: defect.code,
      found: false,
      raised: false,
    })),
    falseAlarms: diagnosisCase.planted.length === 0 ? ['run_failed'] : [],
    error,
  };
}

function isRaised(finding: ReportedFinding): boolean {
  return finding.level === 'warn' || finding.level === 'fail';
}

function scoreDefect(name: string, defect: PlantedDefect, findings: readonly ReportedFinding[]): DefectScore {
  const matching = findings.filter((finding) => finding.code === defect.code);
  const found = matching.length > 0;
  const named = (pick: (finding: ReportedFinding) => readonly (number | string)[] | undefined) =>
    new Set(matching.flatMap((finding) => pick(finding) ?? []));
  return {
    case: name,
    code: defect.code,
    found,
    raised: matching.some(isRaised),
    ...(defect.rows?.length
      ? {
          rows: precisionRecall(
            named((f) => f.rows),
            defect.rows,
          ),
        }
      : defect.testRows?.length
        ? {
            rows: precisionRecall(
              named((f) => f.testRows),
              defect.testRows,
            ),
          }
        : {}),
    ...(defect.columns?.length
      ? {
          columns: precisionRecall(
            named((f) => f.columns),
            defect.columns,
          ),
        }
      : {}),
  };
}

/** Precision of what was named against the planted set, and recall of the planted set; 0 when nothing named. */
export function precisionRecall(
  named: ReadonlySet<number | string>,
  planted: readonly (number | string)[],
): PrecisionRecall {
  const truth = new Set(planted);
  const hits = [...named].filter((item) => truth.has(item)).length;
  return {
    precision: named.size === 0 ? 0 : hits / named.size,
    recall: truth.size === 0 ? 1 : hits / truth.size,
  };
}

export interface DiagnosisSummary {
  readonly planted: number;
  readonly found: number;
  /** Found at warn or fail. */
  readonly raised: number;
  readonly recall: number;
  readonly missed: readonly string[];
  readonly controls: number;
  readonly falseAlarms: readonly string[];
  readonly labelErrorRows?: PrecisionRecall;
  readonly duplicateRowsExact?: boolean;
}

export function summarise(scores: readonly CaseScore[]): DiagnosisSummary {
  const defects = scores.flatMap((score) => score.defects);
  const found = defects.filter((defect) => defect.found).length;
  const labelErrors = defects.find((defect) => defect.code === 'label_errors');
  const duplicates = defects.find((defect) => defect.code === 'duplicate_rows');
  return {
    planted: defects.length,
    found,
    raised: defects.filter((defect) => defect.raised).length,
    recall: defects.length === 0 ? 1 : found / defects.length,
    missed: defects.filter((defect) => !defect.found).map((defect) => `${defect.code} (${defect.case})`),
    controls: scores.filter((score) => score.control).length,
    falseAlarms: scores.flatMap((score) => score.falseAlarms.map((code) => `${code} (${score.case})`)),
    ...(labelErrors?.rows ? { labelErrorRows: labelErrors.rows } : {}),
    ...(duplicates?.rows
      ? { duplicateRowsExact: duplicates.rows.precision === 1 && duplicates.rows.recall === 1 }
      : {}),
  };
}
