import { withDuckSession } from './src/data/duck/duck-session.js';
import { stageFile } from './src/data/duck/stage-table.js';
import { openFileSource } from './src/data/duck/source-sql.js';
import { profileFile } from './src/data/duck/profile-columns.js';
const path = process.argv[2];
await withDuckSession(async (s) => {
  const mem = async (l: string) => console.log(l, JSON.stringify(await s.rows(`SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0`)));
  const file = await openFileSource(s, path);
  await mem('open');
  const p = await profileFile(s, file);
  await mem('profile');
  await s.run('DROP TABLE md_values');
  await mem('dropped');
  const t = await stageFile(s, path, { table: 'train', label: 'y' });
  await mem('staged');
});
