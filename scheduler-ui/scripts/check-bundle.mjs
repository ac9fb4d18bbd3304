// Build check: the shipped JavaScript uses no syntax newer than ES2022 and none of the APIs that Chrome 109 or
// Firefox ESR 115 (the last browsers of old Windows PCs) lack. Run after `vite build`; exits 1 naming the file.
import { parse } from 'acorn';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'target/classes/public/assets';
// Methods and globals shipped after Chrome 109 / Firefox 115 (MDN browser-compat-data).
const NEWER = new Set(['toSorted', 'toReversed', 'toSpliced', 'groupBy', 'withResolvers', 'fromAsync',
  'isWellFormed', 'toWellFormed', 'union', 'intersection', 'symmetricDifference', 'isSubsetOf', 'isSupersetOf',
  'isDisjointFrom', 'Segmenter', 'transferToFixedLength', 'promiseTry', 'getOrInsert']);
const failures = [];
let total = 0;

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const v of Object.values(node)) {
    if (Array.isArray(v)) v.forEach((c) => walk(c, visit));
    else if (v && typeof v === 'object' && typeof v.type === 'string') walk(v, visit);
  }
}

for (const f of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
  const code = readFileSync(join(dir, f), 'utf8');
  total += gzipSync(code).length;
  let ast;
  try {
    ast = parse(code, { ecmaVersion: 2022, sourceType: 'module' });
  } catch (e) {
    failures.push(`${f}: syntax newer than ES2022 (${e.message})`);
    continue;
  }
  walk(ast, (n) => {
    const name = n.type === 'MemberExpression' && !n.computed ? n.property.name
      : n.type === 'Identifier' ? n.name : null;
    if (name && NEWER.has(name)) failures.push(`${f}: ${name} is missing in Chrome 109 or Firefox 115`);
  });
}
if (failures.length) {
  console.error(`bundle check FAILED:\n  ${[...new Set(failures)].join('\n  ')}`);
  process.exit(1);
}
console.log(`bundle check: ES2022 syntax, no API newer than Chrome 109 / Firefox 115; JS ${(total / 1024).toFixed(1)} KB gzip`);
