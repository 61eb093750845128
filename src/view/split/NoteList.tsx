/** What the reader must know to trust a comparison (prepareSplit.ts's notes), in the right pane and the menu. */
import type { Note } from './prepareSplit';
import { useCompareTexts } from './texts';
import { withCommandWords } from '../commandText';

export function NoteList({ notes }: { notes: readonly Note[] }) {
  const { t } = useCompareTexts();
  if (notes.length === 0) return null;
  return (
    <ul className="split-notes">
      {notes.map((note, i) => <li key={i} data-testid="split-note" data-note={note.key.replace(/^notes\./, '')}>{withCommandWords(t(note.key, note.params))}</li>)}
    </ul>
  );
}
