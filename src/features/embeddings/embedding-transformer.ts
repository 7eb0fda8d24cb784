import { ModeldebugError } from '../../core/errors.js';
import type { FitContext } from '../../core/estimator.js';
import type { ColumnInfo, Features } from '../../core/features.js';
import type { Labels } from '../../core/labels.js';
import { cacheFileFor } from '../../llm/cache/cache-file.js';
import { type EmbeddingCache, embeddingCacheFromParam } from '../../llm/cache/embedding-cache.js';
import { createLlmEngine, type LlmEngine } from '../../llm/engine/llm-engine.js';
import { type EmbeddingRunSummary, embedTexts } from '../../llm/engine/run-embedding-jobs.js';
import { apiKeyFromEnv } from '../../llm/provider/api-key-from-env.js';
import type { FetchFunction } from '../../llm/provider/chat-provider.js';
import {
  createOpenAIEmbeddingsProvider,
  type EmbeddingsProvider,
} from '../../llm/provider/embeddings-provider.js';
import { type FittedTransformer, serializeTransformer, type Transformer } from '../transformer.js';
import type { TransformerDescriptor } from '../transformer-descriptor.js';
import {
  EMBEDDING_TRANSFORMER_KIND,
  type EmbeddingParams,
  embeddingParamsSchema,
  parseEmbeddingParams,
} from './embed-params.js';

/** What the transformer needs besides params, injected: `fetch`, the key's environment, engine, cache. */
export interface EmbeddingRuntime {
  readonly fetch?: FetchFunction;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly engine?: LlmEngine;
  /** Overrides the `cache` param; null: none. */
  readonly cache?: EmbeddingCache | null;
}

export interface FittedEmbedding extends FittedTransformer {
  /** Vector length per embedded column. */
  readonly dimensions: number;
  readonly embeddedColumns: readonly string[];
  /** The calls the fit made. */
  readonly summary: EmbeddingRunSummary;
}

export interface EmbeddingTransformer extends Transformer<EmbeddingParams> {
  withParams(patch: Partial<EmbeddingParams>): EmbeddingTransformer;
  fit(X: Features, y?: Labels, context?: FitContext): Promise<FittedEmbedding>;
}

/**
 * Each embedded text column becomes `dimensions` numeric columns (`review:e0` …), other columns pass
 * through, a missing cell becomes a zero vector. `fit` embeds every level of the column — the texts of
 * all rows of the loaded dataset, test rows included — because `transform` is synchronous and cannot
 * call the endpoint. That is no leak: an embedding depends on its text alone (nothing is estimated
 * from the rows), and the classifier after it still fits on the training rows only.
 */
export function createEmbeddingTransformer(
  params: Partial<EmbeddingParams> | Readonly<Record<string, unknown>> = {},
  runtime: EmbeddingRuntime = {},
): EmbeddingTransformer {
  const parsed = parseEmbeddingParams(params);
  const cache = runtime.cache === null ? undefined : (runtime.cache ?? embeddingCacheFromParam(parsed.cache));
  return {
    kind: EMBEDDING_TRANSFORMER_KIND,
    params: parsed,
    withParams(patch) {
      const next = { ...parsed, ...patch };
      const keepCache = runtime.cache !== undefined || next.cache === parsed.cache;
      return createEmbeddingTransformer(next, keepCache ? { ...runtime, cache: cache ?? null } : runtime);
    },
    async fit(X, _y, context) {
      const columns = embeddedColumns(parsed, X.columns);
      const provider = providerFor(parsed, runtime);
      const engine =
        runtime.engine ??
        createLlmEngine({
          maxConcurrency: parsed.concurrency,
          policy: { timeoutMs: parsed.timeout_ms, maxAttempts: parsed.max_attempts },
        });
      const texts = columns.flatMap((j) => X.columns[j].levels ?? []);
      const { vectors, summary } = await embedTexts(engine, provider, texts, {
        model: parsed.model,
        ...(parsed.dimensions === null ? {} : { dimensions: parsed.dimensions }),
        batchSize: parsed.batch_size,
        cache,
        signal: context?.signal,
      });
      const byText = new Map(texts.map((text, i) => [text, vectors[i]]));
      const dimensions = vectors[0]?.length ?? 0;
      return fittedEmbedding(parsed, X.columns, columns, byText, dimensions, summary);
    },
  };
}

