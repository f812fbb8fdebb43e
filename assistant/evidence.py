"""Find and judge the evidence: each retrieved passage is widened to whole sentences (reading the neighbouring chunks),
every sentence is described by features (key-word coverage, the question's years, numbers, names and role, the kind
of thing asked for, retrieval's view), and two models fitted on the train split score them: which sentence answers,
and whether the documents answer at all."""

from __future__ import annotations

import itertools
import math
import operator
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial

from .dictionaries import headword
from .keywords import KeyWord, Words, compounded, coverage, key_words, matched, unjudged_share, weigh
from .languages import (
    ARTICLE_TITLE_WORDS,
    ASKS_AGE,
    ASKS_ARTICLE_TITLE,
    ASKS_FOUNDING,
    ASKS_MANNER,
    ASKS_NAME,
    ASKS_SHARE,
    ASKS_START,
    ASKS_TITLE,
    ASKS_WHAT,
    ASKS_WHICH_ARTICLE,
    ASKS_YEAR,
    BASE_YEAR,
    BESIDES,
    CONJUNCTIONS,
    COUNT_VERBS,
    CURRENCY,
    FOUNDED,
    HONORIFIC,
    LANGUAGE_NAMES,
    MEASURES,
    NAME,
    NUMBER,
    NUMBER_WORDS,
    ONE,
    PEOPLE_WORDS,
    PERCENT_SIGN,
    SCALE_PATTERN,
    SCALE_WORDS,
    SMALL_COUNT,
    STARTED,
    SUM,
    SURNAMES,
    TIME,
    VERIFIES,
    WHICH_ARTICLE_WORDS,
    YEAR_WORDS,
    asked_figures,
    asked_kind,
    asked_measure,
    asks_money,
    asks_of_article,
    asks_people,
    asks_yes_or_no,
    byline,
    capitalised,
    content_words,
    count_numbers,
    counted,
    counts,
    counts_sum,
    dates,
    figures,
    fold,
    given_in,
    gives_measure,
    gives_people,
    head_of_count,
    households,
    is_stopword,
    joined,
    joined_thousands,
    measure_asked,
    name_groups,
    opening_words,
    ordinals,
    people_unit,
    sentence_spans,
    stem,
    tokens,
    unit_after,
    without_genitive,
    word_spans,
    words,
)
from .lexical import LexicalIndex
from .models import Passage
from .places import Place, asked, elsewhere, mentions, provinces_around
from .places import inside as places_inside
from .retrieval import Candidate, Results
from .signals import fitted

YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# a stretch of years ('la période 2009-2024', 'nhiệm kỳ 2019 – 2024'): a question about one year (not a stretch's
# start or end: 'since 2009', 'từ năm 2009', 'fram till 2025') is not answered by a stretch that starts or ends in it
YEAR_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b")
# a place named by its number: 'du village 2', 'thôn 3'
NUMBERED_PLACE = re.compile(r"\b(?:village|hameau|byn|thôn|ấp|làng)\s+$", re.IGNORECASE)
# and as a question may ask it: 'entre 2009 et 2024', 'between 2009 and 2024', 'mellan 2009 och 2024', 'từ năm 2009
# đến năm 2024'
ASKED_RANGE = re.compile(
    r"\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)?\d{2})\b|\b(?:between|from|entre|de|mellan|från|từ)\s+(?:năm\s+)?"
    r"((?:19|20)\d{2})\s+(?:and|to|et|à|och|till|đến|tới)\s+(?:năm\s+)?((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
YEAR_BOUND = re.compile(
    r"\b(?:since|from|until|till|depuis|dès|jusqu['’](?:en|à)|sedan|från|fram till|till och med|từ|đến)\s+"
    r"(?:(?:the )?(?:year|end of|start of)\s+|l['’]année\s+|(?:år|året|năm)\s+)?((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
FRACTION = re.compile(r"\b\d+ ?/ ?\d+\b")  # a share written as a fraction: '7/17 districts'
# Roles by family (a chair is not a secretary), in the four languages; Vietnamese by their first syllable.
ROLES = {
    "chair": {"chair", "chairs", "chaired", "chairman", "chairmen", "chairwoman", "chairperson", "president",
              "presidents", "presides", "presided", "président", "présidents", "présidente", "présidé", "préside",
              "ordförande", "ordföranden", "ordförandena",
              # the post itself: 'Qui occupe la présidence du Comité populaire ?'
              "presidency", "chairmanship", "présidence", "ordförandeskap", "ordförandeskapet", "ordförandeposten"},
    "secretary": {"secretary", "secretaries", "secrétaire", "secrétaires", "sekreterare", "sekreteraren",
                  "sekreterarna"},
    "head": {"head", "heads", "chef", "chefs", "cheffe", "chief", "chefen", "chefer", "cheferna",
             "director", "directors", "directeur", "directrice", "direktör"},
}  # fmt: skip
# What those who hold a role do, said of a person ('ont présidé une réunion'): the role itself only to a question that
# asks with a verb too ('Who chaired the meeting?')
ROLE_VERBS = {"presides", "presided", "chaired", "présidé", "préside"}
# 'Who leads…', 'who heads…', 'which labour leader' and 'người đứng đầu' ask for the first post of a body, whatever
# it is called (the Labour Federation's is its president); 'leads to', 'se dirige' ask for none
LEADS = re.compile(
    r"\b(?:who|qui|vem)\s+(?:leads|heads|dirige|leder)\b|\bleader\s+of\b|\b(?:which|what)\s+\w+\s+leader\b|"
    r"\bledare(?:n)?\s+för\b|\b\w+s\s+ledare\b|\bqui\s+est\s+à\s+la\s+tête\b|"
    # (whoever stands there: not 'Which commune is at the top of the ranking?')
    r"\b(?:who\s+is|person|one)\s+at\s+the\s+(?:top|head)\s+of\b|\b(?:vem|personen\s+som)\s+står\s+i\s+spetsen\s+för\b|"
    r"\bai\s+(?:là\s+)?đứng\s+đầu\b|\bngười\s+đứng\s+đầu\b|"
    # who leads it, asked in the passive: 'led by whom', 'est dirigé par qui', 'leds av vem', 'do ai đứng đầu'
    r"\b(?:led|headed)\s+by\s+(?:whom|who)\b|\bby\s+whom\s+(?:is|was|are|were)\b[^?]*\b(?:led|headed)\b|"
    r"\bdirigée?s?\s+par\s+qui\b|\bpar\s+qui\s+(?:est|sont|était|étaient)\b[^?]*\bdirigée?s?\b|"
    r"\b(?:leds|ledd|ledda|leddes)\s+av\s+vem\b|\bav\s+vem\s+(?:leds|leddes)\b|"
    r"\bdo\s+ai\s+(?:lãnh\s+đạo|đứng\s+đầu|dẫn\s+dắt)\b",
    re.IGNORECASE,
)
# The bodies a role belongs to, in the four languages, without diacritics; Swedish writes them into compounds
# ('stadsfaderlandsfrontskommitté'), so they are found inside words too.
BODIES = {
    "people's committee": ("people's committee", "peoples committee", "comite populaire", "folkkommitt",
                           "uy ban nhan dan", "ubnd"),
    "people's council": ("people's council", "peoples council", "conseil populaire", "folkrad", "hoi dong nhan dan",
                         "hdnd"),
    "front": ("fatherland front", "front de la patrie", "fosterlandsfront", "faderlandsfront", "mat tran", "mttq"),
    "party": ("party committee", "comite du parti", "comite provincial du parti", "comite municipal du parti",
              "partikommitt", "tinh uy", "thanh uy", "huyen uy", "dang uy",
              "du parti", "party secretary", "partisekreterare"),  # 'le secrétaire provincial du Parti'
    "women": ("women's union", "union des femmes", "union provinciale des femmes", "kvinnoforbund",
              "hoi lien hiep phu nu", "hoi phu nu", "phu nu"),
    "youth": ("youth union", "union de la jeunesse", "union provinciale de la jeunesse",
              "union municipale de la jeunesse", "union des jeunes", "union provinciale des jeunes",
              "union municipale des jeunes", "ungdomsforbund", "doan thanh nien",
              "tinh doan", "thanh doan", "huyen doan"),  # 'Tỉnh đoàn': the provincial Youth Union
    "farmers": ("farmers' association", "farmers association", "farmers' union", "farmers union",
                "association des agriculteurs", "union des agriculteurs", "union des paysans",
                "association des paysans", "bondeforbund", "hoi nong dan"),
    "veterans": ("veterans' association", "veterans association", "association des anciens combattants",
                 "veteranforbund", "hoi cuu chien binh", "veterans", "anciens combattants", "cuu chien binh"),
    "red cross": ("red cross", "croix-rouge", "croix rouge", "roda kors", "chu thap do"),
    "labour": ("labour federation", "labor federation", "labour leader", "labor leader", "trade union",
               "federation du travail", "federation provinciale du travail", "fackforbund", "fackliga",
               "arbetsfederation", "arbetarfederation",
               "lien doan lao dong"),
    "mass mobilization": ("mass mobilization commission", "mass mobilisation commission",
                          "commission de mobilisation de masse", "comite de mobilisation de masse",
                          "massmobiliseringskommission", "ban dan van",
                          # as Swedish and English also write it: 'stadspartikommitténs kommission för massmobilisering'
                          "kommission for massmobilisering", "kommissionen for massmobilisering",
                          "commission for mass mobili"),
    # the forces the Front works beside: 'la police communale', 'les forces militaires', 'huvudstadens militärkommando'
    # (Vietnamese only with the body's level: folded, 'công an' is also 'công ăn', a living)
    "police": ("police", "polis", "cong an xa", "cong an huyen", "cong an tinh", "cong an thanh pho",
               "luc luong cong an", "cong an nhan dan"),
    # (the forces, not what is military: 'le programme militaro-civil', 'l'opération armée-population')
    "military": ("military forces", "military command", "forces militaires", "force militaire",
                 "commandement militaire", "militarkommand", "militara styrkor", "armed forces", "forces armees",
                 "luc luong vu trang", "bo tu lenh", "chi huy quan su"),
    "border guard": ("border guard", "border defence", "border defense", "garde-frontiere", "gardes-frontieres",
                     "garde frontiere", "gransbevakning", "gransvakt", "bien phong"),
    # the legislature, which no report names: a question of the city's 'Đoàn đại biểu Quốc hội' (its deputies) or
    # 'l'Assemblée nationale' is of none of them
    "national assembly": ("national assembly", "assemblee nationale", "nationalforsamling", "quoc hoi"),
    # who grants a certificate of merit: 'un certificat de mérite du Premier ministre' is not the province's
    "prime minister": ("prime minister", "premier ministre", "premiarminister", "statsminister", "thu tuong"),
    # a Party committee's inspection commission, which no report names: 'Ủy ban Kiểm tra Thành ủy Hà Nội' asked of
    # what the city's Party committee issued (in Vietnamese with the committee it belongs to: 'ủy ban kiểm tra việc…'
    # is a committee checking something)
    "inspection": ("inspection commission", "inspection committee", "commission d'inspection", "comite d'inspection",
                   "commission de controle", "comite de controle", "inspektionskommitt", "kontrollkommitt",
                   "kontrollkommission", "uy ban kiem tra thanh uy", "uy ban kiem tra tinh uy",
                   "uy ban kiem tra huyen uy", "uy ban kiem tra dang uy", "uy ban kiem tra trung uong", "ubkt"),
}  # fmt: skip
# bodies a sentence names as those the Front works beside ('avec la police communale'): read only for a question that
# names one of them itself, which asks of them
PARTNERS = {"police", "military", "border guard"}
# the bodies a chair leads (a commission has a head, the Party a secretary)
CHAIRED = {"people's committee", "people's council", "front", "women", "youth", "farmers", "veterans", "red cross",
           "labour"}  # fmt: skip
# The Front for short, as a sentence names it when it tells what the Front did ('le Front de district a participé…',
# 'fronten'): read in sentences only, since a question names the Front so as the frame of what it asks ('the vice-chair
# of the People's Committee quoted in the article on the Front'), not as the body whose post or deed it asks about
SHORT_NAMES = {
    "front": re.compile(
        r"\b(?:[Ll]e|[Dd]u|[Aa]u|[Tt]he|[Dd]istrict|[Pp]rovincial)\s+Front\b|\b[Ff]ront(?:ens?|kommitt[ée]\w*)\b"
        # or capitalised after another word: 'the city-level Front committee', 'the Hanoi Front'
        r"|(?<=[^\W\d_]\s)Front\b"
    )
}
PEOPLE = {"phu nu", "veterans", "anciens combattants", "cuu chien binh"}  # bodies' names that also name people
VICE = {"vice", "deputy", "adjoint", "adjointe", "phó", "biträdande", "viceordförande", "ställföreträdande"}
FEATURES = ["own", "context", "passage", "missing", "prior", "cue", "years", "year_conflict", "numbers",
            "names_near", "names_doc", "role", "dense", "sim", "fused", "cross", "unjudged", "unit"]  # fmt: skip
Similarity = Callable[[str, list[str]], list[float]]  # question, sentences -> cosine of each (the dense encoder)
WINDOW = 600  # characters read on each side of a passage to finish its first and last sentences
NEIGHBOURS = 1  # whole sentences of the same paragraph read beyond a passage on each side
# A question with words (not its names, numbers or years), none of them in a document, asks of something that
# document does not treat ('le budget de la défense du Vietnam en 2024', 'how many ended'); a word no dictionary
# translates is not judged, so a dictionary's gap ('befattning') does not count against a document
TOPIC_WORDS = 1
UNIT_WORDS = 6  # words after a number read for what it counts: its unit, or the noun after a verb ('94 ont construit…')
USUAL_SIMILARITY = 0.83  # e5's cosine of a question and its closest sentence, over all train questions
SIMILAR = 12  # sentences, the best by their words, that the dense encoder also reads (about 40 ms each on 2 cores)


# a person the question points back to: 'Est-elle membre du Comité permanent…?' after who chairs the Front (not a
# French subject taken up after its verb, 'le Front a-t-il', 'la province a-t-elle', nor 'il y a')
_PERSON_PRONOUN = re.compile(
    r"\b(?:she|he|her|him|his|(?<!-)elle|(?<!-)il(?!\s+y\b)|(?:est|était|sera)-(?:elle|il)|lui|hon|han|henne|honom|"
    r"hennes|hans|bà ấy|ông ấy|cô ấy|anh ấy|chị ấy)\b",
    re.IGNORECASE,
)


# the words that name the measure a question asks for in so many words ('Sur quelle longueur…', 'diện tích… bao
# nhiêu'): a sentence says it by its unit, not by the word
MEASURE_WORDS = frozenset(
    "length longueur längd längden chiều dài area surface superficie yta ytan areal arealen diện tích".split()
)


@dataclass
class Question:
    """What the evidence is judged against: key words, and the years, numbers, names and role asked for."""

    keys: list[KeyWord]
    years: set[str]
    numbers: set[str]
    names: list[KeyWord]
    role: str | None  # the family of a role asked for: 'chair', 'secretary', 'head'
    vice: bool  # the deputy of that role
    kind: str | None  # 'number', 'person', 'time' or None
    language: str
    unjudged: float
    places: list[Place] = field(default_factory=list)  # the provinces, districts, communes it names
    bodies: set[str] = field(default_factory=set)  # the bodies it names (see BODIES)
    counted: list[KeyWord] = field(default_factory=list)  # what a 'how many' question counts ('gratitude houses')
    counting: list[str] = field(default_factory=list)  # those words as the question writes them
    sums: bool = False  # what it counts is money or a share ('bao nhiêu tiền'), told by its sign (VND, %)
    money: bool = False  # it asks what something cost, a budget, a sum
    role_verb: bool = False  # it asks who did what the role does ('who chaired'), so a sentence's verb answers
    leads: bool = False  # 'who leads…': the holder of the body's first post
    persons: list[KeyWord] = field(default_factory=list)  # the people it names ('Nguyen Hai Ha')
    share: bool = False  # it asks a rate or a share ('le taux de pauvreté', 'tỷ lệ'), which a percentage gives
    place_level: str | None = None  # it asks which place of a level: 'Dans quel village…', 'thôn nào'
    level: str | None = None  # the level of the body whose role it asks of: 'district' for the district Front's chair
    measure: str | None = None  # the unit of measure a 'how many' counts ('ha' for 'how many hectares')
    attributed: bool = False  # the role is the source it asks according to ('Theo Trưởng Ban Dân vận, bao nhiêu…')
    organisations: set[str] = field(default_factory=set)  # bodies named as such: 'Women's Union', not 'phụ nữ'
    quoted: list[KeyWord] = field(default_factory=list)  # the words of a name it quotes: « Les ménages riches… »
    # what those it counts are ('nữ' in 'bao nhiêu đồng chí là nữ'), or what a measure asked is of ('canaux')
    qualities: list[KeyWord] = field(default_factory=list)
    # the counts it states rather than asks ('aux 12 villages', 'av de 15 ledamöterna'): what each counts, or None
    # for a total ('of the 15')
    stated: list[tuple[str, KeyWord | None]] = field(default_factory=list)
    single: set[str] = field(default_factory=set)  # its years asked as one year, not a stretch's start or end
    stretches: set[tuple[str, str]] = field(default_factory=set)  # the stretches it names: 'nhiệm kỳ 2014–2019'
    dates: list[tuple[int, int, int | None]] = field(default_factory=list)  # the days it names with their year
    days: list[tuple[int, int]] = field(default_factory=list)  # the days it names without a year ('le 22 février')
    unknown: list[str] = field(default_factory=list)  # names it gives that no document writes ('Stockholm')
    # names of things it gives that some document writes ('Yagi'): a document that does not is about something else
    things: list[KeyWord] = field(default_factory=list)
    durations: list[tuple[str, str]] = field(default_factory=list)  # the lengths of time it states ('30 ans')
    verifies: bool = False  # it asks whether a claim holds ('Is it true that…', 'Stämmer det att…')
    claimed: set[str] = field(default_factory=set)  # the numbers that claim gives
    claimed_years: set[str] = field(default_factory=set)  # and its years
    partakers: bool = False  # it counts those who took part, naming nothing counted ('Hur många deltog i…')
    nationwide: bool = False  # it asks of the whole country ('à l'échelle nationale', 'cả nước'), not a province's
    central: bool = False  # it names a central body ('fosterlandsfrontens centralkommitté'), not a province's


# A name the question quotes: « … », "…", “…”, or '…' between spaces (not an apostrophe: 'Hanoi's', 'l'équipe')
QUOTE = re.compile(r"«([^»]+)»|\"([^\"]+)\"|“([^”]+)”|(?<!\w)'([^']{3,}?)'(?!\w)")


# What those a 'how many' counts are: 'bao nhiêu đồng chí là nữ', 'how many of them are women', 'hur många av
# ledamöterna är kvinnor'; not a passive's participle ('how many houses were built', 'combien sont répertoriés')
COUNT_QUALITY = re.compile(
    r"\b(?:how many|combien|hur många|bao nhiêu)\b[^?,;]{0,60}?\s(?:are|were|là|är|var|sont|étaient)\s+"
    r"(?:des\s+|d'|de\s+|en\s+)?([^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,2})",
    re.IGNORECASE,
)
# participles and what ends like them: 'were dug', 'sont venues', 'sont élus', 'var registrerade', 'are living'
_PARTICIPLE = re.compile(
    r"(?:ed|ing|és|ées|ée|é|is|ise|ises|u|us|ue|ues|it|its|ite|ites|ade|ades|ad|ats|at|da|dda)$", re.IGNORECASE
)
# past participles no ending tells, beyond the verbs counted() knows (COUNT_VERBS: 'built', 'held', 'made'…)
_IRREGULAR = {"rebuilt", "dug", "done", "grown", "given", "run", "sold", "taken", "chosen", "written", "shown", "known",
              "drawn", "broken", "seen"}  # fmt: skip


def _qualities(keys: list[KeyWord], text: str) -> list[KeyWord]:
    """The key words that say what those a 'how many' counts are ('nữ', 'women', 'cựu chiến binh'): a number of
    members that does not say they are women does not answer."""
    match = COUNT_QUALITY.search(text)
    if match is None:
        return []
    said = list(itertools.takewhile(lambda w: not is_stopword(w), words(match.group(1))))  # not 'there in the'
    first = said[0].lower() if said else ""
    if not said or first in COUNT_VERBS or first in _IRREGULAR or (len(first) > 3 and _PARTICIPLE.search(first)):
        return []  # 'were built', 'var registrerade'
    folded = {fold(w) for w in said}
    return [k for k in keys if k.kind == "word" and fold(k.word) in folded]


# What a measure asked is of: 'how many hectares of ginseng', 'quelle longueur de canaux' ('1 hectare de curcuma noir'
# and '36 392 mètres de clôtures' measure other things)
MEASURE_OF = re.compile(
    rf"\b(?:{'|'.join(forms for kind, forms in MEASURES.values() if kind in ('area', 'length', 'mass'))}|length|"
    r"longueur|längd|area|superficie|surface|yta|areal)\s+(?:of|de|d'|d’|du|des|av)\s*([^\W\d_][\w-]*)"
    # Vietnamese puts the thing right after the unit: 'bao nhiêu hecta sâm Ngọc Linh'
    r"|\b(?:hecta|héc-ta|mét vuông|mét|ki-lô-mét|cây số|tấn)\s+([^\W\d_][\w-]*)",
    re.IGNORECASE,
)


def _measured_thing(keys: list[KeyWord], text: str, measure: str | None) -> list[KeyWord]:
    """The key word of what a measure asked is of ('ginseng' in 'how many hectares of ginseng'), when it says."""
    match = MEASURE_OF.search(text) if measure in ("area", "length", "mass") else None
    thing = (match.group(1) or match.group(2)) if match else None
    if thing is None or is_stopword(thing):
        return []
    # (a word no dictionary translates too: 'sâm' of 'bao nhiêu hecta sâm', which no document is then seen to give)
    return [k for k in keys if k.kind in ("word", "unjudged") and fold(k.word) == fold(thing)]


# A name with a number: 'Ring Road 3', 'Route No 1'; two capitalised words at least, not a phrase that opens the
# question ('After 3 years', 'Trong 5 năm') nor a number of a unit ('VND 50 million')
_NUMBER_MARK = r"(?:No\.?\s*|n°\s*|nr\.?\s*|số\s+)?"
NUMBERED_NAME = re.compile(
    rf"\b((?:[A-Z][\w'-]*\s+){{1,3}}[A-Z][\w'-]*)\s+{_NUMBER_MARK}(\d{{1,3}})\b(?![.,]?\d)(?!\s+(?:million|milliard|billion|"
    r"miljon|miljard|triệu|tỷ|years?|ans?|år|năm|months?|mois|days?|jours?))"
)


def _numbered_names(question: str) -> list[tuple[str, str]]:
    """The question's numbered names ('Ring Road', '3'), their leading function words left out ('After Ring Road')."""
    out = []
    for name, number in NUMBERED_NAME.findall(question):
        said = name.split()
        while said and is_stopword(said[0]):
            said.pop(0)
        if len(said) >= 2:
            out.append((" ".join(said), number))
    return out


def _said_numbers(name: str, sentence: str) -> list[str]:
    return re.findall(rf"\b{re.escape(name)}\s+{_NUMBER_MARK}(\d{{1,3}})\b(?![.,]?\d)", sentence)


def _renumbered(numbered: list[tuple[str, str]], sentence: str) -> bool:
    """Whether the sentence gives a name the question numbers (`_numbered_names`) with another number: 'Ring Road 4'
    for a question about 'Ring Road 3' is another road."""
    for name, number in numbered:
        said = _said_numbers(name, sentence)
        if said and number not in said:
            return True
    return False


def _numbered_as_asked(numbered: list[tuple[str, str]], sentence: str) -> bool:
    """Whether the sentence gives a name the question numbers with the question's number."""
    return any(number in _said_numbers(name, sentence) for name, number in numbered)


# a thing numbered by a mark, in any language: 'storm No. 4', 'la tempête n° 3', 'bão số 3'
_MARKED = re.compile(r"\b([^\W\d_]{3,})\s+(?:No\.?|n°|nº|nr\.?|số)\s*(\d{1,3})\b(?![.,]?\d)", re.IGNORECASE)


def _marked(question: Question, typed: str) -> list[tuple[KeyWord, str]]:
    """The things the question numbers by a mark, each as its key word (translated) and its number."""
    return [(k, number) for noun, number in _MARKED.findall(typed) for k in question.keys
            if k.kind == "word" and fold(k.word) == fold(noun)]  # fmt: skip


def _marks(marked: list[tuple[KeyWord, str]], sentence: Sentence) -> set[str]:
    """The numbers the sentence marks the question's marked things with ('n° 3' of 'la tempête n° 3')."""
    language = sentence.passage.language
    return {n for noun, n in _MARKED.findall(sentence.text) for k, _ in marked if matched(k, Words(noun, language))}


def _ordered_otherwise(question: Question, typed: str, judged: Sequence[Sentence]) -> bool:
    """Whether the sentences give something the question orders ('le 16e congrès', 'the third quarter') with
    other ordinals only (`languages.ordinals`; what is ordered matched by the question's key words for it), or count
    fewer of it than the place asked ('the fourth breakthrough' of three)."""
    for value, named in ordinals(typed):
        keys = [k for k in question.keys if k.kind == "word" and k.word.lower() in named]
        if not keys:
            continue
        given = {
            other
            for s in judged
            for other, said in ordinals(s.text)
            if any(matched(k, Words(" ".join(said), s.passage.language)) for k in keys)
        }
        if given and value not in given:
            return True
        # or counts fewer of them than its place: 'đột phá thứ tư' when the Front set 'tre genombrott' (each word of
        # what it orders counted: not the verb after it, 'vid fosterlandsfrontens 17:e kongress genomförde', whose
        # 'genomföra 5 handlingsprogram' counts programmes)
        counted = [
            {int(n) for s in judged
             for n in _counts_of(k, _counts_in_digits(s.text, s.passage.language), s.passage.language)}
            for k in keys
        ]  # fmt: skip
        if all(counted) and value > max(set().union(*counted)):
            return True
    return False


# a count: a whole number (not a year, not a part of '104,3'), then the word of what it counts ('12 villages'), not a
# unit ('2 millions', '5 ans', '30 %')
_UNITS = (
    rf"{SCALE_PATTERN}|years?|ans?|år|året|năm|months?|mois|månader|tháng|days?|jours?|dagar|ngày|percent|pour|"
    r"procent|phần"
)
COUNT_WORDS = 3  # the words after a number read for what it counts: 'the 2 282 social criticism conferences'
_COUNT = re.compile(
    rf"(?<![\d.,])(\d{{1,7}})(?![.,]?\d)\s+(?!(?:{_UNITS})\b)"
    rf"([^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){{0,{COUNT_WORDS - 1}}})",
    re.IGNORECASE,
)
# a total a share is of: 'of the 15', 'av de 15', 'sur les 15', 'trong số 15'; and a share said: '6 av 11', '6/11'
_NOT_UNIT = rf"(?!(?:{_UNITS}|đồng|VND|km|m2|ha|hectares?)\b)"  # money and measures too
_OF_TOTAL = re.compile(
    r"\b(?:of|among|av|bland|sur|parmi|trong số|trên)\s+(?:the\s+|de\s+|les\s+|des\s+|các\s+|những\s+)?"
    rf"(\d{{1,4}})(?![.,]?\d)\s+{_NOT_UNIT}[^\W\d_]",
    re.IGNORECASE,
)  # a total of things counted: 'of the 15 members', not 'a loan of 50 million', 'sur 3 ans'
_SHARE_SAID = re.compile(
    r"(?<![\d.,/])\d{1,4}\s*(?:/|\bof\b|\bav\b|\bsur\b|\btrên\b|\btrong số\b)\s*"
    rf"(\d{{1,4}})(?![.,/]?\d)\s+{_NOT_UNIT}[^\W\d_]",
    re.IGNORECASE,
)  # '6 av 11 kamrater', '19/19 xã'; not a date ('le 13/3,'), a decree ('15/2023/QĐ-UBND')


# a count the question states in words: 'a dozen villages', 'douze villages', 'tolv byar', 'mười thôn' (not French
# 'neuf', new, nor Vietnamese 'năm', year, and 'ba', which are also other words)
_COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "dozen": 12, "fifteen": 15, "twenty": 20, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
    "huit": 8, "dix": 10, "onze": 11, "douze": 12, "douzaine": 12, "quinze": 15, "vingt": 20, "två": 2, "tre": 3,
    "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "dussin": 12,
    "femton": 15, "tjugo": 20, "hai": 2, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}  # fmt: skip
# (in lower case: 'Hai' is a name's, 'Hai Phong', 'Nguyen Hai Ha'; nor a part of 'twenty-five', 'dix-huit')
_IN_WORDS = re.compile(
    rf"(?<![\w-])(?:an?\s+|une\s+|ett\s+)?({'|'.join(sorted(_COUNT_WORDS, key=len, reverse=True))})(?![\w-])\s+"
    r"(?:(?:of|de|d['’])\s*)?(?=[^\W\d_])"
)


_OWN_LANGUAGE = {"sex": "sv"}  # a count word that is another word in other languages: English 'sex workers'


def _counts_in_digits(text: str, language: str) -> str:
    """A text's counts said in words written in digits, and those written in groups of thousands written whole: 'a
    dozen villages' -> '12 villages', '3 172 maisons' -> '3172 maisons'."""

    def digits(m: re.Match[str]) -> str:
        word = m.group(1)
        return f"{_COUNT_WORDS[word]} " if _OWN_LANGUAGE.get(word, language) == language else m.group()

    return _IN_WORDS.sub(digits, joined_thousands(text))


# a stretch of time said by its length: 'après plus de 30 ans', 'in the past 5 years', 'trong 5 năm qua'; not a
# Vietnamese date's day, month or year ('ngày 5 tháng 1 năm 2024', '15/10 năm 2024', 'quý 3 năm 2024', 'bão số 4 năm
# 2024'), nor the thousands of a number ('2 500 ans')
_LENGTH_OF_TIME = re.compile(
    r"(?<![\d.,/-])(?<!\d\s)(\d{1,3})(?![.,]?\d)\s+(?:(?P<year>years?|ans?|années?|år|åren|năm(?!\s*\d))|"
    r"(?P<month>months?|mois|månader(?:na)?|månad|tháng(?!\s*\d))|(?P<week>weeks?|semaines?|veckor(?:na)?|vecka|tuần)|"
    r"(?P<day>days?|jours?|dagar(?:na)?|dag|ngày))\b",
    re.IGNORECASE,
)
_NOT_A_LENGTH = re.compile(r"\b(?:ngày|tháng|số|quý|thứ|mùng|mồng|sáng|chiều|tối|đêm)\s*$", re.IGNORECASE)


def _durations(text: str, language: str) -> list[tuple[str, str]]:
    """The lengths of time a text says: each number with its unit's family ('30', 'year')."""
    return _lengths(_counts_in_digits(text, language))


def _lengths(digits: str) -> list[tuple[str, str]]:
    """`_durations` of a text whose counts are already in digits."""
    return [
        (m.group(1), m.lastgroup or "")
        for m in _LENGTH_OF_TIME.finditer(digits)
        if not _NOT_A_LENGTH.search(digits[max(0, m.start() - 12) : m.start()])
    ]


def other_duration(asked: list[tuple[str, str]], text: str, language: str) -> bool:
    """Whether a text gives a length of time of the family the question states one of ('après plus de 25 ans de
    rétablissement' for a question about what came 'après plus de 30 ans') and never says the question's number."""
    digits = _counts_in_digits(text, language)  # (read once, for the lengths and the numbers)
    said = {family for _, family in _lengths(digits)}
    return any(family in said and not _says_number(number, digits) for number, family in asked)


def _says_number(number: str, text: str) -> bool:
    """Whether a text holds a number whole ('12', not the '12' of '2 120' or '12,5')."""
    return bool(re.search(rf"(?<![\d.,]){re.escape(number)}(?![.,]?\d)", text))


def _stated_counts(keys: list[KeyWord], text: str, language: str) -> list[tuple[str, KeyWord | None]]:
    """The counts the question states: each number with the key word of what it counts ('12', 'villages'; 'a dozen
    villages' too), and a total it asks a share of ('15', None: 'Hur många av de 15 ledamöterna…')."""
    text = _counts_in_digits(text, language)
    by_word = {fold(k.word): k for k in keys if k.kind == "word"}
    out: list[tuple[str, KeyWord | None]] = []
    for number, run in _COUNT.findall(text):
        if not YEAR.fullmatch(number):
            out += [(number, key) for word in _counting(run) if (key := by_word.get(fold(word.lower()))) is not None]
    out += [(number, None) for number in _OF_TOTAL.findall(text) if not YEAR.fullmatch(number)]
    return out


def _counting(run: str) -> list[str]:
    """The words after a number that may say what it counts, up to a function word: 'social criticism conferences' of
    'the 2 282 social criticism conferences', 'konferenser' of '22 542 konferenser med folkrepresentanter'; the first
    always, as a word after a number is what it counts even when it is also a function word ('OCOP 4 sao': stars,
    not 'why')."""
    said = words(run)
    return said[:1] + list(itertools.takewhile(lambda w: not is_stopword(w), said[1:]))


# a question asking for the things it counts: 'Vilka tre genombrott…', 'What are the 5 action programmes…', 'Quelles
# sont les trois percées…' (not 'Which commune has a network of 169 members?', whose count says which commune)
_LISTING = re.compile(
    r"^\W*(?:which|what(?:\s+(?:are|were))?|quel(?:le)?s(?:\s+(?:sont|étaient))?|vilka(?:\s+(?:är|var))?|"
    r"name|nommez|nämn)(?:\s+(?:the|les|de))?\s+(\d+)\b",
    re.IGNORECASE,
)


def _counted_as_asked(stated: list[tuple[str, KeyWord | None]], passages: list[Passage]) -> list[tuple[str, KeyWord]]:
    """The counts the question states that a passage gives as such: 'tre genombrott' for 'Vilka tre genombrott…'
    (not 'trois actions', which the article lists without counting them)."""
    out = []
    for number, key in stated:
        if key is None:
            continue
        if any(number in _counts_of(key, _counts_in_digits(p.text, p.language), p.language) for p in passages):
            out.append((number, key))
    return out


def listed_asked(question: Question, typed: str, results: Results, best: Sentence) -> list[tuple[str, KeyWord]]:
    """The counts a question that asks for the things it counts states ('Vilka tre genombrott…', see _LISTING) that
    the passages of the best sentence's document give so ('tre genombrott: Att…'); none for any other question."""
    listing = _LISTING.search(_counts_in_digits(typed, results.query.language)) if question.kind != "number" else None
    if listing is None:
        return []
    own = [p for p in results.passages if p.doc_id == best.passage.doc_id]  # (another article counts other things)
    return _counted_as_asked([(n, k) for n, k in question.stated if n == listing.group(1)], own)


def names_listed(listed: list[tuple[str, KeyWord]], sentence: Sentence) -> bool:
    """Whether a sentence, with the one before it, names or counts the things `listed_asked` found ('sous la devise
    des « 3 non » (pas de salaire…)' for 'Vilka tre nej…'); one that does not lists other things ('Under
    mandatperioden 2019-2024 deltog 100 %…' for the 2019-2024 term's breakthroughs). Read of the answer only, so
    that the ranking and the decision stay the fitted ones."""
    spans = sentence_spans(sentence.passage.text, sentence.passage.language)
    start = max((a for a, _ in spans if a < sentence.start), default=sentence.start)
    text = sentence.passage.text[start : sentence.end]
    said = Words(text, sentence.passage.language)
    return any(matched(key, said) or re.search(rf"(?<![\w.,]){number}(?![.,]?\d)", text) for number, key in listed)


def _counts_of(key: KeyWord, text: str, language: str) -> list[str]:
    """The numbers a text (its counts in digits) counts a key word's thing with: in the document's word, or one that
    counts the same ('6 av 11 kamrater' for 'the 15 ledamöter')."""
    units = [(n, " ".join(_counting(run))) for n, run in _COUNT.findall(text)]
    return [n for n, unit in units if matched(key, Words(unit, language)) or counts(unit, [key.word])]


def recounted(stated: list[tuple[str, KeyWord | None]], text: str, language: str) -> bool:
    """Whether a text counts what the question states a count of with other numbers only, and never its own:
    'étendu aux 8 villages' for a question about 'the 12 villages', '6 av 11' for one about 'the 15 members'. Its
    counts said in words are read as digits, as the question's are ('tre genombrott' for 'de tre genombrotten')."""
    text = _counts_in_digits(text, language)
    for number, key in stated:
        if _says_number(number, text):
            continue
        if key is None:
            said = _SHARE_SAID.findall(text)
        else:
            said = _counts_of(key, text, language)
        if said:
            return True
    return False


def _quoted(keys: list[KeyWord], text: str) -> list[KeyWord]:
    """The question's key words inside a name it quotes, when they are two or more: a sentence about another
    model than « Les ménages riches aident les ménages pauvres » does not answer of it."""
    inside = {fold(w) for m in QUOTE.finditer(text) for w in content_words(next(g for g in m.groups() if g))}
    found = [k for k in keys if k.kind == "word" and fold(k.word) in inside]
    return found if len(found) >= 2 else []


# 'According to the head of the commission, how many…': who says it, before the comma that ends the clause
ATTRIBUTION = re.compile(r"^\W*(?:according to|selon|d'après|enligt|theo)\b[^,?]*,(?=.*\w)", re.IGNORECASE)
# or anywhere, to the next comma: '…, a figure reported both by the city's mass mobilisation chief and in…', '…,
# selon le chef de la Commission ?', '…, enligt ordföranden?'
SOURCE_CLAUSE = re.compile(
    r"\b(?:according to|selon|d'après|enligt|theo|(?:reported|stated|cited|quoted|announced|mentioned|"
    r"rapporté|rapportée|rapportés|rapportées|cité|citée|cités|citées|annoncé|annoncée|rapporterad|rapporterat|"
    r"rapporterade|"
    r"angiven|angivet|uppgiven|uppgivet|nämnd|nämnt)\s+(?:both\s+|à la fois\s+|både\s+)?(?:by|par|av))\b[^,;?]*",
    re.IGNORECASE,
)


@dataclass
class Sentence:
    passage: Passage  # the passage widened to whole sentences (its text and offsets are the window's)
    start: int  # offsets of the sentence within passage.text
    end: int
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0  # the sentence model's probability that this sentence answers
    violation: str | None = None  # the hard constraint it fails, if any (see `violated`)
    elsewhere: Place | None = None  # the place its paragraph speaks of instead of the one asked about

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]


