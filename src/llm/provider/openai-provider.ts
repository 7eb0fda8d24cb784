import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { CallOptions, ChatProvider } from './chat-provider.js';
import { chatCompletionSchema, toChatResult } from './chat-response-schema.js';
import type { ChatRequest, ChatResult } from './chat-types.js';
import { LlmCallError } from './llm-call-error.js';
import { createOpenAIClient, type OpenAIClientOptions } from './openai-client.js';

export { normaliseBaseURL, OPENAI_BASE_URL } from './openai-client.js';

export type OpenAIProviderOptions = OpenAIClientOptions;

/**
 * Any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp server, LM Studio) through the
 * maintained `openai` SDK (see openai-client.ts, the one place the library makes HTTP calls).
 */
export function createOpenAIProvider(options: OpenAIProviderOptions = {}): ChatProvider {
  const client = createOpenAIClient(options);
  return {
    specificationVersion: 'v1',
    baseURL: client.baseURL,
    async complete(request: ChatRequest, callOptions: CallOptions): Promise<ChatResult> {
      const started = performance.now();
      const raw = await client.send(callOptions, (sdk, sdkOptions) =>
        sdk.chat.completions.create(toOpenAIBody(request), sdkOptions),
      );
      return { ...parseCompletion(raw), latencyMs: performance.now() - started };
    },
  };
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
