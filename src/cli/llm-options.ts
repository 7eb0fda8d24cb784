import type { Command } from 'commander';
import { findClassifier, parseModelSpec, type StepSpec } from '../catalog/index.js';
import { ModeldebugError } from '../core/errors.js';
import type { Classifier } from '../core/estimator.js';
import type { RedisTarget } from '../distributed/index.js';
import {
  createLlmClassifier,
  LLM_CLASSIFIER_KIND,
  type LlmRuntime,
  parseLlmClassifierParams,
} from '../models/index.js';
import { DEFAULT_STORE_PATH, type LlmResultTotals, openRunStore, type RunStore } from '../store/index.js';
import { createLlmProgress } from './format/llm-progress.js';

/** The flags of a command that can run an LLM classifier. */
export interface LlmFlags {
  /** false with `--no-cache`. */
  readonly cache: boolean;
  readonly maxCost?: string;
  readonly store: string;
}

export function addLlmOptions(command: Command): Command {
  return command
    .option('--no-cache', 'LLM model: call the endpoint for every row, even ones answered before')
    .option('--max-cost <usd>', 'LLM model: refuse a run estimated above this, stop one that reaches it')
    .option(
      '--store <path>',
      'LLM model: the run store (SQLite) that keeps answers and per-row results',
      DEFAULT_STORE_PATH,
    );
}

/** Whether the model spec ends in the LLM classifier (under any of its names). */
export function endsInLlm(steps: readonly StepSpec[]): boolean {
  const name = steps[steps.length - 1].name;
  return findClassifier(name)?.kind === LLM_CLASSIFIER_KIND;
}

/** `--no-cache` and `--max-cost` mean something only for an LLM; say so rather than ignore them. */
export function checkLlmFlagsUnused(command: string, flags: LlmFlags): void {
  const given = [
    flags.cache ? undefined : '--no-cache',
    flags.maxCost === undefined ? undefined : '--max-cost',
  ];
  const flag = given.find((name) => name !== undefined);
  if (flag) {
    throw new ModeldebugError('invalid_argument', `${flag} applies to an LLM model only`, {
      where: flag,
      hint: `drop ${flag}, or use --model llm(...) (see modeldebug ${command} --help)`,
    });
  }
}

export interface LlmSession {
  readonly estimator: Classifier;
  readonly runId: string;
  readonly storePath: string;
  /** Marks the run done or failed and closes the store (and the Redis queues); the totals come from the stored items. */
  finish(error?: unknown): Promise<LlmResultTotals>;
}

/**
 * An LLM evaluation backed by the run store: a run record, the store's response cache (unless
 * `--no-cache`, or a `cache` param the user chose), every finished call streamed into `llm_results`, a
 * progress bar on stderr, and `--max-cost` as the `max_cost` param. A killed run is resumed by running the
 * same command again: finished answers come from the cache, so only the missing rows are called.
 * With `redis`, the calls go in batches to `modeldebug worker` processes; the cache, the store and the
 * cost limit stay here.
 */
export async function openLlmSession(
  steps: readonly StepSpec[],
  flags: LlmFlags,
  config: Readonly<Record<string, unknown>>,
  showProgress: boolean,
  redis?: RedisTarget,
): Promise<LlmSession> {
  const last = steps[steps.length - 1];
  if (steps.length > 1) {
    throw new ModeldebugError('invalid_argument', 'an LLM model takes the raw columns: no steps before it', {
      where: '--model',
      hint: 'use --model llm(...) alone, without --impute, --scale or --encode',
    });
  }
  const maxCost = flags.maxCost === undefined ? undefined : costFlag(flags.maxCost);
  const params = { ...last.params, ...(maxCost === undefined ? {} : { max_cost: maxCost }) };
  // BullMQ and ioredis load only when the calls go to workers: a local eval does not pay for them.
  const createRemoteChatRunner = redis
    ? (await import('../distributed/index.js')).createRemoteChatRunner
    : undefined;
  const store: RunStore = openRunStore(flags.store);
  try {
    const run = store.createRun('eval', { ...config, cache: flags.cache, max_cost: maxCost ?? null });
    const log = store.llmResults(run.id);
    const progress = createLlmProgress(showProgress);
    const cache = !flags.cache ? null : 'cache' in last.params ? undefined : store.llmCache();
    // Workers read the key from their own environment, under the name this run's params give.
    const remote =
      redis && createRemoteChatRunner
        ? createRemoteChatRunner({
            redis,
            runKey: run.id,
            apiKeyEnv: parseLlmClassifierParams(params).api_key_env,
          })
        : undefined;
    const estimator = createLlmClassifier(params, {
      cache,
      onProgress: progress.sink,
      onItem: log.record,
      ...(remote ? { runJobs: remote.run } : {}),
    });
    return {
      estimator,
      runId: run.id,
      storePath: store.path,
      async finish(error) {
        progress.stop();
        // Leftover jobs expire by age anyway: failing to remove them must not leave the run unrecorded.
        await remote?.close().catch(() => {});
        const totals = log.totals();
        if (error === undefined) store.setStatus(run.id, 'done', { summary: totals });
        else store.setStatus(run.id, 'failed', { summary: totals, error: messageOf(error) });
        store.close();
        return totals;
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * `run --redis` with LLM models: a runtime whose calls go in batches to the workers (the cache, the
 * cost limit and the store stay here). Workers read one key variable per runner, so the models must
 * agree on `api_key_env`. Undefined when no model is an LLM.
 */
export async function remoteLlmRuntime(
  specs: readonly string[],
  redis: RedisTarget,
  runKey: string | undefined,
): Promise<{ readonly llm: LlmRuntime; close(): Promise<void> } | undefined> {
  const keys = new Set(
    specs
      .map(parseModelSpec)
      .filter(endsInLlm)
      .map((steps) => parseLlmClassifierParams(steps[steps.length - 1].params).api_key_env),
  );
  if (keys.size === 0) return undefined;
  if (keys.size > 1) {
    throw new ModeldebugError(
      'invalid_argument',
      `with --redis the LLM models must read their key from one variable, not ${[...keys].join(' and ')}`,
      { where: '--redis', hint: 'give every llm(...) model the same api_key_env' },
    );
  }
  const { createRemoteChatRunner } = await import('../distributed/index.js');
  const remote = createRemoteChatRunner({ redis, runKey, apiKeyEnv: [...keys][0] });
  return { llm: { runJobs: remote.run }, close: () => remote.close() };
}

function costFlag(text: string): number {
  const value = Number(text);
  if (!(Number.isFinite(value) && value > 0)) {
    throw new ModeldebugError(
      'invalid_argument',
      `--max-cost must be a positive amount in US dollars, got "${text}"`,
      {
        where: '--max-cost',
        hint: 'e.g. --max-cost 0.50',
      },
    );
  }
  return value;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
