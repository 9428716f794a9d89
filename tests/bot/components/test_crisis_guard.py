from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.crisis_guard import CrisisGuard, signals_crisis
from bot.components.out_of_distribution import OutOfDistribution
from vocabulary.parse_keys import OOD_KEY


@pytest.mark.parametrize(
    "text",
    [
        "je veux mourir",
        "j'ai envie d'en finir avec la vie",
        "je pense au suicide depuis hier",
        "jvais me tuer si ça sort",
        "jen peux plus jvais me foutre en lair ce soir",
        "plus envie de vivre",
        "jveux plu vivre",
        "죽고 싶어요",
        "그냥 죽고싶다",
        "자살하고 싶어",
        "살고 싶지 않아요",
        "살기싫다",
        "ㅈㄱㅅㅇ",
        "ㅈㄱ ㅅㄹㅈㄱ ㅅㅇ",
        "I want to die",
        "i'm going to kill myself if my parents see it",
        "thinking about suicide",
        "i dont want to live anymore",
        "honestly kms",
        "everyone would be better off dead without me",
    ],
)
def test_explicit_risk_to_life_is_recognised_in_three_languages(text: str) -> None:
    assert signals_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "je me scarifie depuis que la vidéo tourne",
        "j'ai recommencé à me couper les bras",
        "자해를 다시 시작했어요",
        "어제 손목을 그었어",
        "i cut myself again last night",
        "been hurting myself since he posted it",
        "j'ai avalé tous mes cachets",
        "극단적인 선택을 하고 싶어요",
        "i'm going to hang myself",
    ],
)
def test_self_harm_is_a_crisis_in_three_languages(text: str) -> None:
    assert signals_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "j'ai envie de disparaître",
        "je veux juste disparaître.",
        "je veux plus être là",
        "je ne veux plus être là",
        "j'ai plus envie d'être là",
        "je voudrais ne plus exister",
        "j'aimerais ne plus me réveiller",
        "je voudrais disparaître de ce monde",
        "ils seraient mieux sans moi",
        "없어지고 싶어요",
        "사라지고 싶다",
        "살기 싫어",
        "다 끝내고 싶어",
        "그냥 다 끝내버리고 싶어",
        "모든 걸 끝내고 싶어요",
        "내가 없어졌으면 좋겠어",
        "더 이상 살 이유가 없어",
        "그만 살고 싶어",
        "영원히 잠들고 싶어",
        "태어나지 말았어야 했어",
        "i want to disappear",
        "i just want to disappear forever",
        "i don't want to be here anymore",
        "i dont wanna be here anymore",
        "i wish i was dead",
        "I wish I'd never been born",
        "i want it all to end",
        "i want to sleep and never wake up",
        "everyone would be better off without me",
    ],
)
def test_indirect_wishes_to_vanish_or_end_it_are_a_crisis_in_three_languages(text: str) -> None:
    assert signals_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "je veux disparaître d'internet",
        "je veux disparaître des réseaux sociaux",
        "je veux que les photos disparaissent",
        "je veux plus être sur ce site",
        "je ne veux plus être là-bas quand il vient",
        "사진이 없어졌으면 좋겠어요",
        "영상이 사라졌으면 좋겠어",
        "게시물이 다 없어지면 좋겠어요",
        "신고를 다 끝내고 싶어요",
        "이 일을 빨리 끝내고 싶어요",
        "I want the photos to disappear",
        "i just want these pics to disappear forever",
        "I want them to disappear for good",
        "je veux que ces photos disparaissent pour toujours",
        "이 사진들 그냥 영원히 사라졌으면 좋겠어",
        "i want to disappear from the internet",
        "i want to disappear from google",
        "i don't want to be on that site anymore",
        "i want this to end, can you take it down?",
        "I want it all taken down",
    ],
)
def test_wanting_the_images_gone_is_not_a_crisis_in_three_languages(text: str) -> None:
    """Vanishing from a place (internet, a site) or the images vanishing is what the person came for."""
    assert not signals_crisis(text)


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        ("je tiens plus, adieu", True),
        ("j'en peux plus. pardon pour tout", True),
        ("adieu tout le monde", True),
        ("merci, au revoir", False),
        ("je peux pas rester, au revoir", False),
        ("더는 못 버티겠어 안녕", True),
        ("더 이상 못 견디겠어요 다들 미안해", True),
        ("엄마 그동안 고마웠어 안녕", True),
        ("안녕히 계세요", False),
        ("못 참겠어 진짜 화나", False),
        ("i cant take this anymore. bye", True),
        ("can't go on. sorry for everything. bye", True),
        ("goodbye forever", True),
        ("thanks, bye for now", False),
        ("I can't do this right now, bye, I'll come back tomorrow", False),
    ],
)
def test_a_farewell_after_not_holding_on_is_a_crisis_in_three_languages(text: str, crisis: bool) -> None:
    """A goodbye after "I can't take this anymore" may be the last one: the crisis answer, never a goodbye."""
    assert signals_crisis(text) is crisis


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        ("je veux disparaître d’internet", False),
        ("j’ai envie de disparaître", True),
        ("i don’t want to live anymore", True),
        ("i don’t want to be here anymore", True),
        ("I wish I’d never been born", True),
        ("살기 싫어…", True),
    ],
)
def test_a_typographic_apostrophe_reads_as_a_straight_one(text: str, crisis: bool) -> None:
    """Phones' keyboards type ’: the patterns must read "don’t" as "don't", both ways."""
    assert signals_crisis(text) is crisis


