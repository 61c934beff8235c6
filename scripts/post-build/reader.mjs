// reader.js as a reader's browser gets it: public/reader.js (copied by Trunk) without
// its comment lines and indentation. It is the one script a reading visit loads,
// held to 3,000 bytes brotli (tests/size-budget.test.mjs), while its source keeps
// its comments. The source is written for this: no comment after code on a line,
// no string or template literal spanning lines.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function reader({ dir }) {
  const file = join(dir, 'reader.js');
  const source = await readFile(file, 'utf8');
  const lines = source.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('//'));
  const text = `${lines.join('\n')}\n`;
  await writeFile(file, text);
  return `reader.js: ${source.length} → ${text.length} bytes`;
}
