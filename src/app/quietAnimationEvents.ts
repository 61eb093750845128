/**
 * React listens at its root for every CSS animation and transition event, and dispatches each
 * one through the component tree looking for handlers. The app has none (eslint.config.js
 * forbids `onAnimation*` and `onTransition*` props), but each record that lands in a log starts
 * an animation (styles.css, `.record`), and a jump to a late step creates a few hundred records
 * at once: their start and end events cost React's dispatcher 10–15 ms of one frame here
 * (bench/browser, a 3,000-step jump; issue 21). A capturing listener on the window, which runs
 * before React's on its root, ends their way there. The animations themselves are untouched.
 */
export const QUIETED_EVENTS = [
  'animationstart', 'animationend', 'animationiteration', 'animationcancel',
  'transitionrun', 'transitionstart', 'transitionend', 'transitioncancel',
] as const;

export function quietAnimationEvents(target: Pick<Window, 'addEventListener'> = window): void {
  for (const type of QUIETED_EVENTS) target.addEventListener(type, (event) => event.stopPropagation(), { capture: true });
}
