/** The transport icons, drawn in SVG so they look the same in every font. */
const paths = {
  first: 'M5 4h2.5v16H5zM20 4v16L9 12z',
  previous: 'M18 4v16L6 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4.5v16H6zM13.5 4H18v16h-4.5z',
  next: 'M6 4v16l12-8z',
  last: 'M16.5 4H19v16h-2.5zM4 4v16l11-8z',
  previousEvent: 'M20 6v12l-9-6zM4 10h4v4H4z',
  nextEvent: 'M4 6v12l9-6zM16 10h4v4h-4z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
