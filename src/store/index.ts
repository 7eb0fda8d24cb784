export { type LlmResultLog, type LlmResultTotals, openLlmResultLog } from './llm-result-log.js';
export { MIGRATIONS, type Migration } from './migrations.js';
export { DEFAULT_STORE_PATH, migrate, openDatabase, type SqliteDatabase } from './open-database.js';
export { openRunStore, type RunKind, type RunRecord, type RunStatus, type RunStore } from './run-store.js';
