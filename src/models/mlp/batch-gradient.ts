import { backwardRows, forward, gatherBatch, type Network, type Workspace } from './network.js';

/** The gradients of one mini-batch, from whichever threads compute them. */
export interface BatchGradients {
  /** The training rows in epoch order; shuffled in place by the fit before each epoch. */
  readonly order: Int32Array;
  /**
   * Leaves the log-loss gradient of the batch `order[start .. start + m)` (averaged over its rows,
   * without the L2 term) in the fit's workspace gradients; returns the summed log loss of its rows.
   */
  compute(start: number, m: number): number;
  /** Releases the threads, if any; the network then lives in ordinary memory again. */
  close(): Promise<void>;
}

/** The training data as every thread sees it. */
export interface BatchData {
  readonly X: Float64Array;
  readonly cols: number;
  readonly codes: Int32Array;
}

/**
 * Rows `order[start .. start + count)` through the network: their log-loss gradients, each row weighted
 * by `scale` (1 / the whole batch's size), into the workspace; returns their summed log loss.
 */
export function rowsGradient(
  network: Network,
  ws: Workspace,
  data: BatchData,
  order: Int32Array,
  start: number,
  count: number,
  scale: number,
  batchCodes: Int32Array,
): number {
  gatherBatch(data.X, data.cols, order, start, count, ws, data.codes, batchCodes);
  const logLoss = forward(network, ws, count, batchCodes);
  backwardRows(network, ws, count, scale);
  return logLoss;
}

/** This thread alone computes every batch. */
export function singleThreadGradients(
  network: Network,
  ws: Workspace,
  data: BatchData,
  rows: Int32Array,
): BatchGradients {
  const order = Int32Array.from(rows);
  const batchCodes = new Int32Array(ws.capacity);
  return {
    order,
    compute: (start, m) => rowsGradient(network, ws, data, order, start, m, 1 / m, batchCodes),
    close: async () => {},
  };
}

/** Rows of a batch of `m` that thread `part` of `threads` computes: [from, to) within the batch. */
export function batchSlice(m: number, part: number, threads: number): { from: number; to: number } {
  return { from: Math.floor((m * part) / threads), to: Math.floor((m * (part + 1)) / threads) };
}
