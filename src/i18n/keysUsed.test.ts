/**
 * Every literal key a component passes to `t()` exists in the catalog of its namespace (a missing
 * key would show the key itself on screen). The namespace is the file's `useTranslation('ns')`
 * (else `translation`); `ns:key` names another one. Keys built at run time (template literals)
 * are not checked here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import about from './about.en.json';
import disk from './disk.en.json';
import cli from './cli.en.json';
import compare from './compare.en.json';
import groups from './groups.en.json';
import chart from './chart.en.json';
import en from './en.json';
import narration from './narration.en.json';
import newScenario from './newScenario.en.json';
import saved from './saved.en.json';
import problems from './problems.en.json';

const catalogs: Record<string, unknown> = { translation: en, about, disk, newScenario, saved, cli, narration, groups, chart, problems, compare };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function has(catalog: unknown, key: string): boolean {
  // i18next plurals: `t('count', { count })` reads `count_one` / `count_other`.
  return found(catalog, key) || found(catalog, `${key}_other`);
}

function found(catalog: unknown, key: string): boolean {
  const node = key.split('.').reduce<unknown>((n, part) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[part] : undefined), catalog);
  return node !== undefined;
}

describe('keys used in the source', () => {
  const root = join(__dirname, '..');
  const sources = [...files(join(root, 'view')), ...files(join(root, 'app'))];

  it('exist in their namespace', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      // useCompareTexts() is useTranslation('compare') with its lazy catalog (view/split/texts.ts).
      const ns = /useTranslation\('(\w+)'\)/.exec(text)?.[1] ?? (/useCompareTexts\(\)/.test(text) ? 'compare' : 'translation');
      // The first argument of each t( … ) call, up to its first top-level comma or parenthesis.
      for (const call of text.matchAll(/\bt\(\s*([^,)]*)/g)) {
        for (const literal of call[1].matchAll(/'([^'`$]+)'/g)) {
          const [space, key] = literal[1].includes(':') ? literal[1].split(':') : [ns, literal[1]];
          checked += 1;
          if (!catalogs[space] || !has(catalogs[space], key)) missing.push(`${file.slice(root.length + 1)}: ${literal[1]} (namespace ${space})`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });
});
