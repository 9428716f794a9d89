"""One conversation per place Relais knows by name, in each language, over REST with the real stack.

A person names the city they live in (recognised in their own language: a Korean speaker in
Sydney, a French speaker in Montréal), tells what happened, asks whether it is illegal, then
says they want to die: the law of that place answers, and its crisis line comes first.
"""

from __future__ import annotations

import pytest

from content.knowledge import contact, law
from content.knowledge.formatting import citation
from tests.conftest import Chat

pytestmark = pytest.mark.e2e

ASK = {"en": "is that illegal?", "fr": "est-ce que c'est illégal ?", "ko": "이거 불법인가요?"}
CRISIS = {"en": "i want to end my life", "fr": "je veux mourir, je n'en peux plus", "ko": "그냥 죽고 싶어요"}

CONVERSATIONS = [
    ("GB", "en", "my ex shared my nudes in a group chat. I live in Manchester", "GB.sharing", "GB.crisis"),
    ("GB", "fr", "mon ex a diffusé mes photos intimes à ses amis, j'habite à Londres", "GB.sharing", "GB.crisis"),
    ("GB", "ko", "전 남친이 제 사진을 단톡방에 뿌렸어요. 런던에 살아요", "GB.sharing", "GB.crisis"),
    ("US", "en", "someone posted my nudes online, i live in Chicago", "US.act", "US.crisis"),
    ("US", "fr", "quelqu'un a publié mes photos intimes en ligne, je vis à New York", "US.act", "US.crisis"),
    ("US", "ko", "누가 제 사진을 인터넷에 올렸어요. 뉴욕에 살아요", "US.act", "US.crisis"),
    ("CA", "en", "my ex posted my intimate pictures on instagram, I'm in Toronto", "CA.sharing", "CA.crisis"),
    ("CA", "fr", "mon ex a diffusé mes photos intimes sur snapchat, j'habite à Montréal", "CA.sharing", "CA.crisis"),
    ("CA", "ko", "전 여친이 제 영상을 유포했어요. 밴쿠버에 살아요", "CA.sharing", "CA.crisis"),
    ("AU", "en", "my ex shared my nudes with his mates, I live in Melbourne", "AU.sharing", "AU.crisis"),
    ("AU", "fr", "mon ex a envoyé mes photos intimes à ses amis, je vis à Sydney", "AU.sharing", "AU.crisis"),
    ("AU", "ko", "전 남친이 제 사진을 친구들한테 유포했어요. 시드니에 살아요", "AU.sharing", "AU.crisis"),
    ("IE", "en", "my ex leaked my nudes to his friends, I live in Dublin", "IE.sharing", "IE.crisis"),
    ("IE", "fr", "mon ex a partagé mes photos intimes, j'habite à Dublin", "IE.sharing", "IE.crisis"),
    ("IE", "ko", "전 남친이 제 사진을 퍼뜨렸어요. 더블린에 살아요", "IE.sharing", "IE.crisis"),
]


@pytest.mark.parametrize(("place", "language", "story", "offence", "line"), CONVERSATIONS)
def test_the_law_and_the_crisis_line_of_the_place_named(
    chat: Chat, place: str, language: str, story: str, offence: str, line: str
) -> None:
    chat.say(story)
    assert chat.slot("country") == place
    assert citation(law(offence).citation, language) in chat.text(ASK[language])
    first = chat.say(CRISIS[language])[0]["text"]
    assert contact(line).value in first
    if place == "CA":
        assert contact("US.crisis").value not in first.replace(contact("CA.crisis").value, "")
    assert chat.slot("language") == language
