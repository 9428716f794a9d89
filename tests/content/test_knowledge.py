"""The knowledge module: every fact sourced and allowed, shown only as the knowledge base permits, read natively.

What a person reads is checked at two levels: every catalog text (placeholders and all), and
every message of `make content` (the real actions, for every place and language).
"""

from __future__ import annotations

import datetime
import re
import string
from functools import cache
from typing import get_args

import pytest

from actions.review import transcripts
from content.knowledge import CONTACTS, LAWS, law
from content.knowledge.facts import CAREFUL, WITHHELD, Confidence
from content.knowledge.formatting import (
    citation,
    day,
    duration,
    facts_by_placeholder,
    french_spacing,
    korean_amount,
    money,
    penalty,
    placeholders,
    wait,
)
from content.texts import keys, raw, render
from tests.content.test_texts import LOCALES, RUNTIME_PARAMS, po_messages

HEDGES = {
    "en": ("according to", "may ", "might", "also listed", "as last announced", "check", "could not"),
    "fr": ("selon", "pourr", "peut-être", "peuvent ne pas", "aussi indiqué", "annoncé", "vérifi"),
    "ko": ("따르면", "수도 있", "안내되", "안내돼", "안내된", "확인", "못할 수"),
}
"""Words that make a sentence careful enough for a MEDIUM fact (knowledge base README)."""
NOT_FACTS = {"adult_age", *RUNTIME_PARAMS}
ADDRESS_NAMES = {"Hotline.ie"}
"""Organisations whose name is their web address."""
DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:org|gov|fr|kr|ie|au|uk|com|net|ca)\b", re.IGNORECASE)


def spaces(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


def names(text: str) -> list[str]:
    return [field for _, field, _, _ in string.Formatter().parse(text) if field]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n", text) if s]


@cache
def shown() -> tuple[tuple[str, str], ...]:
    """(language, message) for every message of `make content`."""
    return tuple(
        (turn.language, message.get("text") or "") for turn in transcripts() for message in turn.messages
    )


def every_message(language: str) -> list[str]:
    texts = [render(language, key, **RUNTIME_PARAMS) for key in keys(language)]
    return texts + [text for lang, text in shown() if lang == language]


# --- the facts themselves -------------------------------------------------------------------


@pytest.mark.parametrize("placeholder", sorted(facts_by_placeholder()))
def test_every_fact_names_a_source_and_an_allowed_confidence(placeholder: str) -> None:
    fact = facts_by_placeholder()[placeholder]
    assert fact.confidence in get_args(Confidence)
    assert fact.sources and all(source.startswith("http") for source in fact.sources)


def test_withheld_facts_say_what_and_why() -> None:
    for item in WITHHELD.values():
        assert item.what and item.why and item.betrays
        for pattern in item.betrays:
            re.compile(pattern)


# --- read natively --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "language", "expected"),
    [
        (60_000, "EUR", "fr", "60 000 €"),
        (60_000, "EUR", "en", "€60,000"),
        (60_000, "EUR", "ko", "6만 유로"),
        (75_000, "EUR", "ko", "7만 5천 유로"),
        (50_000_000, "KRW", "ko", "5천만 원"),
        (30_000_000, "KRW", "ko", "3천만 원"),
        (50_000_000, "KRW", "en", "50 million won"),
        (50_000_000, "KRW", "fr", "50 millions de wons"),
        (5_000, "EUR", "en", "€5,000"),
        (5_000, "GBP", "en", "£5,000"),
        (5_000, "USD", "en", "$5,000"),
        (5_000, "CAD", "en", "$5,000"),
        (5_000, "AUD", "en", "$5,000"),
        (5_000, "CAD", "fr", "5 000 $"),
    ],
)
def test_money_reads_as_a_native_reader_writes_it(amount: int, currency: str, language: str, expected: str) -> None:
    assert spaces(money(amount, currency, language)) == expected


def test_korean_fines_never_read_as_a_won_sign() -> None:
    text = render("ko", "offence.KR.sharing")
    assert "5천만 원 이하의 벌금" in text
    assert "₩" not in text and "50,000,000" not in text


