import type { z } from 'zod';
import type { TransformerTags } from '../core/capability-tags.js';
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
  create(params?: unknown): Transformer;
}
