// Plain chat page: sends messages to /api/messages, shows replies and buttons.
// Nothing goes to localStorage; the session id lives in sessionStorage only.
"use strict";

const SUPPORTED = ["fr", "ko", "en"];
const $ = (id) => document.getElementById(id);
let texts = {};

function sessionId() {
  let id = sessionStorage.getItem("relais.session");
  if (!id) {
    id = crypto.randomUUID().replaceAll("-", "");
    sessionStorage.setItem("relais.session", id);
  }
  return id;
}

function initialLanguage() {
  const stored = sessionStorage.getItem("relais.language");
  const candidates = [stored, document.documentElement.lang, ...(navigator.languages || [])];
  for (const candidate of candidates) {
    const code = (candidate || "").slice(0, 2).toLowerCase();
    if (SUPPORTED.includes(code)) return code;
  }
  return "en";
}

async function loadTexts(language) {
  const response = await fetch(`/api/ui-texts/${language}`);
  texts = await response.json();
  document.documentElement.lang = language;
  $("title").textContent = texts["web.title"];
  $("language-label").textContent = texts["web.language"];
  $("message-label").textContent = texts["web.placeholder"];
  $("message").placeholder = texts["web.placeholder"];
  $("send").textContent = texts["web.send"];
}

function show(author, text, buttons) {
  const item = document.createElement("li");
  item.className = author;
  item.textContent = text;
  if (buttons && buttons.length) {
    const row = document.createElement("div");
    row.className = "buttons";
    for (const button of buttons) {
      const element = document.createElement("button");
      element.type = "button";
      element.textContent = button.title;
      element.addEventListener("click", () => send(button.payload, button.title));
      row.appendChild(element);
    }
    item.appendChild(row);
  }
  $("log").appendChild(item);
  item.scrollIntoView({ block: "end" });
}

async function send(message, shownAs, metadata) {
  $("error").textContent = "";
  if (shownAs) show("user", shownAs);
  try {
    const response = await fetch("/api/messages", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        session: sessionId(),
        message,
        metadata: metadata || { language_hint: $("language").value },
      }),
    });
    const body = await response.json();
    if (!response.ok) {
      $("error").textContent = texts[`web.error.${body.error}`] || texts["web.error.generic"];
      return;
    }
    for (const reply of body.messages) show("bot", reply.text || "", reply.buttons);
  } catch (error) {
    $("error").textContent = texts["web.error.assistant_unavailable"];
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  const select = $("language");
  select.value = initialLanguage();
  await loadTexts(select.value);
  select.addEventListener("change", async () => {
    sessionStorage.setItem("relais.language", select.value);
    await loadTexts(select.value);
    await send(`/change_language{"language": "${select.value}"}`, null, { language: select.value });
  });
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("message").value.trim();
    if (!text) {
      $("error").textContent = texts["web.error.empty_message"];
      return;
    }
    $("message").value = "";
    send(text, text);
  });
  $("message").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
});