# a Vietnamese month's number, which the documents write as a month's name: 'tháng 1' is 'janvier' (not the months
# counted of '6 tháng 2 xã')
VI_MONTH = re.compile(r"(?<!\d\s)\btháng\s+(1[0-2]|0?[1-9])\b", re.IGNORECASE)


def question_of(results: Results, constraint_text: str) -> Question:
    """The question's key words (weighted) and its hard constraints, read from constraint_text (the question as
    typed, plus a follow-up's carried subject) so that a year from an earlier turn does not bind a new one."""
    keys = key_words(results.query)
    unsaid: frozenset[str] = frozenset()  # the words that name the articles, which no sentence of theirs says
    if ASKS_WHICH_ARTICLE.search(constraint_text):  # 'Which article brings up…': what it tells of is the question
        unsaid = WHICH_ARTICLE_WORDS
    elif ASKS_ARTICLE_TITLE.search(constraint_text):  # 'What is the title of the article about…': what it is about
        unsaid = ARTICLE_TITLE_WORDS | WHICH_ARTICLE_WORDS
    if asked_measure(constraint_text) is not None:  # 'Sur quelle longueur…': the unit gives it ('36 392 mètres')
        unsaid |= MEASURE_WORDS
    keys = [k for k in keys if unicodedata.normalize("NFC", k.word.lower()) not in unsaid]
    weigh(keys, results.index, results.query.language)
    constraint_text = without_genitive(constraint_text, results.query.language, results.index.terms)
    years = set(YEAR.findall(constraint_text))
    # one year asked, as one year: not two ('from 2009 through 2024'), nor a stretch's bound ('since 2009', '2009-24')
    spans = {y for m in ASKED_RANGE.finditer(constraint_text) for y in m.groups() if y}
    single = years - spans - set(YEAR_BOUND.findall(constraint_text)) if len(years) == 1 else set()
    # (not a Vietnamese month's number: 'tháng 1' is 'janvier' in the documents)
    months = set(VI_MONTH.findall(constraint_text))
    numbers = {n for n in re.findall(r"\b\d+\b", joined_thousands(constraint_text)) if not YEAR.fullmatch(n)}
    numbers -= months
    constrained = {fold(w) for w in words(constraint_text)}
    names = [k for k in keys if k.kind == "name" and all(fold(p) in constrained for p in k.word.split())]
    role, vice = _roles(BESIDES.sub(" ", constraint_text))  # not 'Apart from the two co-chairs, who…'
    leads = role in (None, "head") and not vice and bool(LEADS.search(constraint_text))  # 'heads' names the head
    role = "head" if leads else role
    # what is asked for: a follow-up with a question word and a topic of its own asks its own ('Et qu'a-t-on
    # demandé aux croyants…' after a 'combien'); one without keeps the previous question's ('And what about Hanoi?')
    kind = asked_kind(constraint_text)
    capitalised = {t.lower() for t in tokens(constraint_text) if t[:1].isupper()}
    topic = [w for w in content_words(constraint_text) if w not in capitalised]
    asks_own = ASKS_WHAT.search(constraint_text) or ASKS_MANNER.search(constraint_text)
    # 'And what about Hanoi?' carries it; 'Vilken befattning har hon?' asks a post, not the person asked before
    carried = kind is None and not (asks_own and (len(topic) >= 2 or ASKS_TITLE.search(constraint_text)))
    if carried:
        kind = asked_kind(results.query.text)
    places = asked(constraint_text, results.index)
    counting = counted(constraint_text) if kind != "time" else []  # 'vào ngày mấy tháng 1' counts no months
    folded = {fold(w) for w in counting}
    # a cost, a budget, what a fund raised; not 'how many houses… thanks to the funds' nor 'who manages the budget'
    # (and the scale of a sum asked in so many billions: 'Tổng kinh phí… là bao nhiêu tỷ?')
    asks_sum = asks_money(constraint_text)
    sums = counts_sum(counting) or bool(asks_sum and counting and {w.lower() for w in counting} <= SCALE_WORDS)
    money = asks_sum and kind in (None, "number") and (not counting or sums)
    # 'How old is…': an age; 'Et sur quelle surface ?': an area
    measure = "age" if ASKS_AGE.search(constraint_text) else measure_asked(counting) or asked_measure(constraint_text)
    # who holds a post of a body named only for short: 'Which provincial Front vice-chair…'
    named = bodies(constraint_text) or bodies(constraint_text, short=role is not None and kind == "person")
    unknown = _unknown_names(keys, constraint_text, results)
    question = Question(keys, years, numbers, names, role, vice, kind, results.query.language, unjudged_share(keys),
                    places,
                    named, _counted_keys(keys, folded, results), counting, sums, money,
                    _asks_a_verb(constraint_text), leads, _persons(names, places, constraint_text),
                    # the rate asked before: 'Tỷ lệ hộ nghèo của Hà Nội…? Còn ở Hà Tĩnh thì sao?' (not when it names
                    # a thing of its own: 'Còn số quận, huyện, thị xã không còn hộ nghèo?')
                    bool(ASKS_SHARE.search(constraint_text) or (carried and ASKS_SHARE.search(results.query.text)
                                                                 and not NUMBER_OF_ASKED.search(constraint_text))),
                    asked_place_level(constraint_text),
                    _asked_level(constraint_text, role, places), measure,
                    _attributed(constraint_text, kind), bodies(constraint_text, people=False),
                    _quoted(keys, constraint_text),
                    _qualities(keys, constraint_text) or _measured_thing(keys, constraint_text, measure),
                    _stated_counts(keys, constraint_text, results.query.language), single,
                    set(YEAR_RANGE.findall(constraint_text)),
                    [d for d in dates(constraint_text) if d[2] is not None],
                    [(d, m) for d, m, y in dates(constraint_text) if y is None],
                    unknown, _named_things(keys, constraint_text, results, places, unknown),
                    _durations(constraint_text, results.query.language),
                    # (not of a thing the turn before counts: 'Et à combien d'autres a-t-il participé ?')
                    partakers=not counting and kind == "number" and asks_people(constraint_text)
                    and not counted(results.query.text),
                    # (not one naming its place: 'the poverty rate in Hanoi, among the lowest nationwide')
                    nationwide=bool(NATIONWIDE.search(constraint_text)) and not places,
                    central=bool(_CENTRAL.search(constraint_text)))  # fmt: skip
    if not (verifying := VERIFIES.search(constraint_text)):
        # a count the question states and asks yes or no of is a claim too ('La résolution n° 35 énonce-t-elle cinq
        # tâches ?'): a sentence giving another count answers it (its years stay what it asks about)
        claimed = {n for n, _ in question.stated}
        if (
            len(claimed) != 1
            or not asks_yes_or_no(constraint_text)
            or not _counted_as_written(claimed, constraint_text)
        ):
            return question
        return replace(question, numbers=question.numbers - claimed, stated=[], verifies=True, claimed=claimed)
    # a claim asked about: its numbers are what it claims, which a sentence giving others answers ('Stämmer det att
    # gruppen tillverkar fem produkter?': three), not the question's own constraints
    # (and its years: a sentence of another year answers 'Est-il vrai que… depuis 2022 ?' with 'début 2024'; and the
    # post it gives a person it names, which the sentence naming that person answers: 'membre permanent' for 'Is it
    # true that Ho Van Tan is the vice-chair…')
    claimed = set(_COUNT_DIGITS.findall(_counts_in_digits(constraint_text, results.query.language))) - years
    # (nor are the words that ask whether it holds key words: 'Stämmer det att…', 'Is it true that…'; its numbers stay,
    # as a claim's number is often right: dropping them lost 'Có người bảo Hà Nội vẫn còn 19 đơn vị…' and gained
    # another of `probe-l22`)
    asking = {fold(w) for w in words(verifying.group())} & _ASKING_WORDS
    keys = [k for k in question.keys if fold(k.word) not in asking]
    question = replace(question, keys=keys, numbers=set(), stated=[], durations=[], verifies=True, claimed=claimed,
                       claimed_years=years, years=set(), single=set(), stretches=set(), dates=[])  # fmt: skip
    if question.persons:
        question = replace(question, role=None, vice=False, level=None, leads=False, bodies=set(), organisations=set())
    return question


def _counted_as_written(claimed: set[str], text: str) -> bool:
    """Whether the one count a yes-or-no question states stands as a count where it writes it in digits: not in a
    name ('Ring Road 4', 'Covid-19', 'n° 35') nor after an article that points at a count already given ('the 258
    homes', 'les 258 logements'); a count in words is one."""
    (number,) = claimed
    for match in re.finditer(rf"(?<![\w-]){re.escape(number)}(?![\w-])", text):
        before = text[: match.start()].split()
        last = before[-1] if before else ""
        if last[:1].isupper() or last.lower() in _POINTING or last.lower().endswith(("°", "º")) or last.endswith("."):
            return False
    return True


_POINTING = {"the", "these", "those", "le", "la", "les", "ces", "dessa", "các", "những", "số"}  # (not 'moins de 500')


# the words that ask whether a claim holds (of `VERIFIES`), which no sentence need say
_ASKING_WORDS = frozenset(
    fold(w)
    for w in "is it true correct right case that est il vrai exact juste que qu ce stämmer gäller det att är sant "
    "riktigt korrekt rätt có đúng phải thật là rằng không as i had assumed thought believed understood comme je le "
    "pensais croyais supposais som jag trodde antog như tôi nghĩ tưởng n'est pas eller hur isn't isn didn doesn don "
    "wasn weren aren hasn haven hadn so".split()  # (an English tag's 'didn' 't', as `words` splits 'didn't')
)
_COUNT_DIGITS = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?(?![.,]?\d)")


def contradicts(question: Question, text: str, language: str) -> bool:
    """Whether a sentence answers a claim (`Question.verifies`) with other numbers: it gives a count and none of the
    claim's numbers ('3 produits' for 'fem produkter'), or years and none of the claim's ('début 2024' for 2022)."""
    if not question.verifies:
        return False
    years = set(YEAR.findall(text))
    # (a stretch that holds the claim's year agrees with it: '2021-2025' for 2023)
    held = any(int(a) <= int(y) <= int(b) for a, b in YEAR_RANGE.findall(text) for y in question.claimed_years)
    if question.claimed_years and years and not years & question.claimed_years and not held:
        return True
    said = _counts_given(text, language)
    return bool(question.claimed) and bool(said) and not _agreeing(said, question.claimed)


def says_claimed(question: Question, text: str, language: str) -> bool:
    """Whether a sentence gives one of the numbers a claim asked about gives (`Question.claimed`)."""
    return _agreeing(_counts_given(text, language), question.claimed)


def _counts_given(text: str, language: str) -> set[str]:
    """The numbers a text gives, in digits ('a dozen' as '12', '3 172' as '3172'), but its years."""
    return set(_COUNT_DIGITS.findall(_counts_in_digits(text, language))) - set(YEAR.findall(text))


def _agreeing(said: set[str], claimed: set[str]) -> bool:
    """Whether a number a text says is one a claim gives, whatever its decimal mark ('0.03' for '0,03'), or a whole
    number the text gives with its decimals ('over 104 billion' for '104,3 milliards')."""
    for c in claimed:
        for s in said:
            a, b = float(c.replace(",", ".")), float(s.replace(",", "."))
            if a == b or (a.is_integer() and not b.is_integer() and int(b) == int(a)):
                return True
    return False


def _years(text: str, single: set[str]) -> set[str]:
    """The years a text names, but those the question asks as one year where the text names them only as a
    stretch's start or end ('Vem var partisekreterare år 2009?' against 'la période 2009-2024')."""
    years = set(YEAR.findall(text))
    if not single:  # (most questions: every sentence of every passage is read this way)
        return years
    ranged = {y for m in YEAR_RANGE.finditer(text) for y in m.groups()}
    alone = set(YEAR.findall(YEAR_RANGE.sub(" ", text)))
    return years - {y for y in single & ranged if y not in alone}


def other_stretch(stretches: set[tuple[str, str]], text: str) -> bool:
    """Whether a text is dated by other stretches of years than those the question names, each sharing a year with
    them at most, and by no year of theirs alone: 'mandatperioden 2019-2024' is not 'mandatperioden 2014–2019',
    although both hold 2019 ('la période 2021-2025' may well be the term asked as 2020–2025)."""
    ranges = set(YEAR_RANGE.findall(text))
    if not stretches or not ranges:
        return False
    overlapping = any(min(b, d) > max(a, c) for a, b in ranges for c, d in stretches)  # (years as written: 4 digits)
    if overlapping:
        return False
    return not set(YEAR.findall(YEAR_RANGE.sub(" ", text))) & {y for r in stretches for y in r}


def _days_of(index: LexicalIndex, doc_id: str) -> list[tuple[int, int, int | None]]:
    """The days a document names, read once per document."""
    key = f"dates:{doc_id}"
    if key not in index.cache:
        index.cache[key] = dates(index.document_text(doc_id))
    said: list[tuple[int, int, int | None]] = index.cache[key]
    return said


def _other_days(asked: list[tuple[int, int]], index: LexicalIndex, doc_id: str) -> bool:
    """Whether a document names days, none of them one the question asks of without a year: 'Le 22 février, qui
    dirigeait la séance…' against 'Dans l'après-midi du 22 janvier' (a document that names no day says nothing)."""
    said = {(d, m) for d, m, _ in _days_of(index, doc_id)}
    return bool(said) and not said & set(asked)


def _misdated(asked: list[tuple[int, int, int | None]], index: LexicalIndex, doc_id: str) -> bool:
    """Whether a document names a day the question asks of only in another year: 'ngày 8/12/2021' against 'la
    résolution n° 35 du 8 décembre 2023' (a document that does not name the day is judged by its years)."""
    said = _days_of(index, doc_id)
    for day, month, year in asked:
        years = {y for d, m, y in said if (d, m) == (day, month)}
        if years and year not in years and None not in years:
            return True
    return False


# a count a follow-up names, not a rate: 'Còn số quận, huyện… không còn hộ nghèo?', 'And the number of districts?'
NUMBER_OF_ASKED = re.compile(r"\b(?:số|number of|the number|nombre de|le nombre|antal(?:et)?)\b", re.IGNORECASE)
NUMBER_OF = {"nombre", "number", "antal", "antalet", "total", "totalt", "tong"}  # folded: 'le nombre de ménages…'


def _just_before(sentence: str, start: int, language: str) -> Words:
    """The words just before a number at `start`, back to the last comma, quote or number (up to UNIT_WORDS): what
    it counts when a sentence says it first ('le nombre de ménages pauvres est de 120', 'Pupils: 640'; not the team
    before the name '« 5 en 1 »')."""
    lead = re.split(r"[,;«»\"“”]|\d", sentence[:start])[-1]
    return Words(" ".join(words(lead)[-UNIT_WORDS:]), language)


QUALITY_WORDS = 4  # words after a count read for what those counted are
_FOR = {"for", "för", "pour", "cho", "with", "avec", "med", "để", "dành"}  # what a count is for, not of
_RELATIVE = {"who", "which", "that", "qui", "som", "mà"}  # what opens a clause about those counted


def _of_quality(question: Question, sentence: str, own: Words, language: str) -> bool:
    """Whether a sentence says what those a 'how many' counts are ('women'), at one of its counts when it has any:
    '2 500 modeller… för ungdomar och kvinnor' counts no women; or, for a measure, says what it is of."""
    if not any(matched(k, own) for k in question.qualities):
        return False
    if question.kind != "number" or question.measure is not None:
        return True
    counts = [
        m
        for m in count_numbers(sentence)
        if not YEAR.fullmatch(m.group()) and joined_thousands(m.group()) not in question.numbers
    ]
    for match in counts:
        # right after it, up to a comma or what it is for ('dont 4 femmes', 'có 3 đồng chí nữ', '4 av dem är kvinnor';
        # not '2 500 modeller för ungdomar och kvinnor'), or just before it ('women: 4')
        clause = words(re.split(r"[,;:()]", sentence[match.end() :])[0])
        ahead = clause[:QUALITY_WORDS]
        # and the relative clause that says what they are: '6 av 11 kamrater som deltar för första gången'
        relative = next((i for i, w in enumerate(ahead) if w.lower() in _RELATIVE), None)
        own_words = ahead if relative is None else ahead[:relative]
        after = " ".join(itertools.takewhile(lambda w: w.lower() not in _FOR, own_words))
        if relative is not None:  # (whole: 'för första gången' is no 'for')
            after = f"{after} {' '.join(clause[relative : relative + 1 + QUALITY_WORDS])}"
        near = (Words(after, language), _just_before(sentence, match.start(), language))
        if any(matched(k, side) for k in question.qualities for side in near):
            return True
    # or at a count in words: 'dont quatre femmes', 'för första gången är en majoritet kvinnor'
    for match in (*SMALL_COUNT.finditer(sentence), *NUMBER_WORDS.finditer(sentence)):
        said = Words(" ".join(words(re.split(r"[,;:()]", sentence[match.end() :])[0])[:3]), language)
        if any(matched(k, said) for k in question.qualities):
            return True
    return not counts


def _single_names(keys: list[KeyWord], text: str, language: str, shortest: int = 4) -> list[KeyWord]:
    """The single capitalised words a question gives, not first ('Stockholm', 'Yagi'); of three letters too when
    `shortest` allows, for a name no dictionary translates ('Huế', 'Big C')."""
    named = capitalised(text, language) - opening_words(text)
    return [
        k for k in keys
        if k.word in named and " " not in k.word and not any(c.isdigit() for c in k.word)
        and (len(k.word) >= 4 or len(k.word) >= shortest and k.kind == "name")
    ]  # fmt: skip


