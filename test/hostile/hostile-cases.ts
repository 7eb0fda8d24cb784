import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { aliasBomb, type HostileCase, type JsonDocument, quickConfig } from './hostile-corpus.js';

interface ValidateColumn {
  readonly name: string;
  readonly missing: number;
}
interface ValidateFinding {
  readonly check: string;
  readonly status: string;
  readonly column?: string;
  readonly message: string;
}

const columnsOf = (document: JsonDocument) => document.columns as ValidateColumn[];
const findingsOf = (document: JsonDocument) => document.findings as ValidateFinding[];
const raised = (document: JsonDocument, check: string) =>
  findingsOf(document).filter((finding) => finding.check === check && finding.status !== 'pass');
const classesOf = (document: JsonDocument) => (document.dataset as { classes: string[] }).classes;

/** Every case of the corpus; `dir` is the folder that holds the corpus' files. */
export function hostileCases(dir: string): HostileCase[] {
  const at = (name: string) => join(dir, name);
  const missingOf = (name: string) => (document: JsonDocument) =>
    columnsOf(document).find((column) => column.name === name)?.missing;
  return [
    // NaN spellings: missing in every command and format.
    ...['nan.csv', 'nan.jsonl', 'nan.parquet'].map(
      (file): HostileCase => ({
        name: `validate counts NaN/nan/-nan/NAN as missing (${file})`,
        kind: 'nan',
        args: ['validate', at(file), '--label', 'y', '--json'],
        expect: {
          json: (document) => {
            expect(missingOf('b')(document)).toBe(8);
            expect(raised(document, 'missing_values').map((finding) => finding.column)).toEqual(['b']);
          },
        },
      }),
    ),
    {
      name: 'eval without an imputer: NaN cells are missing values, at their line',
      kind: 'nan',
      args: ['eval', at('nan.csv'), '--label', 'y'],
      expect: { error: ['nan.csv:2:', 'column "b" has a missing value', '--impute'] },
    },
    {
      name: 'eval with --impute fits on NaN cells',
      kind: 'nan',
      args: ['eval', at('nan.csv'), '--label', 'y', '--impute', 'mean', '--json'],
      expect: { json: (document) => expect(classesOf(document)).toEqual(['0', '1']) },
    },
    {
      name: 'clean --impute fills the NaN cells and says so',
      kind: 'nan',
      args: [
        'clean',
        at('nan.csv'),
        '--label',
        'y',
        '--impute',
        'median',
        '--out',
        at('nan-clean.csv'),
        '--json',
      ],
      expect: {
        json: (document) => {
          expect(document.imputed).toEqual([{ column: 'b', cells: 8, value: expect.any(Number) }]);
          expect(readFileSync(at('nan-clean.csv'), 'utf8')).not.toMatch(/nan/i);
        },
      },
    },
    {
      name: 'clean --drop-missing drops the 8 rows with a NaN cell',
      kind: 'nan',
      args: [
        'clean',
        at('nan.csv'),
        '--label',
        'y',
        '--drop-missing',
        '--out',
        at('nan-dropped.csv'),
        '--json',
      ],
      expect: { json: (document) => expect(document.missingRowsDropped).toBe(8) },
    },
    // Infinities: a check, an error where a model would get them, imputation when asked.
    {
      name: 'validate fails non_finite_values on inf / -Infinity / 1e400 and calls none an outlier',
      kind: 'infinity',
      args: ['validate', at('inf.csv'), '--label', 'y', '--json'],
      expect: {
        exit: 1,
        json: (document) => {
          const [finding] = raised(document, 'non_finite_values');
          expect(finding).toMatchObject({ status: 'fail', column: 'a' });
          expect(finding.message).toMatch(/^7 values/);
          expect(raised(document, 'outliers').filter((f) => f.column === 'a')).toEqual([]);
        },
      },
    },
    ...(['eval', 'run'] as const).map(
      (command): HostileCase => ({
        name: `${command}: an infinite feature value is one error at its line`,
        kind: 'infinity',
        args:
          command === 'eval'
            ? ['eval', at('inf.csv'), '--label', 'y']
            : [
                'run',
                '--data',
                at('inf.csv'),
                '--label',
                'y',
                '--no-store',
                '--quiet',
                '--out',
                at('run-inf'),
              ],
        expect: { error: ['inf.csv:2:', 'column "a" holds an infinite value', 'impute'] },
      }),
    ),
    {
      name: 'eval --impute reads infinities as missing and fits',
      kind: 'infinity',
      args: ['eval', at('inf.csv'), '--label', 'y', '--impute', 'median', '--json'],
      expect: { json: (document) => expect(classesOf(document)).toEqual(['0', '1']) },
    },
    {
      name: 'clean --impute reports and fills the infinite cells',
      kind: 'infinity',
      args: [
        'clean',
        at('inf.csv'),
        '--label',
        'y',
        '--impute',
        'mean',
        '--keep-duplicates',
        '--out',
        at('inf-clean.csv'),
        '--json',
      ],
      expect: {
        json: (document) => {
          expect(document.infinitiesAsMissing).toEqual([{ column: 'a', cells: 7 }]);
          expect(readFileSync(at('inf-clean.csv'), 'utf8')).not.toMatch(/inf|e400/i);
        },
      },
    },
    // Wide files.
    ...['wide1000.csv', 'wide10000.csv'].map(
      (file): HostileCase => ({
        name: `validate ${file} × 50 rows`,
        kind: 'wide',
        args: ['validate', at(file), '--label', 'y', '--json'],
        expect: {
          json: (document) => {
            expect(document.rows).toBe(50);
            expect(columnsOf(document)).toHaveLength(file === 'wide1000.csv' ? 1001 : 10_001);
          },
        },
      }),
    ),
    // A file with only the label column.
    ...(['validate', 'eval', 'run'] as const).map(
      (command): HostileCase => ({
        name: `${command}: a label-only file is one clear error`,
        kind: 'label-only',
        args:
          command === 'run'
            ? [
                'run',
                '--data',
                at('label-only.csv'),
                '--label',
                'y',
                '--no-store',
                '--quiet',
                '--out',
                at('run-lo'),
              ]
            : [command, at('label-only.csv'), '--label', 'y'],
        expect: { error: ['label-only.csv:1:', 'only the label column "y"', 'add the feature columns'] },
      }),
    ),
    // Valid CSVs DuckDB used to reject.
    {
      name: 'a quoted cell over 2 MB is read',
      kind: 'csv',
      args: ['validate', at('long-cell.csv'), '--label', 'y', '--json'],
      expect: { json: (document) => expect(document.rows).toBe(20) },
    },
    {
      name: 'headers a and A are two columns',
      kind: 'csv',
      args: ['validate', at('case.csv'), '--label', 'y', '--json', '--fail-on', 'never'],
      expect: {
        json: (document) => expect(columnsOf(document).map((column) => column.name)).toEqual(['a', 'A', 'y']),
      },
    },
    // Labels 1 and 1.0.
    {
      name: 'labels 1, 1.0 and 01 are one class (eval)',
      kind: 'labels',
      args: ['eval', at('labels.csv'), '--label', 'y', '--json'],
      expect: { json: (document) => expect(classesOf(document)).toEqual(['0', '1']) },
    },
    {
      name: 'labels 1, 1.0 and 01 are one class (validate)',
      kind: 'labels',
      args: ['validate', at('labels.csv'), '--label', 'y', '--json', '--fail-on', 'never'],
      expect: {
        json: (document) => {
          // A balanced label passes its check, and passing checks are listed apart from findings.
          const checks = [...findingsOf(document), ...(document.passed as ValidateFinding[])];
          const balance = checks.find((finding) => finding.check === 'class_balance');
          expect(balance?.message).toMatch(/^2 classes/);
        },
      },
    },
    // Non-UTF-8 bytes in the header: the same error as in a row, with the line and the column.
    ...(['validate', 'eval'] as const).map(
      (command): HostileCase => ({
        name: `${command}: non-UTF-8 header bytes are an encoding error`,
        kind: 'encoding',
        args: [command, at('latin1-header.csv'), '--label', 'y'],
        expect: { error: ['latin1-header.csv:1:', 'not valid UTF-8', 'header column 2', 'iconv'] },
      }),
    ),
    // Bad configs: stopped when read, with file:line and key.
    ...configCases(),
    // Flags with a config.
    {
      name: 'flags override the config: --metric and --max-rows',
      kind: 'flags',
      files: [{ name: 'quick.yaml', content: quickConfig('metric: f1_macro\nmax_rows: 20000\n') }],
      args: [
        'run',
        '{dir}/quick.yaml',
        '--metric',
        'accuracy',
        '--max-rows',
        '60',
        '--no-store',
        '--json',
        '--out',
        at('run-flags'),
      ],
      expect: {
        json: (document) => {
          const config = document.config as Record<string, unknown>;
          expect(config.metric).toBe('accuracy');
          expect(config.max_rows ?? config.maxRows).toBe(60);
        },
      },
    },
    {
      name: 'a bad flag value with a config names the flag',
      kind: 'flags',
      files: [{ name: 'quick.yaml', content: quickConfig('') }],
      args: ['run', '{dir}/quick.yaml', '--fail-under', 'f1_weighted=2', '--no-store'],
      expect: { error: ['--fail-under', '2 is outside [0, 1]'] },
    },
  ];
}

