// What one entry of the conversation is, from Rasa's socket.io payloads.
// An entry is {author: "user" | "bot" | "analyst", text, buttons: [{title, payload}]}; it is
// what the log shows and what sessionStorage keeps.

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

export const fromUser = (text) => ({ author: "user", text, buttons: [] });
