// The conversation as the server holds it (bot/web/widget_history.py): every message the
// assistant and analysts sent, with its language and structured parts, the conversation's
// language and whether a person holds the chat. The session id goes in the body, as plain text
// (no preflight, and never in a URL).

export async function fetchConversation(server, sessionId) {
  const response = await fetch(`${server}/api/conversation`, {
    method: "POST",
    body: sessionId,
    headers: { "Content-Type": "text/plain" },
    credentials: "omit",
    referrerPolicy: "no-referrer",
    cache: "no-store",
  });
  if (!response.ok) throw new Error(`conversation: ${response.status}`);
  return response.json();
}
