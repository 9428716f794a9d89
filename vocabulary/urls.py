"""What looks like a link in a message, bare domains included ("t.me/room", "insta.com/x")."""

import re

URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+|\b[\w.-]+\.(?:com|net|org|fr|kr|io|co|me|tv|uk|de|be|ch|ca|ly|gg|app|xyz)(?:/[^\s<>\"]*)?",
    re.IGNORECASE,
)
