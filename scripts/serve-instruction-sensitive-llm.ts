/**
 * The scripted "model" of test/helpers/instruction-sensitive-model.ts behind a local OpenAI-compatible
 * server, for trying `propose` and `fix` by hand (the closing note's runs). Argument: a CSV with `text`
 * and `label` columns (default datasets/spam_assassin_600.csv); prints the base URL, serves until killed.
 *   npx tsx scripts/serve-instruction-sensitive-llm.ts &
 *   modeldebug propose datasets/spam_assassin_600.csv --label label --model 'llm(model=scripted, base_url=URL)'
 */
import { loadDataset } from '../src/data/index.js';
import { instructionSensitiveModel, truthOf } from '../test/helpers/instruction-sensitive-model.js';
import { startTestServer } from '../test/helpers/openai-test-server.js';

const file = process.argv[2] ?? 'datasets/spam_assassin_600.csv';
const truth = truthOf(await loadDataset(file, { label: 'label' }));
const server = await startTestServer({ answer: instructionSensitiveModel(truth) });
process.stdout.write(`${server.baseURL}\n`);
