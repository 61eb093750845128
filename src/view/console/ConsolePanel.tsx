/**
 * The CLI console (a lazy chunk): a prompt whose command lines are appended as `cli` steps at the
 * cursor, like every control; the output is the report's `cli` up to the current position.
 */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CliReport } from '../../core/model/report';
import en from '../../i18n/cli.en.json';
import zh from '../../i18n/cli.zh.json';
import { ensureNamespace } from '../../i18n/lazyNamespace';
import { sessionActions } from '../../store/sessionStore';
import { withCommandWords } from '../commandText';

/*
 * Tab completion needs the tools' option tables, that is most of the CLI's code (with consumer
 * groups and xstate behind it): about 44 kB that a page showing the console at its foot used to
 * parse and run while opening (long tasks in Lighthouse's mobile run). They load when the prompt
 * is first focused; a command that is run loads the CLI through the session like any step
 * (core/loadFeatures.ts).
 */
type Complete = typeof import('./completion').complete;
let completion: Promise<Complete> | null = null;
let loaded: Complete | null = null;
function loadCompletion(): Promise<Complete> {
  completion ??= import('./completion').then((m) => (loaded = m.complete), (error: unknown) => { completion = null; throw error; });
  return completion;
}

interface Props {
  entries: CliReport[];
  topics: string[];
  era: 'kraft' | 'zookeeper';
  /** Group names for Tab after `--group`. */
  groups?: string[];
}

export default function ConsolePanel({ entries, topics, era, groups = [] }: Props) {
  const { t, i18n } = useTranslation('cli');
  ensureNamespace(i18n, 'cli', { en, zh });
  const [line, setLine] = useState('');
  const [input, setInput] = useState('');
  const [back, setBack] = useState(-1);
  const history = entries.map((e) => e.command);
  const isProducer = /kafka-console-producer\.sh/.test(line);
  // `--from-file <path>`: the panel has no files, so the step's `input` is the file's lines.
  const fromFile = /kafka-consumer-groups\.sh/.test(line) ? /--from-file(?:=|\s+)(\S*)/.exec(line) : null;
  const takesInput = isProducer || fromFile !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (line.trim() === '') return;
    const lines = input === '' ? [] : input.replace(/\n$/, '').split('\n');
    sessionActions().act(takesInput ? { op: 'cli', command: line.trim(), input: lines } : { op: 'cli', command: line.trim() });
    setLine('');
    setInput('');
    setBack(-1);
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Tab' && !event.shiftKey && line.trim() !== '') {
      // Tab completes only when there is something to complete; otherwise it moves focus on
      // (a field that always swallowed Tab would trap keyboard users, WCAG 2.1.2).
      if (loaded === null) {
        // Pressed before the tables arrived (they load on focus): this Tab waits for them and
        // completes; nothing to complete leaves the line as it was, and the next Tab moves on.
        event.preventDefault();
        const typed = line;
        void loadCompletion().then((complete) => setLine((current) => (current === typed ? complete(typed, topics, era, groups) : current)), () => undefined);
        return;
      }
      const completed = loaded(line, topics, era, groups);
      if (completed !== line) {
        event.preventDefault();
        setLine(completed);
      }
    } else if (event.key === 'ArrowUp' && history.length > 0) {
      event.preventDefault();
      const next = Math.min(history.length - 1, back + 1);
      setBack(next);
      setLine(history[history.length - 1 - next]);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      const next = back - 1;
      setBack(Math.max(-1, next));
      setLine(next < 0 ? '' : history[history.length - 1 - next]);
    }
  };

  return (
    <section className="panel cli-panel" aria-labelledby="cli-title">
      <h2 id="cli-title">{t('title')}</h2>
      <div className="cli-log" role="log" aria-live="polite" aria-label={t('title')} tabIndex={0}>
        {entries.length === 0 && <p className="muted">{withCommandWords(t('empty'))}</p>}
        {entries.map((e) => (
          <div key={e.step} className="cli-entry" data-testid="cli-output" data-step={e.step} data-exit-code={e.exitCode}>
            <pre className="cli-command">$ {e.command}</pre>
            {e.stdout && <pre className="cli-stdout">{e.stdout}</pre>}
            {e.stderr && <pre className="cli-stderr">{e.stderr}</pre>}
            <div className="cli-meta">
              <span className="muted">{t('exit', { code: e.exitCode })}</span>
              <button type="button" className="link-button" onClick={() => void navigator.clipboard?.writeText(`$ ${e.command}\n${e.stdout}${e.stderr}`)}>{t('copy')}</button>
            </div>
          </div>
        ))}
      </div>
      <form className="cli-form" onSubmit={submit}>
        <input id="cli-line" aria-label={t('prompt')} data-testid="cli-input" className="cli-line" value={line} spellCheck={false} autoCapitalize="off" autoComplete="off"
          onChange={(e) => setLine(e.target.value)} onKeyDown={onKey} onFocus={() => void loadCompletion().catch(() => undefined)} placeholder="$ kafka-topics.sh --bootstrap-server localhost:9092 --list" />
        {takesInput && (
          <label className="cli-input-lines">
            <span>{isProducer ? t('input') : withCommandWords(t('file', { file: fromFile?.[1] || 'CSV' }))}</span>
            <textarea rows={3} value={input} data-testid="cli-input-lines" onChange={(e) => setInput(e.target.value)} />
          </label>
        )}
        <button type="submit">{t('run')}</button>
      </form>
      <p className="hint muted">{withCommandWords(t('hint'))}</p>
    </section>
  );
}
