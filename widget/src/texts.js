// The widget's own labels come from the same gettext catalogs as the assistant's messages,
// served by the web server, so a translator edits one file per language.

const cache = new Map();

export function loadTexts(server, language) {
  if (!cache.has(language)) {
    const request = fetch(`${server}/api/ui-texts/${language}`, {
      credentials: "omit",
      referrerPolicy: "no-referrer",
    }).then((response) => {
      if (!response.ok) throw new Error(`ui-texts ${language}: ${response.status}`);
      return response.json();
    });
    request.catch(() => cache.delete(language));
    cache.set(language, request);
  }
  return cache.get(language);
}
