// Quick exit: Escape pressed twice within a second, or the always-visible button.

const DOUBLE_PRESS_MS = 1000;

export function onDoubleEscape(target, leave) {
  let last = -Infinity;
  target.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Escape" || event.repeat || event.isComposing) return;
      if (event.timeStamp - last <= DOUBLE_PRESS_MS) {
        last = -Infinity;
        leave();
      } else {
        last = event.timeStamp;
      }
    },
    true,
  );
}
