// Which language the widget starts in: the person's choice in this tab, then the host
// page's `lang`, then the browser's languages.

export const LANGUAGES = ["fr", "ko", "en"];
const FALLBACK = "en";

export function supported(tag) {
  const code = String(tag || "").trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.includes(code) ? code : null;
}

export function initialLanguage(chosen) {
  const candidates = [chosen, document.documentElement.lang, ...(navigator.languages || [navigator.language])];
  for (const candidate of candidates) {
    const code = supported(candidate);
    if (code) return code;
  }
  return FALLBACK;
}
