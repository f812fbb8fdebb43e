"""Compose the answer: read a follow-up in its conversation, split a question that asks two things, find each part's
evidence, and say what the documents give: a direct line in the user's language, then the quoted sentences with
numbered citations, or an honest 'the documents do not say' (and what they do say instead)."""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable, Set
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from os.path import commonprefix
from typing import Any
from urllib.parse import urlsplit

from .errors import QuestionError
from .evidence import (
    ATTRIBUTION,
    BODIES,
    LEADS,
    ROLES,
    VICE,
    VIETNAMESE_ROLES,
    YEAR,
    YEAR_RANGE,
    Question,
    Sentence,
    Similarity,
    answering_roles,
    answers,
    blocked,
    bodies,
    body_mentions,
    contradicts,
    decide,
    earlier_sentences,
    earlier_spans,
    headings,
    is_person_name,
    listed_asked,
    names_holder,
    names_listed,
    names_person,
    names_someone,
    other_stretch,
    probability,
    question_of,
    role_mentions,
    says_claimed,
    sentences,
    violates,
    words_of,
)
from .ingest import RELATED_HEADINGS
from .keywords import KeyWord, Words, compounded, matched
from .languages import (
    APPROXIMATELY,
    ASK_POST,
    ASKS_ARTICLE,
    ASKS_ARTICLE_TITLE,
    ASKS_CLOCK,
    ASKS_DAY,
    ASKS_FIELD,
    ASKS_MEASURE,
    ASKS_MOTTO,
    ASKS_NUMBER,
    ASKS_PUBLICATION,
    ASKS_SOMEONE,
    ASKS_TIME,
    ASKS_TITLE,
    ASKS_WEEKDAY,
    ASKS_WHAT,
    ASKS_WHICH_ARTICLE,
    ASKS_YEAR,
    CLOCK,
    CONJUNCTIONS,
    CURRENCY,
    DAY_MONTH,
    EVERY_HEADING,
    FIELD,
    FULL_DATE,
    HONORIFIC,
    MONEY_WORDS,
    MOTTO,
    NAME,
    NUMBER,
    OR_NOT,
    PARTAKE,
    PEOPLE_WORDS,
    PERCENT_SIGN,
    POINTS_BACK,
    QUARTER,
    QUESTION_WORD,
    QUESTION_WORDS,
    SCALE,
    SPENT,
    SPENT_VI,
    SUM,
    SURNAMES,
    TIME,
    WEEKDAY,
    YEAR_WORDS,
    YES_OR_NO,
    answer_language,
    as_claim,
    asked_kind,
    asks_advice,
    asks_credit,
    asks_people,
    asks_site,
    asks_yes_or_no,
    byline,
    cleft_person,
    cleft_post,
    content_words,
    count_numbers,
    counted,
    figures_written,
    fold,
    given_in,
    gives_people,
    heading_asked,
    is_stopword,
    kinds_asked,
    kinds_named,
    language_name,
    measure_asked,
    measured,
    name_groups,
    phrase,
    question_language,
    question_mark,
    reported_premise,
    same_count,
    scale_of,
    sentence_spans,
    topic_of_article,
    unit_after,
    who_is,
    words,
    written_figures_asked,
)
from .languages import counts as counts_unit
from .lexical import LexicalIndex
from .models import Answer, Citation, Passage
from .places import PLACE_NOUNS, documents_naming, gazetteer, mentions
from .places import asked as asked_places
from .retrieval import Results
from .signals import fitted

MAX_QUOTES = 2  # before any fit
ELLIPTIC = re.compile(
    r"^\W*(and|et|och|và|còn|thế còn|vậy còn|also|what about|how about|quid|aussi|även|qu['’]en est-il|"
    r"hur är det med)\b",
    re.IGNORECASE,
)
# refers back to the question before: 'the same post', 'le même poste', 'samma post', 'cùng chức vụ', 'như vậy'
SAME = re.compile(
    r"\b(the same|le même|la même|les mêmes|samma|samme|cùng (?:chức|vị trí|cương vị)|như vậy|tương tự)\b", re.I
)
# points back to the conversation: a pronoun for a person or thing named before, a demonstrative ('this programme',
# 'cette conférence', 'dessa', 'mô hình này', 'bà ấy', 'trong số đó'); Swedish 'den', 'det', 'de' and French 'ce' are
# left out, as articles and in 'qu'est-ce' they point nowhere, and so is English 'that', mostly a conjunction ('who
# said that…'), and the French inversion ('a-t-il', 'doit-elle'), which repeats the question's own subject
ANAPHORA = re.compile(
    r"\b(?:she|he|her|him|his|it|its|they|them|their|this|those|these|then"
    r"|(?<!-)(?:elle|elles|il|ils)|lui|leur|leurs|cet|cette|ces|celui|celle|ceux|ce dernier|cette dernière"
    r"|hon|han|henne|honom|hennes|hans|dem|deras|denna|detta|dessa"
    r"|ấy|đó|này|họ)\b",
    re.IGNORECASE,
)
# a stretch of time a demonstrative opens with a number or 'past', which points at the present, not back: 'ces cinq
# dernières années', 'these past five years', 'dessa senaste år', 'những năm qua này'; so does a singular one ('this
# year', 'cette année', 'detta år', 'năm nay'); not a bare 'dessa år' or 'these years', which point back at the years
# the turn before named
_COUNT = (
    r"\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|few|several|deux|trois|quatre|cinq|sept|huit|neuf|dix"
    r"|vingt|quelques|två|tre|fyra|fem|sex|sju|åtta|nio|tio|tjugo|några|flera"
)
_PAST = r"past|last|dernières|derniers|dernière|dernier|passées|passés|passée|passé|senaste|gångna"
_UNITS = (
    r"years?|months?|weeks?|days?|années|année|ans|mois|semaines?|jours?|åren|år|månaderna|månader|månad|"
    r"veckorna|veckor|vecka|dagarna|dagar|dag"
)
_STRETCH = rf"(?:(?:{_COUNT})\s+(?:(?:{_PAST})\s+)?|(?:{_PAST})\s+(?:(?:{_COUNT})\s+)?)"
_DEICTIC_TIME = re.compile(
    rf"\b(?:this|these|ces|cette|cet|dessa|denna|detta)\s+{_STRETCH}(?:{_UNITS})\b"
    r"|\b(?:this|cette|cet|denna|detta)\s+(?:year|month|week|day|année|semaine|mois|jour|år|månad|vecka|dag)\b"
    r"|\b(?:năm|tháng|tuần|ngày)\s+qua\s+này\b|(?<!những )\b(?:năm|tháng|tuần|ngày)\s+(?:này|nay)\b",
    re.IGNORECASE,
)
# when the passages found speak of other places than the one asked about: the best passages of each of the first
# documents that name it are read too
PLACE_DOCUMENTS, PLACE_PASSAGES = 3, 2
Search = Callable[..., Results]  # search(text, **filters): the passages the answer reads
PREPOSITIONS = {"of", "in", "at", "for", "de", "du", "d", "à", "au", "en", "dans", "pour", "i", "på", "av", "för",
                "ở", "tại", "của", "cho"}  # fmt: skip
# a clause after a comma that asks of its own: 'and', or 'as for' ('…bao nhiêu căn, còn mô hình ở Điện Phước…')
_CLAUSE_BREAK = re.compile(r",\s+(?:and|et|och|và|samt|còn(?!\s+lại\b))\s+", re.IGNORECASE)  # not 'còn lại' (remaining)
_PART_BREAK = re.compile(rf",?\s+(?:and|et|och|và|samt)\s+(?=(?:{QUESTION_WORDS})\b)", re.IGNORECASE)
# 'and' between two clauses that each hold a question word, as Vietnamese asks: '…bao nhiêu trẻ mồ côi và huy động
# hơn bao nhiêu triệu ngày công?'
_AND_BREAK = re.compile(r"\s+(?:and|et|och|và|samt)\s+", re.IGNORECASE)
# the question words that never open a relative clause ('families who needed them', 'som var fattiga', 'que le Front
# a choisies' ask nothing)
_ASKING_WORD = re.compile(
    r"\b(?:how many|how much|how long|what|combien|quel|quelle|quels|quelles|hur många|hur mycket|hur stor|"
    r"hur lång|vilken|vilket|vilka|vad|"
    r"bao nhiêu|mấy|gì|là ai|ai là|khi nào|bao giờ|ở đâu|nào)\b|"
    # 'where' and 'où' asking, before the verb they invert ('where are more and more couples…', 'où se marient…'),
    # not opening a relative clause ('the commune where Ho Van Tan works')
    r"\bwhere\s+(?:do|does|did|is|are|was|were|can|could|should|will|would|has|have|had)\b|"
    r"\boù\s+(?:est|sont|était|étaient|se|s['’]|a|ont|va|vont|peut|peuvent|doit|doivent)\b|\boù\s+\w+-(?:t-)?(?:il|elle|ils|elles|on)\b",
    re.IGNORECASE,
)


