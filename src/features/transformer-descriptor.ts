import type { z } from 'zod';
import type { TransformerTags } from '../core/capability-tags.js';
import type { CacheFileRuntime } from '../llm/cache/cache-file.js';
import type { Transformer } from './transformer.js';

/** One transform as the catalog knows it: names, params schema, how to build it, and its tags. */
export interface TransformerDescriptor {
  readonly role: 'transform';
  readonly kind: string;
  /** Short names accepted in model specs; the first is the pipeline step name. */
  readonly aliases: readonly string[];
  readonly summary: string;
  readonly schema: z.ZodObject;
  readonly tags: TransformerTags;
  /** `runtime`: what the spec cannot say (only the steps that call an endpoint read it). */
  create(params?: unknown, runtime?: CacheFileRuntime): Transformer;
}
