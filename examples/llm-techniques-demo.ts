/**
 * The debugging techniques applied to an LLM, against the local test server (no network, no key):
 * `npx tsx examples/llm-techniques-demo.ts`. The "LLM" is scripted: it reads the `review:` line of the
 * prompt and is right with a probability that grows with the number of few-shot examples (0.62 + 0.04
 * per example, up to 6), drawn afresh for each sample seed — so few-shot, maj@k, ablation and the
 * baseline comparison all have something to show. Prints each command and its output.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../src/core/rng.js';
import { type ChatBody, lastUser, startTestServer } from '../test/helpers/openai-test-server.js';
import { runModeldebug } from './run-modeldebug.js';

const POSITIVE = ['great', 'love', 'excellent', 'happy', 'perfect'];
const NEGATIVE = ['awful', 'broke', 'refund', 'terrible', 'slow'];
const NEUTRAL = ['shipping', 'box', 'colour', 'size', 'manual'];

/** 200 reviews: three words each, mostly from the class's list, sometimes neutral or the other class's. */
function reviewsCsv(): string {
  const rng = createRng(7);
  const lines = ['review,source,stars,y'];
  for (let i = 0; i < 200; i++) {
    const positive = i % 2 === 0;
    const words = Array.from({ length: 3 }, () => {
      const draw = rng.next();
      const list =
        draw < 0.55
          ? positive
            ? POSITIVE
            : NEGATIVE
          : draw < 0.85
            ? NEUTRAL
            : positive
              ? NEGATIVE
              : POSITIVE;
      return list[rng.int(list.length)];
    });
    const stars = positive !== rng.next() < 0.3 ? 4 : 2;
    lines.push(
      `"${words.join(' ')} (#${i})",${rng.next() < 0.5 ? 'web' : 'app'},${stars},${positive ? 'pos' : 'neg'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function unit(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}

function answer(body: ChatBody): string {
  const input = lastUser(body);
  const examples = body.messages.filter((message) => message.role === 'assistant').length;
  const review = /review: (.*)/.exec(input)?.[1] ?? (input.includes('stars:') ? '' : input);
  const score = (list: string[]) => list.filter((word) => review.includes(word)).length;
  const truth = /\(#(\d+)\)/.exec(input)
    ? Number(/\(#(\d+)\)/.exec(input)![1]) % 2 === 0
      ? 'pos'
      : 'neg'
    : undefined;
  if (truth === undefined) {
    const stars = /stars: (\d)/.exec(input);
    return stars ? (Number(stars[1]) >= 3 ? 'pos' : 'neg') : 'pos';
  }
  const right = unit(`${input}|${body.seed ?? 0}`) < 0.62 + 0.04 * Math.min(examples, 6);
  const lexical = score(POSITIVE) >= score(NEGATIVE) ? 'pos' : 'neg';
  return right ? truth : lexical === truth ? (truth === 'pos' ? 'neg' : 'pos') : lexical;
}

const folder = mkdtempSync(join(tmpdir(), 'modeldebug-llm-demo-'));
const csv = join(folder, 'reviews.csv');
writeFileSync(csv, reviewsCsv());
writeFileSync(join(folder, 'plain.txt'), 'review: {{review}}');
writeFileSync(join(folder, 'with-stars.txt'), 'review: {{review}}\nstars: {{stars}}');
const server = await startTestServer({ answer });
const llm = `llm(model=demo, base_url=${server.baseURL}, temperature=0.7)`;
const data = [csv, '--label', 'y', '--text', 'review', '--store', join(folder, 'runs.sqlite')];
const commands: string[][] = [
  ['curve', ...data, '--model', llm, '--few-shot', '0,1,2,4,8', '--maj-at-k', '5'],
  ['ablate', ...data, '--model', llm],
  ['compare', ...data, '--drop', 'source', '--drop', 'stars', '--model', llm],
  [
    'search',
    ...data,
    '--model',
    llm,
    '--grid',
    `template=@${join(folder, 'plain.txt')},@${join(folder, 'with-stars.txt')}`,
    '--grid',
    'few_shot_k=0,4',
    '--grid',
    'temperature=0,0.7',
    '--jobs',
    '1',
  ],
];
try {
  for (const args of commands) {
    const before = server.requests();
    const output = await runModeldebug(args);
    process.stdout.write(
      `$ modeldebug ${args[0]} … (${server.requests() - before} HTTP requests)\n${output}\n`,
    );
  }
} finally {
  await server.close();
}
