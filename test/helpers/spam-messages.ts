import { writeFileSync } from 'node:fs';
import { type ChatBody, lastUser } from './openai-test-server.js';

/**
 * Writes `count` messages numbered from `from` as a `text,label` CSV: odd numbers are spam ("win money
 * now"), even ones ham ("meeting notes attached"). Returns the path.
 */
export function writeSpamMessages(path: string, from: number, count: number): string {
  const lines = ['text,label'];
  for (let i = from; i < from + count; i++) {
    const spam = i % 2 === 1;
    lines.push(
      `"message ${i}: ${spam ? 'win money now' : 'meeting notes attached'}",${spam ? 'spam' : 'ham'}`,
    );
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** The test server's answer to those messages: from the words, but "maybe" to every 10th message. */
export function spamAnswer(body: ChatBody): string {
  const text = lastUser(body);
  const number = Number(/message (\d+)/.exec(text)?.[1]);
  if (number % 10 === 0) return 'maybe';
  return text.includes('money') ? 'spam' : 'ham';
}
