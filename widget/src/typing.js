// "The person is typing", for the hotline's analyst (docs/console.md): a yes/no signal, never the draft.
// While the box has text, at most one "typing" every TYPING_EVERY_MS; "stopped" when the box empties or
// the message is sent. The relay holds the socket to the same bound and drops any other payload.

export const TYPING_EVERY_MS = 3000;

/** `emit(typing)` gets only true or false; `now` gives milliseconds (Date.now unless a test passes its own). */
export function typingSignal(emit, now = Date.now) {
  let typing = false;
  let last = -Infinity;
  /** The box emptied or the message went. */
  function stop() {
    if (!typing) return;
    typing = false;
    emit(false);
  }
  /** The box changed; `hasText` is all that is read of it. */
  function input(hasText) {
    if (!hasText) return stop();
    const at = now();
    if (typing && at - last < TYPING_EVERY_MS) return;
    typing = true;
    last = at;
    emit(true);
  }
  return { input, stop };
}
