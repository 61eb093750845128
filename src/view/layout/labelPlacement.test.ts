import { describe, expect, it } from 'vitest';
import { estimateWidth, placeLabels, type Rect } from './labelPlacement';

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('placeLabels', () => {
  it('keeps its wanted place when free', () => {
    expect(placeLabels([{ id: 'a', x: 50, y: 50, width: 40, height: 10 }], []).get('a')).toEqual({ x: 30, y: 45 });
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
    expect(placed).toEqual({ x: 0, y: 0 });
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

  it('estimates CJK text wider than Latin of the same length', () => {
    expect(estimateWidth('领导者', 12)).toBeGreaterThan(estimateWidth('abc', 12));
  });
});
