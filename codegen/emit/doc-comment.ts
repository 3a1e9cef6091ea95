/**
 * JSDoc blocks for generated code, wrapped to the pinned print width (prettier leaves
 * comments as written). The text must not contain `*\/`; callers pass prose built from
 * identifiers and numbers, never state names.
 */

/** `/** ... *\/` with `text` wrapped at word boundaries to lines of at most `width` characters. */
export function docComment(text: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && 3 + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return ['/**', ...lines.map((l) => ` * ${l}`), ' */'].join('\n');
}
