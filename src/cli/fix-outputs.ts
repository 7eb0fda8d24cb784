import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModeldebugError } from '../core/errors.js';
import { cleanData } from '../data/index.js';
import { renderFixHtml } from '../report/index.js';
import {
  changesDocument,
  type FixData,
  type FixDataSource,
  type FixDocument,
  type FixResult,
  fixYaml,
} from '../workflow/fix/index.js';
import { jsonDocument } from './format/json-document.js';

/**
 * model.json, fix.yaml, changes.json, report.html and — when rows or columns were dropped — cleaned.csv
 * (a copy: the input is never edited). Each file is written beside its target and renamed into place.
 */
export async function writeFixOutputs(
  out: string,
  result: FixResult,
  data: FixData,
  source: FixDataSource,
): Promise<{ document: FixDocument; json: string; files: Record<string, string> }> {
  mkdirSync(out, { recursive: true });
  const files: Record<string, string> = {};
  const droppedFileRows = result.final.droppedRows.map((row) => data.trainFileRows[row]);
  if (droppedFileRows.length > 0 || result.final.droppedColumns.length > 0) {
    files['cleaned.csv'] = join(out, 'cleaned.csv');
    await cleanData(source.train, {
      out: files['cleaned.csv'],
      label: source.label,
      keepDuplicates: true,
      dropRows: droppedFileRows,
      dropColumns: result.final.droppedColumns,
    });
  }
  const document = changesDocument(result, source);
  const json = jsonDocument(document);
  // loadModel reads the envelope (calibration and threshold included); `spec` is the pipeline that
  // `eval --model @model.json` refits, on the columns left after `droppedColumns`.
  const model = {
    ...result.model.toJSON(),
    spec: document.fixedModel,
    droppedColumns: document.droppedColumns,
    encodings: document.encodings,
    // What `eval --model @model.json` wraps the refitted spec in, as fix did.
    ...(result.final.calibration === undefined ? {} : { calibration: result.final.calibration }),
    ...(result.final.threshold === undefined ? {} : { threshold: result.final.threshold }),
  };
  const contents: Record<string, string> = {
    'model.json': jsonDocument(model),
    'fix.yaml': fixYaml(result, source, { cleaned: files['cleaned.csv'] }),
    'changes.json': json,
    'report.html': await renderFixHtml(document),
  };
  for (const [name, content] of Object.entries(contents)) {
    files[name] = join(out, name);
    writeAtomically(files[name], content);
  }
  return { document, json, files };
}

function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new ModeldebugError('invalid_argument', `cannot write ${path}: ${String(error).split('\n')[0]}`, {
      where: '--out',
      hint: 'check that the folder is writable',
      cause: error,
    });
  }
}
