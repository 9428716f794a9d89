// Staff console: pages kept up to date by server-sent events (no polling), replies without a reload.
// Every text from a conversation is inserted with textContent, never as HTML.
"use strict";

(function () {
  const root = document.documentElement;
  const say = (key) => (root.dataset[key] || "");

  // ---- Queue page: re-read the page when the server says the queue changed; sound and title badge ----
  const queueRoot = document.getElementById("queue-root");
  if (queueRoot) {
    const baseTitle = document.title;
    const muteButton = document.getElementById("mute");
    let muted = localStorage.getItem("relais.staff.muted") === "1";
    const waitingIds = () => new Set([...document.querySelectorAll("#waiting [data-handoff]")].map((li) => li.dataset.handoff));
    let known = waitingIds();
    let unseen = 0;

    function showMute() {
      muteButton.setAttribute("aria-pressed", muted ? "true" : "false");
      muteButton.textContent = muted ? say("soundOff") : say("soundOn");
    }
    muteButton.hidden = false;
    showMute();
    muteButton.addEventListener("click", () => {
      muted = !muted;
      localStorage.setItem("relais.staff.muted", muted ? "1" : "0");
      showMute();
    });

    function chime() {
      if (muted) return;
      try {
        const audio = new (window.AudioContext || window.webkitAudioContext)();
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = 880;
        gain.gain.setValueAtTime(0.15, audio.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
        tone.connect(gain).connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + 0.6);
      } catch (error) { /* no audio device: the badge still tells */ }
    }

    function badge() {
      document.title = unseen > 0 ? "(" + unseen + ") " + baseTitle : baseTitle;
      root.dataset.unseen = String(unseen);
    }
    const seen = () => { if (!document.hidden && unseen) { unseen = 0; badge(); } };
    document.addEventListener("visibilitychange", seen);
    document.addEventListener("pointerdown", seen);
    document.addEventListener("keydown", seen);

    let reading = false;
    let again = false;
    async function reread() {
      if (reading) { again = true; return; }
      reading = true;
      try {
        const response = await fetch(location.href, { credentials: "same-origin" });
        if (response.redirected && response.url.endsWith("/staff/login")) { location.assign("/staff/login"); return; }
        if (!response.ok) return;
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.getElementById("queue-root");
        if (!fresh) return;
        const focused = document.activeElement && document.activeElement.id;
        queueRoot.replaceChildren(...fresh.childNodes);
        if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
        const now = waitingIds();
        const arrived = [...now].filter((id) => !known.has(id));
        known = now;
        if (arrived.length) {
          chime();
          unseen += arrived.length;
          badge();
          document.getElementById("queue-news").textContent = say("newWaiting");
        }
      } finally {
        reading = false;
        if (again) { again = false; reread(); }
      }
    }

    const source = new EventSource("/staff/queue/events");
    source.addEventListener("queue", reread);
    source.addEventListener("ready", () => { document.getElementById("live-status").hidden = true; });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) setTimeout(() => location.reload(), 3000);
    };
  }

  // ---- Conversation page ----
  const list = document.getElementById("messages");
  if (!list) return;
  const labels = { victim: say("fromVictim"), bot: say("fromBot"), analyst: say("fromAnalyst") };
  const marker = document.getElementById("new-messages");
  const field = document.getElementById("reply-text");
  let lastAnalyst = "";

  function nearBottom() {
    return list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  }

  function show(message) {
    if (list.querySelector('[data-index="' + message.index + '"]')) return;
    const item = document.createElement("li");
    item.className = "from-" + message.from;
    item.dataset.index = String(message.index);
    const when = document.createElement("time");
    if (message.at) {
      const at = new Date(message.at * 1000);
      when.dateTime = at.toISOString();
      when.textContent = at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + " ";
    }
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = (labels[message.from] || message.from) + ": ";
    const words = document.createElement("span");
    words.className = "text";
    words.textContent = message.text;
    if (message.pressed) words.classList.add("pressed");
    item.append(when, who, words);
    list.append(item);
    if (message.from === "analyst") lastAnalyst = message.text;
  }

  function showAll(body) {
    const follow = nearBottom();
    body.messages.forEach(show);
    document.getElementById("state").textContent = body.state_label || body.state;
    // A crisis written while held: the alert shows without a reload (the card's priority follows on the queue page).
    if (body.crisis_at) document.getElementById("crisis-alert").hidden = false;
    if (!body.messages.length) return;
    if (follow) {
      list.scrollTop = list.scrollHeight;
    } else if (marker) {
      marker.hidden = false;
    }
  }

  if (marker) {
    marker.addEventListener("click", () => {
      list.scrollTop = list.scrollHeight;
      marker.hidden = true;
      list.focus();
    });
    list.addEventListener("scroll", () => { if (nearBottom()) marker.hidden = true; });
  }

  const source = new EventSource(list.dataset.events + "?since=0");
  const liveStatus = document.getElementById("live-status");
  source.addEventListener("messages", (event) => {
    liveStatus.hidden = true;
    const body = JSON.parse(event.data);
    // The person's new words end their typing.
    if (body.messages.some((message) => message.from === "victim")) stopTyping();
    showAll(body);
  });
  source.addEventListener("unavailable", () => { liveStatus.hidden = false; });

  // Presence and typing, where the channel tells them (the web widget): notes without any text.
  const presence = document.getElementById("presence");
  const typing = document.getElementById("typing");
  const TYPING_SHOWN_MS = 6000; // the widget repeats its signal every 3 s while the person types
  let typingTimer = null;
  function stopTyping() {
    clearTimeout(typingTimer);
    typingTimer = null;
    if (typing) typing.hidden = true;
  }
  source.addEventListener("presence", (event) => {
    if (!presence) return;
    const note = JSON.parse(event.data);
    const online = note.presence === "online";
    document.getElementById("presence-label").textContent = say(online ? "presenceOnline" : "presenceLeft");
    const when = document.getElementById("presence-at");
    const at = new Date(note.at * 1000);
    when.dateTime = at.toISOString();
    when.textContent = at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    presence.dataset.state = online ? "online" : "left";
    presence.hidden = false;
    if (!online) stopTyping();
  });
  source.addEventListener("typing", (event) => {
    if (!typing) return;
    const note = JSON.parse(event.data);
    stopTyping();
    if (!note.typing) return;
    typing.hidden = false;
    typingTimer = setTimeout(stopTyping, TYPING_SHOWN_MS);
  });
  source.addEventListener("gone", () => { source.close(); location.assign("/staff"); });
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) setTimeout(() => location.reload(), 3000);
  };

  // Prepared replies go into the reply box, to be edited before sending.
  document.querySelectorAll("button[data-canned]").forEach((button) => {
    button.addEventListener("click", (event) => {
      event.preventDefault();
      field.value = button.dataset.text;
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    });
  });

  const form = document.getElementById("reply");
  if (form) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
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
      if (response.ok) {
        lastAnalyst = field.value.trim();
        field.value = "";
      }
      field.focus();
    });
  }

  // Before closing, propose the closing line once (unless it was just sent).
  const closeForm = document.getElementById("close");
  if (closeForm && field) {
    closeForm.addEventListener("submit", (event) => {
      const closing = closeForm.dataset.closing;
      if (closeForm.dataset.proposed || lastAnalyst === closing) return;
      event.preventDefault();
      closeForm.dataset.proposed = "1";
      field.value = closing;
      field.focus();
      const notice = document.getElementById("close-status");
      notice.textContent = say("closingProposed");
      notice.hidden = false;
    });
  }
})();
