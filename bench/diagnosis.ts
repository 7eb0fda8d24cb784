/**
 * `npm run bench -- diagnosis`: how often `modeldebug run` names the defects planted in generated
 * datasets (bench/diagnosis/plant-defects.ts), whether it raises any on clean controls, and how well the
 * rows and columns it names match; then the bundled datasets' known facts (iris has one duplicated row:
 * data rows 101 and 142). Runs the built CLI (`npm run build` first) and reads each report.json. Not a
 * timing bench: it prints scores. Run directly with `npx tsx bench/diagnosis.ts [--rows N] [--seed N]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DiagnosisCase, defectCodes, plantedCases } from './diagnosis/plant-defects.js';
import {
  type CaseScore,
  type DiagnosisSummary,
  failedCase,
  type ReportedFinding,
  scoreCase,
  summarise,
} from './diagnosis/score-diagnosis.js';
import { isMainModule, numberFlag } from './shared/command-line.js';
import { benchDir } from './shared/data.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = `${root}dist/cli/main.js`;

export interface DiagnosisBenchOptions {
  readonly rows?: number;
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

export async function runDiagnosisBench(options: DiagnosisBenchOptions = {}): Promise<DiagnosisSummary> {
  const log = options.log ?? ((line: string) => console.log(line));
  const cases = plantedCases({ rows: options.rows, seed: options.seed });
  const codes = defectCodes(cases);
  const dir = `${benchDir}data/diagnosis`;
  mkdirSync(dir, { recursive: true });
  const scores: CaseScore[] = [];
  for (const diagnosisCase of cases) {
    const started = performance.now();
    const result = runCase(diagnosisCase, dir);
    const score =
      'error' in result
        ? failedCase(diagnosisCase, result.error)
        : scoreCase(diagnosisCase, result.findings, codes);
    scores.push(score);
    log(describeCase(score, (performance.now() - started) / 1000));
  }
  const iris = bundledIris(dir);
  scores.push(iris);
  log(describeCase(iris, 0));
  const summary = summarise(scores);
  log('');
  log(
    `planted defects found: ${summary.found} of ${summary.planted} (${(100 * summary.recall).toFixed(0)} %; goal ≥ 95 %), ${summary.raised} of them at warn or fail`,
  );
  if (summary.missed.length > 0) log(`  missed: ${summary.missed.join(', ')}`);
  log(
    `false alarms on ${summary.controls} clean controls: ${summary.falseAlarms.length === 0 ? 'none' : summary.falseAlarms.join(', ')} (goal: none)`,
  );
  if (summary.labelErrorRows)
    log(
      `label-error rows at 5 % noise: precision ${summary.labelErrorRows.precision.toFixed(2)}, recall ${summary.labelErrorRows.recall.toFixed(2)} (goal ≥ 0.6 each)`,
    );
  if (summary.duplicateRowsExact !== undefined)
    log(`duplicate rows named exactly: ${summary.duplicateRowsExact ? 'yes' : 'no'}`);
  return summary;
}

function runCase(
  diagnosisCase: DiagnosisCase,
  dir: string,
): { findings: ReportedFinding[] } | { error: string } {
  const data = `${dir}/${diagnosisCase.name}.csv`;
  writeFileSync(data, diagnosisCase.data);
  const args = ['run', '--data', data, '--label', diagnosisCase.label, ...(diagnosisCase.args ?? [])];
  if (diagnosisCase.test !== undefined) {
    const test = `${dir}/${diagnosisCase.name}-test.csv`;
    writeFileSync(test, diagnosisCase.test);
    args.push('--test', test);
  }
  return runReport(
    [...args, '--out', `${dir}/${diagnosisCase.name}-report`],
    `${dir}/${diagnosisCase.name}-report`,
  );
}

/** iris's known fact: data rows 101 and 142 are the same flower, and nothing else is a defect. */
function bundledIris(dir: string): CaseScore {
  const irisCase: DiagnosisCase = {
    name: 'bundled iris',
    data: '',
    label: 'species',
    planted: [{ code: 'duplicate_rows', rows: [101, 142] }],
  };
  const result = runReport(['run', '--example', 'iris', '--out', `${dir}/iris-report`], `${dir}/iris-report`);
  return 'error' in result ? failedCase(irisCase, result.error) : scoreCase(irisCase, result.findings, []);
}

function runReport(
  args: readonly string[],
  out: string,
): { findings: ReportedFinding[] } | { error: string } {
  const run = spawnSync(process.execPath, [CLI, ...args, '--no-store', '--quiet'], { encoding: 'utf8' });
  // Exit 1 is a failed quality gate, not a failed run; the report is written either way.
  if (run.status !== 0 && run.status !== 1)
    return { error: (run.stderr || String(run.error)).trim().split('\n')[0] };
  const report = JSON.parse(readFileSync(`${out}/report.json`, 'utf8')) as { findings: ReportedFinding[] };
  return { findings: report.findings };
}

function describeCase(score: CaseScore, seconds: number): string {
  const time = seconds > 0 ? ` (${seconds.toFixed(0)} s)` : '';
  if (score.error) return `${score.case}${time}: run failed: ${score.error}`;
  if (score.control)
    return `${score.case}${time}: control, ${score.falseAlarms.length === 0 ? 'no false alarm' : `false alarms ${score.falseAlarms.join(', ')}`}`;
  const parts = score.defects.map((defect) => {
    const pr = (name: string, value?: { precision: number; recall: number }) =>
      value ? `, ${name} P ${value.precision.toFixed(2)} R ${value.recall.toFixed(2)}` : '';
    const found = defect.found ? (defect.raised ? 'found' : 'found (info only)') : 'MISSED';
    return `${defect.code} ${found}${pr('rows', defect.rows)}${pr('columns', defect.columns)}`;
  });
  return `${score.case}${time}: ${parts.join('; ')}`;
}

if (isMainModule(import.meta.url)) {
  await runDiagnosisBench({ rows: numberFlag('--rows'), seed: numberFlag('--seed') });
}
