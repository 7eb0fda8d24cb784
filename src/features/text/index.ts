export type { TfidfParams } from './tfidf-params.js';
export {
  createTfidfVectorizer,
  type FittedTfidfVectorizer,
  loadTfidfVectorizer,
  TFIDF_VECTORIZER,
} from './tfidf-vectorizer.js';
export { compareCodePoints, wordNgrams, wordTokens } from './tokenize.js';
