import { type Finding, validateData } from '../../data/index.js';
import type { RunFinding, ValidationSection } from '../report-types.js';
import type { WorkflowStep } from '../workflow-step.js';

/** The data checks of `modeldebug validate` over the training file (and the test file). */
export async function runValidateStep(
  validation: { readonly path: string; readonly label: string; readonly test?: string },
  text: readonly string[],
  cvFolds: number,
): Promise<{ section: ValidationSection; findings: RunFinding[] }> {
  const report = await validateData(validation.path, {
    label: validation.label,
    test: validation.test,
    text,
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
  // One finding per check: 60 near-constant pixel columns are one problem with one fix, not 60 lines.
  const byCheck = new Map<string, Finding[]>();
  for (const finding of problems)
    byCheck.set(finding.check, [...(byCheck.get(finding.check) ?? []), finding]);
  const findings = [...byCheck.values()].map((group): RunFinding => {
    const [first] = group;
    const columns = group.flatMap((finding) => (finding.column ? [`"${finding.column}"`] : []));
    const more =
      group.length === 1
        ? first.column
          ? ` (column ${columns[0]})`
          : ''
        : ` (column ${columns[0]}); the same for ${group.length - 1} more: ${columns.slice(1, 6).join(', ')}${group.length > 6 ? ', …' : ''}`;
    return {
      section: 'data-validation',
      level: group.some((finding) => finding.status === 'fail') ? 'fail' : 'warn',
      message: `Data: ${first.message}${more}.`,
      suggestion: DATA_FIXES[first.check] ?? 'inspect the rows the check names before training',
    };
  });
  return { section, findings };
}

const DATA_FIXES: Readonly<Record<string, string>> = {
  missing_values: 'impute the column (impute(strategy=median)) or drop it if mostly empty',
  mixed_nulls: 'spell missing values one way before loading',
  duplicate_rows: 'drop the duplicates (modeldebug clean) so that folds do not share rows',
  conflicting_labels: 'check the labelling of the conflicting rows; fix or drop them',
  mixed_types: 'clean the non-numeric cells of the column',
  constant_column: 'drop the constant column',
  id_like_column: 'drop the ID-like column (data.drop)',
  date_column: 'nothing to do for run (it uses the date parts); derive the same parts for other tools',
  number_format: 'nothing to do for run (it parses them); write plain numbers for other tools',
  label_leak: 'drop the leaking feature: it will not be known at prediction time',
  outliers: 'check the extreme rows; clip or use a robust model',
  class_balance: 'use class_weight=balanced or a balanced metric (f1_macro)',
  high_cardinality: 'group rare categories or drop the column',
  text_length: 'check the empty and very long texts',
  text_duplicates: 'deduplicate the texts so that folds do not share them',
  train_test_overlap: 'remove the test rows that also occur in training',
  new_categories: 'map the unseen categories or retrain with them',
  label_drift: 'check that the test set comes from the same distribution as training',
};

export const validateStep: WorkflowStep = {
  id: 'validate',
  detail: () => 'checking the data',
  async run({ input, data }) {
    const result = await runValidateStep(data.validation, input.config.data.text, input.config.cv);
    return { sections: { validation: result.section }, findings: result.findings };
  },
};
