import { groupedDataFindingRecords, validateData } from '../../data/index.js';
import type { RunFinding, ValidationSection } from '../report-types.js';
import type { WorkflowStep } from '../workflow-step.js';

/**
 * The data checks of `modeldebug validate` over the training file (and the test file), on the columns
 * the run trains on: dropped columns are not reported.
 */
export async function runValidateStep(
  validation: {
    readonly path: string;
    readonly label: string;
    readonly test?: string;
    readonly drop?: readonly string[];
  },
  text: readonly string[],
  cvFolds: number,
): Promise<{ section: ValidationSection; findings: RunFinding[] }> {
  const report = await validateData(validation.path, {
    label: validation.label,
    test: validation.test,
    text,
    drop: validation.drop,
    thresholds: { cvFolds },
  });
  const problems = report.findings.filter((finding) => finding.status !== 'pass');
  const section: ValidationSection = {
    source: report.source,
    rows: report.rows,
    summary: report.summary,
    findings: problems.map((finding) => ({
      check: finding.check,
      title: finding.title,
      severity: finding.severity,
      status: finding.status,
      column: finding.column ?? null,
      message: finding.message,
    })),
  };
  const findings = groupedDataFindingRecords(problems).map(
    (record): RunFinding => ({ section: 'data-validation', ...record, message: `Data: ${record.message}` }),
  );
  return { section, findings };
}

export const validateStep: WorkflowStep = {
  id: 'validate',
  detail: () => 'checking the data',
  async run({ input, data }) {
    const result = await runValidateStep(data.validation, input.config.data.text, input.config.cv);
    return { sections: { validation: result.section }, findings: result.findings };
  },
};
