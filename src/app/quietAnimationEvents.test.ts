// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { QUIETED_EVENTS, quietAnimationEvents } from './quietAnimationEvents';

describe('quietAnimationEvents', () => {
  it('stops animation and transition events before they reach the page, and nothing else', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const reached: string[] = [];
    for (const type of [...QUIETED_EVENTS, 'click', 'keydown']) root.addEventListener(type, () => reached.push(type));
    // The window's capturing listener runs before any listener on the way to the target.
    quietAnimationEvents(window);
    for (const type of [...QUIETED_EVENTS, 'click', 'keydown']) root.dispatchEvent(new Event(type, { bubbles: true }));
    expect(reached).toEqual(['click', 'keydown']);
    root.remove();
  });
});
