import { describe, expect, it } from 'vitest';
import { estimateWidth, placeLabels, type Rect } from './labelPlacement';

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('placeLabels', () => {
  it('keeps its wanted place when free', () => {
    expect(placeLabels([{ id: 'a', x: 50, y: 50, width: 40, height: 10 }], []).get('a')).toEqual({ x: 30, y: 45, free: true });
  });

  it('moves off a name and off labels placed before it, never overlapping either', () => {
    const name: Rect = { x: 0, y: 40, width: 200, height: 20 };
    const labels = ['a', 'b', 'c'].map((id) => ({ id, x: 100, y: 50, width: 60, height: 12 }));
    const placed = placeLabels(labels, [name]);
    const boxes = labels.map((l) => ({ ...(placed.get(l.id) ?? { x: 0, y: 0 }), width: l.width, height: l.height }));
    for (const box of boxes) expect(overlaps(box, name)).toBe(false);
    expect(overlaps(boxes[0], boxes[1]) || overlaps(boxes[1], boxes[2]) || overlaps(boxes[0], boxes[2])).toBe(false);
  });

  it('stays inside the bounds', () => {
    const placed = placeLabels([{ id: 'a', x: 5, y: 5, width: 40, height: 10 }], [], { x: 0, y: 0, width: 100, height: 100 }).get('a');
    expect(placed).toEqual({ x: 0, y: 0, free: true });
  });

  it('moves sideways when its column is full of names above and below (a broker\'s menu button, say)', () => {
    const bounds: Rect = { x: 0, y: 0, width: 400, height: 60 };
    // The left half is names from top to bottom; the right half is free.
    const names: Rect[] = [{ x: 0, y: 0, width: 200, height: 60 }];
    const placed = placeLabels([{ id: 'a', x: 100, y: 30, width: 80, height: 12 }], names, bounds).get('a');
    expect(placed).toBeDefined();
    expect(overlaps({ ...placed!, width: 80, height: 12 }, names[0])).toBe(false);
    // Right beside the names, not a step further.
    expect(placed!.x).toBe(200 + 2);
  });

  it('where every place is taken, covers another label rather than a name', () => {
    const bounds: Rect = { x: 0, y: 0, width: 100, height: 40 };
    const name: Rect = { x: 0, y: 0, width: 100, height: 10 };
    const taken: Rect[] = [{ x: 0, y: 12, width: 100, height: 28 }];
    const placed = placeLabels([{ id: 'a', x: 50, y: 6, width: 60, height: 12 }], [name], bounds, taken).get('a');
    expect(overlaps({ ...placed!, width: 60, height: 12 }, name)).toBe(false);
  });

  it('says whether it found a free place: a name under every place within reach is covered least, not escaped from', () => {
    const bounds: Rect = { x: 0, y: 0, width: 400, height: 200 };
    // A band of names 100 px tall around the wanted place; free room only far above and below it.
    const band: Rect = { x: 0, y: 50, width: 400, height: 100 };
    const label = { id: 'a', x: 200, y: 100, width: 60, height: 12 };
    const far = placeLabels([label], [band], bounds).get('a')!;
    expect(far.free).toBe(true);
    expect(overlaps({ ...far, width: 60, height: 12 }, band)).toBe(false);
    const near = placeLabels([{ ...label, reach: 30 }], [band], bounds).get('a')!;
    expect(near.free).toBe(false);
    // It stayed within reach of its wanted corner (170, 94).
    expect(Math.hypot(near.x - 170, near.y - 94)).toBeLessThanOrEqual(30);
  });

  it('takes a free place within reach beside its wanted one', () => {
    const bounds: Rect = { x: 0, y: 0, width: 400, height: 60 };
    const name: Rect = { x: 150, y: 0, width: 100, height: 60 };
    const placed = placeLabels([{ id: 'a', x: 200, y: 30, width: 40, height: 12, reach: 80 }], [name], bounds).get('a')!;
    expect(placed.free).toBe(true);
    expect(overlaps({ ...placed, width: 40, height: 12 }, name)).toBe(false);
    expect(Math.abs(placed.x - 180)).toBeLessThanOrEqual(80);
  });

  it('with a reach, finds the thin free band between two names that the rows of its height miss', () => {
    const bounds: Rect = { x: 0, y: 0, width: 100, height: 200 };
    // Names above and below leave a band from y 61 to y 80: 19 px, for a 12 px label. The rows
    // tried every 14 px from the wanted top (44) are 30, 44, 58, 72 …: each touches a name.
    const names: Rect[] = [{ x: 0, y: 0, width: 100, height: 61 }, { x: 0, y: 80, width: 100, height: 120 }];
    const label = { id: 'a', x: 50, y: 50, width: 40, height: 12 };
    expect(placeLabels([label], names, bounds).get('a')!.free).toBe(false);
    const placed = placeLabels([{ ...label, reach: 40 }], names, bounds).get('a')!;
    expect(placed.free).toBe(true);
    for (const name of names) expect(overlaps({ ...placed, width: 40, height: 12 }, name)).toBe(false);
  });

  it('estimates CJK text wider than Latin of the same length', () => {
    expect(estimateWidth('领导者', 12)).toBeGreaterThan(estimateWidth('abc', 12));
  });
});
