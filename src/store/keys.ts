/**
 * The keys of ui-contract.md "Keys", as pure functions so they can be tested without a DOM.
 */
export type KeyAction = 'next' | 'previous' | 'first' | 'last' | 'toggle-play' | 'next-event' | 'previous-event';

export interface KeyLike {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** The action for a key press, or null. Modified keys belong to the browser and the OS. */
export function keyAction(event: KeyLike): KeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case ' ':
    case 'Spacebar':
      return 'toggle-play';
    case '.':
      return 'next-event';
    case ',':
      return 'previous-event';
    default:
      return null;
  }
}

/** The part of an element the key handler looks at (a DOM `Element` fits). */
export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
}

const TEXT_FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Marks the timeline's own buttons (transport, step list): Space plays there too. */
export const TIMELINE_CONTROL = 'data-timeline-control';

/**
 * Whether a key pressed on `target` must be left alone: keys do nothing while a text field (or
 * any form field: a range input has arrows of its own) has focus. Space on another button or
 * a link presses that control, so playback leaves Space alone there; on the timeline's own
 * buttons (marked `data-timeline-control`) Space still plays and pauses.
 */
export function ignoresKey(target: TargetLike | null, action: KeyAction): boolean {
  if (!target || !target.tagName) return false;
  const tag = target.tagName.toUpperCase();
  if (TEXT_FIELDS.has(tag) || target.isContentEditable) return true;
  const role = target.getAttribute?.('role');
  if (role === 'textbox' || role === 'slider' || role === 'combobox') return true;
  if (action === 'toggle-play' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || role === 'button')) {
    return target.getAttribute?.(TIMELINE_CONTROL) == null;
  }
  return false;
}