def _written(k: KeyWord, results: Results) -> bool:
    """Whether some document writes a name, in any form, or as a word it starts with ('Vietnamese' of 'Vietnam'), or
    its source link's site spells it ('the Dong Khoi article': baodongkhoi.vn)."""
    folded, terms = fold(k.word), results.index.terms
    forms = k.forms | {folded, stem(k.word, results.query.language)}
    return (
        any(f in terms for f in forms)
        or any(folded[:n] in terms for n in range(6, len(folded)))
        or any(_site_spells(k, results.index, doc_id) for doc_id in results.index.documents)
    )


def _site_spells(k: KeyWord, index: LexicalIndex, doc_id: str) -> bool:
    """Whether the site a document links to spells a name of four letters or more ('Dong Khoi': baodongkhoi.vn)."""
    key = f"sites:{doc_id}"
    if key not in index.cache:  # (the host's names, folded, its domain's end left out)
        hosts = re.findall(r"https?://(?:www\.)?([\w.-]+)", index.document_text(doc_id))
        index.cache[key] = {fold(label) for host in hosts for label in host.split(".")[:-1]}
    folded = fold(k.word)
    return len(folded) >= 4 and any(folded in site for site in index.cache[key])


def _unknown_names(keys: list[KeyWord], text: str, results: Results) -> list[str]:
    """The single capitalised words a question gives that no document writes in any form ('Hur lång tid tar det att
    flyga från Stockholm till Hanoi?'): the documents do not speak of it. A word of three letters only when it is
    no headword of the glossaries from the question's language or from Vietnamese, nor a code in capitals ('Huế',
    'Big C'; not 'Dân' of 'Dân vận khéo' in a Swedish question, nor 'USD')."""
    languages = _of_texts(text)
    return [
        k.word for k in _single_names(keys, text, results.query.language, shortest=3)
        if not _written(k, results) and not _titles_name(k, text, results) and k.word.lower() not in languages
        and not (len(k.word) == 3 and (k.word.isupper() or any(headword(k.word, lang)
                                                                for lang in (results.query.language, "vi"))))
    ]  # fmt: skip


# a language named as a text's: 'the Swedish report', 'in French' is the article written in it, which need not name
# the country (not 'How many French tourists…')
_LANGUAGES = "|".join(LANGUAGE_NAMES["en"].values())
_TEXT_LANGUAGE = re.compile(
    rf"\b({_LANGUAGES})(?=\s+(?:report|article|version|text|translation|page|piece|story|original|interview)s?\b)|"
    rf"\bin\s+({_LANGUAGES})\b"
)


def _of_texts(text: str) -> set[str]:
    """The languages a question names as its texts' (see _TEXT_LANGUAGE)."""
    return {(m.group(1) or m.group(2)).lower() for m in _TEXT_LANGUAGE.finditer(text)}


def _titles_name(k: KeyWord, text: str, results: Results) -> bool:
    """Whether an unwritten capitalised word is an everyday word (one the dictionaries translate) standing as a title
    before a name the documents write: 'l'Oncle Ho', 'Uncle Ho', 'Farbror Ho' (Ho Chi Minh), not a name of its own."""
    if k.kind != "word" or k.forms <= {fold(k.word), stem(k.word, results.query.language)}:
        return False
    return any(
        after.group()[:1].isupper() and after.group(1)[:1].isupper() and fold(after.group(1)) in results.index.terms
        for after in re.finditer(rf"(?<!\w){re.escape(k.word)}\s+([^\W\d_]+)", text, re.IGNORECASE)
    )


def _named_things(
    keys: list[KeyWord], text: str, results: Results, places: list[Place], unknown: list[str]
) -> list[KeyWord]:
    """The single names a question gives that some document writes (they are not `unknown`) and that name no place
    it asks about: 'bão Yagi' is a storm one report names, and the Hanoi report's fund, which does not name it, says
    nothing of it."""
    placed = {fold(w) for p in places for w in f"{p.name} {p.said}".split()}
    return [
        k for k in _single_names(keys, text, results.query.language)
        if k.kind == "name" and fold(k.word) not in placed and k.word not in unknown
    ]  # fmt: skip


def _source_role(question: Question, said: float) -> float:
    """A role the question names only as its source is missed only by a sentence another role's holder said: one
    that does not say whose words it is (0.5) may be the source's."""
    return 1.0 if question.attributed and said == 0.5 else said


def _attributed(text: str, kind: str | None) -> bool:
    """Whether every role the question names stands in a source clause, opening it or not, and it asks something else
    than who holds one ('Theo Trưởng Ban Dân vận Thành ủy, số xã… là bao nhiêu?', '…, a figure reported by the
    city's mass mobilisation chief'): a sentence that does not say whose words it is may answer. (Read only when the
    question names a role.)"""
    if kind == "person":
        return False
    clause = ATTRIBUTION.match(text)
    spans = [m.span() for m in SOURCE_CLAUSE.finditer(text)] + ([(0, clause.end())] if clause else [])
    mentioned = role_mentions(text)
    return bool(spans) and all(any(a <= at < b for a, b in spans) for _, _, at in mentioned)


def _persons(names: list[KeyWord], places: list[Place], text: str) -> list[KeyWord]:
    """The names that are people's: two words or more, a Vietnamese family name first, and no place asked about in
    them ('Ha Tinh' opens with a family name too, and 'Hà Tĩnh Lê Ngọc Châu' is a place and a person run together).
    Each is the whole run of capitals the question writes from its family name on, with the words a dictionary
    translates ('Hung' of 'Nguyen Van Hung')."""
    said = {fold(p.said) for p in places} | {fold(p.name) for p in places}
    runs = [[fold(w) for w in group] for group in name_groups(text)]
    out = []
    for k in names:
        # (or a person's given names after a title: 'Bà Lan Hương', 'ông Ngọc Châu')
        titled = re.search(rf"\b{HONORIFIC}\s+{re.escape(k.word)}\b", unicodedata.normalize("NFC", text), re.I)
        if len(k.word.split()) < 2 or not (is_person_name(k.word) or titled):
            continue
        if any(f" {place} " in f" {fold(k.word)} " for place in said):
            continue
        own = [fold(w) for w in k.word.split()]
        # the run that goes on from the name's own words, to four words at most (a family name and three)
        whole = next((run[i : i + 4] for run in runs for i in range(len(run)) if run[i : i + len(own)] == own
                      and len(run[i : i + 4]) > len(own)), None)  # fmt: skip
        out.append(KeyWord(" ".join(whole), "name", {joined(whole)}, parts=[{w} for w in whole]) if whole else k)
    return out


def names_person(key: KeyWord, text: Words) -> bool:
    """Whether a text names a person: all the name's words, one after the other, not a word that only begins like
    one of them ('Nguyen Van Hung' is not in a text of 'Nguyen Van Phuc' and 'Hung Yen')."""
    return any(form in text.words for form in key.forms) or text.has_run(key.parts)


def _counted_keys(keys: list[KeyWord], folded: set[str], results: Results) -> list[KeyWord]:
    """The key words of what a 'how many' question counts, each also matched by its synonyms ('logements' for
    'maisons'): copies, so the question's coverage is read from its own words and translations alone."""
    language, synonyms = results.query.language, results.query.synonyms
    out = []
    for k in keys:
        if fold(k.word) in folded:
            more = {stem(w, language) for s in synonyms.get(k.word, []) for w in content_words(s)}
            out.append(replace(k, forms=k.forms | more))
    return out


# Vietnamese roles are two syllables ('chủ tịch'); the first alone starts everyday words ('chủ đề', 'giám sát').
VIETNAMESE_ROLES = {("chủ", "tịch"): "chair", ("bí", "thư"): "secretary", ("giám", "đốc"): "head",
                    ("trưởng", "ban"): "head", ("trưởng", "thôn"): "head", ("trưởng", "phòng"): "head",
                    ("trưởng", "khu"): "head", ("trưởng", "ấp"): "head", ("trưởng", "bản"): "head",
                    ("chủ", "trì"): "chair", ("đứng", "đầu"): "head"}  # fmt: skip
# a verb among them: 'Ai chủ trì hội nghị?' (who chaired the conference) asks who did it, as 'Who chaired…' does
VIETNAMESE_ROLE_VERBS = {("chủ", "trì")}
# Swedish writes a role into compounds: 'kommittéchef', 'partisekreterare', 'frontordförande'.
COMPOUND_ROLES = {"chef": "head", "sekreterare": "secretary", "ordförande": "chair"}


def _family(token: str) -> str | None:
    """The role family a word names, plurals and Swedish compounds too ('ordförandena', 'kommittéchef')."""
    for family, names in ROLES.items():
        if token in names:
            return family
    for suffix, family in COMPOUND_ROLES.items():  # also the definite forms: 'kommittéchefen', 'partisekreteraren'
        for form in (suffix, suffix + "en", suffix + "n", suffix + "na"):
            if token.endswith(form) and len(token) > len(form) + 3:
                return family
    return None


def role_mentions(text: str, verbs: bool = True) -> list[tuple[str, bool, int]]:
    """The roles a text names, in order: each one's family, whether it is a deputy's ('vice-président',
    'viceordförande', 'phó chủ tịch', 'secrétaire adjoint', 'chef adjointe') and where it stands in the text; with
    verbs=False, a verb that says what someone did ('ont présidé une réunion') names no role."""
    low, found = word_spans(text)
    said = [m.group() for m in found]
    named = []
    for i, token in enumerate(said):
        after = said[i + 1] if i + 1 < len(said) else ""
        if not verbs and (token in ROLE_VERBS or (token, after) in VIETNAMESE_ROLE_VERBS):
            continue
        deputy = token.startswith("vice") and len(token) > 4
        family = VIETNAMESE_ROLES.get((token, after))
        if family == "head" and token == "đứng" and (not i or said[i - 1] != "người"):
            family = None  # 'người đứng đầu' is the head; 'Hà Nội đứng đầu cả nước' ranks first
        # French puts the deputy after the role: 'secrétaire adjoint', not 'le président, vice-président'
        follows = family is None and after in VICE and not low[found[i].end() : found[i + 1].start()].strip()
        family = family or _family(token[4:] if deputy else token)
        if family == "head" and token == "head" and i and said[i - 1] == "per":
            continue  # 'income per head' counts heads, it names no post
        if family == "head" and _party_chief(low, found, i):
            family = "secretary"  # the Party's chief is its secretary: 'Quang Nam's provincial Party chief'
        if family is not None and _historic(said[i + 1 + (VIETNAMESE_ROLES.get((token, after)) is not None) :]):
            continue
        if family is not None:
            deputy = deputy or follows or _deputy_before(low, found, i)
            at = found[i - 1].start() if token == "đứng" else found[i].start()  # (from 'người': no relative 'who')
            named.append((family, deputy, at))
    return named


DEPUTY_REACH = 3  # words before a role read for a deputy's word: 'deputy provincial Party secretary'


def _deputy_before(low: str, found: list[re.Match[str]], i: int) -> bool:
    """Whether the words just before the role at `i` make it a deputy's ('phó chủ tịch', 'deputy provincial Party
    secretary'); not across a conjunction, a comma or another role ('the deputy and the secretary', 'Phó Bí thư,
    Chủ tịch UBND tỉnh', 'le vice-président, le président…')."""
    for j in range(i - 1, max(-1, i - 1 - DEPUTY_REACH), -1):
        token = found[j].group()
        if not re.fullmatch(r"[\s-]*", low[found[j].end() : found[j + 1].start()]):
            return False  # punctuation between (but a hyphen: 'vice-président')
        if token in VICE:
            return True
        if token in CONJUNCTIONS or _family(token) or (token, found[j + 1].group()) in VIETNAMESE_ROLES:
            return False
        if j and (found[j - 1].group(), token) in VIETNAMESE_ROLES:
            return False
    return False


# the title of a historic figure, which no one holds now: 'l'enseignement du Président Ho Chi Minh', 'Chủ tịch Hồ Chí
# Minh'
_HISTORIC = ("ho chi minh",)


_CITY = {"city", "ville", "stad", "staden", "thanh", "tp"}  # 'Ho Chi Minh City', 'Ho Chi Minh-Ville'


_PARTY = {"party", "parti", "partiet"}
# what makes a Party's chief another one: 'Party chief of the commission', 'Party chief inspector', 'of staff'
_NOT_PARTY_CHIEF = {"of", "de", "du", "för", "inspector", "justice", "staff"}
_BEFORE_PARTY = {"the", "provincial", "municipal", "city", "district"}  # between 'head of' (or 'chef du') and 'Party'
# a body of the Party's, whose head is not its secretary: 'head of the Party Committee…', 'of the Party's commission'
_PARTY_BODIES = {"committee", "s", "central", "commission", "delegation", "office", "comité"}


def _party_chief(low: str, found: list[re.Match[str]], i: int) -> bool:
    """Whether the head named by the i-th word is the Party's: 'the provincial Party chief', 'partichefen' (not a
    commission's chief of the Party committee: 'la cheffe de la Commission… du Parti', 'Party chief of the
    Commission', nor a title listed after a Party one: 'membre du Comité central du Parti, chef de la Commission')."""
    token = found[i].group()
    after = found[i + 1].group() if i + 1 < len(found) else ""
    # the head of the Party itself: 'le chef du Parti de Quang Nam', 'the head of the provincial Party'
    # (not of its committee, whose commissions have heads too: 'head of the Party Committee's Commission')
    rest = [m.group() for m in found[i + 2 : i + 6] if m.group() not in _BEFORE_PARTY]
    if after in ("du", "of") and rest[:1] and rest[0] in _PARTY and not set(rest[1:2]) & _PARTY_BODIES:
        return True
    if after in _NOT_PARTY_CHIEF:
        return False
    if token.startswith("partichef"):
        return True
    return i > 0 and found[i - 1].group() in _PARTY and not low[found[i - 1].end() : found[i].start()].strip()


def _historic(after: list[str]) -> bool:
    """Whether the words right after a role's word (a Vietnamese one's two syllables) name a historic figure, not the
    city named after him ('le président de Ho Chi Minh-Ville' is no title of his)."""
    folded = [fold(w) for w in after[:4]]
    for name in _HISTORIC:
        n = len(name.split())
        if " ".join(folded[:n]) == name and not (len(folded) > n and folded[n] in _CITY):
            return True
    return False


def _named_roles(text: str, verbs: bool = True) -> list[tuple[str, bool]]:
    return [(family, deputy) for family, deputy, _ in role_mentions(text, verbs)]


def _asks_a_verb(text: str) -> bool:
    """Whether the first role a question names is a verb ('Who chaired the meeting?'), not a post: the mention that
    reading without verbs leaves out."""
    named = role_mentions(text)
    return bool(named) and named[0] not in role_mentions(text, verbs=False)


# what a body's name starts but does not name, masked (same length, so offsets hold): 'tình đoàn kết' (solidarity)
# and 'đoàn viên' (a member) are no 'Tỉnh đoàn'; 'du participatif' no 'du Parti'; the Central Commission for Mass
# Mobilization is no province's or city's commission
_NOT_A_BODY = re.compile(
    r"doan(?= ket| vien)|(?<=du )parti(?=\w)|(?<=central )commission for mass mobili|"
    r"(?<=centrala )(?:kommissionen for massmobilisering|massmobiliseringskommission)|"
    # the Front's 'Tổ quốc' before 'Hội An', 'hội tụ': no National Assembly; nor an 'international assembly'
    r"(?<=to )quoc hoi|(?<=inter)national assembly"
)


def _masked(folded: str) -> str:
    return _NOT_A_BODY.sub(lambda m: "_" * len(m.group()), folded)


def bodies(text: str, people: bool = True, short: bool = False) -> set[str]:
    """The bodies a text names: the People's Committee, the Fatherland Front, the Women's Union...; without `people`,
    not those named by a word for their members ('phụ nữ' is women as well as the Women's Union); with `short`, also
    those named for short (SHORT_NAMES)."""
    folded = _masked(fold(text))
    named = {
        body for body, names in BODIES.items() if any(name in folded for name in names if people or name not in PEOPLE)
    }
    if short:  # as written: 'au front contre le Covid-19', 'the frontline' name no body
        named |= {body for body, pattern in SHORT_NAMES.items() if pattern.search(text)}
    return named


def body_mentions(text: str) -> list[tuple[str, int]]:
    """Each body a text names, with the offset in text where its name starts, in order."""
    folded, at = "", []
    for i, ch in enumerate(text):
        piece = fold(ch)
        folded += piece
        at += [i] * len(piece)
    folded = _masked(folded)
    spans = [
        (body, m.start(), m.end()) for body, names in BODIES.items() for name in names
        for m in re.finditer(re.escape(name), folded)
    ]  # fmt: skip
    # one mention per name written: 'du Parti' inside 'Comité provincial du Parti' is that name's end, not another
    found = [
        (body, at[a]) for body, a, b in spans if not any(c <= a and b <= d and (c, d) != (a, b) for _, c, d in spans)
    ]
    return sorted(set(found), key=lambda pair: pair[1])


def _roles(text: str) -> tuple[str | None, bool]:
    """The first role a question names, and whether it asks for the deputy."""
    named = _named_roles(text)
    return named[0] if named else (None, False)


def window(index: LexicalIndex, passage: Passage, neighbours: int = NEIGHBOURS) -> Passage:
    """The passage widened to the whole sentences it cuts, and to `neighbours` more sentences of its paragraph on
    each side, read from its document's neighbouring chunks: a figure said just after the chunk ends ('Au cours du
    mandat 2020-2025, … | Près de 70 000 modèles…') is read with the passage that names its subject."""
    start, end = max(0, passage.start - WINDOW), passage.end + WINDOW
    text, first = index.span(passage.doc_id, start, end)
    if not text:
        return passage
    spans = [(first + a, first + b) for a, b in sentence_spans(text, passage.language)]
    inside = [i for i, (a, b) in enumerate(spans) if b > passage.start and a < passage.end]
    if not inside:
        return passage
    low, high = inside[0], inside[-1]
    for _ in range(neighbours):
        if low > 0 and "\n" not in text[spans[low - 1][1] - first : spans[low][0] - first]:
            low -= 1
        if high + 1 < len(spans) and "\n" not in text[spans[high][1] - first : spans[high + 1][0] - first]:
            high += 1
    a, b = spans[low][0], spans[high][1]
    return passage.model_copy(update={"text": text[a - first : b - first], "start": a, "end": b})


def _role(question: Question, sentence: str) -> float:
    """1 when the sentence names the role asked for (a chair, not a secretary; the deputy or not, as asked), 0 when
    it names only other roles, 0.5 when it names none."""
    if question.role is None:
        return 1.0
    named = role_mentions(sentence, verbs=question.role_verb)
    if not named:
        return 0.5
    wanted = answering_roles(question)
    return 1.0 if any((f, d) in wanted and _of_body_asked(question, sentence, at) for f, d, at in named) else 0.0


