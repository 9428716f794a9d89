// Staff console: live messages (polled every second) and replies without a page reload.
// Every text from a conversation is inserted with textContent, never as HTML.
"use strict";

(function () {
  const list = document.getElementById("messages");
  if (!list) return;
  const labels = { victim: "Person", bot: "Assistant", analyst: "Analyst" };
  let next = 0;
  let busy = false;

  function show(message) {
    const item = document.createElement("li");
    item.className = "from-" + message.from;
    item.dataset.index = String(message.index);
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = (labels[message.from] || message.from) + ": ";
    const when = document.createElement("time");
    if (message.at) {
      const at = new Date(message.at * 1000);
      when.dateTime = at.toISOString();
      when.textContent = at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + " ";
    }
    const words = document.createElement("span");
    words.className = "text";
    words.textContent = message.text;
    if (message.pressed) words.classList.add("pressed");
    item.append(when, who, words);
    list.append(item);
  }

  async function poll() {
    if (busy) return;
    busy = true;
    try {
      const response = await fetch(list.dataset.url + "?since=" + next, { credentials: "same-origin" });
      if (response.status === 401) { location.assign("/staff/login"); return; }
      if (response.status === 403) { location.assign("/staff"); return; } // handed back, closed or reassigned
      document.getElementById("live-status").hidden = response.ok;
      if (response.ok) {
        const body = await response.json();
        body.messages.forEach(show);
        next = body.next;
        document.getElementById("state").textContent = body.state;
      }
    } finally {
      busy = false;
    }
  }

  const form = document.getElementById("reply");
  if (form) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const field = form.querySelector("textarea");
      const response = await fetch(form.action, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRF-Token": form.dataset.csrf, "X-Requested-With": "fetch" },
        body: new URLSearchParams({ text: field.value }),
      });
      // On failure the server says why in plain words (`message`); the text stays in the box.
      const status = document.getElementById("reply-status");
      const body = response.ok ? null : await response.json().catch(() => ({}));
      status.textContent = body ? body.message || body.error || String(response.status) : "";
      status.hidden = response.ok;
      if (response.status === 401) { location.assign("/staff/login"); return; }
      if (response.status === 403) { location.assign("/staff"); return; } // handed back, closed or reassigned
      if (response.ok) { field.value = ""; poll(); }
      field.focus();
    });
  }

  poll();
  setInterval(poll, 1000);
})();
