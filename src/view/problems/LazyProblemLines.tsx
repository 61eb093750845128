import { lazy, Suspense } from 'react';

/** The list and its texts load on demand: the first page carries only this wrapper (e2e/budget.spec.ts). */
const ProblemLines = lazy(() => import('./ProblemLines'));

/** While the chunk loads, the first lines are shown plainly so nothing is blank. */
export function LazyProblemLines({ lines }: { lines: readonly string[] }) {
  return (
    <Suspense fallback={<ul className="problems">{lines.slice(0, 20).map((line, i) => <li key={i}><code>{line}</code></li>)}</ul>}>
      <ProblemLines lines={lines} />
    </Suspense>
  );
}
