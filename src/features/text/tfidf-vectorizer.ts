import { z } from 'zod';
import { type CsrMatrix, createCsrMatrix } from '../../core/csr-matrix.js';
import { ModeldebugError } from '../../core/errors.js';
import { type ColumnInfo, type Features, sparseFeatures } from '../../core/features.js';
import { parseParams } from '../../core/params.js';
import { assertColumnsMatch, type ColumnSignature, columnSignature } from '../columns.js';
import { columnSignatures, parseState } from '../serialized-values.js';
import { type FittedTransformer, serializeTransformer, type Transformer } from '../transformer.js';
import type { TransformerDescriptor } from '../transformer-descriptor.js';
import { countTerms } from './term-counts.js';
import { documentsOf, textColumnIndex } from './text-column.js';
import { documentCountLimits, type TfidfParams, tfidfParamsSchema } from './tfidf-params.js';
import { inverseDocumentFrequency, weighCounts } from './tfidf-weights.js';
import { wordNgrams, wordTokens } from './tokenize.js';
import { limitVocabulary, renumberColumns } from './vocabulary.js';

export const TFIDF_VECTORIZER = 'tfidf-vectorizer';

export interface FittedTfidfVectorizer extends FittedTransformer {
  readonly params: Readonly<TfidfParams>;
  /** The kept terms in column order (sklearn's `get_feature_names_out`), sorted by code point. */
  readonly terms: readonly string[];
  /** sklearn's `idf_`; null when use_idf is false. */
  readonly idf: Float64Array | null;
  /** Output column names: the input columns with the text column replaced by the terms. */
  readonly featureNamesOut: readonly string[];
  /** The TF-IDF rows of raw documents (the text column alone), as sklearn's `transform`. */
  transformDocuments(documents: readonly string[]): CsrMatrix;
}

/**
 * sklearn's TfidfVectorizer (word analyzer, token pattern r"(?u)\b\w\w+\b") over one text column: counts
 * of word n-grams, vocabulary pruned by min_df / max_df / max_features, tf (raw, binary or 1 + ln tf) ×
 * smoothed idf, rows L2-normalised. The output is sparse (CSR): the text column is replaced by one column
 * per term, numeric columns pass through in place.
 */
export function createTfidfVectorizer(params: Partial<TfidfParams> = {}): Transformer<TfidfParams> {
  const parsed = Object.freeze(parseParams(TFIDF_VECTORIZER, tfidfParamsSchema, params));
  return {
    kind: TFIDF_VECTORIZER,
    params: parsed,
    withParams: (patch) => createTfidfVectorizer({ ...parsed, ...patch }),
    fit: async (X) => {
      const j = textColumnIndex(X, parsed.column, TFIDF_VECTORIZER);
      const documents = documentsOf(X, j);
      const learned = new Map<string, number>();
      const counts = countTerms(documents, termsFor(parsed), learned, true);
      const limits = documentCountLimits(parsed, documents.length);
      const { terms, newColumn } = limitVocabulary(counts, [...learned.keys()], {
        minDocuments: limits.min,
        maxDocuments: limits.max,
        maxFeatures: parsed.max_features,
      });
      const termCounts = renumberColumns(counts, newColumn, terms.length);
      const idf = parsed.use_idf ? inverseDocumentFrequency(termCounts, parsed.smooth_idf) : null;
      const fitted = fittedTfidfVectorizer(parsed, columnSignature(X), j, terms, idf);
      // The pipeline transforms the rows it fitted on next: hand over these weights instead of
      // tokenising every document again.
      return fitted.primed(X, weighCounts(termCounts, weightingOf(parsed, idf)));
    },
  };
}

function termsFor(params: TfidfParams): (document: string) => readonly string[] {
  const [low, high] = params.ngram_range;
  if (low === 1 && high === 1) return (document) => wordTokens(document, params.lowercase);
  return (document) => wordNgrams(wordTokens(document, params.lowercase), low, high);
}

function weightingOf(params: TfidfParams, idf: Float64Array | null) {
  return { binary: params.binary, sublinearTf: params.sublinear_tf, idf, norm: params.norm };
}