def _of_body_asked(question: Question, text: str, at: int) -> bool:
    """Whether the role named at offset `at` is a post of the body a 'who leads' question, or one asking who holds a
    post, names (or of none said): its body is the first one named after it, in its clause. The head of the Party
    Committee's mass mobilization commission ('le chef de la Commission de mobilisation de masse du Comité provincial
    du Parti') does not lead the Party Committee; the People's Council's vice-chair is no Front vice-chair."""
    holder = question.leads or (question.role is not None and question.kind == "person" and not question.role_verb)
    if not (holder and question.bodies):
        return True
    named = body_mentions(_role_clause(text, at))
    return not named or named[0][0] in question.bodies


def other_level(question: Question, sentence: str) -> bool:
    """Whether the sentence names the role asked for only as the post of another level's body than the one asked
    about: the province's vice-chair for the district's ('vice-président du Comité provincial' for Chau Thanh's)."""
    if question.role is None or question.level is None:
        return False
    wanted = answering_roles(question)
    levels = [role_level(sentence, at) for f, d, at in role_mentions(sentence, question.role_verb) if (f, d) in wanted]
    return bool(levels) and all(level not in (None, question.level) for level in levels)


# A question that asks of the whole country: 'nationwide', 'à l'échelle nationale', 'i hela landet', 'cả nước'; a
# sentence that tells of a city's, a province's or a district's ('i staden', 'la province', 'le district de…') and
# names neither the nation nor its central bodies tells of another level: the poverty rate of Hanoi is not Vietnam's
NATIONWIDE = re.compile(
    r"\b(?:nationwide|nationally|(?:at|on) (?:the |a )?national (?:level|scale)|(?:across|throughout) (?:the (?:whole "
    r"|entire )?country|vietnam)|in the (?:whole|entire) country|à l['’]échelle (?:nationale|du pays)|"
    r"au niveau national|(?:dans|sur) (?:tout|l['’]ensemble du) (?:le )?pays|i hela (?:landet|vietnam)|"
    r"på nationell nivå|nationellt|landsomfattande|rikstäckande|cả nước|(?:trên|trong) (?:phạm vi )?toàn quốc|"
    # the country named as the place asked of: 'in Vietnam', 'le Vietnam compte-t-il', 'i Vietnam', 'ở Việt Nam' (not
    # the Front's name: 'the Vietnam Fatherland Front', 'Front de la Patrie du Vietnam', 'MTTQ Việt Nam')
    r"(?:in|au|i|ở|tại) (?:vietnam|việt nam)(?![\w-]| fatherland| (?:mặt trận|mttq))|"
    r"(?<!patrie du )(?<!patrie )le vietnam (?:compte|a-t-il|possède)|"
    r"vietnam (?:has|har) (?!\w+ (?:front|fosterland)))\b",
    re.IGNORECASE,
)
_NATIONAL_SAID = re.compile(
    r"\b(?:national\w*|nationwide|(?:le |du |au )pays|landet|nationell\w*|riks\w*|cả nước|toàn quốc|"
    r"central\w*|trung ương|vietnams?|việt nam)\b",
    re.IGNORECASE,
)
_LOCAL_SAID = re.compile(
    r"\b(?:provinc\w*|provins\w*|tỉnh|city|ville|stad|staden|stadens|thành phố|municipal\w*|capitale|huvudstad\w*|"
    r"thủ đô|district\w*|distrikt\w*|huyện|quận|communes?|kommun(?!is)\w*|phường)\b",
    re.IGNORECASE,
)


# the Front's name, whose 'Vietnam' is no level: 'under ledning av Vietnams fosterlandsfront' in a sentence on the city
_FRONT_NAME = re.compile(
    r"\b(?:front de la patrie du vietnam|vietnams? fosterlandsfront\w*|vietnam fatherland front|"
    r"mặt trận tổ quốc việt nam|mttq việt nam)\b",
    re.IGNORECASE,
)


def local_only(question: Question, sentence: str) -> bool:
    """Whether a question asks of the whole country and the sentence tells of a place below it only (see
    NATIONWIDE); or names a central body and the sentence names none, only the bodies of a level below it: 'Vilka
    instruktioner från fosterlandsfrontens centralkommitté…' is not answered by 'les instructions du Comité provincial
    du Front'."""
    if question.central and not _CENTRAL.search(sentence):
        return body_level(sentence) not in (None, "central")  # a body of its own level: 'le Comité provincial du Front'
    if not question.nationwide or _NATIONAL_SAID.search(_FRONT_NAME.sub(" ", sentence)):
        return False
    return bool(_LOCAL_SAID.search(sentence)) or any(p.level == "province" for _, p in mentions(sentence))


# The level of the body a role belongs to, said just after the role, before the next comma: 'vice-président du Comité
# provincial', 'Chủ tịch Ủy ban MTTQ tỉnh', 'ordförande för distriktsfronten'; a city's is a province's
_LEVEL_WORDS = {
    # the nation's body: 'the Central Committee of the Fatherland Front' (not 'le rôle central', 'centrala roll')
    "central": r"central (?:mass mobili[sz]ation |[\w-]+ )?(?:committee|commission)|(?:comité|commission) centrale?|"
    r"centralkommitt\w*|centrala? (?:[\w-]+ )?kommission\w*|trung ương",
    "province": r"provinc\w*|provins\w*|tỉnh|city|ville|stad|stadens|stads\w+|thành phố|municipal\w*",
    "district": r"district\w*|distrikt\w*|huyện|quận",
    "commune": r"commun(?:e|es|al|ale)|kommun\w*|xã(?! hội)|phường",
}
_LEVEL = re.compile("|".join(rf"\b(?P<{level}>{words})\b" for level, words in _LEVEL_WORDS.items()), re.IGNORECASE)
# a central body, or the Front's own at the centre ('lancés par le Front central', 'the central Front'); in Vietnamese a
# body of the Centre ('Ban Dân vận Trung ương', 'Ủy ban Trung ương MTTQ'), not the Centre itself ('chủ trương của Trung
# ương', the Centre's policies)
_CENTRAL = re.compile(
    r"\b(?:central (?:mass mobili[sz]ation |[\w-]+ )?(?:committee|commission)|(?:comité|commission) centrale?|"
    r"centralkommitt\w*|centrala? (?:[\w-]+ )?kommission\w*|front central|central (?:fatherland )?front|"
    r"centrala? front\w*|ban (?:\w+ ){0,3}trung ương|trung ương (?:mặt trận|mttq)|"
    r"(?:mặt trận|mttq|hội đồng) trung ương)\b",
    re.IGNORECASE,
)
LEVEL_REACH = 80  # characters after a role where the level of its body is read


def _role_clause(text: str, at: int) -> str:
    """What a text says of the role named at offset `at`, where its body and that body's level are named: from the
    role to the next comma, colon or bracket, within LEVEL_REACH characters."""
    return re.split(r"[,;:()]", text[at : at + LEVEL_REACH])[0]


def role_level(text: str, at: int) -> str | None:
    """The level of the body of the role named at offset `at`: the first level word after it, in its clause, else a
    province or city it names there ('chef de la Commission… du Comité du Parti de Hanoi' heads the city's)."""
    clause = _role_clause(text, at)
    if found := _LEVEL.search(clause):
        return found.lastgroup
    # (a province after the body the role is of: not 'Vice President Vo Thi Anh Xuan visited Ha Tinh')
    body = body_mentions(clause)
    named = body and any(p.level == "province" and offset > body[0][1] for offset, p in mentions(clause))
    return "province" if named else None


def _asked_level(text: str, role: str | None, places: list[Place]) -> str | None:
    """The level of the body whose role a question asks of: said with the role ('vice-président du Comité du district
    de Chau Thanh'), else that of the lowest place it names ('in Chau Thanh': a district); None when it says neither:
    then any level's post answers."""
    if role is None:
        return None
    for family, _, at in role_mentions(text):
        if family == role and (level := role_level(text, at) or _level_before(text, at)):
            return level
    levels = {p.level for p in places}
    return next((level for level in ("commune", "district", "province") if level in levels), None)


# the words that ask a person's post, not the role a body plays ('D'après Nguyen Hai Ha, quel rôle le Front doit-il
# tenir…'), a stance ('What position did Nguyen Hai Ha take on…'), 'en fonction de', 'au titre de', 'post-flood'
_ASKS_POST = re.compile(
    r"\b(?:title|position(?!\s+(?:on|to)\b)|post(?!-)|(?<!au )titre|poste|(?<!en )fonction|befattning|titel|office|"
    r"tjänst|uppdrag|chức vụ|chức danh|cương vị)\b",
    re.IGNORECASE,
)


def body_level(text: str) -> str | None:
    """The level a text gives the first body it names, said with the body: just before it ('the provincial Fatherland
    Front committee') or in its clause after it ('le Comité provincial du Front de la Patrie', 'Ủy ban MTTQ tỉnh');
    None when it says none, or names no body its list knows ('the Front committee' alone is none)."""
    named = body_mentions(text)
    if not named:
        return None
    at = named[0][1]
    before = re.search(rf"(?:{_LEVEL.pattern})\s*(?:(?:the|la|le|de|du|Vietnam|Fatherland)\s+)*$", text[:at], re.I)
    found = before or _LEVEL.search(_role_clause(text, at))
    return found.lastgroup if found else None


def other_holder_level(level: str, sentence: str) -> bool:
    """Whether every post a sentence names is of another level's body than the one asked about, its level said: 'le
    vice-président du Comité du Front… du district de Mo Cay Bac, Huynh Van Viet' holds no post on the provincial
    committee."""
    levels = [role_level(sentence, at) or _level_before(sentence, at) for *_, at in role_mentions(sentence, False)]
    return bool(levels) and all(found not in (None, level) for found in levels)


