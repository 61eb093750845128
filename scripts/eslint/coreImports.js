// @ts-check
/**
 * A local ESLint plugin for src/core's import graph (docs/architecture.md, "Reactions as data"):
 *
 * - `core/no-import-cycle`: no file of src/core imports another in a cycle (type-only imports
 *   included: a cycle of types is still a cycle of ideas). A mechanism that must make another act
 *   returns or queues a reaction instead (src/core/model/reactions.ts).
 * - `core/no-cli-import`: src/core imports nothing from src/cli.
 *
 * The graph is read from the files on disk (relative imports only), once per lint run.
 */
import fs from 'node:fs';
import path from 'node:path';

const IMPORT = /(?:^|\n)\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
const EXTENSIONS = ['.ts', '.tsx', '/index.ts'];

/** @param {string} from @param {string} spec */
function resolve(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

/** @type {Map<string, string[]>} */
const edgeCache = new Map();

/** @param {string} file */
function importsOf(file) {
  let edges = edgeCache.get(file);
  if (!edges) {
    const text = fs.readFileSync(file, 'utf8');
    edges = [];
    for (const match of text.matchAll(IMPORT)) {
      const target = resolve(file, match[1]);
      if (target) edges.push(target);
    }
    edgeCache.set(file, edges);
  }
  return edges;
}

/** @param {string} file */
function coreRoot(file) {
  const marker = `${path.sep}src${path.sep}core${path.sep}`;
  const i = file.lastIndexOf(marker);
  return i < 0 ? null : file.slice(0, i + marker.length);
}

/**
 * A path of imports inside src/core from `start` back to `file`, or null.
 * @param {string} file @param {string} start @param {string} root
 */
function pathBack(file, start, root) {
  /** @type {Map<string, string | null>} */
  const parent = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const current = /** @type {string} */ (queue.shift());
    if (current === file) {
      const chain = [];
      for (let at = /** @type {string | null} */ (current); at !== null; at = parent.get(at) ?? null) chain.unshift(at);
      return chain;
    }
    for (const next of importsOf(current)) {
      if (!next.startsWith(root) || parent.has(next)) continue;
      parent.set(next, current);
      queue.push(next);
    }
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const noImportCycle = {
  meta: { type: 'problem', docs: { description: 'no import cycles inside src/core' }, schema: [] },
  create(context) {
    const file = context.filename;
    const root = coreRoot(file);
    if (!root) return {};
    /** @param {any} node */
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string' || !node.source.value.startsWith('.')) return;
      const target = resolve(file, node.source.value);
      if (!target || !target.startsWith(root)) return;
      const chain = pathBack(file, target, root);
      if (!chain) return;
      const names = [file, ...chain].map((f) => path.relative(root, f)).join(' → ');
      context.report({ node, message: `import cycle in src/core: ${names}` });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const noCliImport = {
  meta: { type: 'problem', docs: { description: 'src/core imports nothing from src/cli' }, schema: [] },
  create(context) {
    const file = context.filename;
    const root = coreRoot(file);
    if (!root) return {};
    const cli = path.resolve(root, '..', 'cli') + path.sep;
    /** @param {any} node */
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string' || !node.source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), node.source.value);
      if (target.startsWith(cli)) context.report({ node, message: 'src/core must not import from src/cli (the runner depends on the core, not the reverse)' });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: (node) => check(node) };
  },
};

export default { rules: { 'no-import-cycle': noImportCycle, 'no-cli-import': noCliImport } };