function fittedTfidfVectorizer(
  params: TfidfParams,
  columns: readonly ColumnSignature[],
  textColumn: number,
  terms: readonly string[],
  idf: Float64Array | null,
): FittedTfidfVectorizer & {
  primed(X: Features, weights: CsrMatrix): FittedTfidfVectorizer;
} {
  const vocabulary = new Map(terms.map((term, c) => [term, c]));
  const termColumns: ColumnInfo[] = terms.map((name) => ({ name, kind: 'numeric' }));
  const outputColumns: ColumnInfo[] = columns.flatMap((column, j) =>
    j === textColumn ? termColumns : [{ name: column.name, kind: 'numeric' as const }],
  );
  const termsOf = termsFor(params);
  const weighting = weightingOf(params, idf);
  const transformDocuments = (documents: readonly string[]) =>
    weighCounts(countTerms(documents, termsOf, vocabulary, false), weighting);
  let pending: { input: Features; weights: CsrMatrix } | undefined;
  const fitted: FittedTfidfVectorizer = {
    kind: TFIDF_VECTORIZER,
    params,
    warnings: [],
    terms,
    idf,
    featureNamesOut: outputColumns.map((column) => column.name),
    transformDocuments,
    transform(X) {
      let weights: CsrMatrix;
      if (pending !== undefined && pending.input === X) {
        weights = pending.weights;
        pending = undefined;
      } else {
        assertColumnsMatch(TFIDF_VECTORIZER, columns, X);
        weights = transformDocuments(documentsOf(X, textColumn));
      }
      if (X.cols === 1) return sparseFeatures(weights, outputColumns);
      return sparseFeatures(withPassThrough(X, textColumn, weights), outputColumns);
    },
    toJSON: () =>
      serializeTransformer(TFIDF_VECTORIZER, params, {
        columns,
        textColumn,
        terms,
        idf: idf === null ? null : Array.from(idf),
      }),
  };
  return {
    ...fitted,
    primed(X, weights) {
      pending = { input: X, weights };
      return fitted;
    },
  };
}

/** The term block in place of column `textColumn`, the numeric columns' non-zero values around it. */
function withPassThrough(X: Features, textColumn: number, terms: CsrMatrix): CsrMatrix {
  const { rows, cols } = X;
  const width = cols - 1 + terms.cols;
  const indptr = new Int32Array(rows + 1);
  const capacity = terms.indptr[rows] + rows * (cols - 1);
  const indices = new Int32Array(capacity);
  const data = new Float64Array(capacity);
  let t = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const offset = j < textColumn ? j : j - 1 + terms.cols;
      if (j === textColumn) {
        for (let s = terms.indptr[i]; s < terms.indptr[i + 1]; s++) {
          indices[t] = textColumn + terms.indices[s];
          data[t++] = terms.data[s];
        }
        continue;
      }
      const x = X.data[i * cols + j];
      if (Number.isNaN(x)) {
        throw new ModeldebugError(
          'missing_values',
          `${TFIDF_VECTORIZER} got a missing value in column "${X.columns[j].name}"`,
          {
            where: `column "${X.columns[j].name}"`,
            hint: 'add an imputer before tfidf, or drop the column',
          },
        );
      }
      if (x !== 0) {
        indices[t] = offset;
        data[t++] = x;
      }
    }
    indptr[i + 1] = t;
  }
  return createCsrMatrix(rows, width, indptr, indices.slice(0, t), data.slice(0, t));
}

const stateSchema = z.strictObject({
  columns: columnSignatures,
  textColumn: z.number().int().min(0),
  terms: z.array(z.string()),
  idf: z.array(z.number()).nullable(),
});

export function loadTfidfVectorizer(params: unknown, state: unknown): FittedTfidfVectorizer {
  const parsed = Object.freeze(parseParams(TFIDF_VECTORIZER, tfidfParamsSchema, params));
  const saved = parseState(
    TFIDF_VECTORIZER,
    stateSchema.refine(
      (s) => s.textColumn < s.columns.length && (s.idf === null || s.idf.length === s.terms.length),
      'textColumn must name a saved column and idf hold one value per term',
    ),
    state,
  );
  const idf = saved.idf === null ? null : Float64Array.from(saved.idf);
  return fittedTfidfVectorizer(parsed, saved.columns, saved.textColumn, saved.terms, idf);
}

export const tfidfVectorizerDescriptor: TransformerDescriptor = {
  role: 'transform',
  kind: TFIDF_VECTORIZER,
  aliases: ['tfidf'],
  summary:
    'TF-IDF of a text column, sparse output for logreg / mnb: ngram_range, min_df, max_df, max_features, sublinear_tf, norm, column',
  schema: tfidfParamsSchema,
  tags: { handles: 'text-columns', reshapesColumns: true },
  create: (params) => createTfidfVectorizer(params as never),
};
