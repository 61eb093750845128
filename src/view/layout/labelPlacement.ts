/**
 * Keeps the animation's labels off the names on screen (brokers, partitions, replicas) and off
 * each other: each label tries its wanted place, then places further and further above and below
 * it, and takes the first that overlaps nothing placed before it. Pure: the caller measures.
 */
export interface Rect { x: number; y: number; width: number; height: number }

export interface LabelBox {
  id: string;
  /** The label's wanted centre. */
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** How far a label may move (in label heights, either way) before it gives up and takes its wanted place. */
const MAX_TRIES = 12;
const GAP = 2;

/** The top-left corner of each label, in the order given (earlier labels win their place). */
export function placeLabels(labels: readonly LabelBox[], obstacles: readonly Rect[], bounds?: Rect): Map<string, { x: number; y: number }> {
  const placed: Rect[] = [];
  const result = new Map<string, { x: number; y: number }>();
  for (const label of labels) {
    const step = label.height + GAP;
    let x = label.x - label.width / 2;
    if (bounds) x = Math.max(bounds.x, Math.min(bounds.x + bounds.width - label.width, x));
    let chosen: Rect | null = null;
    for (let i = 0; i <= 2 * MAX_TRIES && !chosen; i++) {
      // 0, -1, +1, -2, +2 … label heights from the wanted place.
      const shift = i === 0 ? 0 : (i % 2 === 1 ? -1 : 1) * Math.ceil(i / 2);
      const box = { x, y: label.y - label.height / 2 + shift * step, width: label.width, height: label.height };
      if (bounds && (box.y < bounds.y || box.y + box.height > bounds.y + bounds.height)) continue;
      if (!obstacles.some((o) => overlaps(box, o)) && !placed.some((o) => overlaps(box, o))) chosen = box;
    }
    const box = chosen ?? { x, y: label.y - label.height / 2, width: label.width, height: label.height };
    placed.push(box);
    result.set(label.id, { x: box.x, y: box.y });
  }
  return result;
}

/** A label's width without the DOM: about 0.6 em a Latin character, 1 em a CJK one. */
export function estimateWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const char of text) em += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(char) ? 1 : 0.6;
  return Math.ceil(em * fontPx) + 8;
}
