// The widget's DOM, built in its own shadow root so the host page's styles and scripts
// neither break it nor read its labels by id. Every text goes in through textContent;
// nothing received is ever parsed as HTML.

import { LANGUAGES } from "./language.js";
import { textWithLinks } from "./links.js";
import { AUTHOR_LABEL } from "./messages.js";

export const MAX_MESSAGE_CHARS = 2000;

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** Elements whose text is the catalog entry named by their data-text attribute. */
function labelled(tag, key, attributes = {}) {
  return el(tag, { ...attributes, "data-text": key });
}

export function createView({ stylesheet, target }, on) {
  const floating = !target;
  const host = el("div", { class: floating ? "relais-floating" : "relais-inline" });
  const shadow = host.attachShadow({ mode: "open" });
  const link = el("link", { rel: "stylesheet", href: stylesheet });
  const panel = el("section", { class: "panel", hidden: "" });
  const reveal = () => panel.removeAttribute("hidden");
  link.addEventListener("load", reveal);
  link.addEventListener("error", reveal);

  const title = floating
    ? labelled("button", "web.title", { type: "button", class: "title toggle", "aria-controls": "body" })
    : labelled("h2", "web.title", { class: "title" });
  const exit = labelled("button", "web.quick_exit", { type: "button", class: "exit", "aria-describedby": "exit-hint" });
  const body = el("div", { class: "body", id: "body" });
  const language = el("select", { id: "language" });
  for (const code of LANGUAGES) language.append(labelled("option", `language.endonym.${code}`, { value: code, lang: code }));
  const clear = labelled("button", "web.clear", { type: "button", class: "clear" });
  const log = labelled("ol", "web.conversation", { class: "log", "aria-live": "polite", tabindex: "0" });
  const status = el("p", { class: "status", role: "status" });
  const error = el("p", { class: "error", role: "alert" });
  const message = el("textarea", { id: "message", rows: "2", maxlength: String(MAX_MESSAGE_CHARS) });
  const composer = el(
    "form",
    { class: "composer", autocomplete: "off" },
    labelled("label", "web.placeholder", { for: "message", class: "visually-hidden" }),
    message,
    labelled("button", "web.send", { type: "submit", class: "send" }),
  );
  body.append(
    labelled("p", "web.quick_exit_hint", { class: "exit-hint", id: "exit-hint" }),
    el("div", { class: "tools" }, labelled("label", "web.language", { for: "language" }), language, clear),
    log,
    status,
    error,
    composer,
  );
  panel.append(el("header", { class: "bar" }, title, exit), body);
  shadow.append(link, panel);

  let texts = {};
  let statusKey = null;
  let errorKey = null;
  const text = (key) => texts[key] || "";

  function setOpen(open) {
    if (!floating) return;
    title.setAttribute("aria-expanded", String(open));
    body.hidden = !open;
    panel.classList.toggle("collapsed", !open);
  }

  function refresh() {
    for (const node of shadow.querySelectorAll("[data-text]")) {
      const value = text(node.dataset.text);
      if (node === log) node.setAttribute("aria-label", value);
      else node.textContent = value;
    }
    message.placeholder = text("web.placeholder");
    status.textContent = statusKey ? text(statusKey) : "";
    error.textContent = errorKey ? text(errorKey) : "";
  }

  function item(entry) {
    const label = labelled("span", AUTHOR_LABEL[entry.author], {
      class: entry.author === "analyst" ? "author" : "author visually-hidden",
    });
    label.textContent = text(label.dataset.text);
    const row = el("li", { class: `message ${entry.author}` }, label, el("span", { class: "text" }, textWithLinks(entry.text)));
    if (entry.buttons.length) {
      const buttons = el("div", { class: "buttons" });
      for (const button of entry.buttons) {
        const element = el("button", { type: "button" }, button.title);
        element.addEventListener("click", () => on.button(button));
        buttons.append(element);
      }
      row.append(buttons);
    }
    return row;
  }

  title.addEventListener("click", () => {
    const open = body.hidden;
    setOpen(open);
    on.toggle(open);
    if (open) message.focus();
  });
  exit.addEventListener("click", () => on.exit());
  clear.addEventListener("click", () => on.clear());
  language.addEventListener("change", () => on.language(language.value));
  composer.addEventListener("submit", (event) => {
    event.preventDefault();
    if (on.submit(message.value)) message.value = "";
  });
  message.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });

  return {
    host,
    setOpen,
    setTexts(code, labels) {
      texts = labels;
      panel.lang = code;
      language.value = code;
      refresh();
    },
    add(entry) {
      log.append(item(entry));
      log.scrollTop = log.scrollHeight;
    },
    clearLog() {
      log.replaceChildren();
    },
    /** One short status line (typing, cleared): a polite announcement, and visible. */
    setStatus(key) {
      statusKey = key;
      status.textContent = key ? text(key) : "";
      status.classList.toggle("typing", key === "web.typing");
    },
    setError(key) {
      errorKey = key;
      error.textContent = key ? text(key) : "";
    },
  };
}
