// The widget's DOM, built in its own shadow root so the host page's styles and scripts
// neither break it nor read its labels by id. Every text goes in through textContent;
// nothing received is ever parsed as HTML.
//
// Phone first: a one-line header (title, a small menu with the language and "clear", quick exit
// always visible); a new answer is scrolled to its first line, never its last; a screen reader
// hears one announcement per answer; buttons that were answered leave the log; the rest of a long
// text is folded behind a "More" button under its core (bot/web/widget_history.py).

import { LANGUAGES } from "./language.js";
import { textWithLinks } from "./links.js";
import { AUTHOR_LABEL } from "./messages.js";

export const MAX_MESSAGE_CHARS = 2000;
/** Messages arriving closer together than this belong to one answer (one scroll, one announcement). */
const ANSWER_GAP_MS = 900;
const TOUCH = "(pointer: coarse)";

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** Elements whose text is the catalog entry named by their data-text attribute (`%s` → data-value). */
function labelled(tag, key, attributes = {}) {
  return el(tag, { ...attributes, "data-text": key });
}

export function isTouch() {
  return window.matchMedia?.(TOUCH).matches || (navigator.maxTouchPoints > 0 && !window.matchMedia?.("(pointer: fine)").matches);
}

export function createView({ stylesheet, target }, on) {
  const floating = !target;
  const host = el("div", { class: floating ? "relais-floating" : "relais-inline" });
  const shadow = host.attachShadow({ mode: "open" });
  const link = el("link", { rel: "stylesheet", href: stylesheet });
  const panel = el("section", { class: "panel", hidden: "", "aria-labelledby": "title" });
  const reveal = () => panel.removeAttribute("hidden");
  link.addEventListener("load", reveal);
  link.addEventListener("error", reveal);

  const hintKey = isTouch() ? "web.quick_exit_hint_touch" : "web.quick_exit_hint";
  const title = floating
    ? labelled("button", "web.title", { type: "button", class: "title toggle", id: "title", "aria-controls": "body" })
    : labelled("h2", "web.title", { class: "title", id: "title" });
  const menuButton = el(
    "button",
    { type: "button", class: "menu-button", "aria-expanded": "false", "aria-controls": "menu" },
    el("span", { class: "menu-icon", "aria-hidden": "true" }, "\u2630"),
    labelled("span", "web.menu", { class: "visually-hidden" }),
  );
  const exit = labelled("button", "web.quick_exit", { type: "button", class: "exit", "aria-describedby": "exit-hint" });
  const body = el("div", { class: "body", id: "body" });
  const language = el("select", { id: "language" });
  for (const code of LANGUAGES) language.append(labelled("option", `language.endonym.${code}`, { value: code, lang: code }));
  const clear = labelled("button", "web.clear", { type: "button", class: "clear" });
  const menu = el(
    "div",
    { class: "menu", id: "menu", hidden: "" },
    el("div", { class: "tools" }, labelled("label", "web.language", { for: "language" }), language),
    clear,
    labelled("p", "web.private", { class: "private" }),
  );
  const log = labelled("ol", "web.conversation", { class: "log", tabindex: "0" });
  const announcer = el("div", { class: "visually-hidden announce", "aria-live": "polite", "aria-atomic": "true" });
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
  body.append(menu, labelled("p", hintKey, { class: "exit-hint", id: "exit-hint" }), log, announcer, status, error, composer);
  panel.append(el("header", { class: "bar" }, title, menuButton, exit), body);
  shadow.append(link, panel);

  let texts = {};
  let statusKey = null;
  let errorKey = null;
  let answer = null; // {rows, timer}: the answer arriving now
  let pinned = null; // {row, at}: the latest answer's first row, and where the log was scrolled for it
  const text = (key) => texts[key] || "";

  function label(node) {
    const value = text(node.dataset.text);
    return node.dataset.value === undefined ? value : value.replace("%s", node.dataset.value);
  }

  function setOpen(open) {
    if (!floating) return;
    title.setAttribute("aria-expanded", String(open));
    body.hidden = !open;
    menuButton.hidden = !open;
    if (!open) setMenu(false);
    panel.classList.toggle("collapsed", !open);
  }

  function setMenu(open) {
    menu.hidden = !open;
    menuButton.setAttribute("aria-expanded", String(open));
  }

  function refresh() {
    for (const node of shadow.querySelectorAll("[data-text]")) {
      if (node === log) node.setAttribute("aria-label", label(node));
      else if (node.classList.contains("case")) node.setAttribute("aria-label", label(node));
      else node.textContent = label(node);
    }
    message.placeholder = text("web.placeholder");
    status.textContent = statusKey ? text(statusKey) : "";
    error.textContent = errorKey ? text(errorKey) : "";
  }

  function contactLinks(contacts) {
    const links = el("div", { class: "contacts" });
    for (const contact of contacts) {
      const web = contact.href.startsWith("https://");
      const anchor = labelled("a", web ? "web.open" : "web.call", {
        href: contact.href,
        class: web ? "open" : "call",
        "data-value": contact.text,
      });
      if (web) {
        anchor.target = "_blank";
        anchor.rel = "noopener noreferrer";
        anchor.referrerPolicy = "no-referrer";
      }
      anchor.textContent = label(anchor);
      links.append(anchor);
    }
    return links;
  }

  function caseBlock({ reference, pin }) {
    const field = (key, value) => {
      const name = labelled("dt", key);
      name.textContent = label(name);
      return [name, el("dd", { class: "value", translate: "no" }, value)];
    };
    const heading = labelled("p", "web.case.title", { class: "case-title" });
    heading.textContent = label(heading);
    const copy = labelled("button", "web.case.copy", { type: "button", class: "copy" });
    copy.textContent = label(copy);
    const done = el("p", { class: "copied", "aria-live": "polite" });
    copy.addEventListener("click", async () => {
      const wording = `${text("web.case.reference")}: ${reference}\n${text("web.case.pin")}: ${pin}`;
      try {
        await navigator.clipboard.writeText(wording);
      } catch {
        const range = document.createRange();
        range.selectNodeContents(block.querySelector("dl"));
        const selection = shadow.getSelection?.() || document.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      }
      done.dataset.text = "web.case.copied";
      done.textContent = label(done);
      on.copied(reference);
    });
    const block = labelled("div", "web.case.title", { class: "case", role: "group" });
    block.setAttribute("aria-label", label(block));
    block.append(heading, el("dl", {}, ...field("web.case.reference", reference), ...field("web.case.pin", pin)), copy, done);
    return block;
  }

  function item(entry) {
    const author = labelled("span", AUTHOR_LABEL[entry.author], {
      class: entry.author === "analyst" ? "author" : "author visually-hidden",
    });
    author.textContent = label(author);
    const row = el("li", { class: `message ${entry.author}` }, author, el("span", { class: "text" }, textWithLinks(entry.text)));
    if (entry.lang) row.lang = entry.lang;
    if (entry.n !== undefined) row.dataset.n = String(entry.n);
    if (entry.contacts?.length) row.append(contactLinks(entry.contacts));
    if (entry.case) row.append(caseBlock(entry.case));
    if (entry.folded && !on.isUnfolded(entry.n)) row.hidden = true;
    if (entry.more && entry.n !== undefined) {
      const folded = Array.from({ length: entry.more }, (_, i) => entry.n + 1 + i);
      if (!folded.every(on.isUnfolded)) row.append(moreButton(folded));
    }
    if (entry.buttons.length && !entry.answered) {
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

  /** "More": shows the folded paragraphs that follow, then focuses the first of them. */
  function moreButton(folded) {
    const button = labelled("button", "web.more", { type: "button", class: "more" });
    button.textContent = label(button);
    button.addEventListener("click", () => {
      on.unfold(folded);
      const rows = folded.map((n) => log.querySelector(`li[data-n="${n}"]`)).filter(Boolean);
      for (const row of rows) row.hidden = false;
      button.remove();
      if (rows.length) {
        rows[0].tabIndex = -1;
        rows[0].focus();
      }
    });
    return el("div", { class: "more-line" }, button);
  }

  function announce(rows) {
    announcer.lang = rows[0].lang || panel.lang;
    announcer.textContent = rows
      .filter((r) => !r.hidden)
      .map((r) => r.querySelector(".text").textContent)
      .join(" ");
  }

  /** The answer is complete: announced after a pause; not any more once the person has spoken. */
  function endAnswer(spoken = true) {
    if (!answer) return;
    clearTimeout(answer.timer);
    if (spoken) announce(answer.rows);
    answer = null;
  }

  /** Scroll the latest answer's first line to the top, unless the person has scrolled since. */
  function pin() {
    if (!pinned || (pinned.at >= 0 && Math.abs(log.scrollTop - pinned.at) > 2)) return;
    log.scrollTop = Math.max(0, pinned.row.offsetTop - 8);
    pinned.at = log.scrollTop;
  }

  /** The first line of a new answer at the top of the log; one announcement when it is complete. */
  function arrived(row) {
    if (!answer) {
      answer = { rows: [], timer: 0 };
      pinned = { row, at: -1 };
    }
    // Every paragraph of the answer keeps its first line at the top (the log can scroll further once it is longer).
    pin();
    answer.rows.push(row);
    clearTimeout(answer.timer);
    const current = answer;
    current.timer = setTimeout(() => {
      if (answer === current) endAnswer();
    }, ANSWER_GAP_MS);
  }

  /** Buttons of earlier messages go once the person has answered (no stale tab stops, no stale payloads). */
  function retireButtons() {
    for (const buttons of log.querySelectorAll(".buttons")) buttons.remove();
  }

  title.addEventListener("click", () => {
    const open = body.hidden;
    setOpen(open);
    on.toggle(open);
    if (open) message.focus();
  });
  menuButton.addEventListener("click", () => setMenu(menu.hidden));
  menu.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !menu.hidden) {
      setMenu(false);
      menuButton.focus();
    }
  });
  exit.addEventListener("click", () => on.exit());
  clear.addEventListener("click", () => on.clear());
  language.addEventListener("change", () => on.language(language.value));
  composer.addEventListener("submit", (event) => {
    event.preventDefault();
    if (on.submit(message.value)) message.value = "";
  });
  // Only whether the box has text, for the typing signal: the draft itself stays here.
  message.addEventListener("input", () => on.input(message.value.trim() !== ""));
  message.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });

  return {
    host,
    setOpen,
    setMenu,
    get open() {
      return !floating || !body.hidden;
    },
    setTexts(code, labels) {
      texts = labels;
      panel.lang = code;
      language.value = code;
      refresh();
    },
    /** A new entry; `restored` ones (a reload) neither scroll to themselves nor are announced. */
    add(entry, restored = false) {
      if (entry.author === "user") {
        endAnswer(false);
        pinned = null;
        retireButtons();
      }
      const row = item(entry);
      log.append(row);
      if (entry.author === "user" || restored) log.scrollTop = log.scrollHeight;
      else arrived(row);
    },
    /** What the server told about an entry shown already (its language, links, reference block). */
    update(entry) {
      const row = log.querySelector(`li[data-n="${entry.n}"]`);
      if (!row) return;
      // Answered when the person has written since (buttons may move here from a folded paragraph).
      let answered = false;
      for (let next = row.nextElementSibling; next && !answered; next = next.nextElementSibling) {
        answered = next.classList.contains("user");
      }
      const fresh = item({ ...entry, answered });
      // A keyboard user may be on one of its buttons: the focus moves to the same button of the new row.
      const root = row.getRootNode();
      const focusable = "button, a[href]";
      const focused = [...row.querySelectorAll(focusable)].indexOf(root.activeElement);
      row.replaceWith(fresh);
      if (focused >= 0) fresh.querySelectorAll(focusable)[focused]?.focus();
      if (answer) answer.rows = answer.rows.map((r) => (r === row ? fresh : r));
      if (pinned?.row === row) pinned.row = fresh;
      pin();
    },
    clearLog() {
      log.replaceChildren();
      answer = null;
      pinned = null;
    },
    /** One short status line (typing, cleared): a polite announcement, and visible. */
    setStatus(key) {
      statusKey = key;
      status.textContent = key ? text(key) : "";
      status.classList.toggle("typing", key === "web.typing");
    },
    get status() {
      return statusKey;
    },
    setError(key) {
      errorKey = key;
      error.textContent = key ? text(key) : "";
    },
  };
}
