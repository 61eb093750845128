/**
 * Keeps the animation's labels off the names and controls on screen (brokers, their menus,
 * partitions, replicas) and off each other: each label tries its wanted place, then places
 * further and further above and below it, then the same rows moved sideways (nearest first), and
 * takes the first that overlaps nothing placed before it. Where every place is taken it covers as
 * little of another label as it can, and a name only where no place avoids every name. Pure: the
 * caller measures.
 */
export interface Rect { x: number; y: number; width: number; height: number }

export interface LabelBox {
  id: string;
  /** The label's wanted centre. */
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * How far (px, between the wanted top-left corner and the place's) a free place may be: a
   * callout far from what it names would point at the wrong log. Beyond it the label counts as
   * not placed freely, and its fallback stays within reach when any try is. Unlimited if absent.
   */
  reach?: number;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** How far a label may move up or down, in label heights. */
const MAX_TRIES = 12;
const GAP = 2;
/** The sideways step of the places tried, in px. */
const STEP_X = 16;

/**
 * The places a label tries, best first: its wanted place, then further and further above and
 * below it (up first), as far as MAX_TRIES rows (`column`); then, nearest first, the same rows
 * moved sideways within the bounds, every STEP_X and right beside each name (`aside`). The
 * sideways places are many (a few thousand on a wide cluster) and rarely needed, so they are
 * built only when no place of the column is free. A label with a reach also tries the rows just
 * above and below each name near it: the free band between two names is often thinner than the
 * rows' grid would find.
 */
/** 0, -1, +1, -2, +2 … rows from the wanted place. */
const SHIFTS = Array.from({ length: 2 * MAX_TRIES + 1 }, (_, i) => (i === 0 ? 0 : (i % 2 === 1 ? -1 : 1) * Math.ceil(i / 2)));

/** The tops a label tries, as offsets from its wanted top, nearest first (up first on a tie). */
function offsetsOf(label: LabelBox, names: readonly Rect[], reach: number): number[] {
  const stepY = label.height + GAP;
  const offsets = SHIFTS.map((shift) => shift * stepY);
  if (reach === Infinity) return offsets;
  const top = label.y - label.height / 2;
  for (const o of names) offsets.push(Math.round(o.y - GAP - label.height - top), Math.round(o.y + o.height + GAP - top));
  return [...new Set(offsets)].filter((dy) => Math.abs(dy) <= reach).sort((a, b) => Math.abs(a) - Math.abs(b) || a - b);
}

function placesOf(label: LabelBox, bounds: Rect | undefined) {
  const clampX = (x: number) => (bounds ? Math.max(bounds.x, Math.min(bounds.x + bounds.width - label.width, x)) : x);
  const wanted = clampX(label.x - label.width / 2);
  const inBounds = (box: Rect) => !bounds || (box.y >= bounds.y && box.y + box.height <= bounds.y + bounds.height);
  const row = (x: number, dy: number): Rect => ({ x, y: label.y - label.height / 2 + dy, width: label.width, height: label.height });
  return { clampX, wanted, inBounds, row };
}

function column(label: LabelBox, bounds: Rect | undefined, offsets: readonly number[]): Rect[] {
  const { wanted, inBounds, row } = placesOf(label, bounds);
  return offsets.map((dy) => row(wanted, dy)).filter(inBounds);
}

function aside(label: LabelBox, obstacles: readonly Rect[], bounds: Rect | undefined, reach: number, offsets: readonly number[]): Rect[] {
  if (!bounds) return [];
  const { clampX, wanted, inBounds, row } = placesOf(label, bounds);
  const xs = new Set<number>();
  const from = Math.max(bounds.x, wanted - reach);
  for (let x = from; x < Math.min(bounds.x + bounds.width - label.width, wanted + reach + 1); x += STEP_X) xs.add(x);
  // Right beside each name, on either side: where the nearest free place usually is.
  const rows = MAX_TRIES * (label.height + GAP) + label.height;
  for (const o of obstacles) {
    if (Math.abs(o.y + o.height / 2 - label.y) > rows + o.height / 2) continue;
    for (const x of [o.x + o.width + GAP, o.x - GAP - label.width]) xs.add(Math.round(clampX(x)));
  }
  xs.add(clampX(bounds.x + bounds.width - label.width));
  xs.delete(wanted);
  return [...xs].filter((x) => Math.abs(x - wanted) <= reach)
    .flatMap((x) => offsets.map((dy) => ({ box: row(x, dy), distance: Math.hypot(x - wanted, dy) })))
    .filter((c) => c.distance <= reach && inBounds(c.box))
    .sort((a, b) => a.distance - b.distance)
    .map((c) => c.box);
}

/** Where a label goes; `free`: it covers nothing (no name, no other label), else it covers least. */
export interface Placement { x: number; y: number; free: boolean }

/**
 * The top-left corner of each label, in the order given (earlier labels win their place).
 * `taken`: labels already on screen, kept off like the ones placed here, but less strictly than names.
 */
export function placeLabels(labels: readonly LabelBox[], obstacles: readonly Rect[], bounds?: Rect, taken: readonly Rect[] = []): Map<string, Placement> {
  const placed: Rect[] = [...taken];
  const result = new Map<string, Placement>();
  const covered = (box: Rect, rects: readonly Rect[]) => rects.reduce((sum, o) => sum + overlapArea(box, o), 0);
  /** The first of `tries` that covers least of `rects` (each place's cover computed once). */
  const least = (tries: Rect[], rects: readonly Rect[]): Rect | null => {
    let best: Rect | null = null;
    let bestCover = Infinity;
    for (const box of tries) {
      const cover = covered(box, rects);
      if (cover < bestCover) {
        best = box;
        bestCover = cover;
      }
    }
    return best;
  };
  for (const label of labels) {
    const reach = label.reach ?? Infinity;
    const wantedX = placesOf(label, bounds).wanted;
    const wantedY = label.y - label.height / 2;
    const within = (box: Rect) => Math.hypot(box.x - wantedX, box.y - wantedY) <= reach;
    // Every place within reach lies inside this window: only the names in it can be covered
    // (a wide cluster has thousands of names; a label within reach meets a few of them).
    const names = reach === Infinity ? obstacles : obstacles.filter((o) => overlaps(o, {
      x: wantedX - reach, y: wantedY - reach, width: 2 * reach + label.width, height: 2 * reach + label.height,
    }));
    const clearOfNames = (box: Rect) => !names.some((o) => overlaps(box, o));
    const free = (box: Rect) => !placed.some((o) => overlaps(box, o)) && clearOfNames(box);
    const offsets = offsetsOf(label, names, reach);
    const straight = column(label, bounds, offsets).filter(within);
    let chosen = straight.find(free);
    // The sideways places only when no place of the column is free; the column's are not tested twice.
    const around = chosen ? [] : aside(label, names, bounds, reach, offsets);
    chosen ??= around.find(free);
    const tries = [...straight, ...around];
    const isFree = chosen !== undefined;
    if (!chosen) {
      // Crowded: covering a little of another label is better than covering a name.
      chosen ??= least(tries.filter(clearOfNames), placed)
        // No place avoids every name: the one that covers least of them.
        ?? least(tries, names)
        ?? { x: label.x - label.width / 2, y: label.y - label.height / 2, width: label.width, height: label.height };
    }
    placed.push(chosen);
    result.set(label.id, { x: chosen.x, y: chosen.y, free: isFree });
  }
  return result;
}

/** A label's width without the DOM: about 0.6 em a Latin character, 1 em a CJK one. */
export function estimateWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const char of text) em += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(char) ? 1 : 0.6;
  return Math.ceil(em * fontPx) + 8;
}
