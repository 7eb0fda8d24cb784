import type { FitDiagnostics, FitWarning } from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import type { Labels } from '../../core/labels.js';
import { threadCount } from '../../core/n-jobs.js';
import { createRng, type Rng } from '../../core/rng.js';
import { trainTestSplit } from '../../splits/train-test-split.js';
import { divergedError, type EpochHistory, priorLogLoss, recordLossJumps } from '../epoch-history.js';
import { type BatchGradients, singleThreadGradients } from './batch-gradient.js';
import { hiddenSizes, MLP_KIND, type MlpParams } from './mlp-params.js';
import {
  addWeightDecay,
  createWorkspace,
  forward,
  gatherBatch,
  initNetwork,
  type Network,
  type Workspace,
} from './network.js';
import { createOptimizer } from './optimizer.js';
import { startThreadedGradients } from './threaded-gradients.js';

export interface MlpDiagnostics extends FitDiagnostics {
  /** Epochs run (sklearn's `n_iter_`). */
  readonly iterations: number;
  /** False when max_iter epochs ran without the loss (or validation score) settling. */
  readonly converged: boolean;
  /** Mean training loss (log loss + L2 term) of the last epoch, sklearn's `loss_`. */
  readonly loss: number;
  readonly epochs: EpochHistory;
}

/**
 * sklearn's `_fit_stochastic`: each epoch shuffles the training rows (seeded), steps the optimizer once
 * per mini-batch, records the mean batch loss, and counts epochs without improvement — of the training
 * loss by more than `tol`, or with early stopping of the validation accuracy — stopping after more than
 * `n_iter_no_change` of them. Early stopping restores the weights of the best validation epoch.
 * The training loss is the batches' losses weighted by their sizes, as sklearn sums it: no extra pass.
 * With `n_jobs` > 1 each batch's gradient is split over threads (threaded-gradients.ts).
 */
export async function fitMlp(
  X: Features,
  y: Labels,
  params: MlpParams,
  signal: AbortSignal | undefined,
): Promise<{ network: Network; diagnostics: MlpDiagnostics }> {
  const K = y.classes.length;
  const seed = params.random_state ?? 0;
  const rng = createRng(seed);
  const warnings: FitWarning[] = [];
  const all = Int32Array.from({ length: X.rows }, (_, i) => i);
  const split = params.early_stopping
    ? trainTestSplit(X.rows, { testSize: params.validation_fraction, seed, stratify: y.codes })
    : { train: all, test: new Int32Array(0) };
  const train = split.train;
  const n = train.length;
  let batchSize = params.batch_size === 'auto' ? Math.min(200, n) : params.batch_size;
  if (batchSize > n) {
    warnings.push({
      code: 'batch_size_clipped',
      message: `batch_size ${batchSize} is larger than the ${n} training rows; using ${n}`,
    });
    batchSize = n;
  }
  const sizes = [X.cols, ...hiddenSizes(params), K === 2 ? 1 : K];
  const network = initNetwork(sizes, params.activation, rng);
  const ws = createWorkspace(network, batchSize);
  const data = { X: X.data, cols: X.cols, codes: y.codes };
  // Each thread takes a slice of every batch, so never more threads than a batch's rows.
  const threads = threadCount(params.n_jobs, batchSize);
  const threaded = threads > 1 ? await startThreadedGradients(network, ws, data, train, threads) : undefined;
  if (threads > 1 && !threaded) {
    warnings.push({
      code: 'parallel_unavailable',
      message: 'the MLP worker script is missing from this build; the network was fitted in one thread',
    });
  }
  const gradients = threaded ?? singleThreadGradients(network, ws, data, train);
  try {
    return fitEpochs(X, y, params, signal, { network, ws, gradients, split, warnings, K, rng });
  } finally {
    await gradients.close();
  }
}

interface FitState {
  readonly network: Network;
  readonly ws: Workspace;
  readonly gradients: BatchGradients;
  readonly split: { readonly train: Int32Array; readonly test: Int32Array };
  readonly warnings: FitWarning[];
  readonly K: number;
  readonly rng: Rng;
}

