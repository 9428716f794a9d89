"""Every bad input a victim may type for a link, a reference, a PIN or a contact detail."""

from __future__ import annotations

import pytest

from bot.cases.contact import email_in, looks_like_email, phone_in
from bot.cases.links import MAX_URL_LENGTH, check, links_in, without_links
from bot.cases.reference import ALPHABET, hash_pin, new_pin, new_reference, pin_in, pin_matches, reference_in


@pytest.mark.parametrize(
    ("given", "url"),
    [
        ("https://www.Instagram.com/p/abc/?utm_source=ig&x=1#frag", "https://www.instagram.com/p/abc/?x=1"),
        ("HTTP://Example.org:80", "http://example.org/"),
        ("t.me/some_room", "https://t.me/some_room"),
        ("https://x.com/user/status/1,", "https://x.com/user/status/1"),
        ("https://example.org:8443/a", "https://example.org:8443/a"),
    ],
)
def test_links_are_normalised_so_the_same_post_matches(given: str, url: str) -> None:
    assert check(given).url == url


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ("ftp://files.example.org/a.jpg", "scheme"),
        ("https://user:secret@example.org/x", "credentials"),
        ("https://exa mple", "malformed"),
        ("https://localhost/x", "malformed"),
        ("https://example.org:99999/", "malformed"),
        ("https://example.org/" + "a" * MAX_URL_LENGTH, "too_long"),
    ],
)
def test_bad_links_are_refused_with_a_reason(given: str, problem: str) -> None:
    link = check(given)
    assert link.url is None
    assert link.problem == problem


def test_links_are_found_in_free_text_and_the_rest_is_kept_as_a_place() -> None:
    found = links_in("c'est sur https://site.fr/v/1 et aussi javascript:alert(1)")
    assert [link.url for link in found] == ["https://site.fr/v/1", None]
    refused = links_in("ftp://files.example.org/a.jpg")
    assert [(link.url, link.problem) for link in refused] == [(None, "scheme")], "never read as files.example.org"
    assert [link.url for link in links_in("à 10:30 sur t.me/x")] == ["https://t.me/x"]
    assert without_links("sur Instagram https://instagram.com/p/1") == "sur Instagram"
    assert links_in("") == []


def test_references_are_crockford_and_read_back_from_sloppy_typing() -> None:
    reference = new_reference()
    assert reference.startswith("RL-") and len(reference) == 12
    assert all(char in ALPHABET for char in reference[3:].replace("-", ""))
    body = reference[3:].replace("-", "").lower()
    assert reference_in(f"mon dossier rl {body[:4]} {body[4:]} svp") == reference
    assert reference_in("RL-ABCD-EFGO") == "RL-ABCD-EFG0"
    assert reference_in("RL-ABCD-EFGU") is None
    assert reference_in("no reference here") is None


def test_pins_are_hashed_and_only_the_right_one_matches() -> None:
    pin = new_pin()
    stored = hash_pin(pin)
    assert pin not in stored
    assert pin_matches(pin, stored)
    assert not pin_matches("000000" if pin != "000000" else "111111", stored)
    assert pin_in("mon code est 12 34 56") == "123456"
    assert pin_in("1234") is None


def test_a_pin_beside_its_reference_is_read_and_the_reference_never_is() -> None:
    assert pin_in("statut RL-ZG3C-AF40 pin 889271") == "889271"
    assert pin_in("접수번호 RLMDCS2XS9 비번 361866") == "361866"
    assert pin_in("my report RL-1234-5678 ?") is None


@pytest.mark.parametrize(
    ("text", "email"),
    [("écrivez à jane.doe+x@example.fr merci", "jane.doe+x@example.fr"), ("jane@", None), ("a@b", None), ("", None)],
)
def test_emails(text: str, email: str | None) -> None:
    assert email_in(text) == email


def test_phones_and_what_looks_like_an_email() -> None:
    assert phone_in("+33 6 12 34 56 78") == "+33612345678"
    assert phone_in("010-1234-5678") == "01012345678"
    assert phone_in("12") is None
    assert looks_like_email("jane@") and not looks_like_email("jane")
