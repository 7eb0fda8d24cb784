import { labelList } from '../../../models/llm-classifier/build-messages.js';
import type { LlmClassifierParams } from '../../../models/llm-classifier/params.js';
import { defaultTemplate } from '../prompt-ablation.js';

const PLACEHOLDER = /\{\{\s*[^{}]+?\s*\}\}/g;

/** Which kind of change a variant makes: (a) the template's format, (b) the label list, (c) the inputs. */
export type VariantFamily = 'format' | 'labels' | 'input';

/** A meaning-preserving rewrite of the prompt: the params it changes on the user's classifier. */
export interface PromptVariant {
  readonly family: VariantFamily;
  readonly name: string;
  readonly patch: Partial<LlmClassifierParams>;
  /** New words for the classes, in class order (a label-word swap); the answers map back by position. */
  readonly classes?: readonly string[];
}

/**
 * Rewrites the template's literal text only (never a `{{column}}` placeholder, whose name must stay a
 * column of the data).
 */
function mapLiterals(template: string, rewrite: (literal: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    out += rewrite(template.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + rewrite(template.slice(last));
}

/**
 * Format variants of the template (FormatSpread's space: separators, casing, field order, joining) and of
 * the answer instruction. A variant identical to the user's template is left out.
 */
export function formatVariants(params: LlmClassifierParams, columns: readonly string[]): PromptVariant[] {
  const template = params.template ?? defaultTemplate(columns);
  const lines = template.split('\n');
  const templates: [string, string][] = [
    ["separator '|'", mapLiterals(template, (text) => text.replace(/\s*:\s*/g, ' | '))],
    ["separator '='", mapLiterals(template, (text) => text.replace(/\s*:\s*/g, ' = '))],
    ['upper-case field names', mapLiterals(template, (text) => text.toUpperCase())],
    ['lower-case field names', mapLiterals(template, (text) => text.toLowerCase())],
    ['reversed field order', [...lines].reverse().join('\n')],
    ['fields on one line', lines.join(' ; ')],
  ];
  const variants: PromptVariant[] = templates
    .filter(([, variant]) => variant !== template)
    .map(([name, variant]) => ({ family: 'format', name, patch: { template: variant } }));
  // The instruction is the user's own when they wrote a system prompt: it is not ours to reword.
  if (params.system === null) {
    variants.push({
      family: 'format',
      name: 'terse answer instruction',
      patch: { system: 'Classify the input. Labels:\n{{labels}}\nReply with one label.' },
    });
    if (params.parse === 'auto') {
      variants.push({
        family: 'format',
        name: 'JSON answer instruction',
        patch: {
          system:
            'Classify the input into one of these labels:\n{{labels}}\nAnswer with a JSON object {"label": "<label>"} and nothing else.',
        },
      });
    }
  }
  return variants;
}

/**
 * Label-list variants: the options in reversed and rotated order, and the label words upper-cased (only
 * when the parser compares without case, so that an upper-case answer still maps to its class).
 */
export function labelVariants(params: LlmClassifierParams, classes: readonly string[]): PromptVariant[] {
  const instruction = (list: string): string =>
    params.system !== null
      ? params.system.replace(/\{\{\s*labels\s*\}\}/g, list)
      : `You are a careful classifier. Classify the input into exactly one of these labels:\n${list}\nAnswer with the label only, exactly as written above, and nothing else.`;
  const descriptions = params.label_descriptions;
  const orders: [string, string[]][] = [['reversed label order', [...classes].reverse()]];
  if (classes.length > 2) orders.push(['rotated label order', [...classes.slice(1), classes[0]]]);
  const variants: PromptVariant[] = orders.map(([name, order]) => ({
    family: 'labels',
    name,
    patch: { system: instruction(labelList(order, descriptions)) },
  }));
  if (params.parse === 'auto' || params.parse === 'insensitive') {
    const list = classes
      .map((name) => {
        const description = Object.hasOwn(descriptions, name) ? descriptions[name] : '';
        return description ? `- ${name.toUpperCase()}: ${description}` : `- ${name.toUpperCase()}`;
      })
      .join('\n');
    if (classes.some((name) => name.toUpperCase() !== name)) {
      variants.push({
        family: 'labels',
        name: 'upper-case label words',
        patch: { system: instruction(list) },
      });
    }
  }
  return variants;
}