@pytest.mark.parametrize(
    "text",
    [
        "quiero morir",
        "ya no quiero vivir",
        "ich will sterben",
        "ich kann nicht mehr leben",
        "voglio morire",
        "quero morrer",
        "ik wil dood",
        "chcę umrzeć",
        "ölmek istiyorum",
        "aku ingin mati",
        "tôi muốn chết",
        "хочу умереть",
        "أريد أن أموت",
        "我想死",
        "活不下去了",
        "死にたい",
    ],
)
def test_risk_to_life_is_recognised_in_languages_relais_does_not_speak(text: str) -> None:
    assert signals_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "je suis morte de honte",
        "mon ex a publié mes photos",
        "je vais le tuer",
        "s'il la publie il va me tuer, mon père",
        "ça me tue de savoir qu'ils l'ont vue",
        "사진이 유포됐어요",
        "진짜 짜증나 죽겠다",
        "걔 죽여버리고 싶어",
        "he threatened to kill my reputation",
        "is this a crime in France?",
        "I'm dying to know how to report it",
        "I want to kill him",
        "this is killing me",
        "tu peux m'aider",
    ],
)
def test_anger_and_intensifiers_are_left_to_the_classifier_in_three_languages(text: str) -> None:
    assert not signals_crisis(text)


@pytest.mark.parametrize(
    "text", ["quiero morir ya no aguanto más", "ich will einfach nur sterben", "我想死", "хочу умереть"]
)
def test_a_crisis_in_another_language_wins_over_the_language_check_in(text: str) -> None:
    """The out-of-distribution component marks it as another language; the guard, after it, makes it a crisis
    and keeps the mark, so the reply is not written in a language wrongly guessed from it."""
    message = Message(data={TEXT: text, INTENT: {"name": "out_of_scope", "confidence": 0.6}})
    OutOfDistribution().process([message])
    assert message.get(OOD_KEY) == "language"
    CrisisGuard().process([message])
    assert message.get(INTENT) == {"name": "crisis", "confidence": 1.0}
    assert message.as_dict(only_output_properties=True)[OOD_KEY] == "language"


