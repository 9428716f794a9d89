// What one entry of the conversation is, from Rasa's socket.io payloads.
// An entry is {author: "user" | "bot" | "analyst", text, buttons: [{title, payload}], lang}; a
// message from the assistant or an analyst also has `n`, its place among the messages the
// conversation holds (bot/web/widget_history.py), and may get `contacts`, `case`, `more` (how many
// folded paragraphs follow it) and `folded` (a paragraph of a long text's rest) from there.
// It is what the log shows and what sessionStorage keeps.

/** Label key of each author, from the catalogs (the analyst's label is shown, the others read aloud). */
export const AUTHOR_LABEL = { user: "web.you", bot: "web.assistant", analyst: "channel.from_analyst" };

function buttonsOf(data) {
  const raw = Array.isArray(data.quick_replies) ? data.quick_replies : data.buttons;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((b) => b && typeof b.title === "string" && typeof b.payload === "string")
    .map(({ title, payload }) => ({ title, payload }));
}

/** A `bot_uttered` payload as an entry; an analyst's message carries `from: "analyst"`. */
export function fromBot(data) {
  if (!data || typeof data !== "object") return null;
  const text = typeof data.text === "string" ? data.text : "";
  const buttons = buttonsOf(data);
  if (!text && !buttons.length) return null;
  return { author: data.from === "analyst" ? "analyst" : "bot", text, buttons };
}

/** An entry of the server's view of the conversation, checked like a socket payload. */
export function fromHistory(data, n) {
  const entry = data && fromBot({ ...data, from: data.author });
  if (!entry) return null;
  entry.n = n;
  if (typeof data.lang === "string") entry.lang = data.lang;
  if (Array.isArray(data.contacts)) {
    entry.contacts = data.contacts.filter(
      (c) => c && typeof c.text === "string" && typeof c.href === "string" && /^(tel:[0-9+]+|sms:[0-9+]+|https:\/\/[^\s]+)$/.test(c.href),
    );
  }
  if (Number.isInteger(data.more) && data.more > 0) entry.more = data.more;
  if (data.folded === true) entry.folded = true;
  if (data.case && typeof data.case.reference === "string") {
    entry.case = { reference: data.case.reference, pin: String(data.case.pin || "") };
  }
  return entry;
}

export const fromUser = (text, lang) => ({ author: "user", text, buttons: [], lang });
