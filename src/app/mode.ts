/** The app's mode from the query string (ui-contract.md, "Links"): `?present=1`, `?embed=1`. */
export type AppMode = 'normal' | 'present' | 'embed';

export function modeFromSearch(search: string): AppMode {
  const params = new URLSearchParams(search);
  if (params.get('embed') === '1') return 'embed';
  if (params.get('present') === '1') return 'present';
  return 'normal';
}
