/**
 * The scripted "model" of test/helpers/spam-robustness-model.ts behind a local OpenAI-compatible server,
 * for trying `robust` (and `run`'s robustness section) by hand: the closing note's run. Argument: a CSV
 * with `text` and `label` columns (default datasets/spam_assassin_600.csv); prints the base URL, serves
 * until killed.
 *   npx tsx scripts/serve-robustness-sensitive-llm.ts &
 *   modeldebug robust datasets/spam_assassin_600.csv --label label --model 'llm(model=scripted, base_url=URL, temperature=0.7)'
 */
import { loadDataset } from '../src/data/index.js';
import { truthOf } from '../test/helpers/instruction-sensitive-model.js';
import { startTestServer } from '../test/helpers/openai-test-server.js';
import { spamRobustnessModel } from '../test/helpers/spam-robustness-model.js';

const file = process.argv[2] ?? 'datasets/spam_assassin_600.csv';
const truth = truthOf(await loadDataset(file, { label: 'label' }));
const server = await startTestServer({ answer: spamRobustnessModel(truth) });
process.stdout.write(`${server.baseURL}\n`);
