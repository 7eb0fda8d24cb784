import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OUTPUT_SCHEMAS } from '../../src/cli/output-schemas/index.js';
import { jsonSchemaFiles } from '../../src/cli/output-schemas/json-schema-files.js';
import { runCli, writeTempCsv } from './run-cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schemasFolder = join(root, 'schemas');

/** The shipped JSON Schema of an output, read back as a validator. */
function shippedValidator(name: string): z.ZodType {
  const json = JSON.parse(readFileSync(join(schemasFolder, `${name}.schema.json`), 'utf8'));
  return z.fromJSONSchema(json);
}

/** Every key of a document that is a field name (not a metric, param or config name kept as typed). */
function fieldKeys(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => fieldKeys(item, `${path}[]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = `${path}.${key}`;
    // Maps keyed by names the user types: metric names, params, the run config, scorer names.
    if (/\.(config|metrics|params|bestParams|mean|std|thresholds|timings|steps|sections)$/.test(here))
      return [];
    if (/\.crossValidation\.folds\[\]\.(test|train)$/.test(here)) return [];
    return [here, ...fieldKeys(inner, here)];
  });
}

describe('JSON outputs and their schemas (issue 18.3)', () => {
  it('ships a fresh JSON Schema for every output (npx tsx scripts/generate-json-schemas.ts)', () => {
    const expected = jsonSchemaFiles();
    const shipped = readdirSync(schemasFolder).filter((file) => file.endsWith('.schema.json'));
    expect(shipped.sort()).toEqual(Object.keys(expected).sort());
    for (const [file, text] of Object.entries(expected)) {
      expect(readFileSync(join(schemasFolder, file), 'utf8'), file).toBe(text);
    }
  });

  it('validates real outputs of every command against the shipped schemas; every field name is camelCase', () => {
    const folder = dirname(writeTempCsv('data.csv', 'a,b,y\n1,,x\n2,3,z\n1,,x\n4,5,z\n3,2,x\n5,5,z\n'));
    const store = join(folder, 'runs.db');
    const iris = ['--example', 'iris', '--json'];
    const runs: [string, string[]][] = [
      ['run', ['run', '--example', 'iris', '--json', '--no-store', '--out', join(folder, 'report')]],
      ['eval', ['eval', ...iris]],
      ['eval', ['eval', ...iris, '--cv', '3']],
      ['validate', ['validate', ...iris]],
      ['errors', ['errors', ...iris]],
      ['ensemble', ['ensemble', ...iris]],
      ['search', ['search', ...iris, '--grid', 'C=0.1,1', '--store', store, '--jobs', '1']],
      ['select', ['select', ...iris, '--rfecv']],
      ['select', ['select', ...iris, '--kbest', '2']],
      ['importance', ['importance', ...iris]],
      ['regpath', ['regpath', ...iris, '--cs', '4']],
      ['curve', ['curve', ...iris, '--jobs', '1']],
      ['epoch-curve', ['curve', ...iris, '--model', 'mlp(max_iter=20)', '--epochs']],
      ['vcurve', ['vcurve', ...iris, '--param', 'C', '--values', '0.1,1', '--jobs', '1']],
      ['clean', ['clean', join(folder, 'data.csv'), '--out', join(folder, 'clean.csv'), '--json']],
      ['runs', ['runs', '--store', store, '--json']],
    ];
    const snakeCase: string[] = [];
    for (const [name, args] of runs) {
      const result = runCli(args);
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      const document = JSON.parse(result.stdout);
      expect(document.schema, name).toBe(`modeldebug.${name}`);
      const shipped = shippedValidator(name).safeParse(document);
      expect(shipped.success ? [] : shipped.error.issues.slice(0, 3), `${name} (shipped schema)`).toEqual([]);
      const own = OUTPUT_SCHEMAS[name].safeParse(document);
      expect(own.success ? [] : own.error.issues.slice(0, 3), `${name} (zod schema)`).toEqual([]);
      snakeCase.push(
        ...fieldKeys(document)
          .filter((key) => /[_-]|\s/.test(key.split('.').pop() ?? ''))
          .map((key) => `${name}: ${key}`),
      );
      if (name === 'runs') {
        const show = runCli(['runs', 'show', document.runs[0].id, '--store', store, '--json']);
        expect(shippedValidator('run-record').safeParse(JSON.parse(show.stdout)).success).toBe(true);
      }
    }
    expect(snakeCase).toEqual([]);
  }, 600_000);
});
