"""Laws, contacts, dates and time limits, with the confidence and sources the knowledge base gives them.

Transcribed from the partners' vetted legal knowledge base (audit of 2026-11-29). Confidence is the
knowledge base's own label. HIGH and MEDIUM-HIGH facts are stated plainly; MEDIUM facts only
in a careful sentence ("according to", "may", "also listed"), which a test checks. LOW facts,
and anything in the knowledge base's section 6 "NOT VERIFIED", are never shown: they are
listed in `WITHHELD`, with the words that would betray them if a text ever said them, so a
test can fail and `make content` can show staff what was left out and why.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

Confidence = Literal["HIGH", "MEDIUM-HIGH", "MEDIUM"]
"""The levels Relais may state; LOW and section-6 facts live in `WITHHELD` instead."""
CAREFUL: frozenset[str] = frozenset({"MEDIUM"})
"""Levels that must be worded with care ("according to", "may", "also listed")."""

PenaltyKind = Literal[
    "max_and",
    "max_or",
    "min",
    "max",
    "max_or_fine",
    "max_or_capped_fine",
    "max_or_unlimited_fine",
    "summary_or_fine",
]
TimeUnit = Literal["year", "month", "hour"]


@dataclass(frozen=True)
class Penalty:
    """A maximum (or minimum) sentence, in the words of `penalty.<kind>` in the catalogs.

    `max_and`: up to `term` and a fine of up to `fine`; `max_or`: up to `term` or that fine;
    `min`: `term` or more; `max`: up to `term`; `max_or_fine`: up to `term`, a fine, or both;
    `max_or_capped_fine`: up to `term`, a fine of up to `fine`, or both;
    `max_or_unlimited_fine`: up to `term`, a fine with no upper limit, or both;
    `summary_or_fine`: prison up to the summary-court maximum, a fine, or both (no `term`).
    `fine` is in whole units of `currency` (ISO 4217).
    """

    kind: PenaltyKind
    term: int = 0
    fine: int | None = None
    currency: str | None = None
    unit: TimeUnit = "year"


@dataclass(frozen=True)
class Law:
    """An offence or a legal basis: `citation` as a reader would look it up, and its penalty if stated."""

    citation: str
    penalty: Penalty | None
    confidence: Confidence
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Contact:
    """A phone number, a web address or both; `value` is what the person types or dials.

    `after`: the key of a contact this one may only be given with, and after (KR 02-735-8994
    after 1366, knowledge base section 2.5).
    """

    value: str
    confidence: Confidence
    sources: tuple[str, ...]
    after: str | None = None


@dataclass(frozen=True)
class Date:
    """The day a law or a duty took effect, formatted per language (19 mai 2026, 2026년 5월 19일)."""

    value: datetime.date
    confidence: Confidence
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    """A legal time limit ("within 48 hours"), formatted per language as a duration."""

    count: int
    unit: TimeUnit
    confidence: Confidence
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Withheld:
    """A fact the knowledge base holds but Relais must not state, and why.

    `betrays`: regular expressions, each matched against one rendered message, that would
    mean the fact (or a retired name) slipped into a text.
    """

    what: str
    why: str
    betrays: tuple[str, ...]


Fact = Law | Contact | Date | Term

_LEGAL_KR = "https://www.law.go.kr/법령/성폭력범죄의처벌등에관한특례법"
_LEGAL_KR_YOUTH = "https://www.law.go.kr/법령/아동ㆍ청소년의성보호에관한법률"
_SOA_66B = "https://legislation.gov.uk/ukpga/2003/42/section/66B/data.xht"
_SOA_66E = "https://www.lawglobalhub.com/?p=93149"
_SOA_66F = "https://www.legislation.gov.uk/ukpga/2003/42/section/66F/data.xht"
_CPA_2026 = (
    "https://www.lawtonslaw.co.uk/resources/crime-and-policing-act-2026-new-offences-introduced/",
    "https://www.kingsleynapley.co.uk/insights/blogs/criminal-law-blog/"
    "deepfakes-to-deletion-orders-tackling-technology-enabled-sexual-offending-in-the-crime-and-policing-act-2026",
    "https://www.legislationtracker.co.uk/article/crime-and-policing-act-2026-commencement-no-1-regulations-25-06-26",
)
_US_ACT = (
    "https://www.congress.gov/119/plaws/publ12/PLAW-119publ12.htm",
    "https://www.govinfo.gov/bulkdata/PLAW/119/public/PLAW-119publ12.xml",
)
_AU_ACT = (
    "https://www.legislation.gov.au/C2024A00078/asmade/2024-09-02/text/original/epub/OEBPS/document_1/document_1.html",
    "https://aph.gov.au/Parliamentary_Business/Bills_Legislation/bd/bd2324a/24bd081",
)
_IE_ACT = (
    "https://www.irishexaminer.com/news/courtandcrime/arid-40837973.html",
    "https://irishtimes-irishtimes-prod.web.arc-cdn.net/ireland/2023/05/22/qa-on-sharing-intimate-images",
)
_CA_162 = (
    "https://criminalnotebook.ca/index.php/Distribution_of_Intimate_Images_(Offence)",
    "https://daleybyers.com/criminal-code/cyberbullying-charges/",
)

LAWS: dict[str, Law] = {
    # France (knowledge base section 1)
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
    "FR.visio_plainte": Law(
        "art. 15-3-1-1 du Code de procédure pénale",
        None,
        "MEDIUM-HIGH",
        (
            "https://www.actu-juridique.fr/breves/procedure-penale/visioplainte-le-decret-est-publie/",
            "https://lessor.org/societe/la-visioplainte-generalisee-a-partir-de-lundi",
        ),
    ),
    # South Korea (section 2)
    "KR.sharing": Law("성폭력처벌법 제14조 제2항", Penalty("max_or", 7, 50_000_000, "KRW"), "HIGH", (_LEGAL_KR,)),
    "KR.hidden_filming": Law(
        "성폭력처벌법 제14조 제1항", Penalty("max_or", 7, 50_000_000, "KRW"), "HIGH", (_LEGAL_KR,)
    ),
    "KR.deepfake": Law(
        "성폭력처벌법 제14조의2",
        Penalty("max_or", 7, 50_000_000, "KRW"),
        "HIGH",
        (
            _LEGAL_KR,
            "https://omedia.co.kr/bbs/board.php?bo_table=blogdata_pol&page=605&wr_id=78187",
            "https://ebook.kabl.kr/magazine/ebooks/202411/21",
        ),
    ),
    "KR.deepfake_possession": Law(
        "성폭력처벌법 제14조의2 제4항", Penalty("max_or", 3, 30_000_000, "KRW"), "HIGH", (_LEGAL_KR,)
    ),
    "KR.sextortion": Law("성폭력처벌법 제14조의3 제1항", Penalty("min", 1), "HIGH", (_LEGAL_KR,)),
    "KR.sextortion_coercion": Law("성폭력처벌법 제14조의3 제2항", Penalty("min", 3), "HIGH", (_LEGAL_KR,)),
    "KR.possession": Law("성폭력처벌법 제14조 제4항", Penalty("max_or", 3, 30_000_000, "KRW"), "HIGH", (_LEGAL_KR,)),
    "KR.minor_sextortion": Law(
        "청소년성보호법 제11조의2",
        Penalty("min", 3),
        "HIGH",
        (_LEGAL_KR_YOUTH, "https://digital-jurist.com/?p=1655&print=print"),
    ),
    "KR.minor_sextortion_coercion": Law(
        "청소년성보호법 제11조의2",
        Penalty("min", 5),
        "HIGH",
        (_LEGAL_KR_YOUTH, "https://digital-jurist.com/?p=1655&print=print"),
    ),
    "KR.minor_possession": Law("청소년성보호법 제11조 제5항", Penalty("min", 1), "HIGH", (_LEGAL_KR_YOUTH,)),
    # United Kingdom, England and Wales (section 3.2)
    "GB.sharing": Law(
        "Sexual Offences Act 2003, s.66B",
        Penalty("max", 6, unit="month"),
        "HIGH",
        (_SOA_66B, "https://5kbw.co.uk/resources/view-article/sexual-offences-in-the-online-safety-act-2023"),
    ),
    "GB.sharing_aggravated": Law(
        "Sexual Offences Act 2003, s.66B(2) and (3)",
        Penalty("max", 2),
        "HIGH",
        (_SOA_66B, "https://5kbw.co.uk/resources/view-article/sexual-offences-in-the-online-safety-act-2023"),
    ),
    "GB.threat": Law(
        "Sexual Offences Act 2003, s.66B(4)",
        Penalty("max", 2),
        "MEDIUM-HIGH",
        (_SOA_66B, "https://swgfl.org.uk/magazine/new-intimate-image-abuse-laws-come-into-effect/"),
    ),
    "GB.deepfake_creating": Law(
        "Sexual Offences Act 2003, s.66E", Penalty("summary_or_fine"), "HIGH", (_SOA_66E, _SOA_66F)
    ),
    "GB.deepfake_requesting": Law(
        "Sexual Offences Act 2003, s.66F", Penalty("summary_or_fine"), "HIGH", (_SOA_66F, _SOA_66E)
    ),
    "GB.taking": Law("Crime and Policing Act 2026", None, "MEDIUM-HIGH", _CPA_2026),
    "GB.taking_aggravated": Law("Crime and Policing Act 2026", Penalty("max", 2), "MEDIUM-HIGH", _CPA_2026),
    "GB.equipment": Law("Crime and Policing Act 2026", Penalty("max", 2), "MEDIUM-HIGH", _CPA_2026),
    "GB.copying": Law("Crime and Policing Act 2026", None, "MEDIUM-HIGH", _CPA_2026),
    # United States (section 3.3)
    "US.act": Law("47 U.S.C. § 223(h)", Penalty("max_or_fine", 2), "HIGH", _US_ACT),
    "US.act_minor": Law("47 U.S.C. § 223(h)", Penalty("max", 3), "HIGH", _US_ACT),
    "US.threat": Law("47 U.S.C. § 223(h)", Penalty("max_or_fine", 2), "HIGH", _US_ACT),
    "US.forgery_threat": Law("47 U.S.C. § 223(h)", Penalty("max", 18, unit="month"), "HIGH", _US_ACT),
    "US.forgery_threat_minor": Law("47 U.S.C. § 223(h)", Penalty("max", 30, unit="month"), "HIGH", _US_ACT),
    "US.civil": Law(
        "15 U.S.C. § 6851",
        None,
        "MEDIUM",
        ("https://policybrief.co/legislation/s1837-119", "https://terms.law/deepfake-litigation"),
    ),
    # Australia (section 3.4)
    "AU.sharing": Law("Criminal Code (Cth), s.474.17A", Penalty("max", 6), "HIGH", _AU_ACT),
    "AU.aggravated": Law("Criminal Code (Cth), s.474.17AA", Penalty("max", 7), "HIGH", _AU_ACT),
    # Ireland (section 3.5)
    "IE.sharing": Law(
        "Harassment, Harmful Communications and Related Offences Act 2020, s.3",
        Penalty("max_or_capped_fine", 12, 5_000, "EUR", unit="month"),
        "HIGH",
        _IE_ACT,
    ),
    "IE.sharing_harm": Law(
        "Harassment, Harmful Communications and Related Offences Act 2020, s.2",
        Penalty("max_or_unlimited_fine", 7),
        "HIGH",
        _IE_ACT,
    ),
    # Canada (section 3.6)
    "CA.sharing": Law("Criminal Code, s.162.1", Penalty("max", 5), "HIGH", _CA_162),
    "CA.victims_bill": Law(
        "Bill C-16",
        None,
        "MEDIUM",
        ("https://openparliament.ca/bills/45-1/C-16/", "https://opendocket.ca/bills/45-1-c-16"),
    ),
}

_SP_PHAROS = "https://www.service-public.gouv.fr/particuliers/vosdroits/R17674"
_DSC = "https://www.servedream.com/announcements/138300000038"
_DSC_1366 = "https://korea.kr/news/policyNewsView.do?newsId=148941931&pWise=main&pWiseMain=A4"
_EMERGENCY_FR = "http://www.1000-premiers-jours.fr/fr/les-numeros-durgence-connaitre"
_LIFELINE = (
    "https://www.esafety.gov.au/women/get-help/finding-support",
    "https://lifeinmind.org.au/news/lifelines-crisis-text-service-now-available-24-7",
)
_PIETA = (
    "https://kilcullenbridge.blogspot.com/2023/07/younger-people-seeking-help-from-pieta.html",
    "https://pieta.ie/news-resources/pieta-news/world-suicide-prevention-day-hope-through-action",
)
_HSE_EMERGENCY = ("https://www2.hse.ie/emergencies/when-to-call-112-or-999/",)
_ESAFETY = (
    "https://www.esafety.gov.au/report/image-based-abuse/making-a-report-faq",
    "https://esafety.gov.au/key-topics/image-based-abuse/report-image-based-abuse",
)

CONTACTS: dict[str, Contact] = {
    # France
    "FR.crisis": Contact("3114", "HIGH", ("https://3114.fr/que-se-passe-t-il-quand-je-contacte-le-3114/",)),
    "FR.samu": Contact("15", "HIGH", (_EMERGENCY_FR,)),
    "FR.police": Contact("17", "HIGH", (_EMERGENCY_FR,)),
    "FR.sms_emergency": Contact("114", "HIGH", (_EMERGENCY_FR,)),
    "EU.emergency": Contact("112", "HIGH", (_EMERGENCY_FR,)),
    "FR.cyber": Contact(
        "17cyber.gouv.fr",
        "HIGH",
        (
            "https://lessor.org/societe/mise-en-ligne-du-17cyber-guichet-unique-des-menaces-numeriques",
            "https://henanbihen.fr/17cyber-le-nouvel-outil-en-ligne-pour-aider-les-victimes-de-malveillance-informatique",
        ),
    ),
    "FR.pharos": Contact("internet-signalement.gouv.fr", "HIGH", (_SP_PHAROS,)),
    "FR.point_de_contact": Contact(
        "pointdecontact.net",
        "MEDIUM-HIGH",
        ("https://www.pointdecontact.net/rapport-annuel-2024", "https://www.pointdecontact.net/disrupt/"),
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
    # South Korea
    "KR.crisis": Contact("109", "HIGH", ("https://newspim.com/news/view/20240102000281",)),
    "KR.police": Contact("112", "HIGH", ("https://www.hankyung.com/article/202012225071Y",)),
    "KR.ecrm": Contact("ecrm.police.go.kr", "HIGH", ("https://www.hankyung.com/article/202012225071Y",)),
    "KR.women_line": Contact(
        "1366", "HIGH", (_DSC_1366, "http://www.dailyclick.net/contents/68106d3d14a88ca14dd1436b", _DSC)
    ),
    "KR.dsc_phone": Contact(
        "02-735-8994",
        "MEDIUM",
        (
            "https://modubokji.com/welfare/%25EB%2594%2594%25EC%25A7%2580%25ED%2584%25B8-%25EC%2584%25B1%25EB%25B2"
            "%2594%25EC%25A3%2584-%25ED%2594%25BC%25ED%2595%25B4%25EC%259E%2590-%25EC%259B%2590%25EC%258A%25A4%25ED"
            "%2586%25B1-%25EC%25A7%2580%25EC%259B%2590%25EC%2584%25BC%25ED%2584%25B0-3cbbfb1c",
            _DSC,
        ),
        after="KR.women_line",
    ),
    "KR.dsc_web": Contact("d4u.stop.or.kr", "HIGH", (_DSC,)),
    "KR.commission": Contact(
        "1377",
        "MEDIUM",
        ("https://m.ajunews.com/amp/20231005110112048", "https://taptalk.net/news/view/2024092908002499543/RDurdZHCFi"),
    ),
    # United Kingdom
    "GB.crisis": Contact("116 123", "HIGH", ("https://www.samaritans.org/how-we-can-help/contact-samaritan/",)),
    "GB.crisis_email": Contact(
        "jo@samaritans.org", "HIGH", ("https://www.samaritans.org/how-we-can-help/contact-samaritan/",)
    ),
    "GB.emergency": Contact("999", "HIGH", ("https://revengepornhelpline.org.uk/faq/",)),
    "GB.police": Contact("101", "HIGH", ("https://revengepornhelpline.org.uk/faq/",)),
    "GB.helpline": Contact("0345 6000 459", "HIGH", ("https://swgfl.org.uk/helplines/revenge-porn-helpline/",)),
    # United States
    "US.crisis": Contact(
        "988",
        "HIGH",
        ("https://www.cdcr.ca.gov/ccjbh/2022/07/19/dial-988-to-access-24-hour-emotional-support-and-resources/",),
    ),
    "US.crisis_chat": Contact(
        "988lifeline.org",
        "HIGH",
        ("https://www.cdcr.ca.gov/ccjbh/2022/07/19/dial-988-to-access-24-hour-emotional-support-and-resources/",),
    ),
    "US.emergency": Contact("911", "HIGH", ("https://www.mhn.com/members/news/988_Introduction.html",)),
    "US.cybertipline": Contact("1-800-843-5678", "HIGH", ("https://takeitdown.ncmec.org/faq/",)),
    "US.cybertipline_web": Contact("cybertipline.org", "HIGH", ("https://takeitdown.ncmec.org/faq/",)),
    "US.ftc": Contact(
        "TakeItDown.ftc.gov",
        "MEDIUM",
        (
            "https://511d98a7.spoiledlunch.pages.dev/news/2026-05-19-ftc-begins-enforcing-the-take-it-down-act/",
            "https://vidianews.com/?p=15416",
        ),
    ),
    # Canada
    "CA.crisis": Contact(
        "9-8-8",
        "HIGH",
        (
            "https://www.newswire.ca/news-releases/"
            "government-of-canada-launches-three-digit-suicide-crisis-helpline-896472116.html",
        ),
    ),
    # Australia
    "AU.emergency": Contact(
        "000", "HIGH", ("https://esafety.gov.au/key-topics/image-based-abuse/report-image-based-abuse",)
    ),
    "AU.esafety": Contact("esafety.gov.au", "HIGH", _ESAFETY),
    "AU.crisis": Contact("13 11 14", "HIGH", _LIFELINE),
    "AU.crisis_text": Contact("0477 13 11 14", "HIGH", _LIFELINE),
    "AU.crisis_web": Contact(
        "lifeline.org.au",
        "MEDIUM-HIGH",
        ("https://www.thepushupchallenge.com.au/blog/what-happens-when-you-call-lifeline-",),
    ),
    "AU.respect": Contact("1800RESPECT", "HIGH", _ESAFETY),
    # Ireland
    "IE.crisis": Contact(
        "116 123",
        "HIGH",
        (
            "https://www.samaritans.org/your-community/samaritans-ireland-scotland-and-wales/samaritans-ireland/journey",
            "https://www.oireachtas.ie/en/debates/question/2013-12-10/505/",
        ),
    ),
    "IE.pieta": Contact("1800 247 247", "HIGH", _PIETA),
    "IE.pieta_text": Contact(
        "51444", "MEDIUM-HIGH", ("https://kilcullenbridge.blogspot.com/2023/07/younger-people-seeking-help-from-pieta.html",)
    ),
    "IE.emergency": Contact("112", "HIGH", _HSE_EMERGENCY),
    "IE.emergency_alt": Contact("999", "HIGH", _HSE_EMERGENCY),
    "IE.hotline": Contact(
        "hotline.ie/report",
        "HIGH",
        ("https://www.dundalkdemocrat.ie/news/local-news/660937/louth-senator-welcomes-government-campaign-to-combat-sharing-of-intimate-images-without-consent.html",),
    ),
    # International
    "INT.stopncii": Contact("stopncii.org", "HIGH", ("https://stopncii.org/how-it-works/?lang=sv-se",)),
    "INT.take_it_down": Contact("takeitdown.ncmec.org", "HIGH", ("https://takeitdown.ncmec.org/faq/",)),
}

DATES: dict[str, Date] = {
    "US.act": Date(datetime.date(2025, 5, 19), "HIGH", _US_ACT),
    "US.removal": Date(datetime.date(2026, 5, 19), "HIGH", _US_ACT),
    "GB.deepfake": Date(
        datetime.date(2026, 2, 6),
        "MEDIUM-HIGH",
        (
            "https://cyber.netsecops.io/articles/uk-law-criminalizing-ai-generated-intimate-images-takes-effect",
            _SOA_66F,
        ),
    ),
    "GB.taking": Date(datetime.date(2026, 6, 29), "MEDIUM-HIGH", _CPA_2026),
}

TERMS: dict[str, Term] = {
    "US.removal": Term(48, "hour", "HIGH", _US_ACT),
    # the commission's Digital Sex Crime Information Bureau aims to handle a case within 24 hours (section 2.4)
    "KR.review": Term(
        24,
        "hour",
        "HIGH",
        (
            "https://m.mbn.co.kr/news-amp/4271532",
            "https://newsis.com/view?id=NISX20210115_0001307202&cid=10201",
        ),
    ),
}

WITHHELD: dict[str, Withheld] = {
    "FR.deepfake_online": Withheld(
        "art. 226-8-1 posted online: 3 years and €75,000",
        "MEDIUM, kept in section 6 (item 3) until read on Légifrance; "
        "say '2 years and €60,000, more when posted online'",
        (r"226-8-1[^\n]*75[\s\u202f\xa0,.]?000",),
    ),
    "FR.montage_online": Withheld(
        "art. 226-8 posted online: 2 years and €45,000", "LOW, section 6 item 4", (r"226-8(?!-1)",)
    ),
    "FR.sextortion_online": Withheld(
        "art. 312-10 with sexual images online: 7 years and €100,000",
        "LOW, section 6 item 2",
        (r"(?:en ligne|online|온라인)[^\n.;:]*(?:7 ans|7 years|7년)",),
    ),
    "FR.pel_scope": Withheld(
        "whether the 'plainte en ligne' form covers intimate images",
        "LOW, section 6 item 13: say neither that it can nor that it cannot be used",
        (r"(?i)plainte-en-ligne|\bPEL\b",),
    ),
    "FR.victims_hours": Withheld(
        "France Victimes opening hours (9:00-19:00, every day)", "MEDIUM, section 6 item 10", (r"19[:h]00|19시",)
    ),
    "US.ccri_phone": Withheld(
        "the CCRI helpline number 844-878-2274",
        "MEDIUM, section 6 item 5: only third-party lists",
        (r"844\D?878\D?2274",),
    ),
    "US.ftc_penalty": Withheld(
        "an FTC civil penalty of $53,088 per violation", "LOW, section 6 item 14", (r"53[,.\s\u202f\xa0]?088",)
    ),
    "US.press_3": Withheld(
        "the 988 'Press 3' option for LGBTQ+ youth",
        "ended on 17 Jul 2025 (section 5): never mention it",
        (r"(?i)press (3|three)\b|LGBTQ",),
    ),
    "US.old_lifeline": Withheld(
        "the pre-988 Lifeline number 1-800-273-8255", "replaced by 988 (section 3.1)", (r"273\D?8255",)
    ),
    "US.defiance": Withheld(
        "the DEFIANCE Act (civil suits for sexual deepfakes)",
        "passed by the Senate only, still pending: not law (section 3.3)",
        (r"(?i)DEFIANCE",),
    ),
    "CA.c16_in_force": Withheld(
        "that Canadian law now covers deepfakes and threats (Bill C-16)",
        "its coming into force was not confirmed (section 6 item 15): Relais says it could not check it",
        (r"C-16[^\n.]*(?:is in force|est en vigueur|시행 중)",),
    ),
    "CA.quebec_bill_73": Withheld(
        "Quebec Bill 73 (fast court order, $500-$50,000 a day)",
        "LOW-MEDIUM, section 6 item 16",
        (r"(?i)bill 73|projet de loi (n° ?)?73|\bloi 73",),
    ),
    "GB.scotland_law": Withheld(
        "the Abusive Behaviour and Sexual Harm (Scotland) Act 2016",
        "Scotland and Northern Ireland were not researched (section 6 item 17): point to the local police",
        (r"(?i)Abusive Behaviour and Sexual Harm",),
    ),
    "GB.deepfake_only_fine": Withheld(
        "'an unlimited fine' for creating a sexual deepfake (s.66E)",
        "corrected on 2026-11-29: prison up to the summary maximum, a fine, or both",
        (r"66E[^\n]*(?:unlimited|illimitée|상한)",),
    ),
    "KR.prosecutors_office": Withheld(
        "filing with 검찰청 (the prosecutors' office)",
        "abolished on 2 Oct 2026 (section 2.5): the police remain the route",
        (r"(?i)검찰청|prosecutors'? office",),
    ),
    "KR.old_crisis_line": Withheld("the former suicide line 1393", "abolished from 2025 (section 5)", (r"\b1393\b",)),
    "KR.kcsc_figures": Withheld(
        "KCSC '6,322 (2020) -> 11,568 (2021)'", "not found anywhere, section 6 item 1", (r"6[,.]?322|11[,.]?568",)
    ),
}

ADULT_AGE = 18
"""StopNCII is for adults; Take It Down for images taken under this age (knowledge section 3)."""


def law(key: str) -> Law:
    """The law `key` ("FR.sharing"); KeyError if the knowledge module does not hold it."""
    return LAWS[key]


def contact(key: str) -> Contact:
    """The contact `key` ("KR.women_line"); KeyError if the knowledge module does not hold it."""
    return CONTACTS[key]
