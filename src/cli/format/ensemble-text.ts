import type { EnsembleComparison, ScoredModel } from '../../analysis/index.js';
import type { FitWarning } from '../../core/estimator.js';
import { fixed, textTable } from './text-table.js';

export interface EnsembleContext {
  readonly source: string;
  readonly label: string;
  readonly rows: number;
  readonly folds: number;
  readonly specs: readonly { readonly name: string; readonly spec: string }[];
  readonly splitWarnings: readonly FitWarning[];
}

/** The `modeldebug ensemble` report: scores, the agreement matrix, then findings in words. */
export function formatEnsemble(result: EnsembleComparison, context: EnsembleContext): string {
  const lines: string[] = [];
  lines.push(
    `${context.source}: ${context.rows} rows, label "${context.label}", ${context.folds}-fold stratified CV (accuracy)`,
  );
  lines.push('');
  const scoreRow = (model: ScoredModel, spec: string) => [
    model.name,
    fixed(model.accuracy.mean),
    fixed(model.accuracy.std),
    spec,
  ];
  const rows = result.members.map((member, m) => scoreRow(member, context.specs[m].spec));
  rows.push(scoreRow(result.voting, ''));
  if (result.stacking) rows.push(scoreRow(result.stacking, ''));
  lines.push(textTable(['model', 'accuracy', 'std', 'spec'], rows));
  lines.push('');
  const names = result.members.map((member) => member.name);
  const M = names.length;
  lines.push('pairwise agreement of out-of-fold predictions');
  lines.push(
    textTable(
      ['', ...names],
      names.map((name, a) => [name, ...names.map((_, b) => fixed(result.agreement.pairwise[a * M + b], 3))]),
    ),
  );
  lines.push(
    `right in at least one member: ${fixed(result.agreement.oracleAccuracy)}; wrong in all: ${fixed(result.agreement.allWrong)}`,
  );
  lines.push('');
  for (const finding of result.findings) lines.push(`- ${finding.message}`);
  const warnings = [...context.splitWarnings, ...result.warnings];
  if (warnings.length > 0) {
    lines.push('');
    lines.push('warnings:');
    for (const message of new Set(warnings.map((warning) => warning.message))) lines.push(`  ${message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The `modeldebug ensemble --json` document. */
export function ensembleToJson(result: EnsembleComparison, context: EnsembleContext): unknown {
  const score = (model: ScoredModel) => ({
    name: model.name,
    accuracyMean: model.accuracy.mean,
    accuracyStd: model.accuracy.std,
    foldAccuracies: model.foldAccuracies,
  });
  const M = result.members.length;
  return {
    schema: 'modeldebug.ensemble',
    version: 2,
    dataset: { source: context.source, label: context.label, rows: context.rows },
    cv: { kind: 'stratified', folds: context.folds },
    members: result.members.map((member, m) => ({ ...score(member), spec: context.specs[m].spec })),
    voting: score(result.voting),
    stacking: result.stacking ? score(result.stacking) : null,
    agreement: {
      members: result.members.map((member) => member.name),
      pairwise: Array.from({ length: M }, (_, a) =>
        Array.from(result.agreement.pairwise.subarray(a * M, (a + 1) * M)),
      ),
      oracleAccuracy: result.agreement.oracleAccuracy,
      allWrong: result.agreement.allWrong,
    },
    findings: result.findings,
    warnings: [...context.splitWarnings, ...result.warnings],
  };
}
