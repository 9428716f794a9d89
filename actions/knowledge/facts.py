"""Laws and contacts, with the confidence and sources the knowledge base gives them.

Left out on purpose (knowledge base section 6 or LOW): the online aggravations of
art. 226-8-1, 226-8 and 312-10; the CCRI phone number; 3018 as an adult service; the
France Victimes opening hours; the cost of a commissaire de justice; the visio-plainte.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Confidence = Literal["HIGH", "MEDIUM"]
PenaltyKind = Literal["max_and", "max_or", "min"]


@dataclass(frozen=True)
class Penalty:
    """`max_and`: up to N years and a fine; `max_or`: up to N years or a fine; `min`: N years or more."""

    kind: PenaltyKind
    years: int
    fine: int | None = None
    currency: str | None = None


@dataclass(frozen=True)
class Law:
    citation: str
    penalty: Penalty | None
    confidence: Confidence
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Contact:
    """A phone number, a web address or both; `value` is what the person types or dials."""

    value: str
    confidence: Confidence
    sources: tuple[str, ...]


_LEGAL_KR = "https://www.law.go.kr/법령/성폭력범죄의처벌등에관한특례법"

LAWS: dict[str, Law] = {
    "FR.sharing": Law(
        "art. 226-2-1 du Code pénal",
        Penalty("max_and", 2, 60_000, "EUR"),
        "HIGH",
        ("https://code-penal.fr/article-226-2-1-a33207318.html", "https://altajuris.com/?p=68874"),
    ),
    "FR.hidden_filming": Law(
        "art. 226-1 du Code pénal",
        Penalty("max_and", 1, 45_000, "EUR"),
        "HIGH",
        ("https://dimeglio-avocat.com/?p=896", "https://detecteur-harcelement-travail.fr/captation-diffusion-images"),
    ),
    "FR.deepfake": Law(
        "art. 226-8-1 du Code pénal",
        Penalty("max_and", 2, 60_000, "EUR"),
        "HIGH",
        (
            "https://app.livv.eu/books/LEGITEXT000006070719/LEGISCTA000006089684%2FLEGISCTA000006117597%2F"
            "LEGISCTA000006136041%2FLEGISCTA000006149831%2FLEGISCTA000006165310/LEGIARTI000049567458",
        ),
    ),
    "FR.sextortion": Law(
        "art. 312-10 du Code pénal",
        Penalty("max_and", 5, 75_000, "EUR"),
        "HIGH",
        ("https://violences-sexuelles.info/comprendre-definitions-loi/chantage-et-extorsion/",),
    ),
    "FR.sextortion_carried_out": Law(
        "art. 312-11 du Code pénal",
        Penalty("max_and", 7, 100_000, "EUR"),
        "HIGH",
        ("https://violences-sexuelles.info/comprendre-definitions-loi/chantage-et-extorsion/",),
    ),
    "FR.minor_possession": Law(
        "art. 227-23 du Code pénal",
        Penalty("max_and", 2, 30_000, "EUR"),
        "HIGH",
        ("https://www.pointdecontact.net/champ_competences/",),
    ),
    "KR.sharing": Law("성폭력처벌법 제14조 제2항", Penalty("max_or", 7, 50_000_000, "KRW"), "HIGH", (_LEGAL_KR,)),
    "KR.hidden_filming": Law(
        "성폭력처벌법 제14조 제1항", Penalty("max_or", 7, 50_000_000, "KRW"), "HIGH", (_LEGAL_KR,)
    ),
    "KR.deepfake": Law("성폭력처벌법 제14조의2", Penalty("max_or", 7, 50_000_000, "KRW"), "HIGH", (_LEGAL_KR,)),
    "KR.deepfake_possession": Law(
        "성폭력처벌법 제14조의2 제4항", Penalty("max_or", 3, 30_000_000, "KRW"), "HIGH", (_LEGAL_KR,)
    ),
    "KR.sextortion": Law("성폭력처벌법 제14조의3 제1항", Penalty("min", 1), "HIGH", (_LEGAL_KR,)),
    "KR.sextortion_coercion": Law("성폭력처벌법 제14조의3 제2항", Penalty("min", 3), "HIGH", (_LEGAL_KR,)),
    "KR.possession": Law("성폭력처벌법 제14조 제4항", Penalty("max_or", 3, 30_000_000, "KRW"), "HIGH", (_LEGAL_KR,)),
    "GB.sharing": Law(
        "Sexual Offences Act 2003, s.66B",
        None,
        "HIGH",
        (
            "https://legislation.gov.uk/ukpga/2003/42/section/66B/data.xht",
            "https://5kbw.co.uk/resources/view-article/sexual-offences-in-the-online-safety-act-2023",
        ),
    ),
}

_SP_PHAROS = "https://www.service-public.gouv.fr/particuliers/vosdroits/R17674"
_DSC = "https://www.servedream.com/announcements/138300000038"

CONTACTS: dict[str, Contact] = {
    "FR.crisis": Contact("3114", "HIGH", ("https://3114.fr/que-se-passe-t-il-quand-je-contacte-le-3114/",)),
    "FR.samu": Contact("15", "HIGH", ("http://www.1000-premiers-jours.fr/fr/les-numeros-durgence-connaitre",)),
    "FR.police": Contact("17", "HIGH", ("http://www.1000-premiers-jours.fr/fr/les-numeros-durgence-connaitre",)),
    "FR.sms_emergency": Contact(
        "114", "HIGH", ("http://www.1000-premiers-jours.fr/fr/les-numeros-durgence-connaitre",)
    ),
    "EU.emergency": Contact("112", "HIGH", ("http://www.1000-premiers-jours.fr/fr/les-numeros-durgence-connaitre",)),
    "FR.pharos": Contact("internet-signalement.gouv.fr", "HIGH", (_SP_PHAROS,)),
    "FR.point_de_contact": Contact(
        "pointdecontact.net", "MEDIUM", ("https://www.pointdecontact.net/rapport-annuel-2024",)
    ),
    "FR.thesee": Contact(
        "service-public.fr",
        "HIGH",
        ("https://www.combs-la-ville.fr/890-7063/fiche/la-plainte-en-ligne-pour-les-arnaques-sur-internet-thesee.htm",),
    ),
    "FR.minors_line": Contact("3018", "HIGH", ("https://solidarites.gouv.fr/node/2219",)),
    "FR.child_danger": Contact("119", "HIGH", ("https://solidarites.gouv.fr/node/2219",)),
    "FR.victims": Contact(
        "116 006", "HIGH", ("https://www.lextimes.fr/actualites/victimes/le-numero-de-telephone-national-change",)
    ),
    "FR.women": Contact(
        "3919",
        "HIGH",
        ("https://informations.handicap.fr/a-3919-femmes-sourdes-victimes-violences-aide-h24-31115.php",),
    ),
    "KR.crisis": Contact("109", "HIGH", ("https://newspim.com/news/view/20240102000281",)),
    "KR.police": Contact("112", "HIGH", ("https://www.hankyung.com/article/202012225071Y",)),
    "KR.ecrm": Contact("ecrm.police.go.kr", "HIGH", ("https://www.hankyung.com/article/202012225071Y",)),
    "KR.women_line": Contact("1366", "HIGH", ("http://www.dailyclick.net/contents/68106d3d14a88ca14dd1436b", _DSC)),
    "KR.dsc_phone": Contact("02-735-8994", "HIGH", (_DSC,)),
    "KR.dsc_web": Contact("d4u.stop.or.kr", "HIGH", (_DSC,)),
    "KR.commission": Contact("1377", "HIGH", ("https://m.ajunews.com/amp/20231005110112048",)),
    "GB.crisis": Contact("116 123", "HIGH", ("https://www.samaritans.org/how-we-can-help/contact-samaritan/",)),
    "GB.emergency": Contact("999", "HIGH", ("https://revengepornhelpline.org.uk/faq/",)),
    "GB.helpline": Contact("0345 6000 459", "HIGH", ("https://swgfl.org.uk/helplines/revenge-porn-helpline/",)),
    "US.crisis": Contact(
        "988",
        "HIGH",
        ("https://www.cdcr.ca.gov/ccjbh/2022/07/19/dial-988-to-access-24-hour-emotional-support-and-resources/",),
    ),
    "US.emergency": Contact("911", "HIGH", ("https://www.mhn.com/members/news/988_Introduction.html",)),
    "US.cybertipline": Contact("1-800-843-5678", "HIGH", ("https://takeitdown.ncmec.org/faq/",)),
    "AU.emergency": Contact(
        "000", "HIGH", ("https://esafety.gov.au/key-topics/image-based-abuse/report-image-based-abuse",)
    ),
    "AU.esafety": Contact(
        "esafety.gov.au", "HIGH", ("https://www.esafety.gov.au/report/image-based-abuse/making-a-report-faq",)
    ),
    "INT.stopncii": Contact("stopncii.org", "HIGH", ("https://stopncii.org/how-it-works/?lang=sv-se",)),
    "INT.take_it_down": Contact("takeitdown.ncmec.org", "HIGH", ("https://takeitdown.ncmec.org/faq/",)),
}

ADULT_AGE = 18
"""StopNCII is for adults; Take It Down for images taken under this age (knowledge section 3)."""


def law(key: str) -> Law:
    return LAWS[key]


def contact(key: str) -> Contact:
    return CONTACTS[key]
