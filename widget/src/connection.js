// The socket.io conversation with Rasa, through the web server's /socket.io/ proxy.
// Rasa keeps one conversation per session id (session persistence): every (re)connection asks
// for the tab's id again, so a reconnect or a reload continues the same conversation.
// Messages typed while offline wait until Rasa has confirmed the session (before that this
// socket is not in the conversation's room and would miss the answers) and until the widget has
// caught up with what was said while it was away (`on.online(ready)` calls `ready` then).

import { io } from "socket.io-client";

export function connect(server, sessionId, on) {
  const socket = io(server, { path: "/socket.io/", transports: ["websocket"], autoConnect: false });
  const waiting = [];
  let confirmed = false;
  let generation = 0;

  socket.on("connect", () => socket.emit("session_request", { session_id: sessionId() }));
  socket.on("session_confirm", () => {
    const mine = ++generation;
    on.online(() => {
      if (mine !== generation || !socket.connected) return;
      confirmed = true;
      while (waiting.length) socket.emit("user_uttered", waiting.shift());
    });
  });
  socket.on("bot_uttered", on.message);
  socket.on("disconnect", (reason) => {
    confirmed = false;
    generation++;
    if (reason !== "io client disconnect") on.offline();
  });
  socket.on("connect_error", () => on.offline());
  socket.connect();

  return {
    send(message, metadata) {
      const packet = { message, session_id: sessionId(), metadata };
      if (confirmed) socket.emit("user_uttered", packet);
      else waiting.push(packet);
    },
    /** Typing (true) or stopped (false): a yes/no only, never a word of the draft. Dropped while not joined. */
    typing(state) {
      if (confirmed) socket.emit("user_typing", { session_id: sessionId(), typing: state === true });
    },
    /** A new conversation: a new socket joins only the new session's room. */
    restart() {
      waiting.length = 0;
      confirmed = false;
      generation++;
      socket.disconnect();
      socket.connect();
    },
    close() {
      waiting.length = 0;
      socket.disconnect();
    },
  };
}
