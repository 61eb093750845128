/**
 * Command-line names and KIP numbers kept whole when a sentence wraps. Browsers may break a line
 * after a hyphen-minus, so "--bootstrap-server" could end one line with "-" and start the next
 * with "-bootstrap-server", which a student would read (and type) as a one-dash option, and
 * "KIP-499" became "KIP-" and "499". Options (`--from-beginning`), scripts
 * (`kafka-console-consumer.sh`) and KIP or JIRA numbers are wrapped in a span that does not
 * break; the text itself is unchanged, so copying it gives the real command.
 */
import { Fragment, type ReactNode } from 'react';

/**
 * An option (`--reset-offsets`, not its sentence's full stop), a script name (`kafka-topics.sh`),
 * or a KIP or JIRA number (`KIP-499`, `KAFKA-12670`: "KIP-" at a line's end reads as nothing).
 */
const COMMAND_WORD = /(--[A-Za-z0-9](?:[\w-]|\.(?=\w))*|\b[a-z][\w-]*-[\w-]*\.sh\b|\b(?:KIP|KAFKA)-\d+\b)/g;

/** Splits `text` into plain runs and command words; returns the text itself when it has none. */
export function splitCommandWords(text: string): { text: string; command: boolean }[] {
  const parts: { text: string; command: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(COMMAND_WORD)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at), command: false });
    parts.push({ text: match[0], command: true });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), command: false });
  return parts;
}

/** `text` with each command word in a `.command-word` span (`white-space: nowrap`). */
export function withCommandWords(text: string): ReactNode {
  const parts = splitCommandWords(text);
  if (parts.every((part) => !part.command)) return text;
  return parts.map((part, i) => (part.command ? <span key={i} className="command-word">{part.text}</span> : <Fragment key={i}>{part.text}</Fragment>));
}