GUESSED = {"fr": "moi", "ko": "저요", "en": "me"}


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
def test_a_crisis_guessed_without_crisis_words_under_half_is_a_check_in(language: str) -> None:
    """A lone "me" guessed `crisis` at 0.35 becomes `nlu_fallback` at the top of the ranking (a check-in, or the
    open form question's answer); a guess of 0.5 or more, or crisis words at any confidence, stays a crisis."""
    ranking = [{"name": "crisis", "confidence": 0.35}, {"name": "inform", "confidence": 0.34}]
    low = Message(data={TEXT: GUESSED[language], INTENT: ranking[0], "intent_ranking": list(ranking)})
    CrisisGuard().process([low])
    assert low.get(INTENT) == {"name": "nlu_fallback", "confidence": 0.35}
    assert [r["name"] for r in low.get("intent_ranking")] == ["nlu_fallback", "crisis", "inform"]
    sure = Message(data={TEXT: GUESSED[language], INTENT: {"name": "crisis", "confidence": 0.58}})
    CrisisGuard().process([sure])
    assert sure.get(INTENT) == {"name": "crisis", "confidence": 0.58}
    words = {"fr": "je veux mourir", "ko": "죽고 싶어요", "en": "I want to die"}[language]
    said = Message(data={TEXT: words, INTENT: {"name": "crisis", "confidence": 0.2}})
    CrisisGuard().process([said])
    assert said.get(INTENT) == {"name": "crisis", "confidence": 1.0}


FIGURES = {
    "fr": ["ma mère va me tuer si elle voit ça", "mes parents vont me tuer", "ça me tue"],
    "ko": ["엄마가 알면 나 죽일 거야", "아빠한테 걸리면 죽어", "힘들어 죽겠어"],
    "en": ["my mum will kill me if she finds out", "my parents are gonna kill me", "this is killing me"],
}


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
def test_a_crisis_guessed_from_a_figure_of_speech_is_the_runner_up(language: str) -> None:
    """"My mum will kill me if she finds out" guessed `crisis` at 0.8 becomes the runner-up (the labelling spec:
    figures of speech are no crisis); with words of a risk to life beside it, it stays a crisis."""
    ranking = [{"name": "crisis", "confidence": 0.8}, {"name": "express_distress", "confidence": 0.1}]
    for text in FIGURES[language]:
        message = Message(data={TEXT: text, INTENT: ranking[0], "intent_ranking": list(ranking)})
        CrisisGuard().process([message])
        assert message.get(INTENT) == {"name": "express_distress", "confidence": 0.1}, text
        assert [r["name"] for r in message.get("intent_ranking")] == ["express_distress", "crisis"]
    words = {"fr": " et je veux mourir", "ko": " 그냥 죽고 싶어", "en": " and i want to die"}[language]
    both = Message(data={TEXT: FIGURES[language][0] + words, INTENT: ranking[0], "intent_ranking": list(ranking)})
    CrisisGuard().process([both])
    assert both.get(INTENT) == {"name": "crisis", "confidence": 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "my friend's nudes got leaked and shes saying she wants to kill herself",
        "he said he's going to end his life over the video",
        "ma copine dit qu'elle va se tuer à cause de la vidéo",
        "ma fille parle de mettre fin à ses jours",
        "친구가 영상 때문에 자살하겠다고 해요",
        "딸이 죽고 싶대요",
        "ma meilleure amie a des nudes qui tournent et elle m'a écrit qu'elle allait en finir ce soir",
        "친구 영상이 퍼졌는데 친구가 오늘 밤에 다 끝내겠다고 문자 보냈어요",
        "my best friend's nudes got leaked and she just texted me she's going to end it tonight. what do i do",
        # warning signs: not wanting to wake up, giving away what one loves, thanking everyone
        "ma meilleure amie a des photos qui tournent, elle dit qu'elle veut plus se réveiller et elle a donné son chat",
        "동생이 영상 때문에 자꾸 자기 물건 정리하고 다들 고마웠다고 문자 보내요",
        "my friend's pics leaked and she keeps saying she doesn't want to wake up, she gave away her cat",
        # a farewell note found
        "Mon fils a 23 ans, il se fait faire chanter. J'ai trouvé un mot sur son bureau : pardon pour tout.",
        "아들이 협박을 당했어요. 방에서 안 나와요. 책상에 다 미안하다는 쪽지가 있었어요",
        "My son is 23 and was blackmailed. He hasn't left his room. I found a note on his desk that said sorry for "
        "everything.",
    ],
)
def test_someone_elses_risk_to_life_is_a_crisis_in_three_languages(text: str) -> None:
    """A friend's or a child's wish to die, told by the writer, is a risk to life like the writer's own."""
    assert signals_crisis(text)


