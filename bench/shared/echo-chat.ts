/**
 * What the LLM benches feed the engine: `count` distinct one-message jobs, generated as they are pulled
 * (so the jobs themselves hold no memory), and an in-process provider that echoes them without HTTP.
 */
import type { ChatJob, ChatProvider } from '../../src/llm/index.js';

export function* benchChatJobs(count: number): Generator<ChatJob> {
  for (let i = 0; i < count; i++) {
    yield {
      request: { model: 'bench', messages: [{ role: 'user', content: `item ${i}` }], temperature: 0 },
      sampleIndex: 0,
    };
  }
}

export const echoChatProvider: ChatProvider = {
  specificationVersion: 'v1',
  baseURL: 'memory://bench',
  complete: async (request) => ({
    choices: [{ text: `echo ${request.messages[0].content}`, finishReason: 'stop' }],
    usage: { promptTokens: 3, completionTokens: 3 },
  }),
};
