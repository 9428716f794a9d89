// What a hotline sets on the widget's script tag, read once at start-up.
// The server is where the script was loaded from, so one tag is enough to embed the widget.

const NEUTRAL_EXIT = {
  fr: "https://meteofrance.com/",
  ko: "https://www.weather.go.kr/",
  en: "https://www.bbc.com/weather",
};

/** An absolute http(s) URL, or null: quick exit and links never go anywhere else. */
export function httpUrl(candidate, base) {
  if (!candidate) return null;
  try {
    const url = new URL(candidate, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * data-server: origin of the Relais web server (default: the script's own origin);
 * data-exit-url: where quick exit goes (default: a weather site in the widget's language);
 * data-target: id of an element to fill (default: a panel fixed at the bottom right).
 */
export function readConfig(script) {
  const data = script.dataset;
  const exitUrl = httpUrl(data.exitUrl, document.baseURI);
  return {
    server: new URL(httpUrl(data.server, document.baseURI) || script.src).origin,
    exitUrl: (language) => exitUrl || NEUTRAL_EXIT[language],
    target: data.target ? document.getElementById(data.target) : null,
  };
}