REMOVAL_WISHES = {
    "fr": [
        "je veux juste que ces photos disparaissent",
        "jveux juste qu'on supprime tout stp",
        "la police non, je veux juste les enlever",
    ],
    "ko": ["경찰은 싫어 그냥 지우기만 하고 싶어", "사진들 다 없어졌으면 좋겠어", "영상 좀 내려 주세요"],
    "en": ["i just want the pics gone", "i want them taken down", "pls just get it removed"],
}
NOT_A_REMOVAL = {
    "fr": ["je veux me supprimer", "je veux juste que tout disparaisse", "j'abandonne, je veux juste tout effacer"],
    "ko": [
        "나를 지우고 싶어",
        "그냥 다 없어졌으면 좋겠어",
        "친구가 인스타 계정 지우면서 마지막 게시물에 안녕이라고만 썼어요",
    ],
    "en": ["i just want to delete myself", "i just want it all gone", "i give up, just delete everything"],
}


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
def test_a_crisis_guessed_from_a_wish_that_the_images_be_removed_is_removal(language: str) -> None:
    """"그냥 지우기만 하고 싶어" guessed `crisis` at 0.8 asks for removal; a wish naming nothing ("i just want it all
    gone"), one of oneself ("delete myself"), or beside giving up or a goodbye, stays a crisis."""
    ranking = [{"name": "crisis", "confidence": 0.8}, {"name": "express_distress", "confidence": 0.1}]
    for text in REMOVAL_WISHES[language]:
        message = Message(data={TEXT: text, INTENT: ranking[0], "intent_ranking": list(ranking)})
        CrisisGuard().process([message])
        assert message.get(INTENT) == {"name": "ask_removal", "confidence": 0.8}, text
        assert [r["name"] for r in message.get("intent_ranking")] == ["ask_removal", "crisis", "express_distress"]
    for text in NOT_A_REMOVAL[language]:
        message = Message(data={TEXT: text, INTENT: ranking[0], "intent_ranking": list(ranking)})
        CrisisGuard().process([message])
        assert message.get(INTENT)["name"] == "crisis", text


@pytest.mark.parametrize(
    "text",
    [
        "je veux juste que ces photos disparaissent et moi avec",
        "jai envie de tout effacer, de disparaitre",
        "jai pris toutes les boites de medoc de ma mere",
        "사진이 사라지면 나도 같이 사라지고 싶어",
        "i want them gone and me too",
        "i want to erase it all and disappear",
        "i took all of my mums pills",
        "im not suicidal but i want to die",
        "jpp de cette vie franchement",
        "mon mec a diffusé mes photos. jen peux plus, jai pris des cachets",
        "franchement si il l'envoie je me tue",
        "si ca sort je me foutrai en l'air",
        "plutôt mourir que de voir ça publié",
        "아빠가 보느니 차라리 죽는 게 나아요",
        "i dont even want to live anymore",
        "i'd rather die than have my dad see them",
        "i cant anymore, i just took a bunch of pills",
        "everyone would be better off if i wasnt around",
    ],
)
def test_a_wish_to_vanish_said_after_another_and_pills_taken_are_a_crisis(text: str) -> None:
    assert signals_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "je veux en finir avec cette histoire, comment je porte plainte",
        "je suis pas suicidaire, je voulais dire arrêter le signalement",
        "죽고 싶은 건 아니고 그냥 신고 그만하고 싶다는 뜻이에요",
        "no im not suicidal i meant i want to stop the report form",
        "how do i delete myself from that site",
        "stop, i dont want to do this anymore",
        "non ça va aller en fait, je vais pas faire de bêtise",
        "bon ca va jvais pas faire de connerie t'inquiete",
        "나쁜 생각은 안 할게요",
        "i wont do anything stupid, i just needed to say it",
        "its fine i'm not gonna do anything dumb lol",
    ],
)
def test_being_done_with_the_matter_or_saying_one_is_not_in_crisis_is_no_crisis(text: str) -> None:
    """"no im not suicidal i meant the report form" got the crisis line again; "je veux en finir avec cette histoire,
    comment je porte plainte" got the suicide line instead of the complaint."""
    assert not signals_crisis(text)
    ranking = [{"name": "crisis", "confidence": 0.8}, {"name": "express_distress", "confidence": 0.1}]
    message = Message(data={TEXT: text, INTENT: ranking[0], "intent_ranking": list(ranking)})
    CrisisGuard().process([message])
    if "finir" not in text:
        assert message.get(INTENT)["name"] != "crisis", text


