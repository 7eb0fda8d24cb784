import { z } from 'zod';
import type { CallOptions } from './chat-provider.js';
import { LlmCallError } from './llm-call-error.js';
import { createOpenAIClient, type OpenAIClientOptions } from './openai-client.js';

export interface EmbeddingRequest {
  readonly model: string;
  readonly inputs: readonly string[];
  /** Output size for models that can shorten their vectors (text-embedding-3-*); omit for the native size. */
  readonly dimensions?: number;
}

export interface EmbeddingResult {
  /** One vector per input, in input order. */
  readonly vectors: readonly Float64Array[];
  readonly promptTokens: number;
}

/**
 * The `/v1/embeddings` twin of ChatProvider: one HTTP attempt, failures thrown as `LlmCallError`;
 * retries, concurrency and caching live in run-embedding-jobs.ts.
 */
export interface EmbeddingsProvider {
  readonly specificationVersion: 'v1';
  readonly baseURL: string;
  embed(request: EmbeddingRequest, options: CallOptions): Promise<EmbeddingResult>;
}

export type OpenAIEmbeddingsOptions = OpenAIClientOptions;

const embeddingResponseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) })),
  usage: z.object({ prompt_tokens: z.number() }).nullish(),
});

/** Any OpenAI-compatible embeddings endpoint (OpenAI, Ollama, vLLM, llama.cpp, LM Studio). */
export function createOpenAIEmbeddingsProvider(options: OpenAIEmbeddingsOptions = {}): EmbeddingsProvider {
  const client = createOpenAIClient(options);
  return {
    specificationVersion: 'v1',
    baseURL: client.baseURL,
    async embed(request, callOptions) {
      // No encoding_format: the SDK asks for base64 floats and decodes them (smaller bodies).
      const raw = await client.send(callOptions, (sdk, sdkOptions) =>
        sdk.embeddings.create(
          {
            model: request.model,
            input: [...request.inputs],
            ...(request.dimensions === undefined ? {} : { dimensions: request.dimensions }),
          },
          sdkOptions,
        ),
      );
      return parseEmbeddings(raw, request.inputs.length);
    },
  };
}

/** The body is untrusted: checked against a schema, one vector per input, all of one length. */
function parseEmbeddings(raw: unknown, count: number): EmbeddingResult {
  const parsed = embeddingResponseSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LlmCallError(
      'malformed_response',
      `the endpoint's answer is not an embedding list (${issue.path.join('.')}: ${issue.message})`,
    );
  }
  const vectors: Float64Array[] = new Array(count);
  for (const item of parsed.data.data) {
    if (item.index < count) vectors[item.index] = Float64Array.from(item.embedding);
  }
  const width = vectors[0]?.length ?? 0;
  for (let i = 0; i < count; i++) {
    if (!vectors[i] || vectors[i].length !== width || width === 0) {
      throw new LlmCallError(
        'malformed_response',
        `the endpoint returned ${parsed.data.data.length} embeddings for ${count} inputs, or vectors of unequal length`,
      );
    }
  }
  return { vectors, promptTokens: parsed.data.usage?.prompt_tokens ?? 0 };
}
