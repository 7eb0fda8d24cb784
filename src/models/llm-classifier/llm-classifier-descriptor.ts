import { type ClassifierDescriptor, PLAIN_CLASSIFIER_TAGS } from '../model-descriptor.js';
import { createLlmClassifier } from './llm-classifier.js';
import { loadLlmClassifier } from './load.js';
import { LLM_CLASSIFIER_KIND, llmClassifierParamsSchema } from './params.js';
import { llmRuntimeOf } from './runtime.js';

export const llmClassifierDescriptor: ClassifierDescriptor = {
  role: 'classifier',
  kind: LLM_CLASSIFIER_KIND,
  aliases: ['llm'],
  summary:
    'an LLM over an OpenAI-compatible endpoint: model, base_url, api_key_env, template, system, few_shot_k, parse, probabilities, samples, cache, max_cost',
  schema: llmClassifierParamsSchema,
  tags: { ...PLAIN_CLASSIFIER_TAGS, rawColumns: true, waitsOnEndpoint: true },
  create: (params, runtime) => createLlmClassifier(params as never, llmRuntimeOf(params, runtime)),
  load: (serialized) => loadLlmClassifier(serialized),
};