function fitEpochs(
  X: Features,
  y: Labels,
  params: MlpParams,
  signal: AbortSignal | undefined,
  { network, ws, gradients, split, warnings, K, rng }: FitState,
): { network: Network; diagnostics: MlpDiagnostics } {
  const n = split.train.length;
  const batchSize = ws.capacity;
  const values = [...network.weights, ...network.biases];
  const grads = [...ws.weightGrads, ...ws.biasGrads];
  const optimizer = createOptimizer(
    params,
    values.map((v) => v.length),
  );
  const batchCodes = new Int32Array(batchSize);
  const lossJumps = recordLossJumps(
    MLP_KIND,
    priorLogLoss(y.codes, K),
    'learning_rate_init',
    params.learning_rate_init,
  );
  let lastLogLoss = 0;

  const validation = split.test.length > 0 ? split.test : undefined;
  const history = {
    trainLoss: [] as number[],
    validationLoss: validation ? ([] as number[]) : undefined,
    validationScore: validation ? ([] as number[]) : undefined,
  };
  let best = { loss: Number.POSITIVE_INFINITY, score: Number.NEGATIVE_INFINITY, epoch: 0 };
  let bestValues: Float64Array[] | undefined;
  let stale = 0;
  let stopped = false;
  let samplesSeen = 0;
  const order = gradients.order;
  for (let epoch = 1; epoch <= params.max_iter; epoch++) {
    signal?.throwIfAborted();
    if (params.shuffle) rng.shuffle(order);
    let total = 0;
    let totalLogLoss = 0;
    for (let start = 0; start < n; start += batchSize) {
      const m = Math.min(batchSize, n - start);
      const logLoss = gradients.compute(start, m) / m;
      const penalty = addWeightDecay(network.weights, ws.weightGrads, params.alpha / m);
      total += (logLoss + penalty) * m;
      totalLogLoss += logLoss * m;
      optimizer.step(values, grads);
    }
    const loss = total / n;
    samplesSeen += n;
    history.trainLoss.push(loss);
    // The log-loss part alone: a large alpha raises the penalty term without anything diverging.
    lastLogLoss = totalLogLoss / n;
    lossJumps.epoch(epoch, lastLogLoss);
    if (!values.every(allFinite))
      throw divergedError(
        MLP_KIND,
        epoch,
        'the weights became non-finite',
        'learning_rate_init',
        params.learning_rate_init,
      );
    if (validation && history.validationLoss && history.validationScore) {
      const scored = scoreRows(network, ws, X, y.codes, validation, batchCodes);
      history.validationLoss.push(scored.loss);
      history.validationScore.push(scored.accuracy);
      stale = scored.accuracy < best.score + params.tol ? stale + 1 : 0;
      if (scored.accuracy > best.score) {
        best = { ...best, score: scored.accuracy, epoch };
        bestValues = values.map((v) => Float64Array.from(v));
      }
    } else {
      stale = loss > best.loss - params.tol ? stale + 1 : 0;
      if (loss < best.loss) best = { ...best, loss, epoch };
    }
    optimizer.epochEnds(samplesSeen);
    if (stale > params.n_iter_no_change) {
      if (optimizer.shouldStop()) {
        stopped = true;
        break;
      }
      stale = 0;
    }
  }
  const epochs = history.trainLoss.length;
  lossJumps.finish(epochs, lastLogLoss);
  warnings.push(...lossJumps.warnings());
  if (bestValues) {
    for (const [a, v] of values.entries()) v.set(bestValues[a]);
  }
  if (!stopped) {
    warnings.push({
      code: 'convergence',
      message: `the optimizer did not converge in max_iter=${params.max_iter} epochs; increase max_iter or learning_rate_init`,
    });
  }
  const diagnostics: MlpDiagnostics = {
    iterations: epochs,
    converged: stopped,
    loss: history.trainLoss[epochs - 1],
    epochs: {
      trainLoss: history.trainLoss,
      ...(history.validationLoss ? { validationLoss: history.validationLoss } : {}),
      ...(history.validationScore ? { validationScore: history.validationScore } : {}),
      bestEpoch: bestValues ? best.epoch : epochs,
    },
    warnings,
  };
  return { network, diagnostics };
}

/** Mean log loss and accuracy of the network on `rows` of X, in workspace-sized blocks. */
function scoreRows(
  network: Network,
  ws: Workspace,
  X: Features,
  codes: Int32Array,
  rows: Int32Array,
  batchCodes: Int32Array,
): { loss: number; accuracy: number } {
  const output = ws.acts[network.sizes.length - 1];
  const units = network.sizes[network.sizes.length - 1];
  let loss = 0;
  let correct = 0;
  for (let start = 0; start < rows.length; start += ws.capacity) {
    const m = Math.min(ws.capacity, rows.length - start);
    gatherBatch(X.data, X.cols, rows, start, m, ws, codes, batchCodes);
    loss += forward(network, ws, m, batchCodes);
    for (let i = 0; i < m; i++) {
      let predicted = 0;
      if (units === 1) predicted = output[i] > 0.5 ? 1 : 0;
      else {
        for (let k = 1; k < units; k++)
          if (output[i * units + k] > output[i * units + predicted]) predicted = k;
      }
      if (predicted === batchCodes[i]) correct++;
    }
  }
  return { loss: loss / rows.length, accuracy: correct / rows.length };
}

function allFinite(values: Float64Array): boolean {
  for (const value of values) if (!Number.isFinite(value)) return false;
  return true;
}
