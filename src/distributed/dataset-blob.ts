import { ModeldebugError } from '../core/errors.js';
import type { ColumnInfo, Features } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import type { TaskData } from '../selection/fold-task.js';

interface DatasetHeader {
  readonly rows: number;
  readonly cols: number;
  readonly columns: readonly ColumnInfo[];
  readonly classes: readonly string[];
}

/**
 * The dataset as one byte string for Redis: a 4-byte header length, the header (shape, columns,
 * classes) as JSON, zero padding to a multiple of 8, the features as raw float64 and the label codes
 * as raw int32 (little-endian, the machine order of every platform Node runs on). Raw bytes, so a
 * worker fits on exactly the numbers the coordinator holds.
 */
export function encodeDataset(features: Features, labels: Labels): Buffer {
  const header: DatasetHeader = {
    rows: features.rows,
    cols: features.cols,
    columns: features.columns,
    classes: labels.classes,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const dataAt = align8(4 + json.length);
  const codesAt = dataAt + features.data.byteLength;
  const blob = Buffer.alloc(codesAt + labels.codes.byteLength);
  blob.writeUInt32LE(json.length, 0);
  json.copy(blob, 4);
  blob.set(new Uint8Array(features.data.buffer, features.data.byteOffset, features.data.byteLength), dataAt);
  blob.set(new Uint8Array(labels.codes.buffer, labels.codes.byteOffset, labels.codes.byteLength), codesAt);
  return blob;
}

/** The inverse of encodeDataset; the arrays are copies, aligned for typed-array views. */
export function decodeDataset(blob: Buffer): TaskData {
  const length = blob.readUInt32LE(0);
  const header = JSON.parse(blob.toString('utf8', 4, 4 + length)) as DatasetHeader;
  const dataAt = align8(4 + length);
  const dataBytes = header.rows * header.cols * 8;
  const codesAt = dataAt + dataBytes;
  if (blob.length !== codesAt + header.rows * 4) {
    throw new ModeldebugError('internal', 'a dataset blob in Redis has the wrong length (corrupt upload)');
  }
  const data = new Float64Array(header.rows * header.cols);
  new Uint8Array(data.buffer).set(blob.subarray(dataAt, codesAt));
  const codes = new Int32Array(header.rows);
  new Uint8Array(codes.buffer).set(blob.subarray(codesAt));
  return {
    features: { rows: header.rows, cols: header.cols, data, columns: header.columns },
    labels: { classes: header.classes, codes },
  };
}

/** Row indices as raw int32 bytes (a fold's train or test rows). */
export function encodeRows(rows: Int32Array): Buffer {
  return Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);
}

export function decodeRows(blob: Buffer): Int32Array {
  const rows = new Int32Array(blob.length / 4);
  new Uint8Array(rows.buffer).set(blob);
  return rows;
}

function align8(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}
