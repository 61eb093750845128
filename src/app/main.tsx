/**
 * The browser entry: picks the language and the mode, opens what the address bar says, keeps
 * the address bar and the keys wired to the session store, and renders the app.
 */
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n, detectLanguage, htmlLang, loadLanguage, saveLanguage, type Language } from '../i18n';
import { sessionStore } from '../store/sessionStore';
import '../view/styles.css';
import { syncAddressBar } from './addressBar';
import { App } from './App';
import { buildExampleScenario } from './exampleScenario';
import { installKeys } from './keyboard';
import { lessonLink } from './link';
import { showCourse } from '../lessons/courseView';
import { modeFromSearch, type AppMode } from './mode';
import { openHash, type OpenContext } from './openLink';
import type { SessionDb } from '../persist/sessionDb';
import { savedSessionsStore } from '../store/savedSessionsStore';
import { afterPageLoad } from './idle';
import { installPrecompute, precomputeEnabled } from './precompute';
import { loadNarration } from '../view/narration/useNarration';
import { quietAnimationEvents } from './quietAnimationEvents';

/*
 * No top-level await: chunks loaded later (persistence, the located JSON parser) import shared
 * code from this entry's chunk, and would wait forever for an entry still evaluating.
 */
async function start(): Promise<void> {
  const i18n = createI18n(detectLanguage());
  await loadLanguage(i18n, i18n.language as Language);
  document.documentElement.lang = htmlLang(i18n.language as Language);
  // A link's first picture has a narration: its chunk loads alongside the page's own work (the
  // scenario does not wait for it: the cluster and the keys are there at once).
  if (window.location.hash.replace(/^#/, '') !== '') void loadNarration(i18n, i18n.language).catch(() => undefined);

  const context: OpenContext = {
    store: sessionStore,
    exampleDocument: () => buildExampleScenario((key) => i18n.t(key)),
    // Lessons, their texts and the player are lazy chunks (src/lessons).
    lessonDocument: async (id) => (await import('../lessons/open')).lessonDocumentFor(id, i18n),
  };
  const mode = modeFromSearch(window.location.search);
  // Presenter mode's larger root font: a class on <html> itself, as `html:has(.app[data-mode])`
  // made every change anywhere in the page restyle the whole document (`data-mode` stays the
  // app element's alone: the ui-contract's root hook).
  document.documentElement.classList.toggle('present-mode', mode === 'present');

  async function changeLanguage(language: Language): Promise<void> {
    saveLanguage(language);
    await loadLanguage(i18n, language);
    await i18n.changeLanguage(language);
    document.documentElement.lang = htmlLang(language);
    // A `?lang=` in the address would override the choice on reload: keep it in step.
    const url = new URL(window.location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', language);
      window.history.replaceState(window.history.state, '', url);
    }
    // The built-in example speaks the reader's language: rebuild it at the same position.
    const { source, position } = sessionStore.getState();
    if (source?.kind === 'example') await openHash(`#at=${position}`, context);
    if (source?.kind === 'lesson') await openHash(lessonLink(source.id, position), context);
  }

  // The page's frame first, whatever the address holds: opening it comes after, and any
  // exception on the way becomes the load-error panel, never a blank page.
  const hash = window.location.hash;
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  // In a transition: React renders the first page in slices of a few ms, yielding to the
  // browser between them, instead of one task of a few hundred ms on a phone (a link's store is
  // often filled before this render runs, so it is the whole cluster, not an empty frame).
  quietAnimationEvents();
  const reactRoot = createRoot(root);
  startTransition(() => reactRoot.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App
          mode={mode}
          onLanguage={(language) => void changeLanguage(language)}
          onOpenExample={() => {
            showCourse(false);
            void guarded(openHash('', context));
          }}
        />
      </I18nextProvider>
    </StrictMode>,
  ));
  syncAddressBar(sessionStore);
  installKeys(sessionStore);
  if (precomputeEnabled(window.location.search)) installPrecompute(sessionStore);
  // A link pasted into an open tab replaces the view (with the load-error panel if it is bad).
  window.addEventListener('hashchange', () => {
    showCourse(false);
    void guarded(openHash(window.location.hash, context));
  });
  await guarded(openFirst(hash, context, mode));
  // Offline use: the service worker comes after the page has loaded, in idle time (a chunk of
  // its own, with workbox-window: neither shares the network or the thread with the first page).
  if (import.meta.env.PROD && 'serviceWorker' in navigator) afterPageLoad(() => void import('./offline').then((m) => m.startOffline(), () => undefined));
}

/** Runs an open; an exception shows the load-error panel instead of leaving the page as it was. */
async function guarded(opening: Promise<void>): Promise<void> {
  try {
    await opening;
  } catch (error) {
    sessionStore.getState().fail({ kind: 'crashed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
}

/**
 * A link, a lesson or the example's `#at=n` opens itself; with no hash at all the last saved
 * session comes back (ui-contract, "Persistence"), else the built-in example. Persistence (idb,
 * the saved sessions) is a chunk of its own: a link opens without waiting for it.
 */
async function openFirst(hash: string, context: OpenContext, mode: AppMode): Promise<void> {
  type Persistence = typeof import('./persistence');
  let persistence: Persistence | null = null;
  let db: SessionDb | null = null;
  let reopenedId: string | null = null;
  if (hash.replace(/^#/, '') === '') {
    // Most first visits end on the course: its chunk and texts travel with the look for a saved
    // session instead of after it (one round trip before the page's largest text, not three).
    if (mode === 'normal') void prefetchCourse();
    persistence = await import('./persistence');
    db = await persistence.openDbOrNull();
    const reopened = db ? await persistence.reopenLastSession(sessionStore, db) : null;
    if (reopened && 'id' in reopened) reopenedId = reopened.id;
    else if (!reopened && mode === 'normal') {
      // Nothing saved: the start page is the course (the example stays one click away).
      showCourse(true);
    } else {
      await openHash(hash, context);
      if (reopened) sessionStore.setState({ notice: { kind: reopened.marker ? 'last-damaged' : 'saved-invalid', lines: reopened.lines } });
    }
  } else {
    await openHash(hash, context);
  }
  void (async () => {
    const loaded = persistence ?? await import('./persistence');
    const opened = persistence ? db : await loaded.openDbOrNull();
    if (!opened) return savedSessionsStore.getState().install(null);
    // A reloaded `#s=` address is this tab's session: keep working on it, not on a new copy.
    const state = sessionStore.getState();
    if (reopenedId === null && state.source?.kind !== 'example') reopenedId = await loaded.sessionOfReload(opened, state.document);
    const keeper = loaded.watchSession(sessionStore, opened, reopenedId);
    savedSessionsStore.getState().install(loaded.savedSessionsBackend(sessionStore, opened, keeper));
  })();
}

function prefetchCourse(): Promise<unknown> {
  // The course page's chunk carries its own texts (lessons/texts.ts); the lessons' texts come
  // later, in idle time (CoursePage.tsx), so they do not share the network with it.
  return import('../lessons/CoursePage').catch(() => undefined);
}

void start();
