// Turn web addresses in a message into links without ever parsing the message as HTML:
// the text goes into text nodes, and only http(s) addresses become anchors.

import { httpUrl } from "./config.js";

const ADDRESS = /https?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}»」』。]+$/;

function link(address) {
  const anchor = document.createElement("a");
  anchor.href = address;
  anchor.textContent = address;
  anchor.target = "_blank";
  anchor.rel = "noopener noreferrer";
  anchor.referrerPolicy = "no-referrer";
  return anchor;
}

export function textWithLinks(text) {
  const fragment = document.createDocumentFragment();
  let rest = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = match[0].replace(TRAILING_PUNCTUATION, "");
    const safe = httpUrl(address);
    if (!safe) continue;
    fragment.append(document.createTextNode(text.slice(rest, match.index)), link(address));
    rest = match.index + address.length;
  }
  fragment.append(document.createTextNode(text.slice(rest)));
  return fragment;
}
