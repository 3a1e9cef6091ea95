/**
 * The README's "Testing your rules" example is these files: every code block marked
 * `<!-- example: <path> -->` must equal the file at that path byte for byte, and every
 * file of test/src/testing/readme-example/ must be shown, so the example in the README is
 * always the one the suite runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const EXAMPLES = 'test/src/testing/readme-example';
const MARKED_BLOCK = /<!-- example: (\S+) -->\n\n```ts\n([\s\S]*?)```\n/g;

function markedBlocks(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return new Map([...readme.matchAll(MARKED_BLOCK)].map((match) => [match[1]!, match[2]!]));
}

describe('the README example', () => {
  const blocks = markedBlocks();

  it('shows every file of the example', () => {
    const files = readdirSync(join(ROOT, EXAMPLES))
      .map((name) => `${EXAMPLES}/${name}`)
      .sort();
    expect([...blocks.keys()].sort()).toEqual(files);
  });

  it.each([...blocks])('shows %s exactly as it is', (path, block) => {
    expect(block).toBe(readFileSync(join(ROOT, path), 'utf8'));
  });
});