@pytest.mark.parametrize(
    ("count", "unit", "expected"),
    [
        (2, "year", {"fr": "2 ans", "en": "2 years", "ko": "2년"}),
        (6, "month", {"fr": "6 mois", "en": "6 months", "ko": "6개월"}),
        (48, "hour", {"fr": "48 heures", "en": "48 hours", "ko": "48시간"}),
    ],
)
def test_durations_are_formatted_for_the_locale(count: int, unit: str, expected: dict[str, str]) -> None:
    for language, text in expected.items():
        assert spaces(duration(count, unit, language)) == text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (50_000_000, "5천만"),
        (45_000, "4만 5천"),
        (75_000, "7만 5천"),
        (100_000, "10만"),
        (123_456_789, "1억 2,345만 6,789"),
        (300_000_000, "3억"),
        (10_000, "1만"),
        (4_500, "4,500"),
        (0, "0"),
    ],
)
def test_the_korean_speller_is_exact_never_rounded(amount: int, expected: str) -> None:
    assert korean_amount(amount) == expected


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (45, {"fr": "45 minutes", "en": "45 minutes", "ko": "45분"}),
        (60, {"fr": "1 heure", "en": "1 hour", "ko": "1시간"}),
        (180, {"fr": "3 heures", "en": "3 hours", "ko": "3시간"}),
        (190, {"fr": "3 heures et 10 minutes", "en": "3 hours and 10 minutes", "ko": "3시간 10분"}),
        (0, {"fr": "0 minute", "en": "0 minutes", "ko": "0분"}),
    ],
)
def test_a_wait_reads_in_hours_from_an_hour_up(minutes: int, expected: dict[str, str]) -> None:
    for language, text in expected.items():
        assert spaces(wait(minutes, language)) == text


def test_a_negative_wait_is_an_error() -> None:
    with pytest.raises(ValueError):
        wait(-1, "en")


def test_the_queue_estimate_is_never_told_in_hundreds_of_minutes(language: str) -> None:
    text = render(language, "handoff.wait.ahead", people=19, wait=wait(190, language))
    assert "190" not in text and wait(190, language) in text


@pytest.mark.parametrize(
    ("original", "language", "expected"),
    [
        ("성폭력처벌법 제14조 제2항", "en", "Sexual Violence Punishment Act, art. 14(2) / 성폭력처벌법 제14조 제2항"),
        (
            "성폭력처벌법 제14조의2 제4항",
            "fr",
            "loi coréenne sur les violences sexuelles, art. 14-2, al. 4 / 성폭력처벌법 제14조의2 제4항",
        ),
        ("청소년성보호법 제11조의2", "en", "Youth Sex Protection Act, art. 11-2 / 청소년성보호법 제11조의2"),
        ("성폭력처벌법 제14조 제2항", "ko", "성폭력처벌법 제14조 제2항"),
        ("art. 226-2-1 du Code pénal", "ko", "프랑스 형법 제226-2-1조"),
        ("art. 15-3-1-1 du Code de procédure pénale", "ko", "프랑스 형사소송법 제15-3-1-1조"),
        ("art. 226-2-1 du Code pénal", "en", "art. 226-2-1 du Code pénal"),
        ("47 U.S.C. § 223(h)", "ko", "47 U.S.C. § 223(h)"),
    ],
)
def test_a_citation_reads_natively_with_the_original_beside_it(original: str, language: str, expected: str) -> None:
    assert citation(original, language) == expected


def test_no_korean_sentence_carries_a_french_citation() -> None:
    for text in every_message("ko"):
        assert "du Code" not in text, text


def test_french_spacing() -> None:
    assert french_spacing("Que voulez-vous ? Langue : « oui » ; non !") == (
        "Que voulez-vous\u202f? Langue\xa0: «\xa0oui\xa0»\u202f; non\u202f!"
    )
    assert french_spacing("https://stopncii.org") == "https://stopncii.org"


def test_every_french_text_keeps_its_punctuation_on_the_same_line() -> None:
    for text in every_message("fr"):
        assert not re.search(r" [?!;:»]|« ", text), text


def test_dates_are_formatted_for_the_locale() -> None:
    date = datetime.date(2026, 5, 19)
    expected = ["19 mai 2026", "2026년 5월 19일", "May 19, 2026"]
    assert [day(date, language) for language in ("fr", "ko", "en")] == expected


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
def test_a_penalty_names_both_prison_and_fine(language: str) -> None:
    rendered = penalty(law("FR.sharing").penalty, language, raw)  # type: ignore[arg-type]
    assert money(60_000, "EUR", language) in rendered and duration(2, "year", language) in rendered