def _level_before(text: str, at: int) -> str | None:
    """The level word English and Swedish put before a role, in its clause: 'the provincial Fatherland Front
    vice-chair', 'provinsfrontens vice ordförande'."""
    clause = re.split(r"[,;:()]", text[max(0, at - LEVEL_REACH // 2) : at])[-1]
    found = list(_LEVEL.finditer(clause))
    return found[-1].lastgroup if found else None


SPEAKER_REACH = 800  # characters before a sentence read for the holder of a role who says it
# a person named by a courtesy title and the last word of the name: '- a déclaré Mme Dung', 'sa herr Tuan'
COURTESY = re.compile(r"\b(?:Mme|Mlle|M\.|Madame|Monsieur|Mr\.?|Mrs\.?|Ms\.?|herr|fru|ông|bà)\s+([A-ZĐ][\w'-]+)\b")


def _role_said(question: Question, sentence: str, index: LexicalIndex, passage: Passage, at: int) -> float:
    """As `_role`, but a sentence that names no role, read for what a role's holder said or asked (not who holds it),
    takes the role of the nearest sentence before it that names one, across a paragraph break too: 'Le secrétaire
    provincial du Parti a suggéré… | Pour les activités de sécurité sociale… il est nécessaire de procéder à une étude
    approfondie'; 'Selon le secrétaire provincial du Parti, le mouvement… doit continuer… | Au cours du processus… |
    La province entière continue… | En particulier, une attention plus particulière est accordée…'."""
    own = _role(question, sentence)
    if own != 0.5 or question.kind == "person" or at <= 0:
        return own
    if (courtesy := COURTESY.search(sentence)) and _holds_role(question, index, passage.doc_id, courtesy.group(1)):
        return 1.0  # '« … au cours de la période 2025-2030 » - a déclaré Mme Dung', the commission's head
    before, _ = index.span(passage.doc_id, max(0, at - SPEAKER_REACH), at)
    spans = sentence_spans(before, passage.language) if before.strip() else []
    if not spans:
        return own
    for a, b in reversed(spans):
        said = before[a:b]
        role = _role(question, said)
        if role != 0.5:  # (the Women's Union's chair is not the Committee's)
            return role if _body(question, said) else own
        if names_someone(said) or COURTESY.search(said):
            return own  # another speaker's words: 'M. Nguyen Van A, habitant…, a déclaré…'
    return own


def _holds_role(question: Question, index: LexicalIndex, doc_id: str, last: str) -> bool:
    """Whether a person named only by a courtesy title and the last word of their name holds the role asked of the
    body asked, as a sentence of the document that gives their whole name says it ('la cheffe de la Commission…,
    Huynh Thi Thuy Dung')."""
    return any(_body(question, s) and _role(question, s) == 1.0 for s in _named_sentences(index, doc_id).get(last, []))


def _named_sentences(index: LexicalIndex, doc_id: str) -> dict[str, list[str]]:
    """The sentences of a document that name a person in full (two capitalised words or more), by the last word of
    the name; read once per document."""
    key = f"named:{doc_id}"
    if key not in index.cache:
        text, _ = index.span(doc_id, 0, 1 << 40)  # the cleaned text, each sentence once
        by_last: dict[str, list[str]] = {}
        for a, b in sentence_spans(text, index.language_of().get(doc_id, "en")):
            for last in dict.fromkeys(m.group().split()[-1] for m in NAME.finditer(text[a:b])):
                by_last.setdefault(last, []).append(text[a:b])
        index.cache[key] = by_last
    return index.cache[key]  # type: ignore[no-any-return]


POST_REACH = 120  # characters before a person's name where a post read as theirs may begin ('Chef de la Commission
# de mobilisation de masse du Comité du Parti de la ville, Do Anh Tuan')
APPOSITION_WORDS = 5  # words after a name and its comma before the post it is given ('…, Ha Tinh's provincial Party
# secretary')
# what makes the words between a post and a name no apposition: a clause break, a verb's question, the name as an
# object ('Qu'a demandé le secrétaire… à Tran The Dung'), a relative clause after the name ('…, som arbetar under
# ordföranden') or the next person of a list ('Hoang Trung Dung, et le secrétaire adjoint…')
_NOT_APPOSED = re.compile(
    r"[?;:]|,(?!\s*$)|\b(?:did|does|do|was|were|has|had|what|who|which|that|à|au|aux|de|to|till|åt|med|with|avec|"
    r"cho|với|qui|que|som|người|mà|vad|vem)\s*,?\s*$|\b(?:who|qui|som|which|người|mà|and|et|och|và|samt)\b",
    re.IGNORECASE,
)


def _posts_by_name(text: str, name: str) -> set[tuple[str, bool]]:
    """The posts (family, deputy) a text gives a person (`name` folded) where it names them: the role closest before
    the name, within POST_REACH characters, with nothing but the body's words between ('le secrétaire adjoint
    permanent du comité provincial du Parti, Tran The Dung'), or one apposed after it, past a comma, within
    APPOSITION_WORDS words ('Tran The Dung, Ha Tinh's provincial Party secretary')."""
    text = unicodedata.normalize("NFC", text)
    folded = "".join(fold(c)[:1] or c for c in text)  # offset for offset: 'œ' is one letter still
    mentioned = role_mentions(text, verbs=False)
    out: set[tuple[str, bool]] = set()
    for m in re.finditer(rf"\b{re.escape(name)}\b", folded):
        before = [(f, d, at) for f, d, at in mentioned if m.start() - POST_REACH <= at < m.start()]
        if before:
            # the post's own words, or a body's name after them ('secrétaire adjoint permanent du comité provincial
            # du Parti, '), not what its holder did ('which deputy Party secretary co-chaired alongside Tran…')
            between = text[before[-1][2] : m.start()]
            titled = len(words(between)) <= 2 or bool(bodies(between))
            if titled and not _NOT_APPOSED.search(between) and not names_someone(between):
                out.add(before[-1][:2])
        after = [(f, d, at) for f, d, at in mentioned if m.end() <= at < m.end() + POST_REACH]
        if after:
            between = text[m.end() : after[0][2]]
            apposed = between.lstrip().startswith(",") and len(words(between)) <= APPOSITION_WORDS
            if apposed and not _NOT_APPOSED.search(between.lstrip()[1:]) and not names_someone(between):
                out.add(after[0][:2])
    return out


def _another_holder(question: Question, posts: set[tuple[str, bool]], text: str, own: Words) -> bool:
    """Whether a sentence that does not name the person the question asks of names another in the post the question
    gives them ('que demande Ho Van Tan, vice-président du Comité provincial du Front…' against '– Nguyen Hai Ha,
    vice-président du Comité provincial du Front…', the signature under the other's words); not of another body's
    post ('…Tran Van Binh, vice-président du Comité populaire provincial'), nor for a question who holds a post."""
    if not posts or question.kind == "person" or any(names_person(k, own) for k in question.persons):
        return False
    if question.bodies and not bodies(text) & question.bodies:
        return False
    return any(is_person_name(m.group()) and _posts_by_name(text, fold(m.group())) & posts for m in NAME.finditer(text))


# the thing whose name is asked: its noun opens what follows the asking words in French and Swedish ('Comment
# s'appelle la coopérative de curcuma noir…', 'Vad heter zalo-gruppen som…') and ends the English phrase ('What is the
# name of the handbook-based model for preventing…', 'What is the model called?')
_NAMED_THING = re.compile(
    r"\b(?:comment\s+s['’]appel(?:le|lent|ait|aient)|quel\s+est\s+le\s+nom\s+d(?:u|es|e\s+la|e\s+l['’]|e|['’]))\s*"
    r"(?:(?:le|la|les|l['’]|ce|cet|cette|ces|un|une)\s*)?(?P<fr>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,2})|"
    r"\bvad\s+(?:heter|hette|kallas|kallades)\s+(?:(?:det|den|de)\s+)?(?P<sv>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,2})|"
    r"\bwhat(?:\s+(?:is|was|are|were)|['’]s)\s+the\s+names?\s+of\s+(?:the\s+|this\s+|that\s+|a\s+|an\s+)?"
    r"(?P<en>(?:[^\W\d_][\w-]*\s+){0,3}?[^\W\d_][\w-]*)(?=\s+(?:for|of|that|which|who|in|on|at|by|with)\b|\s*\?)|"
    r"^\W*what\s+(?:is|was|are|were)\s+the\s+(?P<called>(?:[^\W\d_][\w-]*\s+){0,3}?[^\W\d_][\w-]*)\s+(?:called|named)\s*\?",
    re.IGNORECASE,
)


def named_thing(typed: str, keys: list[KeyWord]) -> list[KeyWord]:
    """The key words of the thing a question asks the name of (`_NAMED_THING`): each word of its noun that is one
    ('zalo' and 'gruppen' of 'zalo-gruppen', which only a sentence on Zalo groups speaks of, not one on
    'bostadsgrupper')."""
    found = _NAMED_THING.search(typed)
    if found is None:
        return []
    noun = next(found.group(g) for g in ("fr", "sv", "en", "called") if found.group(g))
    # (the noun's words up to a function word: 'coopérative' of 'la coopérative de curcuma', 'zalo-gruppen som')
    head = itertools.takewhile(lambda w: not is_stopword(w), noun.split())
    said = {fold(part) for w in head for part in w.split("-")}
    return [k for k in keys if k.kind == "word" and fold(k.word) in said]


def _leaving_unnamed(results: Results, thing: list[KeyWord], typed: str, question: Question) -> set[str]:
    """Of the documents of the passages found, those that speak of the thing whose name a question asks (every key word
    of it in one sentence) and never give it a name where they do ('C'est la prémisse de la création d'une
    coopérative…'): none of their sentences answers."""
    given = {fold(w) for w in words(typed)}
    asked_bodies = bodies(typed, short=True) | question.organisations | question.bodies
    out = set()
    for doc_id in {passage.doc_id for passage in results.passages}:
        text, _ = results.index.span(doc_id, 0, 1 << 40)  # the cleaned text, each sentence once
        language = results.index.language_of().get(doc_id, "en")
        spans = sentence_spans(text, language)
        speaking = [text[a:b] for a, b in spans if all(matched(k, Words(text[a:b], language)) for k in thing)]
        if speaking and not any(gives_name(sentence, given, asked_bodies) for sentence in speaking):
            out.add(doc_id)
    return out


BODY_NAME_REACH = 25  # characters before a capitalised word read for the body's name it ends ('…de la Patrie')
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-ZĐÀ-Ý][\w'’-]*")


def gives_name(text: str, given: set[str], asked_bodies: set[str]) -> bool:
    """Whether a sentence gives a thing a name, as a question asking what a thing is called wants (ASKS_NAME): a quoted
    one ('le modèle « portes d'école sécurisées »'), or capitalised words past the sentence's first that the question
    does not give itself (`given`: its words folded; nor a body it names, `asked_bodies`, nor the Front all the
    documents tell of: 'Faderlandsfronten') and that are no person's name nor currency ('le Bloc de mobilisation de
    masse de la commune de Tra Ka', 'byn Kim Doi'); not 'de nombreux autres ménages ont rénové… pour y cultiver du
    curcuma', of a cooperative still unnamed."""
    if QUOTE.search(text):
        return True
    people = {w for name in person_names(text) for w in name}
    opening = len(text) - len(text.lstrip())
    for m in _CAPITALISED.finditer(text):
        word = m.group()
        if m.start() == opening or fold(word) in given or word in people or CURRENCY.match(word):
            continue
        # (with the words before it: 'le Front', 'Front de la Patrie du Vietnam')
        named = bodies(text[max(0, m.start() - BODY_NAME_REACH) : m.end()], short=True)
        if named and named <= asked_bodies | {"front"}:
            continue
        return True
    return False


# the words before a body's name that make it the partner of another's deed, not its doer: 'undertecknat
# samordningsregler med folkrådet', 'en coordination avec le Conseil populaire', 'phối hợp với HĐND', '…om utkast
# till resolutioner från folkrådet'
PARTNER_REACH = 30  # characters before a body's name read for the preposition that makes it a partner
_PARTNER_WORDS = r"with|together with|alongside|from|med|tillsammans med|från|avec|auprès|với|cùng|cùng với|từ"
_ARTICLE_BEFORE = r"(?:(?:the|le|la|les|l['’]|det|den)\s*)?$"  # (what the preposition's article may add)
_BESIDE = re.compile(rf"\b(?:{_PARTNER_WORDS})\s+{_ARTICLE_BEFORE}", re.IGNORECASE)
# and a body named in a question after any preposition is no doer of what it asks: a partner ('with'), an owner
# ('của HĐND cùng cấp', 'of the People's Council'), a place or a recipient
_NOT_DOING = re.compile(
    rf"\b(?:{_PARTNER_WORDS}|of|by|to|for|in|at|on|av|för|i|till|hos|på|de|du|des|d['’]|à|au|aux|pour|par|sur|của|"
    rf"cho|bởi|tại|ở|trong|về)\s*{_ARTICLE_BEFORE}",
    re.IGNORECASE,
)


def _beside(text: str, asked: set[str], named: set[str]) -> bool:
    """Whether a text names the bodies a question asks to have done a thing (`asked`) only as another's partners or
    sources ('…stadens fosterlandsfront… undertecknat samordningsregler med folkrådet', '…resolutioner från folkrådet'
    for what the People's Council organised itself), and names another body the question does not (`named`: what
    the Front did with the council is asked of both)."""
    mentioned = body_mentions(text)
    own = [at for body, at in mentioned if body in asked]
    others = {body for body, _ in mentioned} - named
    return bool(own) and bool(others) and all(_BESIDE.search(text[max(0, at - PARTNER_REACH) : at]) for at in own)


def is_person_name(name: str) -> bool:
    """Whether capitalised words name a person: they open on a family name and name no place ('Hoang Trung Dung', not
    'Ha Tinh', whose 'Ha' is a family name too)."""
    return fold(name.split()[0]) in SURNAMES and not mentions(name)


def names_someone(text: str) -> bool:
    """Whether a text names a person ('…, Hoang Trung Dung, et le secrétaire…')."""
    return any(is_person_name(m.group()) for m in NAME.finditer(text))


def names_holder(text: str) -> bool:
    """Whether a text names a person or a post ('le secrétaire du Parti, le président du Conseil populaire…'): who
    answers a question asking which of a body's leaders did a thing. (A name may follow a capitalised word that opens
    the sentence: 'Selon Ho Van Tan, …'.)"""
    return any(person_names(text)) or bool(_named_roles(text))


def person_names(text: str) -> Iterator[list[str]]:
    """The people a text names, each as the words of the name: a run of capitalised words, or its end after a word
    that opens the sentence ('Selon Ho Van Tan' names 'Ho Van Tan'), that `is_person_name`."""
    for m in NAME.finditer(text):
        run = m.group().split()
        yield from (run[i:] for i in range(max(1, len(run) - 1)) if is_person_name(" ".join(run[i:])))


def _named_anywhere(index: LexicalIndex) -> dict[str, list[str]]:
    """The sentences of all documents that name a person in full, by the last word of the name, folded ('dung': the
    Ha Tinh report's 'Hoang Trung Dung' and 'Tran The Dung'); read once per index."""
    if "named-anywhere" not in index.cache:
        by_last: dict[str, list[str]] = {}
        for doc_id in index.documents:
            for last, said in _named_sentences(index, doc_id).items():
                by_last.setdefault(fold(last), []).extend(said)
        index.cache["named-anywhere"] = by_last
    return index.cache["named-anywhere"]  # type: ignore[no-any-return]


# what a named person is asked to have said of a thing: 'what did Tran The Dung ask regarding the orphan sponsorship
# programme', 'Qu'a répondu Nguyen Van Danh… sur les critères…', 'Vad sa Nguyen Lan Huong… om utbildningen…', 'Ông
# Huỳnh Văn Việt… đã nói gì về cách nhân rộng…' (the verb, then its subject, up to the question's end)
_SAID = (
    r"say|said|says|ask|asks|asked|propose|proposes|proposed|suggest|suggests|suggested|answer|answers|answered|reply|"
    r"replies|replied|state|states|stated|explain|explains|explained|dit|dire|déclare|déclaré|demande|demandé|propose|"
    r"proposé|suggère|suggéré|répond|répondu|explique|expliqué|affirme|affirmé|souligne|souligné|sade|säger|"
    r"föreslår|föreslog|ber|bad|svarar|svarade|förklarar|förklarade|betonar|betonade|nói|đề nghị|yêu cầu|đề xuất|"
    r"trả lời|phát biểu|nêu|(?-i:sa(?=\s+[A-ZĐ]|\s+\w+\s+om\b))"  # Swedish 'Vad sa Nguyen…', not French 'sa'
)
# (what follows within a clause or two; not 'om' as 'if', 'về' as 'to go to', nor 'on' of a day)
_SAID_ABOUT = re.compile(
    rf"\b(?:{_SAID})\b[^?;]{{0,120}}?(?:\b(?:about|regarding|concerning|sur|concernant|angående|gällande|beträffande)\s+|"
    r"\bom\s+(?!(?:de|han|hon|vi|man|det|den|ni|jag|du|inte)\b)|\bvề\s+(?!(?:thăm|dự|làm|với|nhà|quê)\b)|"
    r"\b(?:au sujet|à propos)\s+d(?:e|es|u)\s+|\b(?:au sujet|à propos)\s+d['’])([^?;,]+)",
    re.IGNORECASE,
)


def said_about(question: Question, typed: str) -> list[KeyWord]:
    """The key words of what a question asks a person it names to have said ('…ask regarding the orphan sponsorship
    programme'): a sentence that answers it speaks of that, in itself or the sentence before; a sentence of theirs
    about something else ('…a rendu compte de la mise en œuvre des politiques') does not."""
    found = _SAID_ABOUT.search(typed) if question.persons else None
    if found is None:
        return []
    said = {fold(w) for w in content_words(found.group(1))}
    return [k for k in question.keys if k.kind == "word" and fold(k.word) in said]


def _miscast(question: Question, given: dict[str, set[tuple[str, bool]]], index: LexicalIndex) -> bool:
    """Whether the question as typed gives a person it names a post of a family the documents give them, but not
    that post: the deputy's where they hold the post itself, or the reverse ('Vad sa Pham Anh Tuan, ordförande för
    Hanois fosterlandsfrontskommitté…' of the city's vice-chair; 'Tran The Dung, Ha Tinh's provincial Party
    secretary' of its deputy secretary). Not asked of a question about who holds a post. `given`: the posts the
    question as typed gives each person it names, by their folded name."""
    if question.kind == "person" or question.role is None:
        return False
    for name, posts in given.items():
        if not posts:
            continue
        held: set[tuple[str, bool]] = set()
        for sentence in _named_anywhere(index).get(name.split()[-1], []):
            held |= _posts_by_name(sentence, name)
        families = {f for f, _ in posts}
        if held and not held & posts and any(f in families for f, _ in held):
            return True
    return False


def answering_roles(question: Question) -> set[tuple[str, bool]]:
    """The roles (family, deputy) that answer the question's: its own, or for 'who leads…' ('qui dirige', 'vem leder')
    the first post: a chair's or a head's, and a secretary's for the Party, which its secretary leads."""
    if question.leads:
        return {("chair", False), ("head", False)} | ({("secretary", False)} if "party" in question.bodies else set())
    if question.role == "head" and question.bodies and question.bodies <= CHAIRED:
        # the head of a body that a chair leads is its chair: 'the deputy head of the Front committee' is its
        # vice-président
        return {("head", question.vice), ("chair", question.vice)}
    return {(question.role, question.vice)} if question.role else set()


def _unit(question: Question, sentence: str, language: str, known: list[KeyWord]) -> float:
    """1 when a number of the sentence counts what a 'how many' question counts ('265 orphelins' for 'how many
    orphans'), or when there is nothing to check; 0 when its numbers count other things ('3 fois' for 'how many
    inhabitants'). `known`: the counted words the document is seen to use; only they are checked: where no dictionary
    gives the document's word for the thing ('households' for 'ménages'), a number cannot be told to count something
    else; but a sum of money or a percentage counts no things ('411,2 miljarder VND' for 'how many cards')."""
    if question.kind == "number" and question.share:  # a rate is a percentage or a fraction, not '7 tâches'
        return 1.0 if PERCENT_SIGN.search(sentence) or FRACTION.search(sentence) else 0.0
    if question.kind == "number" and question.partakers:  # those who took part are people, not '3 119 utbildningar'
        return 1.0 if gives_people(sentence) or not count_numbers(sentence) else 0.0
    things = bool(question.counting) and not (question.sums or question.money)
    if question.kind != "number" or not (known or question.sums or things):
        return 1.0
    # households are no people: '104 ménages…, dont 94 ont construit' does not say how many people
    if things and {w.lower() for w in question.counting} & PEOPLE_WORDS:
        units = [" ".join(unit_after(sentence[m.end() :])) for m in count_numbers(sentence)]
        if any(map(households, units)) and not any(map(people_unit, units)):
            return 0.0
    known_words = {k.word for k in known}
    found = False  # a sentence without a number counts nothing else ('des centaines de milliers de cadres')
    for match in count_numbers(sentence):
        if YEAR.fullmatch(match.group()) or joined_thousands(match.group()) in question.numbers:
            continue
        if NUMBERED_PLACE.search(sentence[: match.start()]):
            continue  # 'du village 2' names a village, it counts none
        found = True
        unit = " ".join(head_of_count(unit_after(sentence[match.end() :])))
        if things and (CURRENCY.search(unit) or PERCENT_SIGN.match(unit)):
            continue  # a sum or a share counts no things: '100 % av kommunerna och distrikten' is no count of districts
        if things and not known:
            return 1.0  # what it counts cannot be told
        # 'dont 94 ont construit de nouveaux logements'; not past a comma ('4 nouvelles maisons, certains ménages…')
        # (the first word alone when another thing it belongs to follows: '12 ménages du village 2')
        after = " ".join(head_of_count(words(re.split(r"[,;:()]", sentence[match.end() :])[0])[:UNIT_WORDS]))
        # or just before it, when those words name the count ('le nombre de ménages pauvres a atteint 1 250 foyers') or
        # no word of its own follows it ('Pupils: 640'): 'deltagit i 6 920 tillsynsdelegationer' counts delegations,
        # not participants ('deltagare')
        before = _just_before(sentence, match.start(), language)
        ahead = words(sentence[match.end() :])[:1]
        named = bool(ahead) and not is_stopword(ahead[0]) and len(ahead[0]) > 1 and not ahead[0].isdigit()
        near = Words(after, language), before if not named or NUMBER_OF & set(before.sequence) else Words("", language)
        if any(matched(k, side) for k in known for side in near):
            return 1.0
        # or the other kinds of a list it counts, two or more of them the question's own ('3 172 maisons de solidarité,
        # abris syndicaux, abris de charité…' for 'logements caritatifs (foulard rouge, abris syndicaux…)'): one kind
        # of the list asked is not counted by the whole list's count ('2 500 modeller för…, medlingsteam, …')
        listed = Words(_listed_after(sentence[match.end() :]), language)
        if sum(matched(k, listed) for k in known) >= LISTED_KINDS:
            return 1.0
        # (or as a part of a compound whose other part is another word of the question: 'solidaritetshus')
        # (by its word: a counted key is a copy that holds its synonyms too)
        if any(question.keys[i].word in known_words for side in near for i in compounded(question.keys, side)):
            return 1.0
        if counts(unit, question.counting):
            return 1.0
    for match in (*NUMBER_WORDS.finditer(sentence), *ONE.finditer(sentence)):  # 'plus d'un hectare'
        if re.search(r"\d\s*$", sentence[: match.start()]):
            continue  # the scale of a number: '411,2 milliards'
        if not known:
            return 1.0
        found = found or bool(NUMBER_WORDS.fullmatch(match.group()))  # 'des milliers de dons' counts gifts
        unit = " ".join(unit_after(sentence[match.end() :]))
        if any(matched(k, Words(unit, language)) for k in known):
            return 1.0
    return 0.0 if found else 1.0


LISTED_KINDS = 2  # words of the question a list after a count must name for the count to be of what it asks
LISTED_WORDS = 4  # words of each further kind in a list a count is of: 'abris de charité', 'maisons de foulard rouge'


def _listed_after(text: str) -> str:
    """The kinds a count lists after its first, to the list's end: each a few words between commas ('3 172 maisons de
    solidarité, abris syndicaux, abris de charité, maisons de foulard rouge...'); not a clause after its comma ('4
    nouvelles maisons, certains « ménages aisés » ont également aidé…'), which ends it."""
    items = re.split(r"[;:()]|\.\.\.|…", text, maxsplit=1)[0].split(",")[1:]
    kinds = list(itertools.takewhile(lambda item: 0 < len(words(item)) <= LISTED_WORDS, items))
    return ", ".join(kinds)


# What the question qualifies the thing it asks about with, which a sentence must not contradict: 'before the
# reorganisation' is not 'Efter omorganisationen'; near-poor households are not poor ones
_BEFORE, _AFTER = r"before|prior to|avant|före|innan|trước", r"after|après|efter|sau"
_BOTH = (_BEFORE, _AFTER)
_TIME_QUALIFIER = r"\b(?:{})\s+(?:(?:the|la|le|les|de|des|du|khi|việc)\s+|l')?(\w+)"
NEAR_POOR = re.compile(
    r"near[- ]poor|quasi[- ]pauvres?|presque pauvres?|nära fattig|nästan fattig|cận nghèo", re.IGNORECASE
)
# words after 'before'/'after' that are not the thing it qualifies: a year ('före år 2025' against 'Efter år 2020'),
# a pronoun ('avant qu'il'), Vietnamese 'đây' ('trước đây' formerly, 'sau đây' the following)
_NOT_QUALIFIED = {"năm", "år", "året", "year", "an", "année", "đây", "đó", "khi", "qu", "que"}


def _qualified_things(pattern: str, text: str) -> set[str]:
    """What 'before' or 'after' (`pattern`) qualifies in a text, by its first six letters."""
    found = (m.group(1) for m in re.finditer(_TIME_QUALIFIER.format(pattern), text, re.IGNORECASE))
    return {fold(w)[:6] for w in found if not (is_stopword(w.lower()) or w.lower() in _NOT_QUALIFIED or w.isdigit())}


QUALIFIER_WORDS = 3  # words after 'before' or 'after' read for what it qualifies, in another language


def _after_word(pattern: str, text: str) -> list[str]:
    """The words right after each 'before' or 'after' (`pattern`) of a text, up to QUALIFIER_WORDS, a punctuation mark
    or a number, without function words, years and what is no thing qualified ('Before 2025, the number of…',
    'Trước đây, số…' qualify nothing)."""
    out = []
    for match in re.finditer(rf"\b(?:{pattern})\b", text, re.IGNORECASE):
        clause = re.split(r"[,;:.?!()]|\d", text[match.end() :])[0]
        kept = [
            w for w in words(clause)[:QUALIFIER_WORDS]
            if not (is_stopword(w.lower()) or w.lower() in _NOT_QUALIFIED | YEAR_WORDS or fold(w) in NUMBER_OF)
        ]  # fmt: skip
        out.append(" ".join(kept))
    return out


@dataclass
class Qualifiers:
    """What the question qualifies the thing it asks about with (read once per question, see `_qualified`)."""

    near_poor: bool
    before: set[str]  # what it asks 'before' of
    after: set[str]
    # the key words said right after its 'before' and 'after', matched in any language: 'Before Hanoi reorganised
    # its villages' against 'Efter omorganisationen'
    keys_before: list[KeyWord] = field(default_factory=list)
    keys_after: list[KeyWord] = field(default_factory=list)


def qualifiers(typed: str, keys: list[KeyWord] | None = None) -> Qualifiers:
    """The question's qualifiers, as typed; `keys`: the question's key words."""
    said = {pattern: {fold(w) for after in _after_word(pattern, typed) for w in words(after)} for pattern in _BOTH}
    keyed = {
        pattern: [k for k in keys or [] if k.kind == "word" and fold(k.word) in said[pattern]] for pattern in _BOTH
    }
    return Qualifiers(
        bool(NEAR_POOR.search(typed)),
        _qualified_things(_BEFORE, typed),
        _qualified_things(_AFTER, typed),
        keyed[_BEFORE],
        keyed[_AFTER],
    )


def _qualified(asked: Qualifiers, sentence: str, language: str = "en") -> float:
    """0 when the sentence contradicts a qualifier of the question: it says 'after' the thing the question asks
    'before' of (or the other way round), or it counts poor households where near-poor ones are asked; else 1."""
    if asked.near_poor and not NEAR_POOR.search(sentence):
        return 0.0
    for things, keys, wanted, said in (
        (asked.before, asked.keys_before, _BEFORE, _AFTER),
        (asked.after, asked.keys_after, _AFTER, _BEFORE),
    ):
        if not (things or keys) or re.search(rf"\b(?:{wanted})\b", sentence, re.IGNORECASE):  # 'avant et après la…'
            continue
        if things & _qualified_things(said, sentence):
            return 0.0
        following = [Words(after, language) for after in _after_word(said, sentence)] if keys else []
        if any(matched(k, after) for after in following for k in keys):
            return 0.0
    return 1.0


BODY_REACH = 1000  # characters before a sentence that names no body where the body it speaks of is looked for


def earlier_spans(index: LexicalIndex, passage: Passage, start: int) -> tuple[str, int, list[tuple[int, int]]]:
    """The document's text before offset `start`, up to BODY_REACH characters back, the offset it starts at, and its
    sentences' spans within it, in order."""
    text, first = index.span(passage.doc_id, max(0, start - BODY_REACH), start)
    return text, first, sentence_spans(text, passage.language) if text else []


def earlier_sentences(index: LexicalIndex, passage: Passage, start: int) -> list[str]:
    """The sentences of the document before offset `start`, up to BODY_REACH characters back, in order."""
    text, _, spans = earlier_spans(index, passage, start)
    return [text[a:b] for a, b in spans]


# time moved on past the year a sentence names, after it: 'a year later', 'un an plus tard', 'ett år senare', 'một năm
# sau', 'the following year', 'l'année suivante', 'året därpå'
_LATER = re.compile(
    r"\b(?:a|one|two|three|four|five|a few|\d+)\s+years?\s+(?:later|after)\b|\bthe\s+(?:following|next)\s+year\b"
    r"|\bthe\s+year\s+after\b|\b(?:un|une|deux|trois|quatre|cinq|\d+)\s+(?:ans?|années?)\s+(?:plus\s+tard|après)\b"
    r"|\bl['’](?:année|an)\s+suivante?\b|\b(?:ett|två|tre|fyra|fem|\d+)\s+år\s+(?:senare|efter)\b"
    r"|\befter\s+ett\s+år\b|\båret\s+(?:därpå|efter|därefter)\b|\b(?:một|hai|ba|bốn|năm|mười|\d+)\s+năm\s+sau\b"
    r"|\bsau\s+một\s+năm\b|\bnăm\s+(?:sau\s+đó|tiếp\s+theo)\b",
    re.IGNORECASE,
)


# the year a plan is for, its tasks, its targets: 'déployer les tâches pour 2024', 'plans for the year 2024', 'målen för
# 2025', 'nhiệm vụ cho năm 2024' (not a stretch: 'pour 2021-2025'; nor what else is 'for' a year: 'the results for
# 2023'); a sentence says it after the plan, a question anywhere, with a verb that sets a plan ('quelles tâches… ont-ils
# fixées pour l'année 2023'; not 'What tasks did the Front accomplish for 2023?', which asks what was done)
_PLAN = (
    r"tasks?|plans?|targets?|goals?|objectives?|directions?|orientations?|tâches|objectifs?|cibles?|"
    r"uppgift\w*|plan(?:er|erna|en)?|mål(?:en)?|inriktning\w*|nhiệm vụ|kế hoạch|mục tiêu|phương hướng"
)
_SETS_PLAN = re.compile(
    r"\b(?:set|sets|setting|fix\w*|assign\w*|deploy\w*|plann\w*|lay|laid|outlin\w*|adopt\w*|fixé\w*|fixer|"
    r"fixent|déploy\w*|déploi\w*|défini\w*|arrêt\w*|prévu\w*|fastställ\w*|satte|sätter|"
    r"lade\s+fram|planer\w*|antog|anta|đề ra|giao|triển khai|đặt ra|xác định)\b",
    re.IGNORECASE,
)
_YEAR_FOR = (
    r"\b(?:for|pour|för|cho)\s+(?:(?:the\s+)?year\s+|l['’]ann[ée]e\s+|l['’]an\s+|året\s+|năm\s+)?((?:19|20)\d\d)\b"
    r"(?!\s*[-–]\s*\d)"
)
_PLANNED = re.compile(rf"\b(?:{_PLAN})\b", re.IGNORECASE)
_PLAN_FOR = re.compile(rf"\b(?:{_PLAN})\s+(?:[\w'’-]+\s+){{0,4}}?{_YEAR_FOR}", re.IGNORECASE)
_FOR_YEAR = re.compile(_YEAR_FOR, re.IGNORECASE)


def planned_years(text: str) -> set[str]:
    """The years a sentence says a plan is for (`_PLAN_FOR`): {'2024'} of '…et déployer les tâches pour 2024'."""
    return set(_PLAN_FOR.findall(text))


def asked_plan_years(typed: str) -> set[str]:
    """The years a question asks a plan set for: {'2023'} of 'quelles tâches… ont-ils fixées pour l'année 2023 ?'."""
    return set(_FOR_YEAR.findall(typed)) if _PLANNED.search(typed) and _SETS_PLAN.search(typed) else set()


def _dated_before(index: LexicalIndex, passage: Passage, start: int, single: set[str]) -> set[str]:
    """The first year of the last sentence before offset `start` that names one, within BODY_REACH characters: a
    report's figures follow the paragraph that says of which year they are ('…a rendu compte des performances… en 2023
    et a déployé des tâches pour 2024' before 'toute la province a mobilisé près de 297 000 m2 de terrain': 2023, the
    year reported on, not the next one's plans). None when that sentence moves time on after its year ('…avec 20
    membres en 2022, et un an plus tard, il a été étendu…'): what follows is of a later year it does not name."""
    for sentence in reversed(earlier_sentences(index, passage, start)):
        said = _years(BASE_YEAR.sub(" ", sentence), single)
        if said:
            first = min(said, key=sentence.find)
            return set() if _LATER.search(sentence, sentence.find(first) + len(first)) else {first}
    return set()


def _body(question: Question, sentence: str, earlier: Callable[[], Sequence[str]] = tuple) -> float:
    """0 when the question names a body (the People's Committee) and the sentence names only others (the Women's
    Union), else 1: the chair of one is not the chair of the other. A word for a body's members names no body in
    the sentence: 'quà cho cựu chiến binh' (gifts for veterans) is not the Veterans' Association's. A sentence that
    names none tells what the Front did, the subject of these reports, or the body named last before it (`earlier`:
    the sentences before it, in order, read only then): '265 orphelins' after 'le Front de la Patrie… ont promu leur
    rôle' are not the Women's Union's (for a question about what a body did; one about a post reads the holder's post
    instead)."""
    if not question.bodies:
        return 1.0  # most questions name none: the sentence is not read for bodies
    unasked = set() if question.bodies & PARTNERS else PARTNERS
    every = bodies(sentence, short=True) - unasked
    if every:  # the others named: by a name as such, not only by a word for their members
        return 1.0 if question.bodies & every or not bodies(sentence, people=False, short=True) - unasked else 0.0
    # the Front's deeds go unsaid; and a quote signed 'a déclaré Mme Dung' is judged by her post (`_role_said`)
    if "front" in question.bodies or question.role is not None:
        return 1.0
    last = next((named for s in reversed(earlier()) if (named := bodies(s, people=False, short=True) - unasked)), set())
    return 1.0 if not last or question.bodies & last else 0.0


def _cue(question: Question, sentence: str, typed: str) -> float:
    if question.kind == "number":  # a count: neither a number the question gives nor a year ('en 2023 et … 2024')
        asked = set(NUMBER.findall(typed))
        counts_any = any(n not in asked and not YEAR.fullmatch(n) for n in (m.group() for m in count_numbers(sentence)))
        counts_any = counts_any or bool(NUMBER_WORDS.search(sentence))
        return 1.0 if counts_any else 0.0
    if question.kind == "person":  # a name the question does not give itself ('Quang Nam' names no secretary)
        return 1.0 if any(not given_in(m.group(), typed) for m in NAME.finditer(sentence)) else 0.0
    if question.kind == "time":  # 'which year' needs a year, not a month or a quarter
        year = bool(ASKS_YEAR.search(typed))
        if ASKS_FOUNDING.search(typed) and not FOUNDED.search(sentence):
            return 0.0  # when something was founded: a sentence that says it was ('lancé … en 2022')
        if ASKS_START.search(typed) and not (FOUNDED.search(sentence) or STARTED.search(sentence)):
            return 0.0  # or since when it goes on: one that says it began ('Mis en œuvre en 2021')
        return 1.0 if (YEAR if year else TIME).search(sentence) else 0.0
    if question.kind is None and question.place_level:  # 'which village': one the question does not name itself
        named = {fold(p.name) for p in question.places}
        return float(any(p.level == question.place_level and fold(p.name) not in named for _, p in mentions(sentence)))
    return 0.5


# 'Which village…', 'dans quel district', 'vilken by', 'thôn nào': the level of the place asked for
# (and their plurals: 'Which provinces did Hanoi work with…', 'Vilka distrikt…')
_PLACE_NOUNS = {"village": ("village", "villages", "hameau", "hameaux", "by", "byn", "byar", "byarna", "thôn", "làng"),
                "commune": ("commune", "communes", "ward", "wards", "kommun", "kommuner", "kommunerna", "xã",
                            "phường"),
                "district": ("district", "districts", "distrikt", "distrikten", "huyện", "quận"),
                "province": ("province", "provinces", "provins", "provinser", "provinserna", "tỉnh")}  # fmt: skip
_NOUN_LEVEL = {noun: level for level, nouns in _PLACE_NOUNS.items() for noun in nouns}
_NOUNS = "|".join(sorted(_NOUN_LEVEL, key=len, reverse=True))
# ('which commune-level body' asks for a body); 'which of Hanoi's districts', 'lequel des districts', 'vilket av
# distrikten', 'vilket av Hanois distrikt' ask for one of them
_WHICH = (
    r"which(?:\s+of(?:\s+(?:the|its|their|these|those)|(?-i:\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}['’]s?))?"
    r"|(?-i:\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}))?|what|quel|"
    r"quelle|quels|quelles|"
    r"(?:lequel|laquelle|lesquels|lesquelles)\s+(?:des|de\s+ses|de\s+leurs)|vilken|vilket|vilka(?:\s+av)?|"
    r"(?:vilken|vilket|vilka)\s+av(?:\s+(?:de|dess|deras)|(?-i:\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}))?"
)
ASKS_PLACE = re.compile(rf"\b(?:{_WHICH})\s+({_NOUNS})(?![\w-])|\b({_NOUNS})\s+nào\b", re.IGNORECASE)


def asked_place_level(text: str) -> str | None:
    """The level of the place a question asks for ('Dans quel village…' asks for a village), if it asks for one: its
    last question does, not an earlier turn searched with it ('Which district…? And what did he explain?'), nor the
    names carried after it ('I vilken by startades teamet? Tam Thang')."""
    turns = re.split(r"(?<=\?)\s+(?=\S)", text.strip())
    # the names carried after the last question, without a question mark of their own ('Why?' asks)
    if len(turns) > 1 and not turns[-1].rstrip().endswith("?") and all(w[:1].isupper() for w in tokens(turns[-1])):
        turns = turns[:-1]
    match = ASKS_PLACE.search(turns[-1])
    return _NOUN_LEVEL[(match.group(1) or match.group(2)).lower()] if match else None


def sentences(
    results: Results, question: Question, typed: str, similarity: Similarity | None = None, neighbours: int = NEIGHBOURS
) -> list[Sentence]:
    """Every sentence of every retrieved passage's window (with `neighbours` sentences beyond it on each side), with
    its features; `similarity` gives the dense encoder's cosine of the question and each sentence (paraphrases and
    other languages that words miss)."""
    index = results.index
    by_id: dict[str, Candidate] = {c.chunk_id: c for c in results.candidates}
    top_fused = results.candidates[0].fused if results.candidates else 1.0
    out: list[Sentence] = []
    seen: set[tuple[str, int]] = set()
    # (not of a person the question only quotes as its source: 'D'après Do Anh Tuan, quelle « position » le
    # mouvement a-t-il aidé à rendre solide…')
    source = ATTRIBUTION.match(typed)
    sourced = source is not None and all(given_in(k.word, source.group()) for k in question.persons)
    titled = bool(question.persons) and bool(ASKS_TITLE.search(typed)) and not sourced
    # the posts the question as typed gives the people it names (a follow-up's carried names are given none), and
    # whether one is not theirs
    posts = {fold(k.word): _posts_by_name(typed, fold(k.word)) for k in question.persons}
    miscast = _miscast(question, posts, index)
    # a credit ('Article et photos : P. Tuyet', 'Kieu Minh') or the source line is a sentence only to a question about
    # the article or its site
    article = asks_of_article(typed)
    # a person's post asked, not the role they give a body ('D'après Nguyen Hai Ha, quel rôle le Front doit-il
    # tenir…') nor the title of an article they wrote; and the level of the body it is asked of ('What post does Huynh
    # Van Viet hold on the provincial Fatherland Front committee?')
    posted = titled and bool(_ASKS_POST.search(typed)) and not article
    # a picture's caption, a person's posts and name, tells who holds them: it answers who, a post, a person named or
    # an article's credit, nothing else ('Vad gjordes soptipparna om till…?' is not answered by '…, ordförande för
    # Hanois stadsfaderlandsfrontskommitté, Nguyen Lan Huong')
    of_person = question.kind == "person" or question.role is not None or bool(question.persons) or article
    of_person = of_person or bool(ASKS_TITLE.search(typed) or _PERSON_PRONOUN.search(typed))  # 'Est-elle membre…'
    titled_level = body_level(typed) if posted else None
    subject = said_about(question, typed)
    given = set().union(*posts.values()) if not sourced else set()
    asked = qualifiers(typed, question.keys)
    nowhere = _nowhere(index, question.counted)
    unnamed_body = bool(question.organisations - named_bodies(index))
    # a person no document names ('General Vo Nguyen Giap'): the documents do not speak of them
    everywhere = [
        words_of(index, doc_id, str(row.get("title", "")), str(row.get("language")))
        for doc_id, row in index.documents.items()
    ] if question.persons else []  # fmt: skip
    nobody = any(not any(names_person(k, text) for text in everywhere) for k in question.persons)
    figured = asked_figures(typed)  # the figure whose meaning it asks
    # a thing's name asked for ('Comment s'appelle la coopérative…'): not a person's, nor an article's title
    # ('What is the chair of the Front called?' asks a person's, by a post)
    name_asked = bool(ASKS_NAME.search(typed)) and question.kind != "person" and question.role is None
    name_asked = name_asked and not ASKS_ARTICLE_TITLE.search(typed)
    thing = named_thing(typed, question.keys) if name_asked else []
    # the bodies the question asks to have done a thing themselves, not beside another ('…coordinated with the
    # People's Council' asks of the Front's deed), nor as the owner of a thing ('dự thảo nào của HĐND')
    doers = question.bodies - {"front"}
    said = body_mentions(typed) if doers else []
    acting = {body for body, at in said if not _NOT_DOING.search(typed[max(0, at - PARTNER_REACH) : at])} & doers
    purposed = asked_plan_years(typed)  # the year a thing asked of is for: 'les tâches… pour l'année 2023'
    # the documents that never name a central body the question asks of: they tell of a province's, a district's
    documents = {passage.doc_id for passage in results.passages} if question.central else set()
    uncentral_docs = {doc_id for doc_id in documents if not _CENTRAL.search(index.document_text(doc_id))}
    # and those that speak of the thing whose name it asks and never name it
    unnamed_docs = _leaving_unnamed(results, thing, typed, question) if thing else set()
    for passage in results.passages:
        wide = window(index, passage, neighbours)
        doc_words = _document_words(index, passage)
        near = Words(f"{passage.title}\n{wide.text}", passage.language)
        passage_cov = coverage(question.keys, near, doc_words)
        missing = _missing(question.keys, near)
        near_names = [matched(k, near) for k in question.names]
        if question.places and not all(near_names):  # a place in the one asked: Tra Ka is in Bac Tra My
            within = places_inside(wide.text, index)
            near_names = [hit or fold(k.word) in within for hit, k in zip(near_names, question.names, strict=True)]
        names_near = _share(near_names)
        names_doc = _share([matched(k, doc_words) for k in question.names])
        quoted = _share([matched(k, near) for k in question.quoted])
        counted_known = [k for k in question.counted if matched(k, doc_words)] or (
            question.counted if nowhere or _named_elsewhere(index, question.counted, passage) else []
        )
        topic = float(sum(matched(k, doc_words) for k in question.keys if k.kind == "word"))
        whole = joined_thousands(wide.text)  # ('4450' is not in '4 428', nor '450' a number of '3 172')
        numbers = _share([n in whole for n in question.numbers])
        # (one of them, for a question about two people whom two documents name: 'Ông Đỗ Anh Tuấn… và bà Nguyễn Lan
        # Hương… cùng là ủy viên…')
        unnamed = bool(question.persons) and not any(names_person(k, doc_words) for k in question.persons)
        # a name another document writes and this one does not ('bão Yagi' against the Hanoi report's fund)
        elsewhere_named = any(
            not matched(k, doc_words) and not _site_spells(k, index, passage.doc_id) for k in question.things
        )
        stated_elsewhere = bool(question.stated) and recounted(question.stated, wide.text, passage.language)
        stated_elsewhere |= bool(question.durations) and other_duration(question.durations, wide.text, passage.language)
        cand = by_id.get(passage.chunk_id)
        dense = cand.signals.get("dense", 0.0) if cand else 0.0
        fused = (cand.fused / top_fused) if cand and top_fused else 0.0
        # the years around a sentence that names none date it, but not one a figure is compared with ('… par
        # rapport à 2010' does not say the sentence before it is of 2010)
        undated = BASE_YEAR.sub(" ", wide.text)  # (without the years a figure is compared with)
        years_near = _years(undated, question.single)
        if question.years and not years_near:  # dated by the paragraph before, when its own names no year
            years_near = _dated_before(index, passage, wide.start, question.single)
        years_near |= _years(passage.title, question.single)
        misdated = bool(question.dates) and _misdated(question.dates, index, passage.doc_id)
        uncentral = passage.doc_id in uncentral_docs
        other_day = bool(question.days) and _other_days(question.days, index, passage.doc_id)
        sim_base = similarity_base(question.language, passage.language)
        spans = sentence_spans(wide.text, passage.language)
        for i, (a, b) in enumerate(spans):
            text = wide.text[a:b]
            credit = byline(text)  # 'Việt Nam 17/10/2024' says when the article appeared, nothing else
            aside = len(text) < 15 or (credit == "date" and len(text) < 40) or credit in ("source", "author")
            if aside and not (article and credit) or (passage.doc_id, wide.start + a) in seen:
                continue
            seen.add((passage.doc_id, wide.start + a))
            before = wide.text[spans[i - 1][0] : b] if i else text
            years_here = _years(text, question.single)
            features = {
                "own": coverage(question.keys, own := Words(text, passage.language), doc_words),
                "context": coverage(question.keys, context := Words(before, passage.language), doc_words),
                "passage": passage_cov,
                "missing": missing,
                "prior": 1.0 / passage.rank,
                "cue": _cue(question, text, typed),
                "unit": _unit(question, text, passage.language, counted_known),
                "years": _share([y in years_here or (not years_here and y in years_near) for y in question.years]),
                "year_conflict": float(bool(question.years) and bool(years_here) and not question.years & years_here),
                "numbers": numbers,
                "names_near": names_near,
                "names_doc": names_doc,
                "role": _source_role(question, _role_said(question, text, index, passage, wide.start + a)),
                "body": _body(question, text, partial(earlier_sentences, index, passage, wide.start + a)),
                "qualified": _qualified(asked, text, passage.language),
                "topic": topic,
                # a question about the title of a person the sentence names ('What title does Nguyen Hai Ha hold?')
                "person": float(titled and any(matched(k, own) for k in question.persons)),
                "post": float(question.role is not None and question.kind == "person"),  # who holds a post
                "money": float(not question.money or bool(SUM.search(text))),
                "measure": float(not question.measure or gives_measure(text, question.measure)),
                "dense": dense,
                "fused": fused,
                "cross": float(question.language != passage.language),
                "unjudged": question.unjudged,
                "sim_base": sim_base,
            }
            other = elsewhere(question.places, index, passage.doc_id, passage.title, wide.start + a)
            violation = violated(question, features) or ("place" if other else None)
            if violation is None and not of_person and _CAPTION_NAME.search(text) and not _PUNCTUATED.search(text):
                violation = "caption"
            if violation is None and quoted < 0.5:
                violation = "quoted"  # most of the name it quotes is nowhere near: another model, another team
            if violation is None and subject and not any(matched(k, context) for k in subject):
                violation = "said"  # what the person said of something else
            if violation is None and question.qualities and not _of_quality(question, text, own, passage.language):
                violation = "quality"  # '6 av 11 kamrater' are not said to be women
            if violation is None and (other_level(question, text) or local_only(question, text) or uncentral):
                violation = "level"  # after the place: a sentence about another place says so
            if violation is None and posted and not features["person"]:
                violation = "person"  # another person's title is not theirs
            if violation is None and titled_level and other_holder_level(titled_level, text):
                violation = "level"  # the person's post is the district's, the question asks the province's
            if violation is None and _another_holder(question, given, text, own):
                violation = "person"  # another holds the post the question gives the person: their words, not theirs
            if violation is None and miscast:
                violation = "person"  # the person asked of holds another post: the question is about no one
            if violation is None and unnamed:
                violation = "named"  # the document does not name a person the question does: another one answers
            if violation is None and acting and _beside(text, acting, question.bodies):
                violation = "body"  # another body's deed, which the one asked of only took part in
            if violation is None and passage.doc_id in unnamed_docs:
                violation = "named"  # it asks what a thing is called, which its document speaks of and leaves unnamed
            if violation is None and figured and not figured & figures(text):
                violation = "figure"  # it asks what a figure stands for, which this sentence does not give
            if violation is None and elsewhere_named:
                violation = "named"  # nor a thing the question names, which another document names
            if violation is None and nobody:
                violation = "named"  # a person the question names whom no document names
            if violation is None and unnamed_body:
                violation = "body"  # a body no document names ('un certificat de mérite du Premier ministre')
            if violation is None and stated_elsewhere:
                violation = "count"  # its passage counts what the question does, with another number
            # (and one dated by another stretch, in itself or, when it names no year, around it)
            stretched = bool(question.stretches) and other_stretch(question.stretches, text if years_here else undated)
            if violation is None and other_day:
                violation = "year"  # a day the question names, which its document gives as another
            if violation is None and question.years and (features["years"] == 0.0 or misdated or stretched):
                violation = "year"  # last, so that a sentence about another place says so
            out.append(Sentence(wide, a, b, features, violation=violation, elsewhere=other))
    # a numbered name the passages give only with other numbers is not in the documents: 'Ring Road 3' asked, only
    # 'Ring Road 4' found; then no sentence answers for it (not the one about storm n° 3 that holds the number)
    numbered = _numbered_names(typed) if not question.verifies else []
    if (
        numbered
        and any(_renumbered(numbered, s.text) for s in out)
        and not any(_numbered_as_asked(numbered, s.text) for s in out)
    ):
        for s in out:
            s.violation = s.violation or "numbered name"
    # so is a plan for a year the passages give only for others: 'quelles tâches… fixées pour l'année 2023' of the
    # report whose meeting 'a évalué les résultats des activités en 2023 et déployé les tâches pour 2024' (then its
    # sentences on 2023 tell the results, not the tasks)
    planned = set().union(*(planned_years(s.text) for s in out)) if purposed else set()
    if planned and not purposed & planned:
        for s in out:
            s.violation = s.violation or "year"
    # and a thing numbered by a mark in another language: 'storm No. 4' against 'la tempête n° 3 (Yagi)'
    marked = _marked(question, typed) if not question.verifies else []
    marks = [_marks(marked, s) for s in out] if marked else []
    if any(marks) and not {n for _, n in marked} & set().union(*marks):
        for s in out:
            s.violation = s.violation or "numbered name"
    # so is an ordered thing the passages give only with other ordinals: 'the 16th congress' asked, only the 17th
    # found, 'the third quarter' and only the first
    if not question.verifies and _ordered_otherwise(question, typed, out):
        for s in out:
            s.violation = s.violation or "ordinal"
    for s in out:
        s.features["sim"] = 0.0
    if similarity and out:
        read = sorted(out, key=lambda s: -_hand_score(s.features))[:SIMILAR]
        for s, cosine in zip(read, similarity(results.query.text, [s.text for s in read]), strict=True):
            s.features["sim"] = cosine
    model = fitted().get("sentence")
    for s in out:
        s.score = probability(model, s.features) if model else _hand_score(s.features)
    out.sort(key=lambda s: (violates(s), -s.score))
    if similarity and out and out[0].features["sim"] == 0.0:  # the best sentence is always read by the encoder
        out[0].features["sim"] = similarity(results.query.text, [out[0].text])[0]
        out[0].score = probability(model, out[0].features) if model else out[0].score
        out.sort(key=lambda s: (violates(s), -s.score))
    return out


def violated(question: Question, features: dict[str, float]) -> str | None:
    """The hard constraint a sentence fails, whatever the scores say: a question about a role (the chair, the
    deputy) needs a sentence naming that role, a person's name too when it asks who holds it, and no other body than
    the one it names (the Women's Union's chair is not the People's Committee's); "how many" needs a number other than
    those asked about, "when" a date or a year; and a document must hold one of the question's words at least
    (TOPIC_WORDS), unless the question asks the title of a person the sentence names ('What title does Nguyen Hai Ha
    hold?'), and a question with no word to judge at all ('Hur många?') has no answer. (A sentence whose paragraph
    speaks of another place than the one asked about fails too: `places.elsewhere`; and then one without the year
    asked, in itself or, when it names none, its neighbours: 'the last term' is not '2020-2025'.)"""
    if question.role is not None and features["role"] != 1.0:
        return "role"
    if question.role is not None and question.kind == "person" and features["cue"] == 0.0:
        return "person"
    # so does any question about what a body named as such did ('How many courses did the Women's Union organise?'
    # is not answered by the Front's courses)
    if features.get("body") == 0.0 and (question.role is not None or question.organisations):
        return "body"
    if features.get("qualified") == 0.0:  # 'före omorganisationen' answered by 'Efter omorganisationen'
        return "qualifier"
    if question.kind == "number" and features["cue"] == 0.0:
        return "number"
    if question.kind == "time" and features["cue"] == 0.0:
        return "time"
    if question.kind is None and question.place_level and features["cue"] == 0.0:
        return "which place"  # 'những tỉnh nào' is not answered by a sentence that names no province but the one asked
    if features.get("money") == 0.0:
        return "money"
    if features.get("measure") == 0.0:  # 'how many hectares' is not answered by '12 ménages'
        return "measure"
    if (
        not features.get("person")
        and features.get("topic") == 0.0
        and sum(k.kind == "word" for k in question.keys) >= TOPIC_WORDS
    ):
        return "topic"
    if all(k.kind == "unjudged" for k in question.keys):  # 'Hur många?': nothing ties a sentence to the question
        return "topic"
    if question.unknown:
        return "unknown name"
    return None


def violates(s: Sentence) -> bool:
    """Whether a sentence fails a hard constraint: it then ranks after every other and is never the answer."""
    return s.violation is not None


def _missing(keys: list[KeyWord], text: Words) -> float:
    """The weight of the weightiest key word the text lacks, as a share of the weightiest key word's: a question
    whose rarest word (a place, a year, an object) is nowhere near is likely about something else."""
    judged = [k for k in keys if k.kind != "unjudged"]
    heaviest = max((k.weight for k in judged), default=0.0)
    lacking = max((k.weight for k in judged if not matched(k, text)), default=0.0)
    return lacking / heaviest if heaviest else 0.0


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 1.0


def _document_words(index: LexicalIndex, passage: Passage) -> Words:
    return words_of(index, passage.doc_id, passage.title, passage.language)


HEADING_WORDS = (2, 20)  # the words of a subheading: a line, not a paragraph
BODY_CHARS = 100  # the paragraph a subheading heads is a body of text, not another short line
# a paragraph's last word followed by a punctuation mark, a closing quote after it or not (not languages'
# _SENTENCE_END, for which a closing quote alone ends a sentence: '…selon laquelle « les gens sont la racine »' heads
# a section)
_PUNCTUATED = re.compile(r"[.!?:;,…]\s*[»”\"']?\s*$")
# a picture's caption that names its person last: '…, ordförande för Hanois stadsfaderlandsfrontskommitté, Nguyen Lan
# Huong'
_CAPTION_NAME = re.compile(r",\s+(?-i:[A-ZÀ-ÝĐ][\w-]*)(?:\s+(?-i:[A-ZÀ-ÝĐ][\w-]*)){1,3}\s*$")


def _text_body(paragraph: str) -> bool:
    """Whether a paragraph is a body of text: long, and ending on a punctuation mark."""
    return len(paragraph) >= BODY_CHARS and bool(_PUNCTUATED.search(paragraph))


def headings(index: LexicalIndex, doc_id: str) -> list[tuple[int, str]]:
    """A document's subheadings, with their offsets in its cleaned text: the short paragraphs after its first body of
    text, their last word not followed by a punctuation mark, that stand over another body (Markdown's '#' marks
    aside); not its title, nor a byline, nor a numbered marker the page put over a picture ('Je suis numéro 1',
    machine-translated), nor a caption naming a person."""
    text, first = index.span(doc_id, 0, 1 << 30)
    title = fold(str(index.documents.get(doc_id, {}).get("title", "")))
    paragraphs = [(first + m.start(), m.group()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)]
    out = []
    bodies = itertools.accumulate((_text_body(p) for _, p in paragraphs), operator.or_)  # a body so far
    for ((start, raw), (_, after)), read in zip(itertools.pairwise(paragraphs), bodies, strict=False):
        line = raw.strip().lstrip("#").strip()
        said = words(line)
        if not read or not HEADING_WORDS[0] <= len(said) <= HEADING_WORDS[1] or _PUNCTUATED.search(line):
            continue
        if byline(line) or fold(line) == title or not _text_body(after):
            continue
        if len(said) <= 4 and (re.search(r"\d", line) or ordinals(line)) or _CAPTION_NAME.search(line):
            continue
        out.append((start + raw.index(line), line))
    return out


def words_of(index: LexicalIndex, doc_id: str, title: str, language: str) -> Words:
    """A document's words with its title's, read once per index."""
    key = f"words:{doc_id}"
    if key not in index.cache:  # (and the provinces of the districts it names: a Ben Tre article's 'Ben Tre')
        around = " ".join(sorted(provinces_around(index, doc_id, title)))
        index.cache[key] = Words(f"{title}\n{index.document_text(doc_id)}\n{around}", language)
    return index.cache[key]  # type: ignore[no-any-return]


def named_bodies(index: LexicalIndex) -> set[str]:
    """The bodies some document names (`bodies`), read once per index."""
    if "bodies" not in index.cache:
        index.cache["bodies"] = set().union(*(bodies(index.document_text(d)) for d in index.documents))
    return index.cache["bodies"]  # type: ignore[no-any-return]


def _named_elsewhere(index: LexicalIndex, keys: list[KeyWord], passage: Passage) -> bool:
    """Whether another document in the passage's language names every one of these words, where the passage's own
    does not: the dictionary reaches that language, so this document's numbers count other things (the Ha Tinh
    report's '265 orphelins' are no count of Mo Cay Bac's orphans, whose article names none)."""
    if not keys:
        return False
    return any(
        all(matched(k, words_of(index, doc_id, str(row.get("title", "")), passage.language)) for k in keys)
        for doc_id, row in index.documents.items()
        if doc_id != passage.doc_id and str(row.get("language")) == passage.language
    )


def _nowhere(index: LexicalIndex, keys: list[KeyWord]) -> bool:
    """Whether a dictionary translates every one of these words and no indexed chunk holds any of their forms (the
    lexical index's terms): the documents never name the thing ('kilometres'), so none of their numbers counts it.
    An untranslated word may be a dictionary's gap, and is not judged."""
    if not keys or not all(k.translated for k in keys):
        return False
    return not any(form in index.terms for k in keys for form in k.forms)


def probability(model: dict[str, object], features: dict[str, float]) -> float:
    """A fitted logistic model: features standardised by the train split's mean and scale, then weighed."""
    weights, mean, scale = model["weights"], model["mean"], model["scale"]
    assert isinstance(weights, dict) and isinstance(mean, dict) and isinstance(scale, dict)
    z = float(model["intercept"])  # type: ignore[arg-type]
    for name, w in weights.items():
        z += float(w) * (features.get(name, 0.0) - float(mean[name])) / (float(scale[name]) or 1.0)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _hand_score(f: dict[str, float]) -> float:
    """Before any fit (a fresh checkout without assistant/data/fitted.json): the earlier hand-set sentence score."""
    score = 0.6 * f["own"] + 0.4 * f["context"] + 0.15 * f["prior"]
    return score + 0.25 if f["cue"] == 1.0 else score * 0.6 if f["cue"] == 0.0 else score


def similarity_base(question: str, passage: str, levels: dict[str, float] | None = None) -> float:
    """The dense encoder's usual cosine of a question in one language and the closest sentence in another, or the
    same (fitted on the train questions; `levels` instead of the fitted ones): a Vietnamese question meets French
    sentences at about 0.80, a French one at 0.87, so a cosine is judged against its own pair of languages' level
    ('vi>fr'), else its question language's."""
    base = (fitted().get("similarity") if levels is None else levels) or {"any": USUAL_SIMILARITY}
    return float(base.get(f"{question}>{passage}", base.get(question, base.get("any", USUAL_SIMILARITY))))


def nearest(ranked: list[Sentence]) -> Sentence:
    """The sentence the dense encoder puts closest to the question."""
    return max(ranked, key=lambda s: s.features.get("sim", 0.0))


def decision_features(best: Sentence, ranked: list[Sentence]) -> dict[str, float]:
    """What the answer-or-decline model sees: the best sentence's features, its score, its lead over the next, and
    the dense similarity of it and of the closest sentence above their languages' usual level."""
    second = next((s.score for s in ranked[1:]), 0.0)
    closest = nearest(ranked)
    return best.features | {
        "score": best.score,
        "lead": best.score - second,
        "sim_above": best.features.get("sim", 0.0) - best.features.get("sim_base", 0.0),
        "closest_above": closest.features.get("sim", 0.0) - closest.features.get("sim_base", 0.0),
    }


def blocked(ranked: list[Sentence], margin: float | None = None) -> bool:
    """Whether a hard constraint declines, whatever the scores: the best sentence fails one (the others fail it too,
    as they rank after it), or the closest sentence speaks of another place than the one asked about and scores more
    than `margin` above the best one that does not (fitted on the train split: 'Combien de modèles… à Hanoi' finds
    Hanoi's figure just below a Quang Nam sentence, and answers with it), unless the best one holds every word and
    name of the question, or the post a 'who' question asks and a person (it passes the role and person checks); or
    a sentence fails `said_about` and scores that margin above the best one."""
    if not ranked:
        return False
    if violates(ranked[0]):
        return True
    if ranked[0].features.get("unit") == 0.0:  # its numbers count other things than the question ('la tempête n° 3')
        return True
    if margin is None:
        margin = float((fitted().get("decision") or {}).get("place_margin", 0.0))
    top = max(ranked, key=lambda s: s.score)
    # a sentence about the place asked that holds every word and name of the question answers it, whatever another
    # place's scores ('Bí thư Tỉnh ủy Quảng Nam là ai?' and Ha Tinh's Party secretary)
    whole = ranked[0].features.get("own") == 1.0 and ranked[0].features.get("names_near") == 1.0
    # and so does one that names the post asked and who holds it there: a sentence in another language than the
    # question's scores lower ('Qui est le vice-président … de Hanoi ?' meets the Swedish report's 'vice ordförande …
    # i staden, Pham Anh Tuan' more than the margin below the Mo Cay Bac article's French vice-président)
    named = ranked[0].features.get("post") == 1.0
    # a closest sentence that counts what the question states a count of with another number is read so too ('OCOP 4
    # sao' asked, '3 étoiles' said): the fact is there, with another count
    if top.violation in ("place", "count") and top.score - ranked[0].score > margin and not (whole or named):
        return True
    # so does a sentence of what the person asked of said about something else ('what did Tran The Dung ask regarding
    # the orphan sponsorship programme' and his other words): the best one left is not theirs
    return any(s.violation == "said" and s.score - ranked[0].score > margin for s in ranked)


def answers(best: Sentence | None, ranked: list[Sentence]) -> tuple[bool, float]:
    """Whether to answer with the best sentence, and the fitted probability that the documents answer."""
    if best is None or blocked(ranked):
        return False, 0.0
    return decide(best, ranked)


def decide(best: Sentence, ranked: list[Sentence]) -> tuple[bool, float]:
    """The fitted decision alone, hard constraints aside: would this sentence be given as the answer."""
    model = fitted().get("decision")
    if not model:
        return best.features["passage"] >= 0.5, best.features["passage"]
    p = probability(model, decision_features(best, ranked))
    return p >= float(model["threshold"]), p
