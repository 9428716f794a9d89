// The socket.io conversation with Rasa, through the web server's /socket.io/ proxy.
// Rasa keeps one conversation per session id (session persistence): every (re)connection asks
// for the tab's id again, so a reconnect or a reload continues the same conversation.
// Messages typed while offline wait until Rasa has confirmed the session, because before that
// this socket is not in the conversation's room and would miss the answers.

import { io } from "socket.io-client";

export function connect(server, sessionId, on) {
  const socket = io(server, { path: "/socket.io/", transports: ["websocket"], autoConnect: false });
  const waiting = [];
  let confirmed = false;

  socket.on("connect", () => socket.emit("session_request", { session_id: sessionId() }));
  socket.on("session_confirm", () => {
    confirmed = true;
    on.online();
    while (waiting.length) socket.emit("user_uttered", waiting.shift());
  });
  socket.on("bot_uttered", on.message);
  socket.on("disconnect", (reason) => {
    confirmed = false;
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
    /** A new conversation: a new socket joins only the new session's room. */
    restart() {
      waiting.length = 0;
      confirmed = false;
      socket.disconnect();
      socket.connect();
    },
    close() {
      waiting.length = 0;
      socket.disconnect();
    },
  };
}