function configCases(): HostileCase[] {
  const bad = (name: string, yaml: string, ...error: (string | RegExp)[]): HostileCase => ({
    name: `config: ${name}`,
    kind: 'config',
    files: [{ name: `${name.replaceAll(/\W+/g, '-')}.yaml`, content: yaml }],
    args: ['run', `{dir}/${name.replaceAll(/\W+/g, '-')}.yaml`, '--no-store'],
    expect: { error },
  });
  return [
    bad(
      'n_boot 1e12',
      quickConfig('').replace(
        '  error_analysis: false\n',
        '  error_analysis: false\n  final_test: { n_boot: 1000000000000 }\n',
      ),
      /\.yaml:\d+: steps\.final_test\.n_boot: at most 100,000/,
    ),
    bad('jobs 1e9', quickConfig('jobs: 1000000000\n'), /\.yaml:13: jobs: at most 256 threads/),
    bad('billion laughs', aliasBomb(), /\.yaml:4: cannot read the config/, 'aliases'),
    bad(
      'unknown fail_under metric',
      quickConfig('thresholds:\n  f1_wieghted: 0.9\n'),
      /\.yaml:14: thresholds\.f1_wieghted: unknown metric/,
    ),
    bad(
      'fail_under value 2',
      quickConfig('thresholds:\n  f1_weighted: 2\n'),
      /\.yaml:14: thresholds\.f1_weighted: 2 is outside \[0, 1\]/,
    ),
  ];
}