function embeddedColumns(params: EmbeddingParams, columns: readonly ColumnInfo[]): number[] {
  if (params.columns === null) {
    const text = columns.flatMap((column, j) => (column.kind === 'text' ? [j] : []));
    if (text.length === 0) {
      throw new ModeldebugError('invalid_argument', 'embed found no text column to embed', {
        where: 'param columns',
        hint: 'mark a column as text with --text <column>, or name columns with embed(columns=["name"])',
      });
    }
    return text;
  }
  return params.columns.map((name) => {
    const j = columns.findIndex((column) => column.name === name);
    if (j < 0 || columns[j].kind === 'numeric') {
      throw new ModeldebugError('invalid_param', `embed cannot embed column "${name}"`, {
        where: 'param columns',
        hint: `name text or categorical columns: ${
          columns
            .filter((c) => c.kind !== 'numeric')
            .map((c) => c.name)
            .join(', ') || '(none)'
        }`,
      });
    }
    return j;
  });
}

function providerFor(params: EmbeddingParams, runtime: EmbeddingRuntime): EmbeddingsProvider {
  return createOpenAIEmbeddingsProvider({
    baseURL: params.base_url,
    apiKey: apiKeyFromEnv(runtime.env ?? process.env, params.api_key_env, params.base_url),
    ...(runtime.fetch ? { fetch: runtime.fetch } : {}),
  });
}

export function fittedEmbedding(
  params: EmbeddingParams,
  fitColumns: readonly ColumnInfo[],
  embedded: readonly number[],
  byText: ReadonlyMap<string, Float64Array>,
  dimensions: number,
  summary: EmbeddingRunSummary,
): FittedEmbedding {
  const names = new Set(embedded.map((j) => fitColumns[j].name));
  const outColumns: ColumnInfo[] = fitColumns.flatMap((column) =>
    names.has(column.name)
      ? Array.from({ length: dimensions }, (_, d) => ({
          name: `${column.name}:e${d}`,
          kind: 'numeric' as const,
        }))
      : [column],
  );
  return {
    kind: EMBEDDING_TRANSFORMER_KIND,
    warnings: [],
    dimensions,
    embeddedColumns: [...names],
    summary,
    transform(X) {
      if (X.cols !== fitColumns.length || X.columns.some((column, j) => column.name !== fitColumns[j].name)) {
        throw new ModeldebugError('shape_mismatch', 'embed: the columns differ from those seen by fit', {
          hint: 'transform data with the same columns, in the same order, as the training data',
        });
      }
      const width = outColumns.length;
      const data = new Float64Array(X.rows * width);
      for (let i = 0; i < X.rows; i++) {
        let out = i * width;
        for (let j = 0; j < X.cols; j++) {
          const value = X.data[i * X.cols + j];
          if (!names.has(X.columns[j].name)) {
            data[out++] = value;
            continue;
          }
          if (!Number.isNaN(value)) {
            const text = X.columns[j].levels?.[value] ?? '';
            const vector = byText.get(text);
            if (!vector) {
              throw new ModeldebugError(
                'unsupported',
                `embed: a text of column "${X.columns[j].name}" was not embedded at fit time`,
                {
                  hint: 'embed fits on the loaded dataset’s texts: cross-validate or split one file rather than passing a separate test file',
                },
              );
            }
            data.set(vector, out);
          }
          out += dimensions;
        }
      }
      return { rows: X.rows, cols: width, data, columns: outColumns };
    },
    toJSON() {
      // The vectors travel with the model, so a loaded one transforms the same texts without a call.
      const vectors = Object.fromEntries([...byText].map(([text, vector]) => [text, Array.from(vector)]));
      return serializeTransformer(EMBEDDING_TRANSFORMER_KIND, params, {
        columns: fitColumns,
        embedded: [...names],
        dimensions,
        vectors,
      });
    },
  };
}

export const embeddingTransformerDescriptor: TransformerDescriptor = {
  role: 'transform',
  kind: EMBEDDING_TRANSFORMER_KIND,
  aliases: ['embed', 'embeddings'],
  summary:
    'text columns to vectors from an OpenAI-compatible /v1/embeddings endpoint: model, base_url, api_key_env, columns, dimensions, cache',
  schema: embeddingParamsSchema,
  tags: { handles: 'text-columns', reshapesColumns: true },
  create: (params, runtime) => {
    const file = cacheFileFor(params, runtime);
    return createEmbeddingTransformer(
      params as never,
      file === undefined ? {} : { cache: embeddingCacheFromParam(file) ?? null },
    );
  },
};
