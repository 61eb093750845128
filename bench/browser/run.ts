/** `npx tsx bench/browser/run.ts`: the browser benchmarks alone. */
import { runBrowserBench } from './index';

for (const [name, value] of Object.entries(await runBrowserBench())) console.log(`${name}: ${value}`);