BLACKMAIL_TERMS = {
    "fr": ["il m'a donné jusqu'à ce soir", "j'ai pas encore payé mais j'y pense, juste pour que ça s'arrête"],
    "ko": ["오늘 밤까지 보내래요", "아직 돈은 안 보냈는데 그냥 끝내려고 보낼까 생각 중이에요"],
    "en": ["he said i have until tonight", "i havent paid yet but i'm thinking about it just to make it stop"],
}


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
def test_a_crisis_guessed_from_a_blackmails_deadline_or_payment_is_the_runner_up(language: str) -> None:
    """"he said i have until tonight" guessed `crisis` at 0.57 got the suicide line instead of "don't pay": a
    guessed crisis on a blackmail's terms, with no word of a risk to life, is the runner-up; a confident guess
    (0.8 and over) stands, and crisis words beside the terms are a crisis."""
    for text in BLACKMAIL_TERMS[language]:
        assert not signals_crisis(text), text
        ranking = [{"name": "crisis", "confidence": 0.6}, {"name": "describe_sextortion", "confidence": 0.3}]
        message = Message(data={TEXT: text, INTENT: ranking[0], "intent_ranking": list(ranking)})
        CrisisGuard().process([message])
        assert message.get(INTENT) == {"name": "describe_sextortion", "confidence": 0.3}, text
        confident = [{"name": "crisis", "confidence": 0.85}, {"name": "describe_sextortion", "confidence": 0.1}]
        sure = Message(data={TEXT: text, INTENT: confident[0], "intent_ranking": list(confident)})
        CrisisGuard().process([sure])
        assert sure.get(INTENT)["name"] == "crisis", text
    words = {"fr": " et je veux mourir", "ko": " 그냥 죽고 싶어", "en": " and i want to die"}[language]
    assert signals_crisis(BLACKMAIL_TERMS[language][0] + words)


