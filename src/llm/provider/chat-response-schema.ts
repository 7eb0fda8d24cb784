import { z } from 'zod';
import type { ChatResult } from './chat-types.js';

const alternative = z.object({ token: z.string(), logprob: z.number() });

/** What we read of an OpenAI-compatible chat completion; anything else in the body is ignored. */
export const chatCompletionSchema = z.object({
  choices: z.array(
    z.object({
      finish_reason: z.string().nullish(),
      message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }).nullish(),
      logprobs: z
        .object({
          content: z.array(alternative.extend({ top_logprobs: z.array(alternative).nullish() })).nullish(),
        })
        .nullish(),
    }),
  ),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
});

export type ChatCompletionBody = z.infer<typeof chatCompletionSchema>;

export function toChatResult(body: ChatCompletionBody): ChatResult {
  return {
    choices: body.choices.map((choice) => ({
      text: choice.message?.content ?? '',
      finishReason: choice.finish_reason ?? 'unknown',
      ...(choice.message?.refusal ? { refusal: choice.message.refusal } : {}),
      ...(choice.logprobs?.content
        ? {
            logprobs: choice.logprobs.content.map((token) => ({
              token: token.token,
              logprob: token.logprob,
              top: (token.top_logprobs ?? []).map(({ token: text, logprob }) => ({ token: text, logprob })),
            })),
          }
        : {}),
    })),
    usage: {
      promptTokens: body.usage?.prompt_tokens ?? 0,
      completionTokens: body.usage?.completion_tokens ?? 0,
    },
  };
}