def check_question(question: str, max_chars: int) -> str:
    """The question, tidied; a QuestionError with a friendly message when it cannot be asked as typed."""
    if not isinstance(question, str) or not question.strip():
        raise QuestionError("Please type a question.")
    if len(question) > max_chars:
        raise QuestionError(f"That question is {len(question)} characters long; please keep it under {max_chars}.")
    cleaned = "".join(ch for ch in question if ch in "\n\t" or unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co"})
    if not re.search(r"\w", cleaned):
        raise QuestionError("Please type a question in words: that text has no letters or digits.")
    return re.sub(r"\s+", " ", cleaned).strip()


FRAMED_TURNS = 4  # the user turns a follow-up of follow-ups reads back through


def previous_question(history: list[Any] | None) -> str | None:
    """The last user turn as it was asked in its conversation: a follow-up of a follow-up reads what the first one
    framed ('And a year later?' after 'How many members did it have?' after the question about Tam Thang's team),
    through the last FRAMED_TURNS user turns, so a long chat neither recurses nor grows its search without end."""
    turns = [t for t in (_user_text(turn) for turn in history or []) if t][-FRAMED_TURNS:]
    framed = turns[0] if turns else None
    for turn in turns[1:]:
        framed = _framed(turn, framed)[0]
    return framed


def _user_text(turn: Any) -> str | None:
    """A user turn's text, as a chat message or as the first item of a (user, assistant) pair; None for another."""
    if isinstance(turn, dict):
        content = turn.get("content") if turn.get("role") == "user" else None
    else:
        content = turn[0] if isinstance(turn, (list, tuple)) and turn else None
    return content if isinstance(content, str) and content.strip() else None


POSSESSIVE = re.compile(r"['’]s?$")  # 'Tam Thang's', and the plural's "Farmers'"


def _names(text: str) -> list[str]:
    """Capitalised words and runs of them that are not the first word: 'Hanoi', 'Ha Tinh', 'Mỏ Cày Bắc'."""
    found = [" ".join(_without_opening_function_words(group)) for group in name_groups(text)]
    found = [n for n in found if n]
    # a possessive is its name ('Tam Thang's' names Tam Thang, not "Thang's")
    tokens = [POSSESSIVE.sub("", t) for t in re.findall(r"[\w'’-]+", unicodedata.normalize("NFC", text))]
    singles = [t for t in tokens[1:] if t[:1].isupper() and not is_stopword(t) and not any(t in f for f in found)]
    return found + singles


def _proper_names(text: str) -> list[str]:
    """The names a follow-up can put in the place of the turn before's, or carry from it: not its capitalised posts
    and bodies ('Còn Phó Chủ tịch thì sao?' names no place)."""
    return [n for n in _names(text) if not _title(n)]


# the words of posts and bodies, which a capital does not make a name ('Vice Chairman', 'Phó Chủ tịch', 'Tỉnh ủy'):
# Vietnamese ones with their tones, since folded they are also the syllables of people's names ('Truong Thanh Huyen')
POST_WORDS = {"standing", "permanent", "permanente", "ständig", "ständige", "ständiga"}  # 'Standing Deputy…'
VIETNAMESE_TITLE_WORDS = {w for pair in VIETNAMESE_ROLES for w in pair} | set(
    "phó thường trực vụ ủy ban nhân dân hội đồng mặt trận tổ quốc tỉnh thành huyện đảng phụ nữ đoàn thanh niên nông "
    "cựu chiến binh liên lao động vận mttq ubnd hđnd".split()
)
TITLE_WORDS = {
    POSSESSIVE.sub("", w) for names in (*ROLES.values(), VICE, POST_WORDS, *BODIES.values()) for name in names
    for w in fold(name).split()
} - {fold(w) for w in VIETNAMESE_TITLE_WORDS}  # fmt: skip


def _title(name: str) -> bool:
    """Whether a capitalised run names a post or a body, not a person or a place ('Vice Chairman', 'Bí', 'Phó Chủ');
    'Women's Union' is read without its possessive."""
    said = [POSSESSIVE.sub("", w) for w in unicodedata.normalize("NFC", name).split()]
    titled = all(w.lower() in VIETNAMESE_TITLE_WORDS or (w.isascii() and fold(w) in TITLE_WORDS) for w in said)
    return titled and not mentions(name)


def _places_said(text: str) -> set[str]:
    """The places a text names, as it writes them: provinces, and places after a place noun ('xã Tam Thăng')."""
    return {p.said for _, p in mentions(text)}


def _without_opening_function_words(group: list[str]) -> list[str]:
    """A name run without the capitalised function words that open a sentence before it ('Vậy Quảng Nam')."""
    while len(group) > 1 and is_stopword(group[0]):
        group = group[1:]
    return group


def frame(question: str, history: list[Any] | None) -> tuple[str, str]:
    """(what to search, what binds the answer) for a question in its conversation. A short or elliptical follow-up
    keeps the previous question's frame; a new place or name in it takes the previous one's place ('And in Hanoi?'
    after a question about Ha Tinh asks the same about Hanoi). Years of earlier turns do not bind the new one."""
    return _framed(question, previous_question(history))


# a time a follow-up gives of its own, and a year (or stretch of years) the question before gave, with its preposition
_OWN_TIME = re.compile(
    r"\b(?:(?:19|20)\d{2}|term|mandate|mandat|mandatperiod\w*|nhiệm kỳ|giai đoạn|period|période|perioden)\b",
    re.IGNORECASE,
)
_OLD_YEAR = re.compile(
    r"\s*\b(?:in|en|i|under|during|pendant|năm)?\s*\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\b", re.IGNORECASE
)


def _framed(question: str, previous: str | None, later: bool = False) -> tuple[str, str]:
    """frame, for the previous question as its own conversation framed it; `later`: the question is a later part of
    the same question, not a turn of its own."""
    if not previous:
        return question, question
    elliptic = bool(ELLIPTIC.match(question) or SAME.search(question))
    names, asked_words = _names(question), content_words(question)
    same_language = question_language(question) == question_language(previous)
    # a question that points back, naming nothing of its own, in the language of the turn before, keeps the subject
    # before ('Selon elle, combien de modèles…'); one with names of its own ('när han berättade om kriget på TikTok')
    # points inside itself
    # (a post or a body it names is no name of its own: 'According to him, what did the district Front's…')
    # ('ces cinq dernières années' points at the present, not back)
    back = ANAPHORA.search(_DEICTIC_TIME.sub(" ", question))
    pointing = not elliptic and same_language and bool(back) and all(_title(n) for n in names)
    # a question with words of its own, or one in another language than the turn before, starts anew; so does a
    # short one that names someone or something of its own and asks of it in three words or more ('Which newspaper
    # published the interview with Do Anh Tuan?')
    named = " ".join(names).lower().split()
    own = [w for w in asked_words if w.lower() not in named]
    # (or a later part that asks a post of a place the first did not name: '…, och vem är ordförande för Hanois
    # stadsfrontskommitté?' after a Ha Tinh commission's head; a turn of its own keeps the body before: 'Vem är
    # ordförande i Ha Tinh?' after the Hanoi Front's chair)
    posted = (
        later and bool(role_mentions(question, verbs=False)) and bool(_places_said(question) - _places_said(previous))
    )
    if not (elliptic or pointing) and (
        len(asked_words) > 5 or not same_language or (named and len(own) >= 3) or posted
    ):
        return question, question
    new = [] if pointing else [n for n in names if not _title(n)]  # a post or a body takes no place's place
    kept = previous
    if new:
        old = _proper_names(previous)
        located = [n for n in old if re.search(rf"\b(?:{'|'.join(PREPOSITIONS)})\s+{re.escape(n)}", previous)]
        candidates = located or old
        # a new place takes an old place's place ('Covid, Hà Nội' then 'Quảng Nam')
        if new[0] in _places_said(question):
            placed = _places_said(previous)
            # a place inside a longer run of capitals goes alone ('the Hanoi Fatherland Front' -> 'the Ha Tinh…')
            inside = sorted(placed, key=previous.rfind)  # places as the previous question writes them
            named_places = [n for n in candidates if n in placed] or [n for n in old if n in placed]
            candidates = named_places or inside or candidates
        replaced = candidates[-1:]
        for name in replaced:
            kept = kept.replace(name, new[0])
    if _OWN_TIME.search(question):  # 'And in 2024?', 'Et Hanoi sur l'ensemble du mandat ?': the old year gives way
        kept = _OLD_YEAR.sub("", kept)
    carried = [n for n in _proper_names(kept) if n not in new]
    if not bodies(question):  # the body asked of still binds: 'And the head?' after the commission's deputy
        carried += [string.capwords(BODIES[body][0]) for body in sorted(bodies(kept))]  # a name: no topic word
    posts = role_mentions(kept, verbs=False)
    # so does the post, for a follow-up that asks nothing of its own: 'And in Quang Nam?' after the Party's secretary,
    # 'And the deputy?' (the deputy's); not 'And how many houses…', 'When was he elected?', 'And who leads…'
    asks = asked_kind(question) or ASKS_WHAT.search(question) or LEADS.search(question) or role_mentions(question)
    if posts and not asks:
        family, deputy, _ = posts[0]
        deputy = deputy or any(w.lower() in VICE for w in words(question))
        carried.append(("Deputy " if deputy else "") + family.capitalize())
    # the names carried apart, so that two do not read as one ('Hà Tĩnh, Quỹ Vì', not 'Hà Tĩnh Quỹ Vì')
    return f"{kept} {question}", " ".join([question, ", ".join(dict.fromkeys(carried))]).strip()


# one fact asked again of another place: '…in Ha Tinh in 2023, compared with Hanoi over the last term?'
_COMPARED = re.compile(
    r",?\s+(?:compared? (?:with|to)|as against|versus|par rapport à|comparée? à|jämfört med|so với)\s+(?P<other>[^?]+?)"
    r"\s*\??\s*$",
    re.IGNORECASE,
)
# '…more solidarity houses in 2023 than Hanoi over the term?': the other side after 'than', once a comparing word
# came before it
_THAN = re.compile(  # the other side names its place first: 'than Hanoi over the term', not 'que prévu par Hanoi'
    r"(?:\s+(?:than|que|än|hơn)\s+|\s+qu['’]\s*)(?P<other>(?:the\s+|le\s+|la\s+|l['’])?[A-ZÀ-ÝĐ][^?]*?)\s*\??\s*$"
)
# a comparing word before a thing counted: 'more houses', 'davantage de maisons', 'fler hus', 'nhiều nhà' (not 'more
# active', 'ne … plus que', 'mer aktiv')
_MORE_OR_LESS = re.compile(
    r"\b(?:(?:more|fewer|less)\s+(?=(?:[^\W\d_]+\s+){0,2}[^\W\d_]+s\b|money\b)|(?:davantage|plus|moins)\s+(?=d(?:e\b|['’]))|"
    r"(?:fler|färre)\s+(?=\w)|(?:nhiều|ít)\s+(?=\w+(?:\s+\w+)?\s+hơn\b))",
    re.IGNORECASE,
)

# the comparing word asked as a count: 'davantage de maisons' -> 'combien de maisons'
_AS_HOW_MANY = {"more": "how many", "less": "how much", "fewer": "how many", "davantage": "combien", "plus": "combien",
             "moins": "combien", "fler": "hur många", "färre": "hur många", "nhiều": "bao nhiêu",
             "ít": "bao nhiêu"}  # fmt: skip


def _compared(question: str) -> re.Match[str] | None:
    """Where a question sets one fact against another side's ('…, compared with Hanoi', '…more … than Hanoi'), with
    that side as its `other` group."""
    if found := _COMPARED.search(question):
        return found
    than = _THAN.search(question)
    more = _MORE_OR_LESS.search(question)  # read whole: Vietnamese says 'nhiều nhà hơn'
    return than if than and more and more.start() < than.start() else None


# a follow-up that sets what the turn before asked against another thing: 'Is that more or fewer than the
# self-management models the Swedish report counts?', 'Blev det fler eller färre utbildningar än det hölls konferenser
# om social kritik?', 'Y en a-t-il plus ou moins que de délégations ?', 'Con số đó nhiều hơn hay ít hơn số hội nghị…?'
_COMPARING = (
    r"more|fewer|less|higher|lower|larger|smaller|greater|bigger|plus|moins|fler|färre|mer|mindre|större|högre|lägre|"
    r"nhiều|ít|cao|thấp|lớn|nhỏ"
)
_AGAINST_THE_LAST = re.compile(
    r"^\W*(?:(?:is|was|are|were)\s+(?:that|this|it|these|those|they)|est-ce|c['’]est|était-ce|"
    r"y en (?:a-t-il|avait-il)|(?:sont|étaient|est|était)-(?:ils|elles|il|elle)|"
    r"(?:är|var|blev)\s+(?:det|de|den|detta|dessa)|(?:con số|số|số lượng)\s+(?:đó|ấy|này)(?:\s+là)?)"
    rf"\s+(?:\w+\s+){{0,2}}?(?:{_COMPARING})(?:\s+hơn)?(?:\s+(?:or|ou|eller|hay|hoặc)\s+(?:{_COMPARING})(?:\s+hơn)?)?"
    r"(?:\s+[^\W\d_]+){0,2}?\s*(?:\bthan\b|\bque\b|\bqu['’]|\bän\b|\bso với\b|(?<=hơn))\s*"
    r"(?P<other>[^?]{3,}?)\s*(?:\s(?:không|chứ))?\s*\??\s*$",
    re.IGNORECASE,
)


def _against_the_last(question: str, history: list[Any] | None) -> str | None:
    """A follow-up's comparison of what the turn before asked with another thing (`_AGAINST_THE_LAST`), as the
    question how many that other thing is; None for any other question, or with no turn before."""
    previous = previous_question(history) if history else None
    match = _AGAINST_THE_LAST.match(question.strip()) if previous else None
    # (a count asked before, set against another thing counted: not a place or a year alone, 'Is that more than in
    # 2022?', which the turn before's question asks of it, nor a number, 'more than 40')
    if match is None or asked_kind(previous or "") != "number":
        return None
    other = OR_NOT.sub(" ", match.group("other")).strip(" ,")
    other = _ARTICLE_OPENING.sub("", other)  # 'the self-management models…' asked as 'How many self-management…'
    if not _WORDY_OTHER.search(other):
        return None
    return _ASK_HOW_MANY[question_language(question)].format(other)


_ARTICLE_OPENING = re.compile(r"^(?:the|le|la|les|l['’]|de|des|det|den|dem)\s+", re.IGNORECASE)
# the other side names a thing, words of its own besides a place or a year: 'konferenserna med folkrepresentanter',
# not 'in Ha Tinh', 'i 2022', 'Ha Tinh's', '40'
_WORDY_OTHER = re.compile(r"\b(?!(?:in|i|à|en|at|for|för|pour|ở|of)\b)[a-zà-ÿđ\u0300-\u036f\u1ea0-\u1ef9]{4,}")


# the 'and' a follow-up opens with, in the question's language
_AND_OPENING = {"fr": "Et", "sv": "Och", "vi": "Còn"}


# Two things set side by side, each asked for its own fact (the reply gives both, and the reader compares): 'Was the
# interview published before or after the resolution?', 'Entre la résolution n° 35 et la décision 781, laquelle est
# antérieure ?', 'Vem lade mest pengar på solidaritetshus: Ha Tinh under 2023 eller Hanoi under mandatperioden?'
_BEFORE_OR_AFTER = re.compile(
    r",?\s+(?:before or after|after or before|avant ou après|après ou avant|före eller efter|efter eller före|"
    r"trước hay sau|sau hay trước)(?:\s+(?:that|que|qu'|att|khi))?\s+",
    re.IGNORECASE,
)
_BETWEEN = re.compile(
    r"^\W*(?:between|entre|mellan|giữa)\s+(?P<a>.+?)\s+(?:and|et|och|và)\s+(?P<b>[^,]+?)\s*,\s*(?P<ask>[^,]+)$",
    re.IGNORECASE,
)
_EITHER = re.compile(
    r"^(?P<ask>[^:]+?)\s*:\s*(?P<a>.+?),?\s+(?:or|ou|eller|hay|hoặc)\s+(?P<b>[^?]+?)\s*\??\s*$", re.IGNORECASE
)
# 'A gấp bao nhiêu lần B': how many times B is A
_TIMES_AS_MANY = re.compile(r"\s+gấp(?:\s+(?:khoảng|chừng|gần|hơn))?\s+(?:bao nhiêu|mấy)\s+lần\s+", re.IGNORECASE)
# what says the comparison is of times ('which came first', 'remonte le plus loin'), not amounts
_EARLIER_WORDS = (
    r"first|earlier|earliest|later|latest|older|oldest|newer|newest|recent|before|after|"
    r"premier|première|antérieur\w*|postérieur\w*|ancien\w*|récent\w*|loin|remonte\w*|avant|après|"
    r"först|tidigast|tidigare|senare|senast|äldst|äldre|före|efter|"
    r"trước|sau|sớm|muộn|lâu"
)
_EARLIER = re.compile(rf"\b(?:{_EARLIER_WORDS})\b", re.IGNORECASE)
# the words that compare amounts: 'who spent most', 'vilket tal är störst', 'số nào lớn hơn'
_MORE_WORDS = (
    r"most|more|fewest|least|larger|largest|greater|greatest|bigger|biggest|higher|highest|smaller|smallest|lower|"
    r"lowest|plus|moins|mest|flest|fler|minst|färre|större|störst|högre|högst|mindre|nhiều|ít|lớn|cao|thấp"
)
_MORE = re.compile(rf"\b(?:{_MORE_WORDS})\b", re.IGNORECASE)
# what a comparison's question says that neither side's question repeats: its question and comparing words, money
_NOT_SHARED = re.compile(
    rf"(?:{QUESTION_WORDS}|qu'est-ce|qu'est|ce|lequel|laquelle|lesquels|số|nào|{_EARLIER_WORDS}|{_MORE_WORDS}|"
    rf"{'|'.join(MONEY_WORDS)})",
    re.IGNORECASE,
)
_WORDY = re.compile(r"[^\W\d_]{3,}")  # a side that names a thing, not a year or a number alone
# a side that is a time: 'between 2020 and 2023', 'mellan januari och mars', 'giữa tháng 1 và tháng 3'
_ASKED_TIME = re.compile(rf"\s*(?:(?:19|20)\d{{2}}\b|{TIME.pattern})", re.IGNORECASE)
_COPULA = {"was", "were", "is", "are"}
_ASK_WHEN = {"en": "When {}?", "fr": "Quand {} ?", "sv": "När {}?", "vi": "{} khi nào?"}
_ASK_HOW_MANY = {"en": "How many {}?", "fr": "Combien {} ?", "sv": "Hur många {}?", "vi": "{} bao nhiêu?"}
_ASK_HOW_MUCH = {"en": "How much money {}?", "fr": "Combien d'argent {} ?", "sv": "Hur mycket pengar {}?",
                 "vi": "{} bao nhiêu tiền?"}  # fmt: skip
_FUND_WORDS = {"fund", "fonden", "quỹ"}
_AUXILIARY = {"was", "were", "is", "are", "did", "does", "do", "has", "have", "had"}


@lru_cache(maxsize=256)
def _alternatives(question: str) -> tuple[str, ...] | None:
    """The two sides of a comparison as two questions of their own: when each happened for 'before or after' and
    'which came first', how many or how much each is for 'which is larger'; None when the question compares nothing
    (a stretch of time, 'between 2020 and 2023', a question that asks of its own before 'before or after', a choice
    of people or of numbers)."""
    language = question_language(question)
    body = question.strip().rstrip("?").strip()
    if len(sides := _BEFORE_OR_AFTER.split(body)) == 2:
        first, second = (s.strip(" ,") for s in sides)
        lead = words(first)[:1]
        auxiliary = lead[0] if lead and lead[0] in _AUXILIARY else ""
        asks_own = QUESTION_WORD.search(first) or QUESTION_WORD.search(second)
        if asks_own or not _WORDY.search(second) or (language == "en" and lead and not auxiliary):
            return None  # 'What happened before or after…', 'Was it founded before or after 1990?'
        if auxiliary:
            first = first[0].lower() + first[1:]  # 'Was the interview published' asks 'When was the interview…'
        if auxiliary in _COPULA:
            second = f"{auxiliary} {second}"  # 'When was the resolution adopted?'
        return _ASK_WHEN[language].format(first), _ASK_WHEN[language].format(second)
    # 'Số nhà Hà Nội xây gấp bao nhiêu lần số căn Mỏ Cày Bắc…': each side names its own place (not 'năm 2010')
    sides = _TIMES_AS_MANY.split(body)
    if len(sides) == 2 and all(_proper_names(side) for side in sides) and not _CLAUSE_BREAK.search(sides[1]):
        return tuple(_ASK_HOW_MANY[language].format(side.strip(" ,")) for side in sides)
    match = _BETWEEN.match(body) or _EITHER.match(body)
    if match is None:
        return None
    ask, a, b = match.group("ask"), match.group("a").strip(" ,"), match.group("b").strip(" ,")
    earlier, more = _EARLIER.search(ask), _MORE.search(ask) or ASKS_NUMBER.search(ask)
    # two things, not two times ('between 2020 and 2023'), two numbers ('100 or 200'), a list ('A, B or C') or two
    # people for a post ('the first chair: A or B')
    things = all(_WORDY.search(side) and not _ASKED_TIME.match(side) for side in (a, b)) and "," not in a
    if not (earlier or more) or not things or role_mentions(ask):
        return None
    money = any(w in MONEY_WORDS | _FUND_WORDS for w in words(ask))  # 'which raised more for the Fund'
    asked = _ASK_WHEN if earlier else _ASK_HOW_MUCH if money else _ASK_HOW_MANY
    # what the question says of both, as it writes it, less its question, comparing and money words: 'Lequel a été
    # publié en premier' asks 'Quand l'article … publié ?'
    said = " ".join(w for w in re.findall(r"[\w'’-]+", ask) if not _NOT_SHARED.fullmatch(w) and not is_stopword(w))
    return tuple(asked[language].format(f"{side} {said}".strip()) for side in (a, b))


# what a question is about, set before a colon: 'Maisons de solidarité : …' (a few words)
_TOPIC = re.compile(r"^\W*([^:?]{3,60}?)(?<!\d)\s*:\s*(?=[^\W\d])")


YES_OR_NO_WORDS = 3  # content words at least in a clause that asks yes or no: not 'and was it?'


def _yes_or_no(clause: str) -> bool:
    """Whether a clause asks yes or no with words of its own (see `languages.YES_OR_NO`)."""
    return bool(YES_OR_NO.search(clause.strip())) and len(content_words(clause)) >= YES_OR_NO_WORDS


def split_parts(question: str) -> list[str]:
    """A question that asks two things, as two questions: 'how many X and how many Y', one fact for two places
    ('the secretaries of Ha Tinh and of Quang Nam'), or one fact compared with another place's ('…in Ha Tinh in
    2023, compared with Hanoi over the last term?', whose second part is asked as a follow-up: 'And Hanoi over the
    last term?')."""
    if sides := _alternatives(question):
        return list(sides)
    compared = _compared(question)
    if compared and _proper_names(f"and {compared.group('other')}") and _proper_names(question[: compared.start()]):
        language = question_language(question)
        opening = _AND_OPENING.get(language, "And")
        first = question[: compared.start()].rstrip(" ,")
        # '…soutenu davantage de maisons…' asks how many: 'combien de maisons', as the other side's follow-up reads it
        if compared.re is _THAN and (more := _MORE_OR_LESS.search(question)):
            first = first[: more.start()] + _AS_HOW_MANY[more.group().strip().lower()] + " " + first[more.end() :]
        other = re.sub(r"\s+(?:không|chứ)$", "", compared.group("other"))  # 'hơn Hà Nội không?' asks yes or no
        return [first + "?", f"{opening} {other}?"]
    pieces = [p.strip(" ,") for p in _PART_BREAK.split(question) if p.strip(" ,")]
    # each of two people asked whole: 'Name the provincial Front vice-chair…, and the woman who heads…'
    people = _two_people(question) if len(pieces) == 1 else None
    if len(pieces) == 1:
        pieces = people or _respectively(question) or _in_turn(question) or _head_again(question) or pieces
    if len(pieces) == 1:  # the question word inside each clause, as Vietnamese asks: '…, và Quảng Nam chọn bao nhiêu…'
        clauses = [p.strip(" ,") for p in _CLAUSE_BREAK.split(question) if p.strip(" ,")]
        asking = [bool(asked_kind(c) or ASKS_WHAT.search(c) or _ASKING_WORD.search(c)) for c in clauses]
        # or asks yes or no, each clause then a question of its own words ('…, et de combien ?' asks of the first)
        either = all(a or _yes_or_no(c) for a, c in zip(asking, clauses, strict=True))
        if all(asking) or (either and all(len(content_words(c)) >= YES_OR_NO_WORDS for c in clauses)):
            pieces = clauses
    if len(pieces) == 1:
        clauses = [p.strip(" ,") for p in _AND_BREAK.split(question) if p.strip(" ,")]
        # each a question of its own, with words of its own: not 'and in which year?'
        if len(clauses) == 2 and all(_ASKING_WORD.search(c) and len(content_words(c)) >= 2 for c in clauses):
            pieces = clauses
    if len(pieces) > 1:
        # a part that asks only 'which commune' shares what the next asks of its own thing
        if pieces is not people:
            pieces = [_shared_predicate(p, after) for p, after in zip(pieces, pieces[1:], strict=False)] + pieces[-1:]
        # a place or name said once stands for every part that names none: 'how many X and how many Y in Ha Tinh';
        # a part with its own place keeps it, one named in words too ('combien… la capitale a-t-elle inscrits…, et
        # combien la province de Quang Nam…' asks the first of Hanoi alone)
        names = [n for p in pieces for n in _proper_names(p)]  # not a post's or a body's capital: 'Hà Nội', not 'Mặt'
        # a topic set before a colon is every part's: 'Maisons de solidarité : quel chiffre pour Ha Tinh…, et quel
        # chiffre pour Hanoi…'
        if (topic := _TOPIC.match(pieces[0])) and not QUESTION_WORD.search(topic.group(1)):
            pieces = pieces[:1] + [p if p.startswith(topic.group()) else topic.group() + p for p in pieces[1:]]
        # each part a question as typed, with its question mark, then the names it stands for
        pieces = [p if p.rstrip().endswith("?") else p.rstrip() + _mark(question) for p in pieces]
        carried = ", ".join(dict.fromkeys(names))
        return [p if _names(p) or _places_said(p) or not names else f"{p} {carried}" for p in pieces]
    tokens = list(re.finditer(r"[\w'-]+", question))
    for i, tok in enumerate(tokens[1:-1], start=1):
        if tok.group().lower() not in CONJUNCTIONS or not tokens[i - 1].group()[:1].isupper():
            continue
        j = i + 1 + (tokens[i + 1].group().lower() in PREPOSITIONS)
        if j >= len(tokens) or not tokens[j].group()[:1].isupper():
            continue
        a = i - 1
        while a > 0 and tokens[a - 1].group()[:1].isupper() and not is_stopword(tokens[a - 1].group()):
            a -= 1
        if _between([t.group() for t in tokens[:a]]):
            continue  # 'hội nghị giữa Ban Thường vụ Tỉnh ủy Hà Tĩnh và Mặt trận': one meeting of both
        if (again := _frame_again(tokens, a, j)) is not None:  # 'Bí thư Tỉnh ủy Hà Tĩnh và Bí thư Tỉnh ủy Quảng Nam…'
            last = max(k for k in range(j, len(tokens)) if tokens[k].group()[:1].isupper())
            first = question[: tokens[i].start()].rstrip(" ,") + question[tokens[last].end() :]
            return [first, question[: tokens[again].start()] + question[tokens[j].start() :]]
        left, right = tokens[a].start(), tokens[_run_end(tokens, j)].end()
        # a list of names before the 'and' is one part each: 'the communes of Tra Ka, Dien Phuoc and Tam Thang'
        listed = [n.strip() for n in question[left : tokens[i - 1].end()].split(",")]
        after_preposition = a > 0 and tokens[a - 1].group().lower() in PREPOSITIONS  # not inside a person's name
        if len(listed) > 1 and after_preposition and all(n and n[0].isupper() for n in listed):
            return [question[:left] + n + question[right:] for n in listed] + [
                question[:left] + question[tokens[j].start() :]
            ]
        first = question[: tokens[i - 1].end()] + question[right:]
        second = question[:left] + question[tokens[j].start() :]
        return [first, second]
    return _qualified_places(question, tokens) or _two_places(question) or [question]


# the words that may stand between an 'and' and the place it adds, or before the first place, besides a preposition:
# an article, a place noun, and the 'de' or 'of' after it ('et pour la ville de Hanoï', 'and in Chau Thanh district',
# 'och i staden Hanoi', 'và ở thành phố Hà Nội'), without diacritics
_PLACE_WORDS = {
    "the", "le", "la", "l'", "les", "den", "det", "de", "d'", "du", "of", "city", "ville", "stad", "staden",
    "province", "provinsen", "provins", "tinh", "thanh", "pho", "thi", *PLACE_NOUNS,
}  # fmt: skip
_LINKS = {"de", "d'", "du", "of"}
_FOLDED_PREPOSITIONS = {fold(p) for p in PREPOSITIONS}  # 'o' for 'ở'
_BETWEEN_WORDS = {"between", "entre", "mellan", "giua"}  # 'between Hanoi and Ha Tinh' asks one thing of both
BETWEEN_REACH = 8  # words before the first place read for a 'between' ('between the Party Committee of Hanoi and…')
_NOT_BETWEEN = {"nam", "thang", "ky", "nhiem"}  # 'giữa năm 2023' is mid-2023, 'giữa nhiệm kỳ' mid-term


def _between(before: list[str]) -> bool:
    """Whether the words before a place joined by 'and' to another say that one thing lies between them ('hội nghị
    giữa Ban Thường vụ Tỉnh ủy Hà Tĩnh và Mặt trận', one meeting of both): a 'between' among the last few, with no
    'and' of its own after it ('Entre 2009 et 2024, combien… Quang Nam et Hanoi' asks of each) and not a time's
    ('giữa năm 2023', 'between 2019 and 2024')."""
    folded = [fold(w) for w in before[-BETWEEN_REACH:]]
    at = max((i for i, w in enumerate(folded) if w in _BETWEEN_WORDS), default=None)
    if at is None:
        return False
    after = folded[at + 1 :]
    return not after or (not after[0].isdigit() and after[0] not in _NOT_BETWEEN and not set(after) & _AND_WORDS)


_AND_WORDS = {"and", "et", "och", "va"}


# what stands between two places asked of alike: 'Mo Cay Bac et Hanoï', 'À Quang Nam comme dans la capitale', 'i Ha
# Tinh liksom i Hanoi', 'ở Quảng Nam cũng như ở Hà Nội'
_PLACES_JOINED = re.compile(
    r"(?P<tail>[\w\s-]*?),?\s+(?:and|et|och|và|as well as|comme|ainsi que|liksom|såväl som|cũng như)\s+"
    r"(?P<lead>[\w\s']*?)",
    re.IGNORECASE,
)


def _two_places(question: str) -> list[str] | None:
    """One fact asked of two places, each with its own place noun or preposition: 'Qui sont les vice-présidents …
    pour le district de Mo Cay Bac et pour la ville de Hanoï ?' asks '… pour le district de Mo Cay Bac ?' and '… pour
    la ville de Hanoï ?'; 'in Mo Cay Bac district and in Hanoi' too."""

    def folded_words(text: str) -> list[str]:
        return re.findall(r"[\w]+'?", fold(text))

    found = mentions(question)
    for (s1, p1), (s2, p2) in zip(found, found[1:], strict=False):
        e1, e2 = s1 + len(p1.said), s2 + len(p2.said)
        joint = _PLACES_JOINED.fullmatch(question[e1:s2])
        if joint is None or any(w not in PLACE_NOUNS for w in folded_words(joint["tail"])):
            continue
        lead = folded_words(joint["lead"])
        if any(w not in _PLACE_WORDS and w not in _FOLDED_PREPOSITIONS for w in lead):
            continue
        # the first place's own words before it: its noun and article, and its preposition when the second has one
        words = list(re.finditer(r"[\w]+'?", question[:s1]))
        start = s1
        while words and fold(words[-1].group()) in _PLACE_WORDS:
            start = words.pop().start()
        if words and lead and lead[0] in _FOLDED_PREPOSITIONS and lead[0] not in _LINKS:
            if fold(words[-1].group()) in _FOLDED_PREPOSITIONS:
                start = words.pop().start()
        if _between([w.group() for w in words]):
            continue  # 'hội nghị giữa Ban Thường vụ Tỉnh ủy Hà Tĩnh và Mặt trận': one meeting of both
        after = re.match(r"[\s-]*(\w+)", question[e2:])
        skip = after.end() if after and fold(after.group(1)) in PLACE_NOUNS else 0
        first = question[:e1] + joint["tail"] + question[e2 + skip :]
        second = question[:start] + question[e1 + joint.start("lead") :]
        return [first, second]
    return None


# a question for two people named by what each is or does: 'Comment s'appellent le vice-président du Front de Mo Cay Bac
# qui … et le membre permanent du Front de Chau Thanh qui … ?'
_WHO_ARE = re.compile(
    r"^\W*(?:who are|what are the names of|qui sont|comment s'appellent|quels sont les noms d(?:es|u|e)|vilka är|"
    r"vilka var|vad heter|ai là|name|give the names of|nommez|citez|donnez les noms d(?:es|u|e)|nämn|"
    r"ange namnen på|uppge namnen på|nêu tên)\s+",
    re.IGNORECASE,
)
# (a preposition the second side repeats goes with the 'and': 'les noms de la présidente … et de la présidente …')
_AND_THE = re.compile(
    r",?\s+(?:and|et|och)\s+(?:(?:of|de|för)\s+(?=(?:the|le|la|l'|les|den|det)\b))?(?=(?:the|le|la|l'|les|den|det|de)\b)",
    re.IGNORECASE,
)
# 'som ordförande respektive vice ordförande': one question for each of the two posts
_RESPECTIVELY = re.compile(r"\b(?P<a>[^\W\d_A-ZÀ-ÝĐ][\w-]*)\s+respektive\s+(?P<b>[^?,;]+)")


def _two_people(question: str) -> list[str] | None:
    """A 'who are A and B' question as 'who is A' and 'who is B', when each side opens on a post ('le vice-président
    du Front de Mo Cay Bac…', 'le membre permanent…'), not on a body ('the members of the standing committee and the
    executive committee')."""
    opening = _WHO_ARE.match(question)
    if opening is None:
        return None
    rest = question[opening.end() :]
    if (that := _AND_THAT.search(rest)) and (post := _post_of(rest[: that.start()], rest[that.end() :])):
        sides = [rest[: that.start()], post + rest[that.end() :]]  # '… et celui du Front de Hanoi'
    else:
        sides = _AND_THE.split(rest, maxsplit=1)
    if len(sides) != 2 or not all(_opens_on_post(side) for side in sides):
        return None
    ask = question[: opening.end()]
    return [f"{ask}{side.strip(' ,.!?')}{_mark(question)}" for side in sides]


# the second of two posts said by a pronoun: 'le vice-président du Front de Mo Cay Bac et celui du Front de Hanoi',
# 'the chair of the district Front and that of the city Front'
_AND_THAT = re.compile(r",?\s+(?:and|et)\s+(?:celui|celle|ceux|celles|that|those)\s+(?=(?:of|d[eu]|des|d')\b)", re.I)
_OF = re.compile(r"\b(?:of|d[eu]|des|d')(?:\s+|(?<=')\s*)(?:(?:the|la|le|les|l')\s*)?([^\W\d_][\w-]*)", re.IGNORECASE)


def _post_of(first: str, tail: str) -> str | None:
    """What a pronoun's 'of' phrase stands in for: the first side up to the 'of' phrase the pronoun's replaces, the
    one on the same thing ('le vice-président du Front de Mo Cay Bac et celui du Front de Hanoi': 'le vice-président')
    or else the last ('the head of the Commission of the Hanoi Front and that of the Ha Tinh Front': 'the head of the
    Commission'); None when the first side has none."""
    phrases = list(_OF.finditer(first))
    said = _OF.match(tail)
    if not phrases or said is None:
        return None
    same = [m for m in phrases if fold(m.group(1)) == fold(said.group(1))]
    cut = same[0].start() if same else phrases[-1].start()
    return first[:cut].lstrip() if first[:cut].strip() else None


_MEMBERS = {"member", "membre", "ledamot", "ledamoten", "ủy", "uỷ"}  # 'le membre permanent', 'ủy viên'
# what makes a post of its own before a Swedish 'respektive' ('ständig ledamot respektive …'; no other language
# writes 'respektive')
_STANDING = {"permanent", "ständig", "ständiga"}


# a person named by what they do: 'the woman who heads…', 'la personne qui…'
_PERSON_NOUNS = {"woman", "person", "femme", "homme", "personne", "kvinnan", "mannen", "personen", "responsable"}


def _opens_on_post(side: str) -> bool:
    """Whether the first words of a side, past its article, name a post or a member ('the deputy chair of…', after a
    level and a body of one word: 'the provincial Front vice-chair') or a person ('the woman who heads…')."""
    said = words(side)
    first = [w for w in said[:5] if not is_stopword(w)][:3]
    if (first and first[0] in _PERSON_NOUNS) or LEADS.search(" ".join(said[:4])):
        return True  # or whoever leads a body: 'the leader of Ha Tinh's women's organisation'
    return bool(role_mentions(" ".join(first))) or any(w in VICE or w in _MEMBERS for w in first)


# 'A và B lần lượt giữ chức vụ gì…' (A and B respectively hold which posts): the same question of each
_IN_TURN = re.compile(r"^\W*(?P<a>[^,?]+?)\s+và\s+(?P<b>[^,?]+?)\s+lần lượt\s+(?P<ask>[^?]+)\?*\s*$", re.IGNORECASE)


def _in_turn(question: str) -> list[str] | None:
    """'Bà A và ông B lần lượt giữ chức vụ gì tại…?' as 'Bà A giữ chức vụ gì tại…?' and 'ông B giữ chức vụ gì tại…?'."""
    match = _IN_TURN.match(question)
    if match is None:
        return None
    return [f"{match.group(side).strip()} {match.group('ask').strip()}?" for side in ("a", "b")]


# the copula before a question asked last, which both sides share: 'là' of 'là bao nhiêu', 'is' of 'is what'
_LAST_COPULA = re.compile(r"\b(?:là|is|are|was|were|est|sont|était|är|var)\s+$", re.IGNORECASE)


def _head_again(question: str) -> list[str] | None:
    """A question that opens on a thing and names the same thing again after its 'and', asking of both last: 'Tỷ lệ
    hộ nghèo … theo bài phỏng vấn ông Đỗ Anh Tuấn và tỷ lệ hộ cận nghèo theo báo cáo Mặt trận là bao nhiêu?' as '…
    phỏng vấn ông Đỗ Anh Tuấn là bao nhiêu?' and 'tỷ lệ hộ cận nghèo theo báo cáo Mặt trận là bao nhiêu?'."""
    tokens = list(re.finditer(r"[\w'-]+", question))
    said = [t.group().lower() for t in tokens]
    if len(said) < 6 or any(is_stopword(w) or QUESTION_WORD.fullmatch(w) for w in said[:2]):
        return None
    for i in range(2, len(said) - 3):
        # (the thing in lower case: two names or bodies said again, 'Nguyễn Thị Lệ Hà và Nguyễn Thị Mai Thủy', are
        # split as names are)
        again = said[i + 1 : i + 3] == said[:2] and tokens[i + 1].group()[:1].islower()
        if said[i] in {"and", "et", "och", "và", "samt"} and again:
            first, second = question[: tokens[i].start()].rstrip(" ,"), question[tokens[i + 1].start() :]
            asked = QUESTION_WORD.search(second)
            if asked is None or QUESTION_WORD.search(first):
                return None
            copula = _LAST_COPULA.search(second[: asked.start()])
            if copula is None:  # no 'là' to share: the verb before the question word is the second side's own
                return None
            return [f"{first} {second[copula.start() :]}", second]
    return None


def _respectively(question: str) -> list[str] | None:
    """'…som ordförande respektive vice ordförande?' as '…som ordförande?' and '…som vice ordförande?'."""
    match = _RESPECTIVELY.search(question)
    if match is None:
        return None
    start = match.start("a")  # with the words that make it a post of its own: 'vice ordförande', 'ständig ledamot'
    for token in reversed(list(re.finditer(r"[\w-]+", question[:start]))):
        if token.group().lower() not in VICE | _STANDING:
            break
        start = token.start()
    before, after = question[:start], question[match.end() :]
    first = question[start : match.end("a")]
    return [f"{before}{first}{after}", f"{before}{match.group('b').strip()}{after}"]


BARE_WORDS = 4  # the most words after a question word ('how many', 'combien de' counted too) with nothing asked


def _predicate(part: str) -> str:
    """What a part asks of the thing its question word names: 'se trouve le modèle…' in 'quel district se trouve le
    modèle…', 'did Quang Nam build?' in 'how many houses did Quang Nam build?'; '' when the part is the question word
    and its thing alone ('Dans quelle commune')."""
    asked = re.search(rf"\b(?:{QUESTION_WORDS})\b", part, re.IGNORECASE)
    if asked is None:
        return ""
    rest = list(re.finditer(r"[\w'-]+", part[asked.end() :]))
    for i, token in enumerate(rest):
        function = is_stopword(token.group()) or len(token.group()) == 1  # 'à', a function word of one letter
        if function and (i or token.group().lower() not in {"many", "mycket", "många", "de"}):
            return part[asked.end() + token.start() :]
    # a thing of a word or three ('meter staket'); more words ask something, though no function word says it
    return "" if len(rest) <= BARE_WORDS else part[asked.end() :]


def _shared_predicate(part: str, following: str) -> str:
    """'Dans quelle commune et quel district se trouve le modèle…?': the first part asks 'Dans quelle commune se trouve
    le modèle…?'."""
    if _predicate(part):
        return part
    return f"{part} {_predicate(following)}".strip()


def _frame_again(tokens: list[re.Match[str]], a: int, j: int) -> int | None:
    """Where the words before a first name start, when the clause after 'và' says them again before its own name: in
    'Bí thư Tỉnh ủy Hà Tĩnh và Bí thư Tỉnh ủy Quảng Nam là ai?' the second clause is a whole question, not a name."""
    said = [t.group().lower() for t in tokens]
    for b in range(a - 1):
        if said[b : b + 2] == said[j : j + 2]:
            return b
    return None


def _run_end(tokens: list[re.Match[str]], start: int) -> int:
    """The last token of the run of capitalised words that starts at `start`: a name of several words."""
    end = start
    while end + 1 < len(tokens) and tokens[end + 1].group()[:1].isupper():
        end += 1
    return end


def _qualified_places(question: str, tokens: list[re.Match[str]]) -> list[str] | None:
    """One fact for two places each with its own qualifier: '… ở Hà Tĩnh năm 2023 và ở Hà Nội trong nhiệm kỳ vừa
    qua?' asks '… ở Hà Tĩnh năm 2023' and '… ở Hà Nội trong nhiệm kỳ vừa qua?' (the same preposition before each)."""
    for i, tok in enumerate(tokens[1:-2], start=1):
        preposition = tokens[i + 1].group().lower()
        if tok.group().lower() not in CONJUNCTIONS or preposition not in PREPOSITIONS:
            continue
        if not tokens[i + 2].group()[:1].isupper():
            continue
        earlier = [
            k
            for k in range(1, i - 1)
            if tokens[k].group().lower() == preposition and tokens[k + 1].group()[:1].isupper()
        ]
        # '… in 2023 and in Hanoi?': nothing follows the second place, so the year may stand for both
        if not earlier or _run_end(tokens, i + 2) + 1 >= len(tokens):
            continue
        first = question[: tokens[i].start()].rstrip(" ,")
        second = question[: tokens[earlier[-1]].start()] + question[tokens[i + 1].start() :]
        return [first, second]
    return None


@dataclass
class Part:
    typed: str
    results: Results
    question: Question
    ranked: list[Sentence]
    found: bool
    probability: float

    @property
    def best(self) -> Sentence | None:
        return self.ranked[0] if self.ranked else None


def judge(part: str, history: list[Any] | None, search: Search, similarity: Similarity, follow_up: bool = True) -> Part:
    """Search one question (in its conversation) and judge its best sentence; `follow_up`: whether the history is the
    conversation's (not the first part of the same question), whose new words the answer must read."""
    previous = previous_question(history)
    searched, binding = _framed(part, previous, later=not follow_up)
    results = search(searched)
    question = question_of(results, binding)
    ranked = sentences(results, question, part, similarity)
    if question.verifies and question.persons:  # a claim about a person: the sentences that name them tell of them
        ranked.sort(key=lambda s: (s.violation is not None, not _names_all(question.persons, s)))
    judged = (
        ranked
        if follow_up and not _asks_anew(part, previous)
        else _without_places_before(ranked, previous, question, results)
    )
    # (what `judged` drops is about another place, so ranks after every sentence that is not: when judged[0] answers,
    # it is ranked[0])
    found, p = answers(judged[0] if judged else None, judged)
    if not found and _elsewhere(ranked):  # the passages found speak of other places
        results, ranked, found, p = _in_places_asked(results, question, part, searched, search, similarity)
        judged = ranked
    own_read = partial(_own_words_read, part, previous, question)
    # (not a claim asked about, whose own words are the claim's, which the documents may give otherwise: 'Was that
    # figure for 2022?')
    if found and follow_up and searched != part and not question.verifies and not own_read(ranked[0]):
        # 'How many of them are women?' read by a sentence about the members alone is declined; the next sentence
        # that reads the follow-up's own words answers, if it would be given as an answer itself ('…thì ai là người
        # nói về cách nhân rộng mô hình điển hình?': Ho Van Tan's sentence on reproducing the models, just below a
        # quote's signature that scores first)
        reading = next((s for s in judged[1:READ_ON] if own_read(s)), None)
        found, p = answers(reading, [reading, *(s for s in judged if s is not reading)]) if reading else (False, p)
        if found and reading is not None:
            ranked = [reading, *(s for s in ranked if s is not reading)]
    elif (found or _counts_other_things(judged)) and follow_up and searched != part:
        # the passage reads the follow-up's own words, but a sentence below the best says more of them: 'After that
        # storm, what kind of atmosphere swept through the whole city?' is the atmosphere's sentence, not the storm's
        # one the turn before was answered with; so is one below a best that counts other things than the follow-up
        # asks, which declines it ('…bao nhiêu cuộc tuần tra cùng công an?' after the villages the model spread to:
        # 'plus de 300 patrouilles', not '8 villages')
        said = partial(_own_words_said, _own_keys(_own_said(part), previous, question))
        best = said(ranked[0])
        saying = max(judged[1:READ_ON], key=said, default=None)
        if saying is not None and said(saying) > best and not violates(saying):
            more, q = answers(saying, [saying, *(s for s in judged if s is not saying)])
            if more:
                found, p, ranked = True, q, [saying, *(s for s in ranked if s is not saying)]
    if (place := heading_asked(part)) is not None and ranked and _asks_heading_itself(part):
        # the article's subheading asked for, by its place or as the one over what the best sentence tells: the page
        # states it outright; or the article has none such, or the best sentence fails a constraint (a place, a year,
        # a name no document writes) or is of another article than the one the question names
        top = ranked[0]
        # (its words may all be the article's structure: 'l'avant-dernier intertitre de l'article sur Ha Tinh')
        named = top.violation in (None, "topic") and _treats(part, question, results, top.passage.doc_id)
        lines = _headings(place, top, results.index) if named else []
        return Part(part, results, question, [*lines, *ranked], bool(lines), 1.0 if lines else p)
    if ASKS_ARTICLE_TITLE.search(part) and ranked and question.kind is None:
        # the title of the article the question names: the page states it, when the best sentence is of the article
        # that the question's words tell of ('What is the title of the article about the football team?' is of none)
        top = ranked[0]
        named = top.violation in (None, "topic") and _treats(part, question, results, top.passage.doc_id)
        # (quoted and cited: the line that says it; a page without a headline, whose title is its first words cut,
        # gives none)
        line = _title_line(top, results.index) if named else None
        titled = [line, *ranked] if line else ranked
        return Part(part, results, question, titled, line is not None, 1.0 if line else p)
    listed = listed_asked(question, part, results, ranked[0]) if found else []
    if listed and not names_listed(listed, ranked[0]):
        # 'Vilka tre nej gäller för…': a sentence of the same article just below the best one counts them ('la devise
        # des « 3 non » (pas de salaire…)') and answers, read as the best one would be; 'Vilka tre genombrott…
        # 2019-2024?': none does, the report counts its breakthroughs for 2024-2029
        doc_id = ranked[0].passage.doc_id  # (whose counts `listed` are)
        lister = next(
            (
                s
                for s in ranked[1:LISTING_READ]
                if s.violation is None and s.passage.doc_id == doc_id and names_listed(listed, s)
            ),
            None,
        )
        found = lister is not None
        ranked = [lister, *(s for s in ranked if s is not lister)] if lister is not None else ranked
    site = asks_site(part)
    of_article = site or bool(ASKS_ARTICLE.search(part))
    if of_article and (credit := _byline_asked(part, question, ranked, results, site)) is not None:
        ranked = [credit, *(s for s in ranked if s is not credit)]
        found, p = True, 1.0  # the page states it outright: no score needed
    elif of_article and ranked and byline(ranked[0].text):
        found = False  # a byline of an article the question is not about ('the article about the new airport')
    elif of_article and not site and question.kind in _CREDITED and asks_credit(part):
        # when the article asked about was published, or who wrote it, and no dateline or credit line of the article
        # the question names says so (it has none, or another article is named): a date in its news ('13 mars 2025')
        # or a person it quotes is no answer
        found = False
    elif (
        not found
        and site
        and _site_known(question, ranked, results)
        and _treats(part, question, results, ranked[0].passage.doc_id)
    ):
        found, p = True, 1.0  # the article asked about is found, and its source link says where it appeared
    elif found and site and not _site_said(ranked[0], results):
        found = False  # the report of the Ha Tinh conference has no source link: no sentence of it says where it ran
    elif found and _ASKS_AD.search(part):
        found = False  # the page's ads are debris its cleaning drops ('[annons_2]'): no sentence tells what one shows
    elif found and asks_advice(part) and not (question.places or question.persons or question.organisations):
        found = False  # 'How do I apply for a visa online?': news reports give no one advice of their own
    elif found and page_furniture(part, results.index):
        found = False  # 'the 'Entreprise' section at the bottom of the page…': a heading the cleaning set aside
    elif found and _said_by_another(part, question, ranked[0], results.index):
        found = False  # 'Selon Huynh Van Viet, comment…' is not answered by 'Selon … Ho Van Tan, la reconnaissance…'
    elif found and _other_deed(part, question, ranked[0]):
        found = False  # 'What ideas did Nguyen Van Danh put forward…' is not answered by '…, Nguyen Van Danh, a rendu
        # compte…'
    elif found and _only_present(part, question, ranked[0]):
        found = False  # 'Which questions did Tran Van Ky answer…' is not answered by his name among those present
    elif (
        found
        and (_ASKS_AVERAGE.search(part) or (question.kind == "number" and _ASKS_EACH.search(part)))
        and not _GIVES_AVERAGE.search(ranked[0].text)
    ):
        # 'Vad kostade ett solidaritetshus i genomsnitt…': a total and a count are no average given; 'How many members
        # does each village team have?': '169 membres' in 8 villages is all of them
        found = False
    elif found and not _part_read(part, question, ranked[0]):
        found = False  # 'Of the 3 172 houses…, how many were trade-union shelters?': no shelters are counted
    elif found and (question.leads or ASKS_SOMEONE.search(part)) and not names_holder(ranked[0].text):
        # 'Quel dirigeant… a signé la décision du 13 mars 2025 ?', 'Par qui est dirigé le Bloc… de Tra Ka ?': a sentence
        # that names no person and no post names no one who did it or leads it
        found = False
    elif (
        found
        and (kinds := kinds_asked(part))
        and kinds - kinds_named(results.index.document_text(ranked[0].passage.doc_id), kinds)
    ):
        # 'Which construction company is building…': the Ha Tinh report names no company at all; 'Quelle loi encadre…
        # le Front ?': the reports tell of 'les lois de l'État' and name no law; 'Quel lycée de Mo Cay Bac…': the
        # district's report gives pupils school supplies and names no school
        found = False
    elif found and not _spent_on_read(part, question, ranked[0]):
        found = False  # 'How much did Hanoi spend on the health insurance cards…': the fund's sum is not theirs
    elif found and ASKS_DAY.search(part) and not of_article and not _tells_time(ranked[0].text, part):
        found = False  # 'Đại hội … nhiệm kỳ 2024-2029 diễn ra vào ngày nào?': the term's years are the question's own
    asked = {f for f in written_figures_asked(part) if len(f) >= 3}  # (not 'the number 5', which many sentences give)
    if not found and judged and judged[0] is ranked[0] and ranked[0].violation is None and asked:
        # 'À quoi correspond le chiffre de 2,1 millions ?': the best sentence gives that very figure, which tells
        found = asked <= figures_written(ranked[0].text)
    if found and ASKS_WEEKDAY.search(part) and not WEEKDAY.search(ranked[0].text):
        found = False  # 'On which day of the week did…': a date ('22 janvier') names no weekday
    if found and ASKS_CLOCK.search(part) and not CLOCK.search(ranked[0].text):
        found = False  # an hour asked, and only a date given ('À quelle heure l'article sur Quang Nam…': 17/10/2024)
    return Part(part, results, question, ranked, found, p)


# A part of a whole asked, as what the part is: 'Of the 3 172 houses built in 2023, how many were trade-union
# shelters?' (the whole, to its comma, then the part after 'to be'), 'How many of the cadres trained… were women?',
# 'Hur många av de 5 099 solidaritetshusen var nybyggda?'; not what the part did ('Among the families…, how many ended
# up putting up new dwellings?'), which other words may tell
# ('to be', or a Swedish passive of holding or doing: 'Hur många av de 3 119 utbildningarna hölls online?')
_TO_BE = (
    r"\b(?:were|was|are|is|étaient|était|sont|var|är|blev|là|hölls|hålls|gjordes|görs|genomfördes|organiserades)"
    r"\s+(?P<part>[^?]*)"
)
_WHOLE_FIRST = re.compile(
    rf"^\W*(?:of|among|out of|parmi|sur|av|bland|trong số|trong tổng số)\s+[^,?]*,[^?]*?{_TO_BE}", re.I
)
_PART_AFTER = re.compile(
    rf"\b(?:how many|how much|combien|hur många|hur mycket)\s+(?:of|d'entre|av|bland)\b[^?]*?{_TO_BE}", re.I
)


_THERE = re.compile(r"there\b", re.IGNORECASE)  # 'to be' existential: 'are there'


# a verb's participle after 'to be' says what the part did, which other words may tell: 'serving', 'built',
# 'construits', 'participant', 'deltagande'
_PARTICIPLES = ("ing", "ed", "é", "és", "ée", "ées", "ant", "ande", "ende")
_IRREGULAR_PARTICIPLES = frozenset(
    "held built made given done run sold taken grown chosen written shown known seen paid spent kept led set put sent "
    "brought".split()
)


# an ad on the page, or its marker: 'Vilket företag gör reklam i annonsen [annons_2]…', 'What does the advertisement
# in the Hanoi article promote?', 'Quảng cáo trong bài…'; the readers' comments under an article ('Vad skriver
# läsarna i kommentarsfältet…'); a page's list of other articles, by its heading ('la rubrique « Même auteur »'; not
# the headings that also say other things: 'thông tin liên quan' is related information, 'the same topic' may be
# the articles' own): all debris that the cleaning drops
_HEADINGS = sorted(h for h in RELATED_HEADINGS if re.search(r"auteur|author|författare|tác giả|relat|connexes", h))
_ASKS_AD = re.compile(
    r"\[[^\[\]]{1,40}[_ ]\d+\]|\b(?:advertisements?|adverts?|ads|publicités?|annons(?:en|er|erna)?|reklamen|"
    r"quảng cáo|comments?\s+(?:section|field|box)|readers?'?\s+comments?|commentaires\s+des\s+lecteurs|"
    r"(?:section|espace|zone)\s+(?:des\s+)?commentaires|kommentarsfält\w*|kommentarsfunktion\w*|läsarkommentar\w*|"
    r"bình luận của (?:bạn đọc|độc giả)|(?:mục|phần) bình luận|" + "|".join(re.escape(h) for h in _HEADINGS) + r")\b",
    re.IGNORECASE,
)
# what a person said, asked with a verb of saying: 'Ông Huỳnh Văn Việt … đã nói gì về…', 'What did Ho Van Tan
# explain…', 'Qu'a déclaré…', 'Vad sa…'
_SAYING = re.compile(
    r"\b(?:say|says|said|tell|told|explain|explained|state|stated|dit|déclaré|déclare|expliqué|explique|affirmé|"
    r"affirme|sa|sade|säger|förklarade|förklarar|berättade|nói|cho biết|phát biểu|chia sẻ|giải thích|"
    # or proposed: 'Vad föreslog Nguyen Thi Mai Thuy…' and '…, Nguyen Thi Le Ha, a proposé des idées…'
    r"propose|proposes|proposed|suggest|suggests|suggested|recommend|recommended|proposé|proposée|suggère|"
    r"suggéré|recommandé|föreslog|föreslår|föreslagit|rekommenderade|đề xuất|đề nghị|kiến nghị|"
    # or praised: '…, Hoang Trung Dung, a reconnu et salué les efforts…'
    r"praise|praised|praises|commended|salué|félicité|berömde|hyllade|khen ngợi|biểu dương|"
    # or answered: '…, Le Ngoc Chau, a répondu à un certain nombre de questions…'
    r"answer|answered|replied|répondu|répond|svarade|svarar|besvarade|trả lời)\b",
    re.IGNORECASE,
)
# or reported, read in a sentence only for a question that asks what a person reported ('What did Nguyen Thi Le Ha
# report…' of '…, Nguyen Van Danh, a rendu compte de la mise en œuvre des politiques…')
_REPORTING = re.compile(
    r"\b(?:report|reports|reported|rend compte|rendu compte|rapporté|redogjorde|redogör|rapporterade|báo cáo)\b",
    re.IGNORECASE,
)
# a question asking what a person reported, the verb theirs: 'What did Nguyen Thi Le Ha report…', 'Qu'a rapporté…',
# 'Vad redogjorde… för', '… đã báo cáo…' (not 'What was reported about…', nor 'the report', a noun)
_ASKS_REPORTED = re.compile(
    r"\b(?:did|does|do|has|have|had)\s+(?:[\w'-]+\s+){1,8}report(?:ed)?\b|\b(?-i:[A-ZĐ])[\w'-]*\s+reported\b|"
    r"\b(?:a|ont|avait|avaient)(?:-t-(?:il|elle|ils|elles))?\s+(?:[\w'-]+\s+){0,5}?(?:rendu compte|rapporté)\b|"
    r"\b(?:redogjorde|redogör|rapporterade)\b|\bđã\s+báo\s+cáo\b|\b(?:gave|give|gives|given)\s+an\s+account\b",
    re.IGNORECASE,
)


# a phrase a question quotes: 'the 'Entreprise' section', 'mục "Produit"', 'la rubrique « Même auteur »', 'rubriken
# ”Nyheter”', '»Lokalt«'; a single quote may hold an apostrophe before a letter ('d'Asie')
_QUOTES = re.compile(
    r"""(?<![\w'’])(?:'(?P<a>(?:[^'\n]|'(?=\w)){2,150})'|‘(?P<b>(?:[^’\n]|’(?=\w)){2,150})’|"(?P<c>[^"\n]{2,150})"|"""
    r"""«\s*(?P<d>[^«»\n]{2,150}?)\s*»|»\s*(?P<e>[^«»\n]{2,150}?)\s*[«»]|“(?P<f>[^“”\n]{2,150})”|"""
    r"""”(?P<g>[^”\n]{2,150})”|„(?P<h>[^“”\n]{2,150})[“”])(?!\w)"""
)
# a question that points at the page rather than its article: a section or menu of it, its foot
_ON_THE_PAGE = re.compile(
    r"\b(?:sections?|rubriques?|rubrik(?:en)?|menus?|menyn?|headings?|onglets?|flik(?:en)?|chuyên mục|"
    r"(?:bottom|foot|end) of the (?:web ?)?page|en bas de (?:la )?page|längst (?:ner|ned)|sidfoten|cuối trang)\b|"
    r"\bmục\s*[\"'«“”‘]",
    re.IGNORECASE,
)


_FOLDED_HEADINGS = {fold(h) for h in RELATED_HEADINGS}  # 'meme sujet', 'cung chu đe'


def page_furniture(typed: str, index: LexicalIndex) -> str | None:
    """The phrase a question quotes that is a line of the page around an article, no article's text ('Which companies
    are featured in the 'Entreprise' section at the bottom of the page…', 'Trong mục "Produit" ở cuối trang…'): a
    menu's heading or another article's link, which the cleaning set aside, so no sentence tells what it holds. A
    phrase the articles also write ('le « système politique »', 'quel « produit »') is one only when the question
    points at the page (its section, its menu, its foot), and never a line that is an article's own paragraph (its
    title, listed among its site's other articles)."""
    quoted = [next(g for g in m.groups() if g).strip() for m in _QUOTES.finditer(typed)]
    if not quoted:
        return None
    lines, paragraphs, texts = _furniture_of(index)
    for as_typed in quoted:
        said = fold(as_typed)
        if said in _FOLDED_HEADINGS and _FOLDED_HEADINGS & lines.keys() and _ON_THE_PAGE.search(typed):
            return as_typed  # a page's list heading in another language than its page's: 'mục "Cùng chủ đề"'
        if said not in lines or said in paragraphs:
            continue
        if _ON_THE_PAGE.search(typed) or not any(re.search(rf"\b{re.escape(said)}\b", t) for t in texts):
            return lines[said]
    return None


def _furniture_of(index: LexicalIndex) -> tuple[dict[str, str], set[str], list[str]]:
    """The index's furniture lines (folded -> as written), its articles' paragraphs and texts, folded: read once per
    generation of the index, and only when a question quotes a phrase."""
    found = index.cache.get("furniture")
    if found is None:
        documents = index.documents
        lines = {fold(line): str(line) for row in documents.values() for line in row.get("furniture") or []}
        texts = [fold(index.span(d, 0, 2**62)[0]) for d in documents] if lines else []
        paragraphs = {p.strip() for text in texts for p in text.split("\n\n")}
        found = index.cache["furniture"] = (lines, paragraphs, texts)
    return found


# a proposal, asked or made: 'What ideas did… put forward', 'Quelles idées… a-t-il avancées', 'Vad föreslog…', 'đề xuất'
_PROPOSING = re.compile(
    r"\b(?:propos\w*|suggest\w*|recommend\w*|put\s+forward|puts\s+forward|ideas?|idées?|suggér\w*|suggère\w*|"
    r"recommand\w*|avancée?s?|préconis\w*|föreslog|föreslår|föreslagit|förslag\w*|rekommender\w*|idé(?:er|erna|n)?|"
    r"lade\s+fram|lagt\s+fram|framförde|đề xuất|đề nghị|kiến nghị|ý tưởng|sáng kiến)\b",
    re.IGNORECASE,
)


# a meeting chaired, as its chairs' deed: '…, Hoang Trung Dung, et…, Tran The Dung, ont présidé une réunion…'
_CHAIRING = re.compile(r"\b(?:chaired|presided|présidé|présidée|présidait|présidaient|ledde|chủ trì)\b", re.IGNORECASE)


def _other_deed(typed: str, question: Question, best: Sentence) -> bool:
    """Whether the question asks what a person it names proposed ('What ideas did… Nguyen Van Danh put forward…') and
    the best sentence names them reporting, with no proposal of theirs ('…, Nguyen Van Danh, a rendu compte de la mise
    en œuvre des politiques…'): a report on what was done is no idea put forward; or the other way, what they
    reported ('Vilka resultat… rapporterade Tran The Dung…') and the sentence names them only proposing or chairing
    ('…, Tran The Dung, ont présidé une réunion…')."""
    if not question.persons:
        return False
    text = best.text
    if not any(names_person(k, Words(text, best.passage.language)) for k in question.persons):
        return False
    if _PROPOSING.search(typed) and not _REPORTING.search(typed):
        return bool(_REPORTING.search(text)) and not _PROPOSING.search(text)
    if _ASKS_REPORTED.search(typed) and not _PROPOSING.search(typed):
        return not _REPORTING.search(text) and bool(_PROPOSING.search(text) or _CHAIRING.search(text))
    return False


ACCOUNT_SENTENCES = 2  # sentences before the best read for the source whose account it goes on with


def _said_by_another(typed: str, question: Question, best: Sentence, index: LexicalIndex) -> bool:
    """Whether the question asks what a person said or did ('Selon Huynh Van Viet, comment…', 'According to Do Anh
    Tuan, …', 'Ông Huỳnh Văn Việt … đã nói gì về…', 'Quelles idées Nguyen Van Danh a-t-il avancées…') and the best
    sentence opens by saying whose words it gives, another person's: they are no answer of his; for a question that
    names its source, so does a sentence that goes on with another's account (ACCOUNT_SENTENCES)."""
    asked = ATTRIBUTION.match(typed)
    # or one that names its speaker in full before the verb, three words from a family name that name no place ('Ho
    # Van Tan, membre permanent…, a expliqué comment…', 'La présidente de l'Union…, Nguyen Thi Le Ha, a proposé…'; not
    # 'Le Comité populaire…')
    reported = _ASKS_REPORTED.search(typed) is not None
    text = best.text
    said = ATTRIBUTION.match(text) or _speaker_before_saying(text, reported)
    if said is None and asked is not None:
        # an account asked by its source goes on from a sentence just before that gives its own ('Selon… Ho Van Tan,
        # la reconnaissance des modèles…' two sentences before 'Pour la reconnaissance des modèles au niveau des
        # communes…')
        earlier = earlier_sentences(index, best.passage, best.passage.start + best.start)[-ACCOUNT_SENTENCES:]
        # (the nearest that names anyone says whose it is: 'Nguyen Hai Ha… a déclaré' after 'Selon Ho Van Tan')
        text = next((t for t in reversed(earlier) if ATTRIBUTION.match(t) or names_someone(t)), "")
        said = ATTRIBUTION.match(text)
    # (a person's own deed, whatever its verb, is not another's proposal: 'Quelles idées Nguyen Van Danh a-t-il
    # avancées…' is not answered by '…, Nguyen Thi Le Ha, a proposé des idées…', unless the sentence names him
    # anywhere: 'According to Ho Van Tan, Nguyen Van Danh was elected…' tells of him; who proposed is asked by name)
    unsaid = asked is None and not _SAYING.search(typed) and not reported
    if (unsaid and question.kind == "person") or said is None or not question.persons:
        return False
    source = Words(typed[: asked.end()] if asked else typed, question.language)
    persons = [k for k in question.persons if matched(k, source)]
    if unsaid and any(names_person(k, Words(best.text, best.passage.language)) for k in persons):
        return False
    clause = text[: said.end()]
    # (a name the sentence's first word runs into: 'Selon Ho Van Tan')
    others = [m.group() for m in NAME.finditer(clause) if any(fold(w) in SURNAMES for w in m.group().split()[:2])]
    held = Words(clause, best.passage.language)
    # (the whole name: 'Nguyen Thi Le Ha' is not 'Nguyen Thi Mai Thuy')
    return bool(persons and others) and not any(names_person(k, held) for k in persons)


def _speaker_before_saying(text: str, reported: bool = False) -> re.Match[str] | None:
    """The last whole name before a sentence's verb of saying (or of reporting, when `reported`), three words from a
    family name that name no place: its subject ('Lors de la réunion présidée par Nguyen Thi Le Ha, Nguyen Thi Mai
    Thuy a proposé…')."""
    verb = (_REPORTING.search(text) if reported else None) or _SAYING.search(text)
    if verb is None:
        return None
    found = [
        m for m in NAME.finditer(text[: verb.start()]) if len(m.group().split()) >= 3 and is_person_name(m.group())
    ]
    if found:
        return found[-1]
    # or the first after it, before what is said, where the verb comes first ('…, sa vice ordförande för … Pham Anh
    # Tuan att…', '…, said vice-chair Pham Anh Tuan.')
    after = re.split(r"\b(?:att|que|qu['’]|that|rằng)\b|:", text[verb.end() :], maxsplit=1)[0]
    later = NAME.finditer(text, verb.end(), verb.end() + len(after))
    return next((m for m in later if len(m.group().split()) >= 3 and is_person_name(m.group())), None)


# a sentence that lists who was present ('Étaient également présents à la conférence…, Tran Van Ky, et…', 'Deltog
# också…', 'Tham dự hội nghị có…')
_PRESENT = re.compile(
    r"\b(?:étaient(?:\s+également|\s+aussi)?\s+présents?|ont\s+(?:également\s+)?assisté|were(?:\s+also)?\s+present|"
    r"also\s+attended|attended\s+by|närvarade|var(?:\s+också)?\s+närvarande|deltog\s+också|närvarande\s+var|"
    r"tham dự|có mặt|dự hội nghị)\b",
    re.IGNORECASE,
)


# what the list of those present gives of a person: their post, the body they sit on or speak for ('Which council
# is Tran Van Ky vice-chair of?', 'Whom did Tran Van Ky represent?')
_ASKS_SEAT = re.compile(
    rf"{ASKS_TITLE.pattern}|\b(?:which|what|quel|quelle|vilken|vilket)\s+(?:body|council|committee|organi[sz]ation|"
    r"organe|conseil|comité|organisation|organ|råd|rådet|kommitté)\b|\b(?:represent\w*|représent\w*|företräd\w*|"
    r"đại diện|cơ quan nào)\b",
    re.IGNORECASE,
)


# a question about who came, which the list answers ('Who attended…', 'Qui a assisté…', 'Vem närvarade…')
_ASKS_PRESENT = re.compile(
    r"\b(?:attend\w*|present|présents?|assist\w*|närvar\w*|deltog|tham dự|có mặt|dự hội nghị)\b", re.IGNORECASE
)


# a line that signs the words above it with a name and a post, and says nothing of its own: '– Nguyen Hai Ha,
# vice-président du Comité provincial du Front de la Patrie du Vietnam.'
_SIGNATURE = re.compile(
    r"^[\s»”\"]*[–—]\s*(?P<name>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){1,4})\s*,\s*[^\d.;:!?]{3,160}\.?\s*$"
)


def _only_present(typed: str, question: Question, best: Sentence) -> bool:
    """Whether a question asks what a person it names did ('Which questions did Tran Van Ky answer at the Ha Tinh
    conference?') and the best sentence only lists them among those present: it says they came, not what they did;
    or only signs their words with their name and post ('Var bör frontens verksamhet koncentreras enligt Nguyen Hai
    Ha…?' and '– Nguyen Hai Ha, vice-président…'). A question asking who came, or a person's post, which the list
    gives, is answered by it."""
    if not question.persons or question.kind == "person" or _ASKS_SEAT.search(typed) or _ASKS_PRESENT.search(typed):
        return False
    signed = _SIGNATURE.match(best.text)
    # (a claim checked of the person, 'Är Nguyen Hai Ha … vice ordförande…?', is checked against the post it signs with)
    return bool(_PRESENT.search(best.text) or signed and is_person_name(signed["name"]) and not question.verifies)


# an average asked ('on average', 'en moyenne', 'le coût moyen', 'i genomsnitt', 'trung bình'; not French 'moyens',
# means), which only a sentence stating an average or an amount per unit gives ('revenu par habitant', 'per hushåll')
_ASKS_AVERAGE = re.compile(
    r"\b(?:average|en moyenne|moyenne|(?:coût|revenu|prix|montant|nombre|taux|salaire|durée)s?\s+moyens?|"
    r"genomsnitt\w*|medelvärde\w*|trung bình|bình quân)\b",
    re.IGNORECASE,
)
# or an amount for each one of a kind, in a question that asks how many or how much ('How many members does each
# village team have?', 'Mỗi trẻ mồ côi… nhận bao nhiêu tiền mỗi tháng?', 'par mois', 'per barn'); not each year or
# each time, which a yearly figure may answer, nor all of them ('once it covered every village', 'till varje by')
_ASKS_EACH = re.compile(
    r"\beach\s+(?!(?:year|time|one)\b)[^\W\d]|\bper\s+(?!(?:the|a|an|its|their|his|her|year)\b)[^\W\d]|"
    r"\bchaque\s+(?!(?:année|an|fois)\b)[^\W\d]|"
    r"\bpar\s+(?:mois|semaine|jour|enfant|personne|ménage|foyer|équipe|village|membre|élève|orphelin|tête)\b|"
    r"(?<!till )\bvarje\s+(?!(?:år|gång)\b)[^\W\d]|"
    r"\bper\s+(?:månad|vecka|dag|barn|person|hushåll|lag|by|medlem|elev)\b|"
    r"\bmỗi\s+(?!(?:năm|lần)\b)[^\W\d]",
    re.IGNORECASE,
)
_GIVES_AVERAGE = re.compile(
    r"\b(?:average|averag\w+|mean|per|moyenne|moyen|par (?:habitant|personne|ménage|foyer|maison|logement|an|mois|"
    r"jour|tête)|chaque|chacun|chacune|genomsnitt\w*|medel\w*|varje|each|trung bình|bình quân|mỗi)\b|"
    r"\w/\s*(?:personne|habitant|ménage|foyer|an|mois|person|invånare|hushåll|år|người|hộ|năm)\b",
    re.IGNORECASE,
)


def _part_read(typed: str, question: Question, best: Sentence) -> bool:
    """Whether the best sentence's passage holds the word that says which part of a whole a count asks of:
    the women of 'How many of the cadres trained… were women?', the shelters of 'Parmi les 3 172 maisons…, combien
    étaient des abris syndicaux ?' (a sentence that counts the whole, or another part of it, does not say)."""
    found = (_WHOLE_FIRST.match(typed) or _PART_AFTER.search(typed)) if question.kind == "number" else None
    if found is None or _THERE.match(found.group("part")):
        return True  # 'are there no longer any poor households' says that some are, not what they are
    whole = {fold(w) for w in content_words(typed[: found.start("part")])}
    # the first word of its own after 'to be' ('des ménages ayant bénéficié…': 'ayant', the whole's 'ménages' aside)
    said = words(found.group("part"))
    at = next((i for i, w in enumerate(said) if fold(w) not in whole and w in content_words(w)), None)
    head = fold(said[at]) if at is not None else ""
    participle = head.endswith(_PARTICIPLES) or head in _IRREGULAR_PARTICIPLES
    if participle and at is not None and at + 1 < len(said) and not is_stopword(said[at + 1]):
        head = fold(said[at + 1])  # how the part was done, right after: 'were held online'
    if not head or head.endswith(_PARTICIPLES) or head in _IRREGULAR_PARTICIPLES:
        return True  # what the part did: 'how many are serving for the first time', not what it is
    return all(_passage_reads(question, {head}, best))


def _passage_reads(question: Question, folded: Set[str], best: Sentence) -> list[bool]:
    """For each key word of the question that is one of the `folded` words, whether the best sentence's passage
    holds it."""
    near = Words(best.passage.text, best.passage.language)
    return [matched(k, near) for k in question.keys if k.kind == "word" and fold(k.word) in folded]


# what a sum asked was spent on: 'How much did Hanoi spend on the health insurance cards…', 'Combien a-t-on investi
# dans les routes…', 'Hur mycket lade staden på…'
_SPENT_ON = re.compile(
    rf"\b(?:{SPENT}|lade|lagt|{SPENT_VI})\b[^?]{{0,40}}?\b(?:on|for|into|pour|dans|à|aux|au|på|"
    r"för|cho)\s+(?:(?:the|les|la|le|des|du|de|den|det|các|những)\s+|l['’])?(?P<thing>[^\W\d_][\w-]*)",
    re.IGNORECASE,
)
_CLAUSE_AFTER = re.compile(
    r"[,;?]|\s(?:it|that|which|who|they|to|in order to|qui|que|pour|afin|dont|som|till|för att|så att|mà|để|cho)\s",
    re.IGNORECASE,
)
# (folded) a share, not a thing: 'pay for each house'; and help or support, which is spent on someone: 'consacrée à
# l'aide aux foyers pauvres'
_EACH = frozenset(fold(w) for w in "each every all chaque tout toute tous toutes varje alla mỗi từng total".split())
_SUPPORT = frozenset(
    fold(w) for w in "aide help support soutien assistance stöd stödet stödja hjälp hỗ trợ giúp".split()
)


def _spent_on_read(typed: str, question: Question, best: Sentence) -> bool:
    """Whether the best sentence's passage holds the word for what a sum asked was spent on: the health insurance
    cards of 'How much did Hanoi spend on the health insurance cards…' (a sum the city's fund raised does not say)."""
    found = _SPENT_ON.search(typed) if question.money else None
    if found is None:
        return True
    # what it was spent on, to the clause that says more of it ('the health insurance cards | it gave to poor
    # households'); any of its words will do ('l'aide aux foyers pauvres et quasi pauvres': the households), but not
    # a share ('for each house') nor the help or support it was spent as
    thing = _CLAUSE_AFTER.split(typed[found.start("thing") :], maxsplit=1)[0]
    said = {fold(w) for w in words(thing) if not is_stopword(w)}
    if said & _EACH:
        return True
    reads = _passage_reads(question, said - _SUPPORT, best)
    return not reads or any(reads)


def _tells_time(text: str, typed: str) -> bool:
    """Whether a sentence gives a day the question does not: a date, a day and month, a month; a year alone dates no
    day ('Vilket datum hölls kongressen?' is not answered by 'Under mandatperioden 2024-2029'), nor a quarter a day
    or a month ('ngày nào', 'tháng mấy' are not answered by 'à la fin du premier trimestre')."""
    stated = set(YEAR.findall(typed))
    found = (m.group() for pattern in (FULL_DATE, DAY_MONTH, TIME, CLOCK) for m in pattern.finditer(text))
    return any(when not in stated and not YEAR.fullmatch(when) and not QUARTER.fullmatch(when) for when in found)


_CREDITED = ("time", "person")  # what a dateline and a credit line answer of an article
LISTING_READ = 3  # sentences read for the one that counts the things a question lists, when the best does not
READ_ON = 3  # sentences of a follow-up's ranking read for one that holds its own words, when the first does not
ANEW = 3  # words of its own, besides names, that make a follow-up ask a new thing of the new place


def _names_all(persons: list[KeyWord], sentence: Sentence) -> bool:
    said = Words(sentence.text, sentence.passage.language)
    return all(names_person(k, said) for k in persons)


def _asks_anew(part: str, previous: str | None) -> bool:
    """Whether a follow-up asks a thing of its own, not the turn before's again: 'Còn ở huyện Châu Thành thì ai là
    người nói về cách phát hiện và nhân rộng mô hình điển hình?', not 'Còn ở Quảng Nam thì quỹ này vận động được bao
    nhiêu?' after the fund's takings in Ha Tinh."""
    names = {fold(w) for n in _names(part) for w in n.split()}
    before = {fold(w) for w in content_words(previous or "")}
    # numbers, years and the level of a place ask nothing new: 'What about in Ho Chi Minh City during the 2021
    # outbreak?', 'i provinsen Quang Nam förra året'
    said = {fold(w) for w in content_words(part) if not w.isdigit() and w.lower() not in YEAR_WORDS | _NOT_NEW}
    return len(said - before - names) >= ANEW


# words that say where or when, not what: a place's level, 'during' ('outbreak' from the review's example)
_NOT_NEW = {"province", "provinces", "provincial", "provinsen", "provins", "tỉnh", "district", "districts",
                 "distriktet", "huyện", "quận", "commune", "kommunen", "xã", "city", "ville", "staden", "thành", "phố",
                 "during", "pendant", "under", "trong", "outbreak"}  # fmt: skip


def _without_places_before(
    ranked: list[Sentence], previous: str | None, question: Question, results: Results
) -> list[Sentence]:
    """The sentences less those about a place the question's first part asked of and this part does not: '…i Ha Tinh
    år 2023, jämfört med i Hanoi under mandatperioden?' finds Ha Tinh's sentence first for its second part, searched
    with the first part's words; it says nothing of whether Hanoi's answers (`evidence.blocked` declines when another
    place's outscores). In a conversation it does: 'Och i Mo Cay Bac?' after Hanoi's fund, where Hanoi's sentence
    outscores every one of Mo Cay Bac's, is not answered by the district's donations, unless it asks a new thing."""
    if not previous or not question.places:
        return ranked
    before = {p.name for p in asked_places(previous, results.index)} - {p.name for p in question.places}
    return [s for s in ranked if s.elsewhere is None or s.elsewhere.name not in before] if before else ranked


# the number a decision or a resolution is known by, asked ('the reference number', 'le numéro', 'diarienumret',
# 'số hiệu') and given ('décision n° 781/QD-UBND', 'resolution No. 35', 'nr 35', 'số 781')
ASKS_REFERENCE = re.compile(
    r"\b(?:reference|number|référence|referens\w*|diarienummer\w*|numéro|nummer|numret|số hiệu|ký hiệu)\b",
    re.IGNORECASE,
)
NUMBERED_TEXT = re.compile(r"\bn[°º]\s*\d|\bno\.\s*\d|\bnr\.?\s*\d|\bsố\s+\d|\b\d+/[A-ZĐ]{2,}", re.IGNORECASE)


# what one does with a post: 'What position does she hold?', 'Quel poste occupe-t-elle ?', 'Vilken befattning har hon?'
_HOLDS = re.compile(r"\b(?:occup\w*|exer[cç]\w*|hold\w*|held|inneh\w*|giữ|đảm nhiệm)\b", re.IGNORECASE)


# words that ask for a whole, not a thing: 'How many people attended them altogether?'
_IN_ALL = {"altogether", "overall", "total", "totalt", "sammanlagt", "sammantaget", "totalement", "tổng", "cộng"}


# money as such, which any sum gives; not a budget or a fund, which the passage must name ('And what was its budget?')
_MONEY = MONEY_WORDS - {"budget", "funds", "fonds"}


# what a verb of taking part names as taken part in: 'deltog i idrottsturneringen', 'participé au tournoi'
_PARTAKEN_IN = re.compile(r"\s+(?:i|in|à|au|aux|vào)\s+(?:(?:the|les|la|le)\s+|l['’])?([^\W\d_][\w-]*)", re.IGNORECASE)


# what came of the thing the turn before asked about, which no sentence needs to name: 'Việc vận động đó đã mang lại
# kết quả ra sao?' is answered by '…, créant des changements clairs'
_WHAT_CAME_OF = re.compile(
    r"\b(?:results?|outcomes?|effects?|impacts?|résultats?|effets?|resultat(?:et|en)?|effekt(?:en|er|erna)?|"
    r"kết quả|hiệu quả|tác dụng|mang lại|đem lại|bring|brought|yielded|apporté|apporter|gett|gav)\b",
    re.IGNORECASE,
)


# a noun phrase a follow-up opens with, by a demonstrative, and takes up again with a pronoun: the thing the turn
# before asked about, in other words ('Ce dispositif d'entraide, il a vu le jour à quel moment ?', 'Cette initiative,
# quand a-t-elle vu le jour ?' after the model of Dien Phuoc; 'That scheme, when did it start?', 'Den modellen, när
# startade den?', 'Mô hình đó, nó ra đời khi nào?'); a few words, and no time ('Cette année, …', 'This year, …')
_DEMONSTRATIVE = r"ce|cet|cette|ces|this|that|these|those|denna|detta|dessa|den|det"
_NOT_A_THING = r"année|an|fois|époque|période|moment|year|time|period|said|år|året|gång|gången|tid|tiden"
_FRONTED = re.compile(
    rf"(?:^\W*(?:(?:et|and|och)\s+)?(?:{_DEMONSTRATIVE})\s+(?!(?:{_NOT_A_THING})\b)(?:här\s+|där\s+)?"
    r"[^\s,?]+(?:\s+[^\s,?]+){0,3}"
    r"|^\W*(?:còn\s+)?[^\s,?]+(?:\s+[^\s,?]+){0,3}?\s(?:này|đó|ấy)\s*)"
    # taken up by a pronoun: French inverted ('a-t-elle') or just after the comma, English, Swedish, Vietnamese
    r",(?=\s*(?:il|elle|ils|elles)\b|[^?]*-(?:t-)?(?:il|elle|ils|elles)\b|[^?]*\b(?:it|they|den|det|nó|họ)\b)",
    re.IGNORECASE,
)
# when a thing came into being, which a sentence that dates it answers without these words ('vu le jour', 'à quel
# moment', 'come into being', 'see the light of day', 'såg den dagens ljus', 'ra đời')
_BEGAN = re.compile(
    r"\b(?:vu|voir|voit|vit|virent|voient)\s+le\s+jour\b|\bc[oa]me\s+into\s+being\b|"
    r"\bs(?:aw|ee|een)\s+the\s+light\s+of\s+day\b|\b(?:såg|ser|se|sett)\s+(?:\w+\s+)?dagens\s+ljus\b|\bra\s+đời\b|"
    r"\bà\s+quel\s+moment\b|\bat\s+what\s+point\b|\bvid\s+vilken\s+tidpunkt\b|\blúc\s+nào\b",
    re.IGNORECASE,
)


def _own_said(part: str) -> str:
    """A follow-up less its pointing words ('Och hur många deltog i dem?': 'dem' is no word of its own), the noun
    phrase it opens with to point back (_FRONTED) and the words of what came of a thing (_WHAT_CAME_OF)."""
    return ANAPHORA.sub(" ", _WHAT_CAME_OF.sub(" ", _FRONTED.sub(" ", part)))


def _own_keys(said: str, previous: str | None, question: Question, unsaid: Set[str] = frozenset()) -> list[KeyWord]:
    """The key words of what a follow-up says (`_own_said`) that the turn before did not, its years, words of a whole
    and `unsaid` aside."""
    before = {fold(w) for w in content_words(previous or "")}
    typed = {fold(w) for w in content_words(said) if w.lower() not in YEAR_WORDS | _IN_ALL | unsaid} - before
    return [k for k in question.keys if k.kind == "word" and fold(k.word) in typed]


def _own_words_said(own: list[KeyWord], sentence: Sentence) -> float:
    """The weight of a follow-up's own key words (`_own_keys`) that the sentence itself holds."""
    text = Words(sentence.text, sentence.passage.language)
    return sum(k.weight for k in own if matched(k, text))


# a body asked for: 'de quelle instance', 'which body', 'vilket organ', 'cơ quan nào'
_ASKS_BODY = re.compile(
    r"\bquel(?:le)?s?\s+(?:instances?|organes?|organismes?|autorités?|organisations?)\b|"
    r"\b(?:which|what)\s+(?:bod(?:y|ies)|organi[sz]ations?|authorit(?:y|ies)|institutions?)\b|"
    r"\bvilke[nt]\s+(?:instans(?:er)?|organ|myndighet(?:er)?|organisation(?:er)?)\b|\b(?:cơ quan|tổ chức)\s+nào\b",
    re.IGNORECASE,
)


def _counts_other_things(judged: list[Sentence]) -> bool:
    """Whether the best sentence is declined for counting other things than the question asks, whatever its other
    constraints (`evidence.blocked`: its `unit` is 0)."""
    return bool(judged) and judged[0].violation is None and judged[0].features.get("unit") == 0.0


def _own_words_read(part: str, previous: str | None, question: Question, best: Sentence) -> bool:
    """Whether the passage of a follow-up's best sentence holds one of the words the follow-up asks of its own, those
    the turn before (`previous`, as its conversation framed it) did not say ('women' in 'How many of them are
    women?'), when it has any. What the sentence gives in other words is read: the people of 'Och hur många deltog i
    dem?' in '815 940 deltagare', the area of 'Et sur quelle surface ?' in 'plus d'un hectare', the money of 'bao
    nhiêu tiền' in '60 millions de VND'; not the veterans of 'how many people of them are veterans'."""
    said = _own_said(part)
    people = asks_people(part) and gives_people(best.text)
    if people:
        said = PARTAKE.sub(" ", said)
    if question.measure in ASKS_MEASURE and measured(best.text, question.measure):
        said = ASKS_MEASURE[question.measure].sub(" ", said)
    if NUMBERED_TEXT.search(best.text):  # 'What was the reference number of that decision?' read in 'décision n° 781'
        said = ASKS_REFERENCE.sub(" ", said)
    if ASKS_TITLE.search(said) and role_mentions(best.text, verbs=False):  # 'Et quel poste occupe-t-elle ?' read
        said = _HOLDS.sub(" ", ASKS_TITLE.sub(" ", said))  # in 'La chef adjointe de la Commission…, Nguyen Thi…'
    if (question.kind == "time" and best.violation is None) or (_BEGAN.search(said) and YEAR.search(best.text)):
        said = _BEGAN.sub(" ", ASKS_TIME.sub(" ", said))  # a sentence that dates the thing tells when it began
    given = _MONEY if SUM.search(best.text) else frozenset()  # 'bao nhiêu tiền' read in '60 millions de VND'
    own = _own_keys(said, previous, question, given)
    if not own:
        return True
    near = Words(best.passage.text, best.passage.language)
    # what those counted took part in is read, when the follow-up names it: 'Och hur många kadrer deltog i
    # idrottsturneringen?' is not read by those who took part in the courses
    partaken = {fold(m.group(1)) for p in PARTAKE.finditer(said) if (m := _PARTAKEN_IN.match(said, p.end()))}
    if any(not matched(k, near) for k in own if fold(k.word) in partaken):
        return False
    if any(matched(k, near) or (people and k.word.lower() in PEOPLE_WORDS) for k in own):
        return True
    # a body asked of the thing the noun phrase it opens with names, when the turn before did not name it: 'Et ces
    # certificats de mérite, ils émanaient de quelle instance ?' after a question on the distinctions is read in
    # '…ont décerné des certificats de mérite du Comité populaire provincial', which names the certificates and a body
    fronted = _FRONTED.match(part)
    # (the phrase's words the sentence says weigh more than nothing: every key word's BM25 weight is above 0)
    if (
        fronted
        and _ASKS_BODY.search(part)
        and bodies(best.text)
        and _own_words_said(_own_keys(fronted.group(), previous, question), best) > 0
    ):
        return True
    # 'Och hur många kadrer deltog?' is read by the count of the cadres ('358 689 kadrer'), without its 'took part',
    # when its other words are read too (not 'Och hur många kadrer deltog i idrottsturneringen?')
    things = {fold(w) for w in counted(said)} if PARTAKE.search(said) else set()
    partaking = {fold(w) for w in content_words(" ".join(m.group() for m in PARTAKE.finditer(said)))}
    rest = [k for k in own if fold(k.word) not in partaking | things]
    read = any(matched(k, near) for k in question.keys if fold(k.word) in things)
    return read and all(matched(k, near) for k in rest)


def _site_known(question: Question, ranked: list[Sentence], results: Results) -> bool:
    """For 'which website published the article about…', whether the best sentence's document is the article asked
    about (it holds the names and places the question gives, which are needed to tell one article from another) and
    has a source link or a site's name."""
    if not ranked or violates(ranked[0]) or not (question.names or question.places):
        return False
    best = ranked[0]
    return best.features["names_doc"] == 1.0 and _linked(results, best.passage.doc_id)


def _linked(results: Results, doc_id: str) -> bool:
    """Whether the document has a source link or a site's name, which say where it appeared."""
    row = results.index.documents.get(doc_id, {})
    return bool(row.get("url") or row.get("site"))


# a newspaper or a site named in a sentence: 'le journal Kinh te & Do thi', 'tidningen', 'báo', 'kinhtedothi.vn'
NAMES_A_SITE = re.compile(  # not 'báo' alone: 'báo cáo' is a report, 'cảnh báo' a warning
    r"\b(?:journal|newspaper|tidning\w*|tờ báo|báo điện tử|[\w-]+\.(?:vn|com|net|org))\b", re.IGNORECASE
)


def _site_said(best: Sentence, results: Results) -> bool:
    """For 'which website published the article about…', whether the best sentence's document has a source link or
    a site's name, or the sentence names a newspaper or a site: else nothing read says where the article appeared."""
    return _linked(results, best.passage.doc_id) or NAMES_A_SITE.search(best.text) is not None


def _elsewhere(ranked: list[Sentence]) -> bool:
    """Whether the question is declined for the place: every sentence fails a constraint and the best one speaks of
    another place, or the closest one does by more than the fitted margin (`evidence.blocked`)."""
    if not ranked:
        return False
    top = max(ranked, key=lambda s: s.score)
    return ranked[0].violation == "place" or top.violation == "place" and blocked(ranked)


def _in_places_asked(
    results: Results, question: Question, part: str, searched: str, search: Search, similarity: Similarity
) -> tuple[Results, list[Sentence], bool, float]:
    """The results read again with the best passages of up to PLACE_DOCUMENTS other documents that name the places
    asked about after the first ones, when the closest sentence speaks of another place ('How many solidarity houses
    were built in Hanoi?' finding Ha Tinh's figure first). Searched within one document, those passages rank first
    among its chunks: they count no higher than the last passage found before."""
    shown = {p.doc_id for p in results.passages}
    docs = [d for d in documents_naming(question.places, results.index) if d not in shown][:PLACE_DOCUMENTS]
    passages, candidates = list(results.passages), list(results.candidates)
    seen = {p.chunk_id for p in passages}
    known = {c.chunk_id: c for c in candidates}
    floor = min((known[p.chunk_id].fused for p in passages if p.chunk_id in known), default=0.0)
    for doc_id in docs:
        there = search(searched, doc_id=[doc_id])
        kept = [p for p in there.passages[:PLACE_PASSAGES] if p.chunk_id not in seen]
        passages += kept
        seen |= {p.chunk_id for p in kept}
        for c in there.candidates:
            if c.chunk_id in seen and c.chunk_id not in known:
                known[c.chunk_id] = replace(c, fused=min(c.fused, floor))
                candidates.append(known[c.chunk_id])
    if len(passages) > len(results.passages):
        passages = [p.model_copy(update={"rank": rank}) for rank, p in enumerate(passages, start=1)]
        results = replace(results, passages=passages, candidates=candidates)
    ranked = sentences(results, question, part, similarity)
    found, p = answers(ranked[0] if ranked else None, ranked)
    return results, ranked, found, p


# the name an article is signed with, asked as a name: a person's ('Le papier…, textes et clichés, est signé de quel
# nom ?', 'Under what name was the article signed?')
_SIGNED_WITH = re.compile(
    r"\bsignée?s?\s+(?:de|du|par|sous)\s+quel\s+nom\b|\bsigned\s+(?:with|by|under)\s+what\s+name\b|"
    r"\bunder\s+what\s+name\b[^?]*\bsigned\b|\bunder\s+(?:vilket|vilken)\s+namn\b",
    re.IGNORECASE,
)


def _byline_asked(
    typed: str, question: Question, ranked: list[Sentence], results: Results, site: bool
) -> Sentence | None:
    """For 'when was the article published?' the first document's dateline, for 'who wrote it?' its credit line, for
    'which site published it?' (`site`) its source line with the link, when that document holds the names the question
    gives (a post it names with a person, 'the interview with the head of the commission, Do Anh Tuan', says whose
    article it is: the dateline need not name it) and is about what the question (`typed`) says it is about."""
    # '…est signé de quel nom ?'; '…: day, month and year of publication, please'
    kind = question.kind or (
        "person" if _SIGNED_WITH.search(typed) else "time" if ASKS_PUBLICATION.search(typed) else None
    )
    wanted = "source" if site else {"time": "date", "person": "author"}.get(kind or "")
    if wanted is None or not results.passages:
        return None
    first = results.passages[0].doc_id
    if not _treats(typed, question, results, first):  # read once, not for each byline
        return None
    # the time of day, when asked, from the dateline that gives it ('11:04 25/11/2024')
    clocked = sorted(ranked, key=lambda s: not CLOCK.search(s.text)) if ASKS_CLOCK.search(typed) else ranked
    return next(
        (
            s
            for s in clocked
            if s.passage.doc_id == first
            and byline(s.text) == wanted
            and (wanted != "source" or "://" in s.text)  # a link, not the word alone under a name
            and s.features["names_doc"] == 1.0
            # a post the question names beside a person the document names says whose interview it is, which a
            # dateline does not repeat; years the document gives say which article it is, which its source line
            # does not repeat ('the article about the Hanoi Front's 2019-2024 term')
            and (
                s.violation is None
                or (bool(question.persons) and s.violation in ("role", "body"))
                or (wanted == "source" and s.violation == "year" and _years_given(question, results, first))
            )
        ),
        None,
    )


def _asks_heading_itself(typed: str) -> bool:
    """Whether a question about a subheading asks for the subheading, not for something of the article it names by
    one ('Qui a écrit l'article dont le premier intertitre est « … » ?', 'how many houses… in the article whose last
    subheading is…')."""
    return asked_kind(typed) is None and not ASKS_ARTICLE.search(typed) and not counted(typed)


def _headings(place: int, best: Sentence, index: LexicalIndex) -> list[Sentence]:
    """The subheadings of the best sentence's article asked for (`heading_asked`): at a place (1 the first, -1 the
    last), every one (EVERY_HEADING), or for 0 the best sentence itself when it is one, else the one over it; each as
    a sentence of the chunk that holds it."""
    doc_id = best.passage.doc_id
    lines = headings(index, doc_id)
    at = best.passage.start + best.start  # the best sentence's offset in its document
    if place == EVERY_HEADING:
        chosen = lines
    elif place == 0:
        over = next((h for h in lines if h[0] == at), None) or next((h for h in reversed(lines) if h[0] <= at), None)
        chosen = [over] if over else []
    elif place > 0:
        chosen = lines[place - 1 : place]
    else:
        chosen = [lines[place]] if -place <= len(lines) else []
    return [_line(best, index, start, text) for start, text in chosen]


def _line(best: Sentence, index: LexicalIndex, start: int, text: str) -> Sentence:
    """A line of the best sentence's document (a subheading, the title) at its offset, as a sentence of the chunk that
    holds it, which the page states outright."""
    doc_id = best.passage.doc_id
    chunk = next(
        (r for r in index.chunks(doc_id) if int(r["start"]) <= start and start + len(text) <= int(r["end"])), None
    )
    update = {"text": text, "start": start, "end": start + len(text)}
    passage = best.passage.model_copy(update=update | ({"chunk_id": str(chunk["id"])} if chunk else {}))
    return replace(best, passage=passage, start=0, end=len(text), score=1.0, violation=None, elsewhere=None)


def _title_line(best: Sentence, index: LexicalIndex) -> Sentence | None:
    """The title of the best sentence's document as the line that gives it, when the document writes it (a page
    without a headline has the title its first words give, cut: none)."""
    title = best.passage.title or ""
    for row in index.chunks(best.passage.doc_id) if title else []:
        at = str(row["text"]).find(title)
        if at >= 0:
            return _line(best, index, int(row["start"]) + at, title)
    return None


def _treats(typed: str, question: Question, results: Results, doc_id: str) -> bool:
    """Whether a document is about what a question about an article says the article is about: it holds some of the
    weight of the topic's words and names that tell the documents apart, and at least half of it or as much as any
    other document ('Who wrote the article about the football team?' is not about the Mo Cay Bac article, which names
    neither football nor a team; 'new' of 'the new airport' is in every document, and says nothing of which one is
    meant; a topic told in other words than the article's is still best told by it)."""
    topic = {fold(w) for w in content_words(topic_of_article(typed))}
    index = results.index
    every = {
        d: words_of(index, d, str(row.get("title", "")), str(row["language"])) for d, row in index.documents.items()
    }
    # its words, and the names it gives, which say which article it is ('the year-end review in Ha Tinh')
    keys = [k for k in question.keys if k.kind != "number" and set(fold(k.word).split()) <= topic]
    keys = [k for k in keys if not (len(every) > 1 and all(matched(k, words) for words in every.values()))]
    total = sum(k.weight for k in keys)
    if not total:
        return True
    held = {d: sum(k.weight for k in keys if matched(k, words)) for d, words in every.items()}
    mine = held.get(doc_id, 0.0)
    return mine > 0 and (mine >= total / 2 or mine >= max(held.values()))


def _years_given(question: Question, results: Results, doc_id: str) -> bool:
    text = results.index.document_text(doc_id)
    return all(re.search(rf"\b{year}\b", text) for year in question.years)


RANK_K = 10.0  # a signal's rank r counts as 1 / (RANK_K + r) among the passage features


def passage_features(results: Results, question: str, similarity: Similarity, depth: int) -> list[dict[str, float]]:
    """What the fitted passage model reads of each of the first `depth` passages: its fused rank and score, each
    signal's rank and the dense cosine, and its best sentence (its own sentences, without the neighbouring ones the
    answer also reads) as the sentence model judges it, with that sentence's features; 'read' is 0 for a passage
    whose sentences all stand in a better-ranked passage that overlaps it."""
    head = results.passages[:depth]
    shown = {p.chunk_id for p in head}
    reading = Results(results.query, head, [c for c in results.candidates if c.chunk_id in shown], results.index)
    best: dict[str, Sentence] = {}
    for sentence in sentences(reading, question_of(reading, question), question, similarity, neighbours=0):
        held = best.get(sentence.passage.chunk_id)
        if held is None or sentence.score > held.score:
            best[sentence.passage.chunk_id] = sentence
    by_id = {c.chunk_id: c for c in reading.candidates}
    out = []
    for p in head:
        cand = by_id.get(p.chunk_id)
        ranks = cand.ranks if cand else {}
        f = {"prior": 1.0 / p.rank, "fused": cand.fused if cand else 0.0}
        f["dense"] = cand.signals.get("dense", 0.0) if cand else 0.0
        f |= {f"rank_{name}": 1.0 / (RANK_K + r) for name, r in ranks.items()}
        s = best.get(p.chunk_id)
        if s:
            f |= {"best": s.score, "violation": float(s.violation is not None)}
            f |= {f"sentence_{name}": float(value) for name, value in s.features.items()}
        f["read"] = float(s is not None)
        out.append(f)
    return out


def rerank(
    results: Results, question: str, similarity: Similarity, k: int, model: dict[str, Any], depth: int
) -> list[Passage]:
    """The first `depth` retrieved passages reordered by the fitted passage model (the probability that a passage
    holds the answer, from `passage_features`), then the rest in retrieval's order: the first k, ranked anew, each
    with its score (so the first k do not depend on k). Passages retrieval pinned (an article's bylines, asked about
    the article) stay first: the model, fitted to find the news, scores a line 'Source : https://…' low."""
    head = results.passages[:depth]
    if not head:
        return []
    features = passage_features(results, question, similarity, depth)
    scored = sorted(((round(probability(model, f), 6), p) for f, p in zip(features, head, strict=True)),
                    key=lambda pair: -pair[0])  # fmt: skip
    pinned = {p.chunk_id for p in head if p.chunk_id in results.pinned}
    if pinned:
        top = scored[0][0]
        first = [(top, p) for _, p in scored if p.chunk_id in pinned]
        scored = first + [pair for pair in scored if pair[1].chunk_id not in pinned]
    floor = scored[-1][0]
    scored += [(round(min(floor, 1.0 / p.rank), 6), p) for p in results.passages[depth:]]
    return [p.model_copy(update={"rank": rank, "score": score}) for rank, (score, p) in enumerate(scored[:k], start=1)]


# what a user adds after the question mark to say how to answer: 'Give both dates.', 'Donnez les deux chiffres.', 'Ange
# båda.', 'Nêu cả hai.'
_INSTRUCTION = re.compile(
    r"\?\s*(?:(?:please|merci de|s'il vous plaît,?|var snäll och|vui lòng|xin)\s+)?"
    r"(?:give|list|name|state|say|show|answer|donne[rz]?|indique[rz]?|précise[rz]?|cite[rz]?|nomme[rz]?|ange|uppge|"
    r"nämn|ge|svara|hãy|nêu|cho biết|kể)\s+(?:[^\W\d]+\s+){0,2}?"
    # of the answers the question asks already: 'both', 'les deux', 'båda', 'cả hai', alone or with a word for answers
    # ('both dates', 'les deux chiffres'); not 'Name the deputy too.', 'List all the council chairs who attended.' or
    # 'Give each figure for 2024.', which ask one thing more
    r"(?:both|each|all|les deux|chacun|chacune|tous|toutes|båda|bägge|varje|alla|cả hai|từng)"
    r"(?:\s+(?:the\s+|les\s+|des\s+)?(?:dates?|figures?|numbers?|names?|years?|answers?|amounts?|chiffres|nombres|noms|"
    r"dates|années|réponses|montants|datumen|datum|siffrorna|siffror|talen|namnen|namn|åren|årtalen|svaren|số liệu|"
    r"con số|tên|năm|ngày|mốc thời gian))?"
    # and what may pad it: 'both of them', 'båda två', 'please', 'tack', 's'il vous plaît'
    r"(?:\s+(?:of them|två|d'entre eux|tous les deux))?(?:\s*,?\s*(?:please|tack|svp|s'il vous plaît|merci|nhé))?"
    r"\s*[.!…]*\s*$",
    re.IGNORECASE,
)


def without_instruction(question: str) -> str:
    """The question without the instruction a user may add after it ('Which came first: A or B? Give both dates.')."""
    return _INSTRUCTION.sub("?", question).strip()


def _mark(question: str) -> str:
    """The question mark as the question's language writes it (`question_mark`)."""
    return question_mark(question_language(question))


def _people_compared(question: str, language: str) -> list[str]:
    """Two people or more that a yes-or-no question names, each asked as the question what post they hold: 'Är Pham
    Anh Tuan i den svenska rapporten samma person som Do Anh Tuan i intervjun?', 'Ông Đỗ Anh Tuấn … và bà Thùy Dung
    … có làm cùng một loại công việc lãnh đạo không?' (their posts tell); none for another question."""
    if not asks_yes_or_no(question) or not _SAMENESS.search(question):
        return []
    names: list[str] = []
    for match in _PERSON_RUN.finditer(question):
        run = match.group("name").split()
        # (from its family name on: 'Är Pham Anh Tuan'; a title's given names whole: 'bà Thùy Dung')
        first = 0 if match.group("title") else next((i for i, w in enumerate(run) if fold(w) in SURNAMES), None)
        name = " ".join(run[first : first + 4]) if first is not None else ""
        if len(name.split()) >= 2 and (match.group("title") or is_person_name(name)) and name not in names:
            names.append(name)
    return [ASK_POST.get(language, ASK_POST["en"]).format(n) for n in names] if len(names) >= 2 else []


# a run of capitalised words, after a Vietnamese title or not: 'Är Pham Anh Tuan', 'bà Thùy Dung'
_PERSON_RUN = re.compile(
    rf"(?:\b(?P<title>{HONORIFIC})\s+)?(?<![\w'’-])(?P<name>[A-ZÀ-ÝĐ][\w'-]*(?:\s+[A-ZÀ-ÝĐ][\w'-]*)+)"
)
# what asks whether two are one, or alike: 'the same person as', 'samma person som', 'cùng một loại công việc'
_SAMENESS = re.compile(r"\b(?:same|même|mêmes|samma|cùng|identi\w*|likadan\w*)\b", re.IGNORECASE)


def asked_as(question: str) -> str:
    """The question as it is judged: a claim the user reports as whether it holds ('I read that… Is that right?'), a
    cleft about a person as who did it ('Var det Le Ngoc Chau som ledde…?' → 'Vem ledde…?'), who a person is as their
    post ('Who is Do Anh Tuan?' → 'What post does Do Anh Tuan hold?'); an instruction around it left out."""
    return _reading(question)[0]


def _reading(question: str) -> tuple[str, str | None]:
    """`asked_as`, and the person a cleft question names, whose deed the reply says yes or no to (None for any other
    question)."""
    question = as_claim(without_instruction(question), question_language(question))
    language = question_language(question)
    if (cleft := _cleft(question, language)) is not None:
        return cleft[1], cleft[0]
    name = who_is(question)
    if name is not None and is_person_name(name) and language in ASK_POST:
        return ASK_POST[language].format(name), None
    return question, None


def _cleft(question: str, language: str) -> tuple[str, str] | None:
    """The person a cleft question names and the question who did it (`languages.cleft_person`), if a person's."""
    cleft = cleft_person(question, language)
    return cleft if cleft is not None and is_person_name(fold(cleft[0]).title()) else None


def judge_parts(question: str, history: list[Any] | None, search: Search, similarity: Similarity) -> list[Part]:
    """Each part of a question judged on its own; a later part reads the first as a follow-up reads the question
    before it, so 'and who holds the same post in Ha Tinh?' asks the first part's question about Ha Tinh; a later 'how
    many' that names nothing counted counts what the first counts; each as `asked_as` reads it."""
    return _judge_asked(asked_as(question), history, search, similarity)[0]


def _judge_asked(
    question: str, history: list[Any] | None, search: Search, similarity: Similarity
) -> tuple[list[Part], bool]:
    """`judge_parts` for a question as `asked_as` reads it, and whether its parts are sides of which the reply needs
    both (two people asked whether the same, the turn before's count set against another)."""
    language = question_language(question)
    if people := _people_compared(question, language):  # '… samma person som …?': each one's post
        return [judge(asked, history, search, similarity) for asked in people], True
    if sides := _alternatives(question):  # two things compared: each side a question of its own
        return [judge(side, history, search, similarity) for side in sides], False
    if (other := _against_the_last(question, history)) is not None:
        # what the turn before asked set against another thing: the turn before asked again, then how many the other
        # is, with the places the turn before names when it names none ('for the city' is for Hanoi)
        previous = previous_question(history) or ""
        places = [] if _places_said(other) else sorted(_places_said(previous))
        other = f"{other} {', '.join(places)}" if places else other
        return [judge(previous, None, search, similarity), judge(other, None, search, similarity)], True
    first, *later = split_parts(question)
    # '…and how many were registered in Hanoi?'; '…, and how much in Hanoi during the last term?'
    parts = [first, *(_elliptic(same_count(first, p), language) for p in later)]
    before = [*(history or []), {"role": "user", "content": first}]
    return [judge(p, history if i == 0 else before, search, similarity, i == 0) for i, p in enumerate(parts)], False


# a later part that asks 'how much' of another place or time alone: '…, et combien à Hanoi au cours du mandat ?'
_BARE_ASK = re.compile(
    r"^\W*(?:how much|how many|combien|hur mycket|hur många)\s+(?=(?:in|at|for|during|over|à|au|aux|en|pour|dans|"
    r"sur|i|under|för|på)\b)",
    re.IGNORECASE,
)
# what names a place or a year: 'in Hanoi', 'i Quang Nam', 'in 2023' (not 'in cash', 'in VND')
_PLACE_OR_YEAR = re.compile(r"\b(?:[A-ZÀ-ÝĐ][a-zà-ÿđ\u0300-\u036f\u1ea0-\u1ef9]+|(?:19|20)\d{2})\b")


def _elliptic(part: str, language: str) -> str:
    """A later part that asks 'how much' and names only a place or a time, as the follow-up it is: 'and how much in
    Hanoi during the last term?' asks the first part's question of Hanoi ('And in Hanoi during the last term?'), not
    any figure the Hanoi report gives."""
    match = _BARE_ASK.match(part)
    # (its own words only: the first part's names follow its question mark)
    if match is None or counted(part) or not _PLACE_OR_YEAR.search(part.split("?")[0], match.end()):
        return part
    return f"{_AND_OPENING.get(language, 'And')} {part[match.end() :]}"


# A follow-up that points at a person by a pronoun, as the source of what it asks ('Et d'après ses déclarations,
# quels contenus…', 'According to her, what…', 'Enligt honom, …', 'Theo bà ấy, …'; not 'according to her report',
# nor 'Theo bà Nguyễn Lan Hương', which names her) or as its subject, in its own language ('What did she say…', 'Vad
# sa hon…', 'Ông ấy phụ trách…'; not the French subject pronouns: 'il' is also impersonal, 'combien y a-t-il')
_POINTED_SOURCE = re.compile(
    r"\b(?:d['’]après|selon)\s+(?:lui|elle|ses\s+(?:déclarations|propos|dires|paroles)|son\s+avis)\b"
    r"|\baccording\s+to\s+(?:(?:him|her)(?=\s*[,?])|(?:his|her)\s+(?:words|statements?|remarks))"
    r"|\benligt\s+(?:honom|henne)(?=\s*[,?])|\btheo\s+(?:ông|bà)\s+(?:ấy|này)\b",
    re.IGNORECASE,
)
_POINTED_SUBJECT = {
    "en": re.compile(r"\b(?:he|she)\b", re.IGNORECASE),
    "sv": re.compile(r"\b(?:han|hon)\b", re.IGNORECASE),
    "vi": re.compile(r"\b(?:ông|bà)\s+(?:ấy|này)\b", re.IGNORECASE),
}
_SOURCE_WORD = {"fr": "d'après", "en": "according to", "sv": "enligt", "vi": "theo"}


def _person_pointed(question: str, history: list[Any] | None, search: Search, similarity: Similarity) -> str:
    """A follow-up that points by a pronoun at the person the turn before asked for, asked of the person the turn
    before's answer names: 'Qui préside le Comité du Front de Hanoï ?' then 'Et d'après ses déclarations, quels
    contenus le Front retient-il…' asks 'Et d'après Nguyen Lan Huong, quels contenus…' (the turn before's words,
    'préside', are no words of what it asks). Else, and when the turn before asked for no one or found no one, or was
    itself a follow-up (whose answer may be another's: 'And the vice-chair?'), the question as it is."""
    language = question_language(question)
    subject = _POINTED_SUBJECT.get(language)
    pointer = _POINTED_SOURCE.search(question) or (subject.search(question) if subject else None)
    previous = previous_question(history) if pointer else None
    if pointer is None or not previous or previous.count("?") > 1 or asked_kind(previous) != "person":
        return question
    before = judge(_reading(previous)[0], None, search, similarity)
    name = direct_value(before, before.ranked[0]) if before.found and before.question.kind == "person" else None
    if not name or not is_person_name(name):
        return question
    source = pointer.re is _POINTED_SOURCE
    said = f"{_SOURCE_WORD.get(language, 'according to')} {name}" if source else name
    return f"{question[: pointer.start()]}{said}{question[pointer.end() :]}"


# a pronoun that takes up, in a later part, the thing an earlier part asks for: 'which product was certified in 2019
# and how many stars did it get?', 'Quel produit… et combien d'étoiles a-t-il obtenues ?', 'Vilken produkt… och hur
# många stjärnor fick den?', '… và nó đạt mấy sao?' (not French 'y a-t-il', 'existe-t-il', 'faut-il'; nor Swedish
# 'den' before its noun or a date, 'den ständiga kommittén', 'den 22 januari'; nor 'họ tên', a full name)
_TAKEN_UP = {
    "en": re.compile(r"\b(?:it|its|they|them|their)\b", re.IGNORECASE),
    "fr": re.compile(
        r"(?<!\by a)(?<!\by-a)(?<!\ben a)(?<!existe)(?<!faut)(?<!reste)(?<!agit)(?<!suffit)-t-il\b|"
        r"-t-(?:elle|elles)\b|\b(?:elle|elles)\b",
        re.IGNORECASE,
    ),
    "sv": re.compile(r"\b(?:den|dem)(?=\s*(?:[?,.!]|$))|\b(?:dess|deras)\b", re.IGNORECASE),
    "vi": re.compile(r"\bnó\b|\bhọ\b(?!\s+tên)", re.IGNORECASE),
}


def _premise_failed(parts: list[Part], language: str) -> bool:
    """Whether the first part of a question fails a hard constraint (a year, a place, a person the documents do not
    give it) and a later part, naming nothing of its own, takes up its thing by a pronoun: then the later part asks
    of a thing the documents do not have ('Tra Ka turmeric: which product was certified in 2019 and how many stars
    did it get?' is not answered by the stars of the product certified in 2023; '…, and who chairs the Front in
    Hanoi and what did they say?' asks of another)."""
    first = parts[0]
    pronoun = _TAKEN_UP.get(language)
    if len(parts) < 2 or pronoun is None or first.found or not first.ranked or first.ranked[0].violation is None:
        return False
    # (in its own words: not the topic the parts open with alike, 'Tra Ka turmeric: ', nor the first part's names
    # that follow its question mark)
    own = [p.typed[len(commonprefix([first.typed, p.typed])) :].split("?")[0] for p in parts[1:]]
    return any(pronoun.search(said) and not _proper_names(said) for said in own)


def _premise_refuted(
    question: str, checked: str, history: list[Any] | None, search: Search, similarity: Similarity
) -> tuple[Answer, Results] | None:
    """A decline for a question that takes as given a claim the user reports, when the documents give other numbers
    or years for it ('Nghe nói Quảng Nam có tới 8.000 mô hình…; từ đó tỉnh lựa chọn bao nhiêu mô hình tiêu biểu…?':
    they count 6 540, so what was chosen from 8 000 they do not say), quoting the sentence that gives them; None when
    the documents do not gainsay it. `checked`: the claim asked as whether it holds (`reported_premise`)."""
    part = judge(checked, history, search, similarity)
    best = part.best
    if not part.found or best is None or not contradicts(part.question, best.text, best.passage.language):
        return None
    # (not when a sentence just below gives the claim's figure: 'Quang Nam selected 20 typical models' is borne out by
    # the second sentence, whatever the first, the 6 540 they were chosen from)
    if any(says_claimed(part.question, s.text, s.passage.language) for s in part.ranked[1:READ_ON] if not violates(s)):
        return None
    language = answer_language(part.results.query.language)
    declined = _declined_citing(question, best, phrase(language, "premise"), language)
    return declined.model_copy(update={"confidence": 0.0}), part.results  # (a hard constraint, as `blocked`'s)


def respond(question: str, history: list[Any] | None, search: Search, similarity: Similarity) -> tuple[Answer, Results]:
    """The answer to a question, and the first part's search results (for the optional language model)."""
    # (the reply keeps the question as the user asked it)
    pointed = _person_pointed(question, history, search, similarity)
    bare = without_instruction(pointed)
    # (when the documents do not gainsay it, the question is read as any other, `_reading`: asking the closing
    # question as a follow-up of the claim was tried, and answered it with the claim's own figure)
    if (checked := reported_premise(bare, question_language(bare))) is not None:
        if (refuted := _premise_refuted(question, checked, history, search, similarity)) is not None:
            return refuted
    asked, cleft = _reading(pointed)
    parts, paired = _judge_asked(asked, history, search, similarity)
    language = answer_language(parts[0].results.query.language)
    answered = [p for p in parts if p.found]
    if _premise_failed(parts, parts[0].results.query.language):
        answered = []
    confidence = round(min(p.probability for p in parts), 4)
    if not answered:
        declined = _declined(question, parts[0], language)
        return declined.model_copy(update={"confidence": confidence}), parts[0].results
    citations: dict[str, Citation] = {}
    direct: list[str] = []
    quotes: list[str] = []
    given: set[tuple[str, str]] = set()  # the numbers the direct line gives so far, with their sentences
    repeated: set[int] = set()  # the later parts whose direct answer is an earlier part's: none found its own
    for part in answered:
        for sentence in quoted(part.ranked):
            # (a sentence whose subject is the one before it comes with that one: 'C'est la prémisse de…')
            # (and one that asks a thing's field, with the sentence that opens the field's paragraph)
            # (and the best one with the next, when that one's subject is it: '… le transmet au Comité permanent du
            # Front du district. | Ce dernier établit ensuite une synthèse…')
            after = _going_on(sentence) if sentence is part.ranked[0] else None
            for said in filter(None, (_framing(part, sentence), _pointed_back(sentence), sentence, after)):
                citation = _cite(citations, said)
                line = f"«{said.text}» [{citation.number}]"
                if line not in quotes:
                    quotes.append(line)
            if sentence is part.ranked[0] and (value := direct_value(part, sentence, given)):
                entry = f"{value} [{citation.number}]"
                if entry in direct:  # 'Tran Van Ky [1]; Tran Van Ky [1]'
                    repeated.add(id(part))
                else:
                    direct.append(entry)
    if not direct and asks_site(question) and (site := _site(citations, answered[0])):
        direct.append(site)
    missing = [p.typed for p in parts if not p.found or id(p) in repeated]
    lines = [phrase(language, "direct", value="; ".join(direct))] if direct else []
    # a claim asked about that the best sentence gives other numbers for: 'Stämmer det att Tra Ka-gruppen tillverkar
    # fem produkter?' is told no, with the sentence that counts three
    if any(contradicts(p.question, p.ranked[0].text, p.ranked[0].passage.language) for p in answered):
        lines.insert(0, phrase(language, "not_so"))
    elif direct and cleft is not None:
        # whether the person the cleft names is who the documents say did it: the one the answer gives, or one the
        # answering sentence does not name at all (one it names beside the answer may have done it too: 'Hoang Trung
        # Dung et … Tran The Dung ont présidé')
        named = fold(cleft).split()
        if _run_in(named, words(fold(" ".join(direct)))):
            # (not when it gives them a post, which may be wrong while the name is right: the quote gives theirs)
            if cleft_post(without_instruction(pointed)) is None:
                lines.insert(0, phrase(language, "so"))
        elif not _run_in(named, words(fold(answered[0].ranked[0].text))):
            lines.insert(0, phrase(language, "not_so"))
    lines += [phrase(language, "missing", part=m) for m in missing]
    # in the order the quotes come: 'quoted in Swedish, French' when the first quote is Swedish
    quoted_in = ", ".join(language_name(c, language) for c in dict.fromkeys(c.language for c in citations.values()))
    lines += [phrase(language, "found", lang=quoted_in), *quotes]
    # (`partial`: some parts are not answered; declining the whole question then was tried, and declined more
    # answerable questions of the valid and test splits than it gained: the reply names the parts not covered; but
    # a comparison needs both of its sides, so without one the documents do not answer it)
    compared = len(parts) > 1 and (paired or _compared(bare) is not None or _alternatives(bare) is not None)
    reply = Answer(question=question, text="\n".join(lines), found=not (compared and missing),
                   citations=list(citations.values()), language=language, confidence=confidence,
                   partial=bool(missing))  # fmt: skip
    return reply, parts[0].results


def _run_in(run: list[str], text: list[str]) -> bool:
    """Whether a run of words stands in a text's words, one after the other."""
    return any(text[i : i + len(run)] == run for i in range(len(text) - len(run) + 1))


def _site(citations: dict[str, Citation], part: Part) -> str | None:
    """For 'which website published the article…', the site of the source link of the best sentence's article, after
    the site's name when the page gives one ('Báo Kinh tế và Đô thị (kinhtedothi.vn)'), with its citation's marker."""
    best = part.ranked[0]
    citation = citations.get(_citation_key(best))
    if citation is None:
        return None
    host = (urlsplit(citation.url).hostname or "").removeprefix("www.") if citation.url else ""
    name = str(part.results.index.documents.get(best.passage.doc_id, {}).get("site") or "")  # see ingest.spells
    site = f"{name} ({host})" if name and host else name or host
    return f"{site} [{citation.number}]" if site else None


def quoted(ranked: list[Sentence], share: float | None = None, most: int | None = None) -> list[Sentence]:
    """The best sentence, and the next ones while they score nearly as well as it: at least `share` of its score, up
    to `most` quotes (both fitted on the train split by eval/fit.py)."""
    fit = fitted().get("answer", {})
    share = float(fit.get("second_quote", 0.85)) if share is None else share
    most = int(fit.get("quotes", MAX_QUOTES)) if most is None else most
    chosen = ranked[:1]
    for s in ranked[1:]:
        if len(chosen) >= most or s.score < share * ranked[0].score or violates(s):
            break
        if all(s.text != c.text for c in chosen):
            chosen.append(s)
    return chosen


def _pointed_back(sentence: Sentence) -> Sentence | None:
    """The sentence before one whose subject it is (`POINTS_BACK`: 'Constatant l'efficacité économique du modèle, de
    nombreux autres ménages ont rénové… leurs jardins abandonnés… | C'est la prémisse de la création d'une
    coopérative…'), when the passage holds it in the same paragraph; else None."""
    if not POINTS_BACK.match(sentence.text):
        return None
    text = sentence.passage.text
    before = [(a, b) for a, b in sentence_spans(text, sentence.passage.language) if b <= sentence.start]
    if not before or "\n" in text[before[-1][1] : sentence.start]:
        return None
    return Sentence(sentence.passage, *before[-1])


def _going_on(sentence: Sentence) -> Sentence | None:
    """The sentence after one, when its subject is that one (`POINTS_BACK`) and the passage holds it in the same
    paragraph; else None."""
    text = sentence.passage.text
    after = [(a, b) for a, b in sentence_spans(text, sentence.passage.language) if a >= sentence.end]
    if not after or "\n" in text[sentence.end : after[0][0]] or not POINTS_BACK.match(text[slice(*after[0])]):
        return None
    return Sentence(sentence.passage, *after[0])


FRAMING_SENTENCES = 3  # sentences before the best read for the one that gives what the question asks of it
# what a question asks of a sentence's setting, and the words of the sentence before that give it
_FRAMES = ((ASKS_FIELD, FIELD), (ASKS_MOTTO, MOTTO))


def _framing(part: Part, sentence: Sentence) -> Sentence | None:
    """For a question that asks the field a thing falls in (`ASKS_FIELD`) or the motto it follows (`ASKS_MOTTO`), when
    the sentence names none, the sentence of its paragraph, up to FRAMING_SENTENCES before, that does ('Dans le domaine
    de la sécurité et de la défense, …' two sentences before '… de « portes d'école sécurisées »… ont été efficacement
    mis en œuvre'); else None."""
    frame = next((given for asks, given in _FRAMES if asks.search(part.typed)), None)
    if frame is None or frame.search(sentence.text):
        return None
    passage = sentence.passage
    start = passage.start + sentence.start
    text, first, spans = earlier_spans(part.results.index, passage, start)
    if first > 0 and spans and spans[0][0] == 0:
        spans = spans[1:]  # (the reach cut into it: not a whole sentence)
    for a, b in reversed(spans[-FRAMING_SENTENCES:]):
        if "\n" in text[b:]:
            return None  # (another paragraph's)
        if frame.search(text[a:b]):
            if (at := first + a - passage.start) >= 0:  # in the sentence's own passage: its citation, its offsets
                return Sentence(passage, at, at + b - a)
            framing = passage.model_copy(update={"text": text[a:b], "start": first + a, "end": first + b})
            return Sentence(framing, 0, b - a)
    return None


def _citation_key(sentence: Sentence) -> str:
    """One citation per widened passage: its document and where it starts."""
    return f"{sentence.passage.doc_id}:{sentence.passage.start}"


def _cite(citations: dict[str, Citation], sentence: Sentence) -> Citation:
    """The citation of the sentence's widened passage (numbered on first use), with the sentence highlighted."""
    key = _citation_key(sentence)
    if key not in citations:
        citations[key] = Citation.of(len(citations) + 1, sentence.passage)
    citation = citations[key]
    if len(sentence.passage.text) > len(citation.passage):
        # (a passage from the same offset that reaches further, after a one-sentence copy cited first (`_framing`):
        # the citation holds the longer text, so that every highlight stands inside it)
        citation.passage = sentence.passage.text
    if (sentence.start, sentence.end) not in citation.highlights:
        citation.highlights = sorted([*citation.highlights, (sentence.start, sentence.end)])
    return citation


def direct_value(part: Part, sentence: Sentence, given: set[tuple[str, str]] | None = None) -> str | None:
    """The thing asked for, in the documents' words: a number with its unit, a person's name, a date. `given` holds
    the (sentence, number) pairs earlier parts of the question answered with: a later part reading the same sentence
    asks for another number ('how many X, and how many Y'), so it takes the next; the one it takes is added."""
    text, kind = sentence.text, part.question.kind  # the framed question's: a follow-up keeps what was asked
    given = set() if given is None else given
    # 'Which article brings up…': its title (not 'Lequel des articles… est paru en premier, et à quelle date ?')
    of_article = ASKS_WHICH_ARTICLE.search(part.typed) or ASKS_ARTICLE_TITLE.search(part.typed)
    if of_article and kind is None and sentence.passage.title:
        return f"«{sentence.passage.title}»"
    if kind == "number":
        asked = set(NUMBER.findall(part.typed))
        # a number the question gives, however it groups its thousands: '22,542' is '22 542'
        asked_digits = {digits for n in asked if len(digits := re.sub(r"\D", "", n)) >= 4}
        shares = part.question.share
        counting = [*part.question.counting, *(["people"] if asks_people(part.typed) else [])]
        things = bool(part.question.counting) and not (part.question.sums or part.question.money or shares)
        spans = measured(text, part.question.measure) if part.question.measure else []
        values: list[tuple[bool, bool, bool, bool, bool, bool, bool, int, int, str, str]] = []
        # where the sentence writes a number the question states: of two counts alike, the nearer one is of what the
        # question places there ('…avec 20 membres en 2022, … étendu aux 8 villages…, avec 169 membres' for 'since
        # it was extended to the 8 villages')
        stated = [m.start() for m in count_numbers(text) if m.group() in asked and not YEAR.fullmatch(m.group())]
        valuing = bool(_ASKS_VALUE.search(part.typed)) and not things  # ('how many houses worth…' counts houses)
        for match in count_numbers(text):
            if (
                match.group() in asked
                or re.sub(r"\D", "", match.group()) in asked_digits
                or YEAR.fullmatch(match.group())
                or text[match.start() - 1 : match.start()] == "/"
            ):
                continue  # a year, a number the question gives, the second half of '7/17' or of a date
            over = _fraction(text, match)
            number = match.group() + over
            if (not over and _identifier(text, match)) or (text, number) in given:
                continue
            following = TIME.match(text[match.end() :].lstrip())
            if following and following.group(2):  # the day of a date: '13 mars 2025'
                continue
            value = " ".join([number, *unit_after(text[match.end() + len(number) - len(match.group()) :])])
            unit = Words(value, sentence.passage.language)
            said = _said(part, unit, value)
            of_measure = any(a <= match.start() < b for a, b in spans)  # '297 000 m2' for 'how many hectares'
            # a quantity keeps its unit, unless the question names one ('hur många meter staket'): '297 000 m2 de
            # terrain' is not '297 000 land'
            unit_kept = of_measure and measure_asked(part.question.counting) is None
            # (a sum keeps its scale: 'how many dong' is not answered '60 dong' for '60 millions de VND')
            scaled = bool(SCALE.search(value)) and not SCALE.search(said or "")
            if said and sentence.passage.language != part.question.language and not (unit_kept or scaled):
                in_words = f"{number} {said}"
                if in_words.lower() != value.lower():
                    value = f"{in_words} ({value})"  # in the asker's words, then the document's
            after = value[len(number) :]
            share = shares and bool(PERCENT_SIGN.match(after.lstrip()))  # '0,03 %'
            # a question that counts things is not answered by a sum or a percentage when the sentence has a count
            thing = things and not (CURRENCY.search(after) or PERCENT_SIGN.search(after))
            # '265 orphelins' for 'combien d'orphelins'; '815 940 deltagare' for 'hur många deltog'
            counts = any(matched(k, unit) for k in part.question.counted) or counts_unit(after, counting)
            near = -min((abs(match.start() - at) for at in stated), default=0)
            # the sum a value is put at, for a question asking a value ('d'une valeur de plus de 202 milliards de VND')
            valued = valuing and bool(_VALUED.search(text[max(0, match.start() - VALUE_REACH) : match.start()]))
            # (its first word the thing counted: '579 communes, quartiers et villes', not '26 000 « équipes
            # communautaires »' for 'combien d'unités (communes, quartiers, villes)')
            head = Words(" ".join(words(after)[:1]), sentence.passage.language)
            first = counts and any(matched(k, head) for k in part.question.counted)
            rank = (valued, share, of_measure, counts, first, said is not None, thing, near, -len(values))
            values.append((*rank, value, number))
        worded = [(a, b) for a, b in spans if not text[a].isdigit()]  # 'plus d'un hectare'
        if worded and not any(v[2] for v in values):
            start, end = worded[0]
            before = APPROXIMATELY.search(text[:start])
            return text[before.start() if before else start : end]
        if values:
            # a value put on a thing, when asked; a share's percentage, a quantity of the measure asked, the first
            # number whose unit is what the question counts, then one whose unit is a word of the question (a
            # follow-up's search holds the turn before's words too: 'maisons' in 'Et combien d'orphelins…'), a count
            # of things for a question that counts things, the nearest to a number the question states, or the first
            *_, value, number = max(values)
            given.add((text, number))
            return value
    if kind == "person":
        if byline(text) == "author" and ASKS_ARTICLE.search(part.typed):  # 'Article et photos : P. Tuyet'
            return text.split(":", 1)[-1].strip()
        return _speaker(part, sentence) or _holder(part, sentence)
    if kind == "time":
        if ASKS_CLOCK.search(part.typed) and (clock := CLOCK.search(text)):  # 'vilken tid på dygnet': '11:04'
            return clock.group()
        # a whole date, then a day and month ('22 janvier'), then a year or a month; a year first when it is asked
        year = (YEAR.search(text),) if ASKS_YEAR.search(part.typed) else ()
        when = next((m for m in (FULL_DATE.search(text), *year, DAY_MONTH.search(text), TIME.search(text)) if m), None)
        return when.group() if when else None
    return None


# a question asking what a thing is worth ('what total value does the report put on them', 'tổng giá trị', 'quelle
# valeur', 'vilket värde'), which the sum said to be its value answers, not another sum of the sentence
_VALUE_WORDS = r"value[ds]?|worth|valeur|valeurs|värde|värdet|värderade?|giá trị|trị giá"
_ASKS_VALUE = re.compile(rf"\b(?:{_VALUE_WORDS})\b", re.IGNORECASE)
_VALUED = re.compile(rf"\b(?:{_VALUE_WORDS})\b[^;.]*$", re.IGNORECASE)  # the value word before a sum
VALUE_REACH = 40  # characters before a sum read for the word that makes it a value ('d'une valeur de plus de ')


def _said(part: Part, unit: Words, value: str) -> str | None:
    """The question's words for a number's unit: its first key word the unit holds, with the words around it the unit
    also holds, and a function word between two of them ('solidarity houses' for 'solidaritetshus', 'maisons de
    solidarité'; in Vietnamese, written in syllables, 'mô hình' for 'modèles', not 'mô')."""
    keys = part.question.keys
    compound = compounded(keys, unit)
    # (not another scale the question gives: 'hơn 3 nghìn căn nhà' says nothing of '104,3 milliards')
    scale = scale_of(value)
    held = [
        k
        for i, k in enumerate(keys)
        if k.kind == "word" and (matched(k, unit) or i in compound) and scale_of(k.word) in (None, scale)
    ]
    if not held:
        return None
    counting = {fold(w) for w in part.question.counting}  # what the question counts comes first: 'căn nhà', not 'mới'
    held.sort(key=lambda k: not any(fold(w) in counting for w in k.word.split()))
    parts = {fold(w) for k in held for w in k.word.split()}
    # as typed, or as the conversation said it before: a follow-up's 'thành viên' is the turn before's
    for typed in (words(part.typed), words(part.results.query.text)):
        first = next((i for i, w in enumerate(typed) if fold(w) == fold(held[0].word.split()[0])), None)
        if first is not None:
            break
    else:
        return held[0].word

    def joins(i: int, step: int) -> int:
        """How many words the run grows by towards i: 1 for a held word, 2 for a function word and a held one."""
        if 0 <= i < len(typed) and fold(typed[i]) in parts:
            return 1
        bridge = part.question.language != "vi" and 0 <= i + step < len(typed) and is_stopword(typed[i])
        return 2 if bridge and fold(typed[i + step]) in parts else 0

    start = end = first
    while grow := joins(start - 1, -1):
        start -= grow
    while grow := joins(end + 1, 1):
        end += grow
    return " ".join(typed[start : end + 1])


# who said something: a quotation's speaker, named after it ('« … » – Nguyen Hai Ha, vice-président…')
SAYS = re.compile(
    r"\b(?:said|say|says|stated|dit|déclaré|affirmé|sade|säger|uttalade|nói|phát biểu|khẳng định)\b"
    r"|\bvem\s+sa\b",
    re.IGNORECASE,
)  # 'sa' alone is also French 'her'
_SPEAKER = re.compile(rf"»\s*[–—-]\s*({NAME.pattern})")
SPEAKER_READ = 2000  # characters of the paragraph read after a sentence for the end of its quotation


def _speaker(part: Part, sentence: Sentence) -> str | None:
    """For 'who said…', the name after the close of the quotation the sentence stands in, in the same paragraph."""
    if not SAYS.search(part.typed):
        return None
    start = sentence.passage.start + sentence.start
    text, first = part.results.index.span(sentence.passage.doc_id, start, start + SPEAKER_READ)
    if not text or first > start:
        return None
    paragraph = text[start - first :].split("\n", 1)[0]
    closed = paragraph.find("»")  # the first close after the sentence starts: its quotation's, unless another opens
    found = _SPEAKER.match(paragraph, closed) if closed >= 0 else None
    opened = paragraph.find("«", len(sentence.text))
    if found is None or 0 <= opened < closed or given_in(found.group(1), part.typed):
        return None
    return found.group(1)


def _holder(part: Part, sentence: Sentence) -> str | None:
    """The person a 'who' question asks for: the first name after the role asked about ('le secrétaire adjoint
    permanent…, Tran The Dung'), else the last one before it ('Nguyen Lan Huong, ordförande för…'); a Vietnamese
    name (a family name first) before any other capitalised run; never a name the question gives itself, nor a
    place's."""
    text = sentence.text
    named = body_mentions(text)
    names = []
    for match in NAME.finditer(text):
        start, run = match.start(), match.group()
        body = next((at for _, at in named if match.start() <= at < match.end()), None)
        if body is not None:  # 'Le Front de la Patrie' names a body, although 'Le' is also a family name; in
            person = _person_after(text, body, match.end())  # 'Women's Union Chairwoman Nguyen Thi Le Ha' the
            if person is None:  # person comes after the body's name
                continue
            start, run = person, text[person : match.end()]
        name = _everyday_dropped(run, part.results.index, sentence.passage.doc_id)
        if any(place.said == name for _, place in mentions(name)):
            continue  # 'les provinces de Bac Ninh et Hung Yen' name no one
        if not given_in(name, part.typed):
            names.append((start, name))
    people = [(at, name) for at, name in names if fold(name.split()[0]) in SURNAMES] or names
    asked = answering_roles(part.question)
    said = role_mentions(text, verbs=part.question.role_verb)
    held = [at for family, deputy, at in said if (family, deputy) in asked]
    # the post of the body asked about: 'le vice-président du Conseil populaire…, X, et le vice-président du Comité
    # populaire…, Y' gives Y for the Committee's deputy
    of_body = [at for at in held if next((body for body, b in named if b > at), None) in part.question.bodies]
    role = next(iter(of_body or held), None)
    if part.question.role is None:  # 'Qui représentait le Conseil populaire…': the name after the body asked about
        role = next((at for body, at in named if body in part.question.bodies), None)
    if role is None or not people:
        return people[0][1] if people else None
    after = [name for at, name in people if at >= role]  # 'Président Nguyen Van Binh': the name is the role's run
    before = [name for at, name in people if at < role]
    return after[0] if after else before[-1]


def _person_after(text: str, start: int, end: int) -> int | None:
    """Where a Vietnamese family name starts after a body's name within a run of capitalised words, if one does."""
    for word in re.finditer(r"[\w'-]+", text[start:end]):
        if word.start() > 0 and fold(word.group()) in SURNAMES:
            return start + word.start()
    return None


def _everyday_dropped(name: str, index: LexicalIndex, doc_id: str) -> str:
    """A run of capitalised words without the everyday words a sentence opens with: 'Enligt Nguyen Lan Huong' is
    'Nguyen Lan Huong'. A leading word is everyday when it is a function word ('enligt', 'selon') or the document also
    writes it in lower case, which it never does with a name; a Vietnamese family name always stays."""
    parts = name.split()
    while (
        len(parts) > 2  # a run of capitalised words is two at least, and stays so
        and fold(parts[0]) not in SURNAMES
        and (is_stopword(parts[0]) or re.search(rf"\b{re.escape(parts[0].lower())}\b", index.document_text(doc_id)))
    ):
        parts.pop(0)
    return " ".join(parts)


_IDENTIFIER_BEFORE = re.compile(
    r"(?:\bn°|\bno\.|\bnr\.?|\bnummer|\bdécision|\bdecision|\bbeslut|\bquyết định(?: số)?|\bsố hiệu)\s*$", re.I
)


_DATE_BEFORE = re.compile(r"\b(?:le|du|au|on|den|ngày|từ|since)\s*$", re.IGNORECASE)  # 'le 1/12': a date
_FRACTION = re.compile(r"/(\d+)(?![\d/])")  # '382/382 communes', '7/17 districts'; not a date's '25/11/2024'


def _fraction(text: str, match: re.Match[str]) -> str:
    """The '/17' of '7/17 districts' after a number, if it is a share: not a date's '25/11' or '30/6', nor '12/2024'."""
    over = _FRACTION.match(text, match.end())
    if (
        over is None
        or YEAR.fullmatch(over.group(1))
        or _DATE_BEFORE.search(text[max(0, match.start() - 8) : match.start()])
    ):
        return ""
    whole, part = (int(re.sub(r"\D", "", n) or 0) for n in (over.group(1), match.group()))
    return over.group() if part <= whole else ""


def _identifier(text: str, match: re.Match[str]) -> bool:
    """A number that names a thing rather than counts it: 'décision n° 781/QD-UBND', 'beslut nr 12', '12/2024'."""
    if text[match.end() : match.end() + 1] == "/":
        return True
    return bool(_IDENTIFIER_BEFORE.search(text[max(0, match.start() - 20) : match.start()]))


def _declined(question: str, part: Part, language: str) -> Answer:
    """The documents do not say: when the best sentence gives another year than the one asked, or the closest one
    would answer but speaks of another place, say which, citing it; otherwise list the closest passages as possibly
    related."""
    best = next((s for s in part.ranked if s.violation in (None, "year")), None)  # the best, its year aside
    # (or dated by another stretch: 'mandatperioden 2019-2024' for 2014–2019)
    conflict = best is not None and (
        best.features.get("year_conflict") == 1.0 or other_stretch(part.question.stretches, best.text)
    )
    if best is not None and conflict and _answers_but_for_its_year(best, part):
        # a stretch as written: 'for 2009-2024, not for 2009', 'for 2019-2024, not for 2014-2019'
        asked = sorted(_years_written(part.typed))
        given = sorted(_years_written(best.text) - set(asked))
        if asked and given:
            text = phrase(language, "other_year", given=", ".join(given), asked=", ".join(asked))
            return _declined_citing(question, best, text, language)
    top = max(part.ranked, key=lambda s: s.score, default=None)
    if top is not None and top.violation == "place" and top.elsewhere and decide(top, part.ranked)[0]:
        level = top.elsewhere.level  # another level when the document never names the place asked about
        # (not those the passage names: 'for Hanoi, not for Ha Tinh' when Hanoi worked with Bac Ninh, asked too)
        here = {p.name for _, p in mentions(top.passage.text, gazetteer(part.results.index))}
        places = [p for p in part.question.places if p.name not in here] or part.question.places
        asked = [p.said for p in places if p.level == level] or [p.said for p in places]
        text = phrase(language, "other_place", given=top.elsewhere.said, asked=", ".join(asked))
        return _declined_citing(question, top, text, language, part.question.verifies)
    if heading := page_furniture(part.typed, part.results.index):
        return Answer(question=question, text=phrase(language, "furniture", heading=heading), found=False,
                      language=language)  # fmt: skip
    citations = [Citation.of(i, p) for i, p in enumerate(_related(part), start=1)]
    text = phrase(language, "none") + (" " + phrase(language, "related") if citations else "")
    return Answer(question=question, text=text, found=False, citations=citations, language=language)


def _years_written(text: str) -> set[str]:
    """The stretches of years a text names, as 'start-end', and the years it names outside them."""
    return {f"{a}-{b}" for a, b in YEAR_RANGE.findall(text)} | set(YEAR.findall(YEAR_RANGE.sub(" ", text)))


def _declined_citing(question: str, sentence: Sentence, text: str, language: str, claim: bool = False) -> Answer:
    """A decline that says what the documents give instead, quoting the sentence that gives it as [1]; to a claim asked
    about ('Was Tran Van Ky the chair of the Hanoi Front?'), that is the answer: no, and what they give."""
    citation = Citation.of(1, sentence.passage, [(sentence.start, sentence.end)])
    text = f"{phrase(language, 'not_so')} {text}" if claim else text
    return Answer(question=question, text=f"{text}\n«{sentence.text}» [1]", found=claim, citations=[citation],
                  language=language)  # fmt: skip


def _answers_but_for_its_year(sentence: Sentence, part: Part) -> bool:
    """Whether the sentence would be given as the answer if its year were the one asked: only then does 'the documents
    give this for 2023, not for 2024' hold; a sentence about something else in another year says nothing of the kind."""
    if sentence.violation not in (None, "year"):
        return False
    as_asked = replace(sentence, features=sentence.features | {"years": 1.0, "year_conflict": 0.0}, violation=None)
    return decide(as_asked, part.ranked)[0]


def _related(part: Part) -> list[Passage]:
    return part.results.passages[:3]
