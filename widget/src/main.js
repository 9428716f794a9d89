// Relais' chat widget: one script tag puts it on a hotline's page.
//   <script src="https://relais.example.org/static/widget/relais.js" defer></script>
// The attributes it reads are described in config.js and in the README ("Web widget").

import { readConfig } from "./config.js";
import { connect } from "./connection.js";
import { initialLanguage } from "./language.js";
import { fromBot, fromUser } from "./messages.js";
import { onDoubleEscape } from "./quick_exit.js";
import * as storage from "./storage.js";
import { loadTexts } from "./texts.js";
import { createView, MAX_MESSAGE_CHARS } from "./view.js";

function start(script) {
  const config = readConfig(script);
  let language = initialLanguage(storage.chosenLanguage());

  const view = createView(
    { stylesheet: new URL("relais.css", script.src).href, target: config.target },
    { submit, button, language: chooseLanguage, clear, exit: leave, toggle: storage.setOpen },
  );
  const connection = connect(config.server, storage.sessionId, {
    message(data) {
      const entry = fromBot(data);
      if (!entry) return;
      show(entry);
      view.setStatus(null);
    },
    online: () => view.setError(null),
    offline() {
      view.setStatus(null);
      view.setError("web.error.assistant_unavailable");
    },
  });

  function show(entry) {
    storage.appendLog(entry);
    view.add(entry);
  }

  function say(message, shown, metadata) {
    if (shown) show(fromUser(shown));
    view.setError(null);
    view.setStatus("web.typing");
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

  async function applyLanguage(code) {
    view.setTexts(code, await loadTexts(config.server, code));
  }

  // The selector is an explicit choice: it is sent once as `language`, which Rasa's actions
  // take over anything else; afterwards the choice is the conversation's language.
  function chooseLanguage(code) {
    language = code;
    storage.chooseLanguage(code);
    applyLanguage(code).catch(() => view.setError("web.error.assistant_unavailable"));
    say(`/change_language{"language": "${code}"}`, null, { language: code });
  }

  function clear() {
    storage.newSession();
    view.clearLog();
    connection.restart();
    view.setStatus("web.cleared");
  }

  // Leave first, tidy up on the way: nothing of the conversation may stay on screen, in this
  // tab's storage or on an open socket, and Back must not return here (replace, not assign).
  function leave() {
    storage.forgetEverything();
    connection.close();
    view.host.remove();
    location.replace(config.exitUrl(language));
  }

  for (const entry of storage.loadLog()) view.add(entry);
  view.setOpen(storage.isOpen());
  (config.target || document.body).append(view.host);
  onDoubleEscape(document, leave);
  applyLanguage(language).catch(() => view.setError("web.error.assistant_unavailable"));
}

const script = document.currentScript;
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => start(script));
else start(script);
