"""Reporting a covert filming: the police come before any platform, so the evidence is kept."""

from __future__ import annotations

from actions.reporting import ActionReport
from tests.actions.conftest import run, spoken

CAMERA_FOUND = {
    "fr": (
        "j'ai trouvé une petite caméra cachée dans la salle de bain de mon airbnb, je préviens le proprio ou "
        "la police ?"
    ),
    "ko": "에어비앤비 화장실에서 작은 카메라를 찾았어요. 호스트한테 말해야돼 아님 경찰 먼저?",
    "en": "found a tiny camera pointed at the shower in my airbnb. landlord first or the police?",
}
POSTED = {
    "fr": "comment je signale la vidéo que mon ex a postée ?",
    "ko": "전 남친이 올린 영상 어떻게 신고해요?",
    "en": "how do I report the video my ex posted?",
}


def test_a_camera_found_hears_to_go_to_the_police_before_removal_first(language: str) -> None:
    slots = {"language": language, "country": "FR" if language == "fr" else "KR" if language == "ko" else "GB"}
    police, platform = spoken(language, "evidence.police_first"), spoken(language, "report.platform")
    found = run(ActionReport(), "ask_report", slots, text=CAMERA_FOUND[language]).texts
    assert police in found and platform in found and found.index(police) < found.index(platform)
    told = run(ActionReport(), "ask_report", {**slots, "situation": "hidden_filming"}, text="et maintenant ?").texts
    assert police in told and told.index(police) < told.index(platform)
    posted = run(ActionReport(), "ask_report", slots, text=POSTED[language]).texts
    assert platform in posted and police not in posted
