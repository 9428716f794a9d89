// The only place the widget keeps anything: sessionStorage (gone when the tab closes), under
// keys that start with "relais.", so quick exit removes exactly these and nothing of the host
// page. Never localStorage, never cookies. If storage is refused (privacy settings), the widget
// still works for the life of the page.

const PREFIX = "relais.";
const SESSION = `${PREFIX}session`;
const LANGUAGE = `${PREFIX}language`;
const LOG = `${PREFIX}log`;
const OPEN = `${PREFIX}open`;
const RECEIVED = `${PREFIX}received`;
const GREETED = `${PREFIX}greeted`;
const COPIED = `${PREFIX}copied`;
const UNFOLDED = `${PREFIX}unfolded`;
const MAX_LOG_ENTRIES = 200;
const memory = new Map();
// Set by quick exit: the page is leaving, and a late socket event must not write a key back.
let forgotten = false;

function read(key) {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key, value) {
  if (forgotten) return;
  try {
    sessionStorage.setItem(key, value);
  } catch {
    memory.set(key, value);
  }
}

function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The Rasa conversation id of this tab, created on first use. */
export function sessionId() {
  let id = read(SESSION);
  if (!id) {
    id = randomId();
    write(SESSION, id);
  }
  return id;
}

/** A fresh conversation: a new id, an empty log, nothing received, greeted or copied yet. */
export function newSession() {
  write(SESSION, randomId());
  write(LOG, "[]");
  write(RECEIVED, "0");
  write(GREETED, "0");
  write(COPIED, "[]");
  write(UNFOLDED, "[]");
  return read(SESSION);
}

/** How many of the conversation's messages (assistant and analysts) this tab has shown. */
export const received = () => Number.parseInt(read(RECEIVED) || "0", 10) || 0;
export const setReceived = (count) => write(RECEIVED, String(count));
export const greeted = () => read(GREETED) === "1";
export const setGreeted = () => write(GREETED, "1");

/** References the person copied (or was warned about): clearing or leaving no longer stops for them. */
export function copied() {
  try {
    const list = JSON.parse(read(COPIED) || "[]");
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}
export const markCopied = (reference) => write(COPIED, JSON.stringify([...new Set([...copied(), reference])]));

/** The folded paragraphs (their `n`) the person opened with "More": a reload keeps them open. */
export function unfolded() {
  try {
    const list = JSON.parse(read(UNFOLDED) || "[]");
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}
export const markUnfolded = (ns) => write(UNFOLDED, JSON.stringify([...new Set([...unfolded(), ...ns])]));

export const chosenLanguage = () => read(LANGUAGE);
export const chooseLanguage = (language) => write(LANGUAGE, language);
export const isOpen = () => read(OPEN) === "1";
export const setOpen = (open) => write(OPEN, open ? "1" : "0");

/** The messages shown so far, so a reload in the same tab shows the conversation it continues. */
export function loadLog() {
  try {
    const entries = JSON.parse(read(LOG) || "[]");
    return Array.isArray(entries) ? entries : [];
  } catch {
    return [];
  }
}

export function appendLog(entry) {
  write(LOG, JSON.stringify([...loadLog(), entry].slice(-MAX_LOG_ENTRIES)));
}

/** Replace the kept entry that has the same `n` (the server told more about it). */
export function updateLog(entry) {
  write(LOG, JSON.stringify(loadLog().map((kept) => (kept.n === entry.n && kept.author !== "user" ? entry : kept))));
}

/** Quick exit: forget every key of the widget, keep the host page's own. */
export function forgetEverything() {
  forgotten = true;
  memory.clear();
  try {
    for (const key of Object.keys(sessionStorage)) {
      if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
    }
  } catch {
    // storage was refused: there is nothing to remove
  }
}
