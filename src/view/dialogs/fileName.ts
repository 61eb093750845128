/** A file name from a title: letters and digits of any script, runs of anything else as one dash. */
export function fileNameFor(title: string): string {
  const stem = title.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${stem || 'kafka-inside-session'}.json`;
}
