import type { ChatMessage, JsonSchemaFormat } from '../../llm/provider/chat-types.js';
import type { FewShotPool } from './few-shot.js';

export interface PromptSpec {
  readonly system: string | null;
  readonly classes: readonly string[];
  readonly descriptions: Readonly<Record<string, string>>;
  /** Whether examples and the instruction use `{"label": …}` instead of the bare label. */
  readonly json: boolean;
}

/** The label list as the prompt shows it: one `- label: description` line each. */
export function labelList(
  classes: readonly string[],
  descriptions: Readonly<Record<string, string>>,
): string {
  return classes
    .map((name) => (descriptions[name] ? `- ${name}: ${descriptions[name]}` : `- ${name}`))
    .join('\n');
}

export function systemPrompt(spec: PromptSpec): string {
  const labels = labelList(spec.classes, spec.descriptions);
  if (spec.system !== null) return spec.system.replace(/\{\{\s*labels\s*\}\}/g, labels);
  const answer = spec.json
    ? 'Answer with a JSON object {"label": "<label>"} and nothing else.'
    : 'Answer with the label only, exactly as written above, and nothing else.';
  return `You are a careful classifier. Classify the input into exactly one of these labels:\n${labels}\n${answer}`;
}

function answerText(label: string, json: boolean): string {
  return json ? JSON.stringify({ label }) : label;
}

/** System prompt, the chosen examples as user/assistant turns, then the row to classify. */
export function buildMessages(
  system: string,
  spec: PromptSpec,
  pool: FewShotPool,
  examples: readonly number[],
  input: string,
): ChatMessage[] {
  const messages: ChatMessage[] = [{ role: 'system', content: system }];
  for (const i of examples) {
    messages.push({ role: 'user', content: pool.inputs[i] });
    messages.push({ role: 'assistant', content: answerText(spec.classes[pool.labels[i]], spec.json) });
  }
  messages.push({ role: 'user', content: input });
  return messages;
}

/** The structured-output schema: one required `label` field restricted to the classes. */
export function labelSchema(classes: readonly string[]): JsonSchemaFormat {
  return {
    name: 'classification',
    schema: {
      type: 'object',
      properties: { label: { type: 'string', enum: [...classes] } },
      required: ['label'],
      additionalProperties: false,
    },
  };
}