@pytest.mark.parametrize("language", LOCALES)
def test_every_penalty_kind_has_a_wording(language: str) -> None:
    for item in LAWS.values():
        if item.penalty is not None:
            assert penalty(item.penalty, language, raw)


# --- what is shown traces back to the knowledge module -------------------------------------


@pytest.mark.parametrize("language", LOCALES)
def test_every_placeholder_shows_a_fact_the_knowledge_module_holds_at_an_allowed_level(language: str) -> None:
    facts = facts_by_placeholder()
    for key, text in po_messages(language).items():
        for name in names(text):
            if name in NOT_FACTS:
                continue
            assert name in facts, f"{language} {key}: {{{name}}} is not in content/knowledge"
            assert facts[name].confidence in get_args(Confidence), f"{language} {key}: {name}"


@pytest.mark.parametrize("language", LOCALES)
def test_medium_facts_are_worded_with_care(language: str) -> None:
    """A MEDIUM fact sits in a sentence that says "according to", "may", "also listed"..."""
    facts = facts_by_placeholder()
    careful = {name for name, fact in facts.items() if fact.confidence in CAREFUL}
    for key, text in po_messages(language).items():
        for sentence in sentences(text):
            used = careful.intersection(names(sentence))
            if used:
                assert any(hedge in sentence.lower() for hedge in HEDGES[language]), f"{language} {key}: {sentence}"


@pytest.mark.parametrize("language", LOCALES)
def test_a_contact_that_must_follow_another_never_comes_first(language: str) -> None:
    """02-735-8994 only with and after 1366 (knowledge base section 2.5)."""
    for key, text in po_messages(language).items():
        for name, item in CONTACTS.items():
            placeholder = "{c_" + name.replace(".", "_") + "}"
            if item.after and placeholder in text:
                first = "{c_" + item.after.replace(".", "_") + "}"
                assert first in text and text.index(first) < text.index(placeholder), f"{language} {key}"


@pytest.mark.parametrize("language", LOCALES)
def test_withheld_facts_and_retired_names_never_reach_a_person(language: str) -> None:
    for text in every_message(language):
        for key, item in WITHHELD.items():
            for pattern in item.betrays:
                assert not re.search(pattern, spaces(text)), f"{key} in: {text}"


@pytest.mark.parametrize("language", LOCALES)
def test_every_figure_the_bot_shows_is_in_the_knowledge_module(language: str) -> None:
    allowed = {n for value in placeholders(language, raw).values() for n in re.findall(r"\d+", value)}
    allowed.add(str(RUNTIME_PARAMS["days"]))
    for lang, text in shown():
        if lang == language:
            assert set(re.findall(r"\d+", text)) <= allowed, text


@pytest.mark.parametrize("language", LOCALES)
def test_no_web_address_is_typed_into_a_catalog(language: str) -> None:
    """Addresses are placeholders filled from the knowledge module, never typed by a translator.

    Only an organisation whose name is its address (Hotline.ie, whose address the module holds)
    and illustrations of what an address looks like ("name@example.org") may appear as words.
    """
    hosts = {c.value.split("/")[0].lower() for c in CONTACTS.values()}
    for key, text in po_messages(language).items():
        for found in DOMAIN.findall(re.sub(r"\{[a-zA-Z_]+\}", "", text)):
            if found in ("example.org", "exemple.org"):
                continue
            assert found in ADDRESS_NAMES and found.lower() in hosts, f"{language} {key}: {found}"


@pytest.mark.parametrize("language", LOCALES)
def test_the_three_take_it_downs_are_never_confused(language: str) -> None:
    """NCMEC's tool, the US federal Act and the FTC's complaint site (knowledge base section 3.3)."""
    for text in every_message(language):
        if "Take It Down" in text:
            assert "NCMEC" in text or CONTACTS["INT.take_it_down"].value in text, text
        assert "Take It Down Act" not in text, text
        assert not re.search(r"TAKE IT DOWN(?! Act)", text), text
        if CONTACTS["US.ftc"].value.lower() in text.lower():
            assert "FTC" in text, text
