import {
  type ChatBody,
  lastUser,
  type ScriptedAnswer,
  type TestServerOptions,
} from '../../helpers/openai-test-server.js';

/** The labels the system prompt lists (`- name` or `- name: description` lines). */
export function promptLabels(body: ChatBody): string[] {
  const system = body.messages.find((message) => message.role === 'system')?.content ?? '';
  return [...system.matchAll(/^- ([^:\n]+)/gm)].map((match) => match[1].trim());
}

function cell(input: string, name: string): number {
  const match = new RegExp(`${name.replace(/[()]/g, '\\$&')}: ([\\d.]+)`).exec(input);
  return match ? Number(match[1]) : Number.NaN;
}

/** A scripted "LLM" that classifies iris by two petal thresholds and answers with the prompt's label. */
export function irisAnswer(body: ChatBody): ScriptedAnswer {
  const input = lastUser(body);
  const length = cell(input, 'petal length (cm)');
  const width = cell(input, 'petal width (cm)');
  const species = length < 2.5 ? 0 : width < 1.75 ? 1 : 2;
  const labels = promptLabels(body);
  const label = labels[Math.max(0, species - (3 - labels.length))] ?? 'unknown';
  const other = labels.find((name) => name !== label) ?? label;
  return {
    content: label,
    firstTokenTop: [
      { token: label, logprob: Math.log(0.8) },
      { token: other, logprob: Math.log(0.15) },
      { token: '\n', logprob: Math.log(0.05) },
    ],
  };
}

export const IRIS_SERVER: TestServerOptions = { answer: irisAnswer };