@pytest.mark.parametrize(
    "text",
    [
        "He gave me till friday. if it goes out i'm not going to be around for it, i've already looked up how",
        "j'ai pensé toute la journée à la meilleure façon de partir sans faire de mal à ma famille",
        "사진 돈 거 다들 아니까 오늘은 옥상에 올라가 볼까 생각 중이에요",
    ],
)
def test_a_wish_to_die_told_beside_a_deadline_or_money_is_a_crisis(text: str) -> None:
    """Deadline and money words make a guessed crisis the runner-up: the wishes to die told beside them in indirect
    words must be crisis words themselves."""
    assert signals_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "je veux dire que tout le monde oublie, pas mourir hein",
        "je voulais pas dire ça comme ça",
        "그런 뜻은 아니에요",
        "no i'm ok i just want it off pornhub. how?",
        "i didnt mean it like that",
        "c'est une expression ! je veux juste savoir comment supprimer les photos",
        "그냥 잠이 안 온다는 거예요. 죽고 싶단 건 아니에요. 영상 내리는 방법 알려주세요",
        "its just an expression lol",
    ],
)
def test_a_wish_to_vanish_explained_as_not_dying_is_said_to_be_no_crisis(text: str) -> None:
    """"je veux dire que tout le monde oublie, pas mourir hein" after "j'ai envie de disparaître" got the crisis block
    again, word for word."""
    assert not signals_crisis(text)
    ranking = [{"name": "crisis", "confidence": 0.9}, {"name": "express_distress", "confidence": 0.05}]
    message = Message(data={TEXT: text, INTENT: ranking[0], "intent_ranking": list(ranking)})
    CrisisGuard().process([message])
    assert message.get(INTENT)["name"] != "crisis", text


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        ("mon ex a posté mes photos sur insta, j'ai envie de mourir de honte. comment je les fais supprimer ?", False),
        ("창피해서 죽을 것 같아요", False),
        ("i could die of embarrassment, everyone saw it", False),
        ("j'ai envie de mourir de honte, et en vrai j'ai envie de mourir", True),
        ("창피해서 죽을 것 같아요 진짜 죽고 싶어요", True),
        ("i'm dying of shame and i want to die", True),
    ],
)
def test_dying_as_a_figure_of_speech_is_no_crisis_word_beside_a_real_one(text: str, crisis: bool) -> None:
    """"j'ai envie de mourir de honte. comment je les fais supprimer ?" got the whole suicide block and no removal."""
    assert signals_crisis(text) is crisis


@pytest.mark.parametrize(
    "text",
    [
        "he's on his way up the stairs, erase everything",
        "il arrive, faut que tu effaces tout ça vite",
        "남편 온다 빨리 지워",
    ],
)
def test_a_crisis_guessed_from_erasing_as_someone_arrives_is_the_runner_up(text: str) -> None:
    """"he's on his way up the stairs, erase everything" got the suicide line and nothing was erased."""
    assert not signals_crisis(text)
    ranking = [{"name": "crisis", "confidence": 0.6}, {"name": "delete_my_data", "confidence": 0.3}]
    message = Message(data={TEXT: text, INTENT: ranking[0], "intent_ranking": list(ranking)})
    CrisisGuard().process([message])
    assert message.get(INTENT) == {"name": "delete_my_data", "confidence": 0.3}


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        ("i cant keep going like this", True),
        ("i dont think i can keep going", True),
        ("i can't keep going to that school, everyone saw it", False),
    ],
)
def test_not_being_able_to_keep_going_is_a_crisis_word(text: str, crisis: bool) -> None:
    """"i cant keep going like this" after "everyone at work saw the pics" got the distress text only."""
    assert signals_crisis(text) is crisis


@pytest.mark.parametrize(
    "text", ["je veux pas que mes parents sachent", "but i dont want my parents to know", "부모님 모르게 하고 싶어요"]
)
def test_a_crisis_guessed_from_not_wanting_ones_parents_to_know_is_the_runner_up(text: str) -> None:
    """"je veux pas que mes parents sachent" from a 13-year-old got 3114 and a crisis reminder at every turn after."""
    ranking = [{"name": "crisis", "confidence": 0.7}, {"name": "report_minor", "confidence": 0.2}]
    message = Message(data={TEXT: text, INTENT: ranking[0], "intent_ranking": list(ranking)})
    CrisisGuard().process([message])
    assert message.get(INTENT) == {"name": "report_minor", "confidence": 0.2}


@pytest.mark.parametrize(
    "text",
    [
        "il m'a laissé un mot pour dire qu'il serait en retard",
        "남친이 늦는다고 쪽지를 남겼어요",
        "he left me a note saying he's sorry he was late",
    ],
)
def test_an_everyday_note_is_no_crisis_in_three_languages(text: str) -> None:
    assert not signals_crisis(text)
