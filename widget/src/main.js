// Relais' chat widget: one script tag puts it on a hotline's page.
//   <script src="https://relais.example.org/static/widget/relais.js" defer></script>
// The attributes it reads are described in config.js and in the README ("Web widget").

import { readConfig } from "./config.js";
import { connect } from "./connection.js";
import { fetchConversation } from "./history.js";
import { initialLanguage, supported } from "./language.js";
import { fromBot, fromHistory, fromUser } from "./messages.js";
import { onDoubleEscape } from "./quick_exit.js";
import * as storage from "./storage.js";
import { loadTexts } from "./texts.js";
import { typingSignal } from "./typing.js";
import { createView, MAX_MESSAGE_CHARS } from "./view.js";

/** After an answer, how long to wait before asking the server for its language and parts. */
const SYNC_DELAY_MS = 400;
const SYNC_RETRY_MS = 1000;
const SYNC_RETRIES = 8;

function start(script) {
  const config = readConfig(script);
  let language = initialLanguage(storage.chosenLanguage());
  let person = false; // a person of the hotline holds the chat: never "the assistant is writing"
  let warned = false; // clearing or leaving warned once about an uncopied reference
  let syncTimer = 0;
  let online = false;
  let choices = 0; // language choices made with the selector: a sync started before one is stale about the language

  const view = createView(
    { stylesheet: new URL("relais.css", script.src).href, target: config.target },
    {
      submit,
      input: (hasText) => typing.input(hasText),
      button,
      language: chooseLanguage,
      clear,
      exit: () => leave(true),
      toggle,
      copied: storage.markCopied,
      unfold: storage.markUnfolded,
      isUnfolded: (n) => storage.unfolded().includes(n),
    },
  );
  const connection = connect(config.server, storage.sessionId, {
    message(data) {
      const entry = fromBot(data);
      if (!entry) return;
      entry.n = storage.received();
      entry.lang = language;
      storage.setReceived(entry.n + 1);
      show(entry);
      if (view.status === "web.typing" || view.status === "web.with_person") view.setStatus(null);
      scheduleSync(0);
    },
    online(ready) {
      online = true;
      view.setError(null);
      // Nothing said yet in this tab's conversation: nothing to catch up with, and no reason to
      // make the server look the conversation up (the widget is on every page of the hotline's site).
      const started = storage.greeted() || storage.received() > 0 || storage.loadLog().length > 0;
      (started ? sync() : Promise.resolve(true))
        .catch(() => true)
        .then((done) => {
          ready();
          greetOnce();
          if (!done) scheduleSync(1);
        });
    },
    offline() {
      online = false;
      if (view.status === "web.typing") view.setStatus(null);
      view.setError("web.error.assistant_unavailable");
    },
  });

  function show(entry) {
    storage.appendLog(entry);
    view.add(entry);
  }

  /**
   * Catch up with the conversation the server holds: messages missed while offline (once, in
   * order), each message's language and parts, the conversation's language, a person's presence.
   */
  async function sync() {
    const session = storage.sessionId();
    const choice = choices;
    const data = await fetchConversation(config.server, session);
    if (session !== storage.sessionId() || !Array.isArray(data.entries)) return true;
    const known = storage.received();
    // Rasa saves the conversation after the turn's last message: fewer entries than shown means
    // the answer is not saved yet, and its language and parts are still to come.
    if (data.entries.length < known) return false;
    data.entries.forEach((raw, n) => {
      const entry = fromHistory(raw, n);
      if (!entry) return;
      if (n < known) {
        storage.updateLog(entry);
        view.update(entry);
      } else {
        show(entry);
      }
    });
    if (data.entries.length > known) {
      storage.setReceived(data.entries.length);
      if (view.status === "web.typing") view.setStatus(null);
    }
    person = Boolean(data.person);
    if (person && view.status === "web.typing") view.setStatus("web.with_person");
    const spoken = supported(data.language);
    if (spoken && spoken !== language && choice === choices) {
      language = spoken;
      storage.chooseLanguage(spoken);
      applyLanguage(spoken);
    }
    return true;
  }

  /** Sync shortly after an answer; again, a few times, while the server has not saved it yet. */
  function scheduleSync(attempt) {
    clearTimeout(syncTimer);
    syncTimer = setTimeout(
      () =>
        sync()
          .catch(() => true)
          .then((done) => {
            if (!done && attempt < SYNC_RETRIES) scheduleSync(attempt + 1);
          }),
      attempt ? SYNC_RETRY_MS : SYNC_DELAY_MS,
    );
  }

  /** The greeting (privacy line and first choices) as soon as the chat is open, before anything is typed. */
  function greetOnce() {
    if (!online || !view.open || storage.greeted() || storage.received() > 0 || storage.loadLog().length) return;
    storage.setGreeted();
    connection.send("/greet", { language_hint: language });
  }

  function toggle(open) {
    storage.setOpen(open);
    if (open) greetOnce();
  }

  const typing = typingSignal((state) => connection.typing(state));

  function say(message, shown, metadata) {
    typing.stop();
    if (shown) show(fromUser(shown, language));
    view.setError(null);
    view.setStatus(person ? "web.with_person" : "web.typing");
    connection.send(message, metadata);
  }

  function submit(raw) {
    const message = raw.trim();
    if (!message) view.setError("web.error.empty_message");
    else if (message.length > MAX_MESSAGE_CHARS) view.setError("web.error.message_too_long");
    else {
      say(message, message, { language_hint: language });
      return true;
    }
    return false;
  }

  function button({ title, payload }) {
    say(payload, title, { language_hint: language });
  }

  function applyLanguage(code) {
    loadTexts(config.server, code)
      .then((labels) => {
        if (code === language) view.setTexts(code, labels);
      })
      .catch(() => view.setError("web.error.assistant_unavailable"));
  }

  // The selector is an explicit choice: it is sent once as `language`, which Rasa's actions
  // take over anything else; afterwards the choice is the conversation's language.
  function chooseLanguage(code) {
    choices++;
    language = code;
    storage.chooseLanguage(code);
    applyLanguage(code);
    view.setMenu(false);
    say(`/change_language{"language": "${code}"}`, null, { language: code });
  }

  /** Once, before a reference and PIN that were never copied leave the screen. */
  function mayForget() {
    const copied = storage.copied();
    const uncopied = storage.loadLog().some((entry) => entry.case && !copied.includes(entry.case.reference));
    if (!uncopied || warned) return true;
    warned = true;
    view.setMenu(false);
    view.setError("web.case.warn");
    return false;
  }

  function clear() {
    if (!mayForget()) return;
    warned = false;
    storage.newSession();
    view.clearLog();
    view.setMenu(false);
    online = false;
    person = false;
    connection.restart();
    view.setError(null);
    view.setStatus("web.cleared");
  }

  // Leave first, tidy up on the way: nothing of the conversation may stay on screen, in this
  // tab's storage or on an open socket, and Back must not return here (replace, not assign).
  // The button warns once about an uncopied reference; Escape twice always leaves at once.
  function leave(fromButton = false) {
    if (fromButton && !mayForget()) return;
    connection.close();
    storage.forgetEverything();
    view.host.remove();
    location.replace(config.exitUrl(language));
  }

  for (const entry of storage.loadLog()) view.add(entry, true);
  view.setOpen(storage.isOpen());
  (config.target || document.body).append(view.host);
  onDoubleEscape(document, () => leave(false));
  applyLanguage(language);
}

const script = document.currentScript;
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => start(script));
else start(script);
