/**
 * Calibration of an LLM's answers on the bundled spam sample (datasets/spam_assassin_600.csv), against
 * the local test server (no network, no key): `npx tsx examples/llm-calibration-demo.ts`.
 * The scripted "LLM" scores an email by keyword cues (0.9 nats per cue, spammy minus hammy, + 0.3)
 * and adds a planted preference of 1.5 nats for "spam"; it returns both labels' first-token logprobs.
 * `llm-calibrate` should find the preference (content-free answer, fitted bias) and verify the gain.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChatBody, lastUser, startTestServer } from '../test/helpers/openai-test-server.js';
import { runModeldebug } from './run-modeldebug.js';

const PLANTED_SPAM_PREFERENCE = 1.5;
const SPAMMY = ['free', 'click', 'money', 'offer', 'remove', 'order', 'guarantee', '$', 'save', 'credit'];
const HAMMY = ['wrote', 'list', 'linux', 'python', 'thanks', 'mailing', 'code', 'version', 'problem'];

function answer(body: ChatBody) {
  const text = lastUser(body).toLowerCase();
  const cues = (words: string[]) => words.filter((word) => text.includes(word)).length;
  const logOdds = 0.9 * (cues(SPAMMY) - cues(HAMMY)) + 0.3 + PLANTED_SPAM_PREFERENCE;
  const pSpam = 1 / (1 + Math.exp(-logOdds));
  const alternatives = [
    { token: 'spam', logprob: Math.log(pSpam) },
    { token: 'ham', logprob: Math.log(1 - pSpam) },
  ];
  if (pSpam < 0.5) alternatives.reverse();
  return { content: alternatives[0].token, firstTokenTop: alternatives };
}

const folder = mkdtempSync(join(tmpdir(), 'modeldebug-calibration-demo-'));
const server = await startTestServer({ answer });
try {
  const args = [
    'llm-calibrate',
    '--example',
    'spam',
    '--store',
    join(folder, 'runs.sqlite'),
    '--model',
    `llm(model=demo, base_url=${server.baseURL}, scoring=logprob)`,
  ];
  const output = await runModeldebug(args);
  process.stdout.write(
    `$ modeldebug ${args.join(' ').replace(server.baseURL, 'http://127.0.0.1:…/v1')}\n${output}\n`,
  );
} finally {
  await server.close();
}
