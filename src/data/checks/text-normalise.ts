/**
 * SQL that normalises a text for duplicate detection: lower case, punctuation dropped, whitespace
 * collapsed — "Great product!!" and "great  product" become the same text.
 */
export function normalisedTextSql(sql: string): string {
  return `trim(regexp_replace(regexp_replace(lower(${sql}), '[^\\w\\s]', '', 'g'), '\\s+', ' ', 'g'))`;
}
