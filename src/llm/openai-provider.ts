import OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { CallOptions, ChatProvider, FetchFunction } from './chat-provider.js';
import { chatCompletionSchema, toChatResult } from './chat-response-schema.js';
import type { ChatRequest, ChatResult } from './chat-types.js';
import { LlmCallError } from './llm-call-error.js';
import { toLlmCallError } from './to-llm-call-error.js';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export interface OpenAIProviderOptions {
  readonly baseURL?: string;
  /** Read by the caller from the environment variable the params name; never stored elsewhere. */
  readonly apiKey?: string;
  readonly fetch?: FetchFunction;
}

/**
 * Any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp server, LM Studio) through the
 * maintained `openai` SDK, with the SDK's own retries off (`maxRetries: 0`): this is the one place the
 * library makes HTTP calls, and `fetch` is injectable.
 */
export function createOpenAIProvider(options: OpenAIProviderOptions = {}): ChatProvider {
  const baseURL = normaliseBaseURL(options.baseURL ?? OPENAI_BASE_URL);
  const apiKey = options.apiKey;
  const client = new OpenAI({
    baseURL,
    // Local servers take no key, but the SDK insists on one; the placeholder is not a secret.
    apiKey: apiKey ?? 'no-key',
    maxRetries: 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    specificationVersion: 'v1',
    baseURL,
    async complete(request: ChatRequest, callOptions: CallOptions): Promise<ChatResult> {
      let raw: unknown;
      try {
        raw = await client.chat.completions.create(toOpenAIBody(request), {
          signal: callOptions.signal,
          timeout: callOptions.timeoutMs,
          maxRetries: 0,
        });
      } catch (error) {
        throw toLlmCallError(error, { apiKey, aborted: callOptions.signal?.aborted ?? false });
      }
      return parseCompletion(raw);
    },
  };
}

export function normaliseBaseURL(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

function toOpenAIBody(request: ChatRequest): ChatCompletionCreateParamsNonStreaming {
  const wantsLogprobs = (request.topLogprobs ?? 0) > 0;
  return {
    model: request.model,
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.topP === undefined ? {} : { top_p: request.topP }),
    ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
    ...(request.seed === undefined ? {} : { seed: request.seed }),
    ...(wantsLogprobs ? { logprobs: true, top_logprobs: request.topLogprobs } : {}),
    ...(request.jsonSchema
      ? {
          response_format: {
            type: 'json_schema',
            json_schema: {
              name: request.jsonSchema.name,
              schema: { ...request.jsonSchema.schema },
              strict: true,
            },
          },
        }
      : {}),
  };
}

/** The body is untrusted: it is checked against a schema, never evaluated. */
function parseCompletion(raw: unknown): ChatResult {
  if (typeof raw !== 'object' || raw === null) {
    throw new LlmCallError('malformed_response', 'the endpoint answered with something other than JSON');
  }
  const parsed = chatCompletionSchema.safeParse(raw);
  if (!parsed.success) {
    throw new LlmCallError(
      'malformed_response',
      `the endpoint's answer is not a chat completion (${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message})`,
    );
  }
  if (parsed.data.choices.length === 0) {
    throw new LlmCallError('empty_response', 'the endpoint answered with no choices');
  }
  return toChatResult(parsed.data);
}
