"""Everything per language: detection, the word tokenizer, folding, stop words, stems, sentences, question words,
and the phrases the assistant answers with. Other modules ask here instead of knowing a language themselves."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from functools import lru_cache
from typing import Any

# The languages users ask in, and the assistant answers in.
QUESTION_LANGUAGES = ("en", "fr", "sv", "vi")
STEMMERS = {"en": "english", "fr": "french", "sv": "swedish", "de": "german", "es": "spanish", "it": "italian",
            "pt": "portuguese", "nl": "dutch", "da": "danish", "no": "norwegian", "fi": "finnish"}  # fmt: skip

_WORD = re.compile(r"\w+")


def lowered(text: str) -> str:
    """The text as the word tokenizer reads it: NFC, typographic apostrophes plain, lower case, accents kept."""
    return unicodedata.normalize("NFC", text.replace("’", "'")).lower()


def words(text: str) -> list[str]:
    """The one word tokenizer: lower-cased \\w+ runs, NFC, accents kept (stemmers and Vietnamese tones need them)."""
    return _WORD.findall(lowered(text))


def word_spans(text: str) -> tuple[str, list[re.Match[str]]]:
    """`words`, with where each stands: the lowered text and its word matches."""
    low = lowered(text)
    return low, list(_WORD.finditer(low))


def tokens(text: str) -> list[str]:
    """Word tokens as written (case kept): for telling names, which are capitalised, from other words."""
    return _WORD.findall(unicodedata.normalize("NFC", text))


_FOLD = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "æ": "ae", "œ": "oe", "ß": "ss", "’": "'", "ł": "l"})


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without diacritics, so 'Mỏ Cày Bắc' meets 'Mo Cay Bac' and 'é' meets 'e'."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD).lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def given_in(name: str, text: str) -> bool:
    """Whether every word of a name is a word of the text, accents aside ('Đỗ Anh Tuấn' gives 'Do Anh Tuan')."""
    return {fold(w) for w in words(name)} <= {fold(w) for w in words(text)}


# Function words of the languages users ask in; they carry no topic.
_STOPWORD_TEXT = """
    a an the of in on at to for from by with and or but is are was were be been being has have had do does did
    what which who whom whose when where why how many much it its this that these those there their they he she his
    her we our you your i me my as about into than then so not no yes can could would should will shall may might
    le la les l d de du des un une et ou en au aux ce cet cette ces est sont a ont été etre être par pour dans sur
    avec sans qui que qu quoi quel quelle quels quelles combien comment où ou quand pourquoi il elle ils elles se sa
    son ses leur leurs y ne pas plus fait faire lors selon according respectively respectivement respektive
    och i på av till för från med om är var vara varit har hade den det de en ett som vad vem vilka vilken vilket
    hur många mycket när var varför inte under efter sin sitt sina deras han hon man kan ska skulle enligt får någon
    något några vems vilkens vilkas"""
# As written, accents kept: folded, Vietnamese syllables would vanish as English or French function words
# ('tổ' as 'to', 'số' as 'so', 'cán' as 'can'), and Swedish 'år' (year) as 'är' (is).
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# Vietnamese function words keep their tones: folded, "bao" (how) would also drop "bảo" (protect) and "bão" (storm)
VIETNAMESE_STOPWORDS = frozenset(
    "là của và có các những một cho với được trong khi thì này đó ai gì nào bao nhiêu thế như tại sao đã đang sẽ ở "
    "về mấy bị rằng theo ngoài vậy còn nếu từ đến cùng sau trước để qua nhờ trên dưới giữa tới cũng đều rất vào "
    # he and she, 'Mr' and 'Mrs' before a name: 'Bài phỏng vấn ông được đăng vào ngày nào?' is about no 'ông'
    "ông bà".split()
)


def is_stopword(word: str) -> bool:
    word = word.lower()
    return word in STOPWORDS or word in VIETNAMESE_STOPWORDS


# Function words that are nouns after a count: Vietnamese 'sao' asks why or how ('tại sao', 'ra sao'), but 'OCOP 4
# sao', 'mấy sao' count stars
_COUNTED_HOMOGRAPHS = frozenset({"sao"})
_COUNTS_BEFORE = frozenset({"mấy", "nhiêu"})


def content_words(text: str) -> list[str]:
    """The words that carry a topic: no function words, no one-letter words but digits."""
    ws = words(text)
    return [
        w for i, w in enumerate(ws) if (len(w) > 1 or w.isdigit()) and (not is_stopword(w) or _noun_after_count(ws, i))
    ]


def _noun_after_count(ws: list[str], i: int) -> bool:
    """Whether the function word at `i` is a noun, as it follows a count: the 'sao' of 'OCOP 4 sao'."""
    before = ws[i - 1].lower() if i > 0 else ""
    return ws[i].lower() in _COUNTED_HOMOGRAPHS and (before.isdigit() or before in _COUNTS_BEFORE)


@lru_cache(maxsize=16)
def _stemmer(language: str) -> Any:
    name = STEMMERS.get(language)
    if name is None:
        return None
    import Stemmer

    return Stemmer.Stemmer(name)


@lru_cache(maxsize=20_000)
def stem_as_written(word: str, language: str) -> str:
    """The stem with its letters kept: Swedish 'svår' (hard) is not 'svar' (answer), nor 'möte' (meeting) 'mot'
    (against), as folded stems would have them."""
    stemmer = _stemmer(language)
    return str(stemmer.stemWord(word)) if stemmer is not None else word


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """The folded stem of a word under a language's Snowball stemmer (the folded word where there is none)."""
    return fold(stem_as_written(word, language))


# Vietnamese titles said before a name ('Ông Lương Nguyễn Minh Triết'): capitalised, but not part of the name.
HONORIFICS = {"ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ"}
HONORIFIC = "(?i:" + "|".join(sorted(HONORIFICS, key=len, reverse=True)) + ")"  # one of them, in a pattern
# Vietnamese family names, which a run of capitalised words may open with although they are also everyday French or
# Swedish words ('Le Ngoc Chau', 'La', 'Ha', 'Do', 'To').
_SURNAME_TEXT = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý La Hà Mai Đinh Trịnh Lương Trương Cao Lâm "
    "Đoàn Vương Kiều Tạ Thái Chu Lữ Quách Tống Tô Lưu Đào Tăng Đàm Triệu Văn Lại Mạc"
)
SURNAMES = frozenset(fold(n) for n in _SURNAME_TEXT.split())
_OPENS = '.!?:;«»"“”([—-'  # a capital after these (or first in the text) is explained by its place


def name_groups(text: str) -> list[list[str]]:
    """Runs of two or more capitalised words ('Hà Nội', 'Mo Cay Bac'): names that may be written joined ('Hanoi'). A
    Vietnamese title before a name is left out of it."""
    groups: list[list[str]] = []
    run: list[str] = []
    for token in re.findall(r"\w+|\S", unicodedata.normalize("NFC", text)) + ["."]:
        if token[:1].isupper() and token[:1].isalpha():
            run.append(token)
            continue
        while len(run) > 2 and run[0].lower() in HONORIFICS:
            run = run[1:]
        if len(run) >= 2:
            groups.append(run)
        run = []
    return groups


# a run of capitalised Vietnamese syllables whose last one ends in a Swedish genitive's bare s: 'Quang Nams projekt',
# 'Tam Thangs team' (no Vietnamese syllable ends in s)
_CAPITAL = r"[A-ZÀ-ÖØ-ÞĐ\u1ea0-\u1ef8]"
_GENITIVE = re.compile(rf"\b((?:{_CAPITAL}[^\W\d_]{{0,6}}[ \t]+)+{_CAPITAL}[^\W\d_]{{0,6}}?)s\b")


def without_genitive(text: str, language: str, known: Container[str] | None = None) -> str:
    """A Swedish text with its Vietnamese names out of the genitive: 'Quang Nams projekt' -> 'Quang Nam projekt';
    with `known` (the documents' words, folded), only where they write the name's last word without the s and not
    with it (not 'Jonas Gahr', 'Los Angeles')."""
    if language != "sv":
        return text

    def plain(match: re.Match[str]) -> str:
        last = fold(match.group(1).split()[-1])
        if known is not None and (last not in known or f"{last}s" in known):
            return match.group()
        return match.group(1)

    return _GENITIVE.sub(plain, unicodedata.normalize("NFC", text))


# the everyday words a question may open with, capitalised for their place, which no dictionary needs to translate:
# 'Instead of lavish banquets, what…', 'Besides…', 'Outre…', 'Förutom…' are no names
OPENERS = frozenset(
    "instead besides meanwhile overall regarding concerning apart aside moreover furthermore additionally finally "
    "lastly now given also beyond unlike compared following despite although though while since once "
    "outre hormis concernant contrairement malgré aussi enfin ensuite sinon parmi lorsque puisque sauf désormais "
    "förutom utöver bortsett jämfört trots bland slutligen också dessutom angående gällande beträffande sedan "
    "medan därefter".split()
)


def capitalised(text: str, language: str) -> set[str]:
    """The words (lower-cased) that a capital marks as names. In Vietnamese, a question opens with its subject and most
    names have several syllables, so a single capitalised Vietnamese word first in a sentence ('Ngoài', 'Bài', 'Vậy')
    is taken for an everyday word; names of several words ('Hà Nội') count wherever they stand, and so does a word
    spelt without Vietnamese letters ('Vietnam', 'Hanoi')."""
    text = unicodedata.normalize("NFC", text)
    out = {t.lower() for group in name_groups(text) for t in group}
    for match in _WORD.finditer(text):
        word = match.group()
        everyday = _placed(text, match.start()) and (
            language == "vi" and (not word.isascii() or is_stopword(word)) or word.lower() in OPENERS
        )
        if word[:1].isupper() and not everyday:
            out.add(word.lower())
    return out


def opening_words(text: str) -> set[str]:
    """The words (lower-cased) whose capital their place explains (see _placed)."""
    text = unicodedata.normalize("NFC", text)
    return {m.group().lower() for m in _WORD.finditer(text) if _placed(text, m.start())}


def run_placed(text: str, run: list[str]) -> bool:
    """Whether a run of capitalised words (from `name_groups`) stands where its first capital is explained by its place
    (see _placed), where the text writes it first: 'Do' of 'Do the reports…', not of '…what did Do Anh Tuan say'."""
    text = unicodedata.normalize("NFC", text)
    found = re.search(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in run) + r"(?!\w)", text)
    return found is None or _placed(text, found.start())


def _placed(text: str, at: int) -> bool:
    """Whether a word at offset `at` is capitalised for its place: first in the text, or after a full stop, a colon, a
    quote or a bracket."""
    before = text[:at].rstrip()
    return not before or before[-1] in _OPENS


def joined(group: list[str]) -> str:
    return fold("".join(group))


# Detection


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def _question_identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(QUESTION_LANGUAGES))
    return identifier


def load_identifier() -> None:
    """Read the language identifier's model now (about half a second), so that a caller can time it as loading."""
    _identifier()


def _has_letters(text: str) -> bool:
    return bool(re.search(r"[^\W\d_]", text))


def detect(text: str) -> str:
    """ISO 639-1 code of a document's language, among all py3langid knows ('und' when it has no letters)."""
    return str(_identifier().classify(text[:5000])[0]) if _has_letters(text) else "und"


def question_language(text: str) -> str:
    """The language a question is asked in, among those users ask in. A question without a letter only Vietnamese
    writes is read without its capitalised words, when they are what made it look Vietnamese ('Who is Do Anh Tuan?',
    'Et à Ha Tinh ?': the names are Vietnamese, the question is not)."""
    if not _has_letters(text):
        return "en"
    found = str(_question_identifier().classify(text)[0])
    if found == "vi" and not _VIETNAMESE_LETTERS.search(unicodedata.normalize("NFC", text)):
        # (its other words, when two or more and none is Vietnamese written without its marks: 'Ai la Do Anh Tuan?')
        rest = text
        for group in name_groups(text):
            rest = rest.replace(" ".join(group), " ")
        others = [fold(w) for w in words(rest)]
        if len(others) >= 2 and not set(others) & _BARE_VIETNAMESE:
            return str(_question_identifier().classify(rest)[0])
    return found


# the letters only Vietnamese writes among the languages users ask in (not French 'â', 'ê', 'ô')
_VIETNAMESE_LETTERS = re.compile(r"[ăđơưĩũ\u1ea0-\u1ef9]", re.IGNORECASE)
# Vietnamese question words as typed without their marks
_BARE_VIETNAMESE = frozenset("ai la gi nao bao nhieu khong co cua sao dau may nam ngay".split())


# Sentences

SENTENCE_LANGUAGES = {"en", "fr", "sv", "vi", "de", "es", "it", "pt", "nl", "da", "no", "fi"}


def sentence_spans(text: str, language: str = "en") -> list[tuple[int, int]]:
    """Offsets of the sentences in text (sentencex, which knows each language's abbreviations), never across a
    line break: a paragraph or a heading always ends a sentence."""
    from sentencex import segment

    code = language if language in SENTENCE_LANGUAGES else "en"
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        cursor = offset
        for piece in segment(code, line) if line.strip() else []:
            _append_span(spans, text, cursor, cursor + len(piece))
            cursor += len(piece)
        offset += len(line) + 1
    return spans


_INITIAL = re.compile(r"[A-ZĐ]\.?")


def _append_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    # a piece that opens with a comma or a semicolon goes on the sentence before it: the splitter cuts after an
    # ellipsis ('… 5 099 solidaritetshus... , vilket bidrog till…'), and a quote must start where a sentence does
    # so does an initial the splitter cut from the one before it, with no space between: 'Photo : N.' | 'D'
    initial = bool(spans) and start == spans[-1][1] and bool(_INITIAL.fullmatch(text[start:end]))
    if spans and (initial or text[start] in ",;") and "\n" not in text[spans[-1][1] : start]:
        spans[-1] = (spans[-1][0], end)
    else:
        spans.append((start, end))


COMPOUNDING = {"sv"}  # languages that write a noun and its modifier as one word: 'solidaritetshus', house of solidarity

# Questions: what kind of thing is asked for

QUESTION_WORDS = (
    r"how|what|who|when|where|which|why|combien|qui|que|quel|quelle|quels|quelles|quand|où|comment|"
    r"hur|vem|vad|när|var|vilk\w*|varför|bao nhiêu|ai|gì|khi nào|ở đâu|mấy|có bao nhiêu|tại sao"
)
# 'What' asked in the four languages: a follow-up that says it asks a thing of its own ("Et qu'a-t-on demandé…")
ASKS_WHAT = re.compile(r"\b(?:what|which|quoi|quel|quelle|quels|quelles|vad|vilk\w*|gì|nào)\b|\bqu(?:e\b|')", re.I)
# How or why something is done: a follow-up that asks so asks a thing of its own too ('Hur beskrivs de nya
# ledamöterna?' after 'Hur många av ledamöterna…' asks no number)
ASKS_MANNER = re.compile(
    r"\b(?:how(?!\s+(?:many|much|long|large|big|old|far|often|high)\b)|comment|"
    r"hur(?!\s+(?:många|mycket|stor\w*|lång\w*|länge|gammal|gamla|ofta|hög\w*)\b)|"
    r"why|pourquoi|varför|thế nào|ra sao|tại sao|vì sao)\b",
    re.I,
)
# A question about a share or a rate ('the share of poor households', 'le taux de pauvreté', 'fattigdomsgraden',
# 'tỷ lệ'): a percentage answers it before any other number of the sentence
# (not 'de la part des comités', which is from them; but 'l'évolution de la part des femmes')
_SHARE = (r"share|rate|percentage|proportion|per ?cent|taux|pourcentage|andel|andelen|procent|procentandel(?:en)?|"
          r"tỷ lệ|tỉ lệ|phần trăm|(?:(?<!de )|(?<=évolution de )|(?<=hausse de )|(?<=baisse de ))la part d(?:es|e|u)|"
          r"\w+(?:andelen|andel|graden|procenten)")  # fmt: skip
ASKS_SHARE = re.compile(rf"\b(?:{_SHARE})\b", re.IGNORECASE)
# what a sale brought in, as asked: not 'au bénéfice de' (for), 'les bénéfices du modèle' (its advantages), 'the
# turnover of cadres', 'recettes' (recipes)
_EARNINGS = (r"profits?|revenues?|earnings|bénéfice|chiffre d'affaires|vinst|vinsten|vinster|intäkt\w*|lợi nhuận|"
             r"doanh thu|tiền lãi")  # fmt: skip
# ... asked for: 'What profit did the sale bring?', 'Quel a été le bénéfice…', 'Vilken vinst…', 'how much revenue',
# 'Lợi nhuận … là bao nhiêu?'
_ASKS_EARNINGS = (
    rf"\b(?:what|quel|quelle|vilken|vilket)\s+(?:[\w']+\s+){{0,3}}?(?:{_EARNINGS})\b|"
    rf"\b(?:how much|combien|hur mycket|bao nhiêu)\b[^?]{{0,40}}\b(?:{_EARNINGS})\b|"
    rf"\b(?:{_EARNINGS})\b[^?]{{0,60}}\b(?:bao nhiêu)\b"
)
ASKS_NUMBER = re.compile(
    r"\b(how many|how much|amount|(?<!reference )number of|times|combien|montant|nombre de|fois|hur många|"
    rf"hur mycket|belopp|beloppet|antal|antalet|gånger|bao nhiêu|mấy|số lượng|bao nhiêu lần|{_SHARE}"
    r"|average|moyenne|genomsnitt\w*|bình quân"  # 'What is the average monthly income…' asks a number
    # and a figure asked for: 'quel chiffre pour Ha Tinh', 'what figure did…', 'vilken siffra' (not Vietnamese 'con
    # số', 'the figure', which a question may ask the meaning of)
    # ('which figures attended' are people)
    r"|what\s+(?:figures?|totals?)|which\s+totals?|quels?\s+chiffres?|quel\s+total|vilken\s+siffra|vilka\s+siffror)\b"
    rf"|{_ASKS_EARNINGS}",  # 'What profit did the sale bring?' asks a sum
    re.IGNORECASE,
)
# 'who', 'qui', 'vem', 'when', 'quand', 'när' ask only where a question word stands: first, after a comma or a
# conjunction ('Et qui…', 'According to the article, who…', 'À qui…'); inside a clause they are a relative pronoun
# or a conjunction ('les soldats qui préparent…', 'Hur avslutas processen när…')
_PREPOSITIONS = r"since|until|from|à|avec|by|with|for|för|till|med|depuis|sedan"
_ASKING = rf"(?:^|[,;:]\s*|\b(?:and|but|so|et|mais|alors|och|men|så|{_PREPOSITIONS})\s+)\W*"
# the verbs of a sum spent, paid or invested (`ASKS_MONEY`; the answer layer's `_SPENT_ON` reads what on), and the
# Vietnamese ones, which 'bao nhiêu' follows rather than precedes
SPENT = (
    r"spen[dt]\w*|pa(?:y|ys|id)|invest(?:ed|s)?|dépens\w*|payée?s?|versée?s?|investie?s?|consacrée?s?|spender\w*|"
    r"betala\w*|investera\w*|satsade|(?:lade|lagt)(?:\s+[^\W\d_]+){0,3}?(?:\s+ut\b|(?=\s+på\b))"
)
SPENT_VI = r"chi|chi tiêu|bỏ ra|đầu tư"
# What someone is paid, asked ('What salary does…', 'Quel est le salaire…', 'Hur hög lön…', 'Lương… là bao nhiêu'); not
# pay a question only speaks of ('Outre de meilleurs salaires, que…', 'qui renoncent à tout salaire'), nor the name
# Lương, 'lương thực' (food) or 'lương tâm' (conscience)
_ASKS_PAY = (
    r"\b(?:what|how\s+much|how\s+high)\s+(?:is\s+|was\s+|are\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:salary|salaries|wages?|pay)\b|\b(?:quel(?:le)?s?\s+(?:est|sont|était)\s+(?:le|les)\s+|combien\s+(?:\w+\s+){0,3})"
    r"(?:\w+\s+){0,1}salaires?\b|\b(?:vilken|hur\s+hög|hur\s+stor|hur\s+mycket)\s+(?:\w+\s+){0,2}lön\w*|"
    r"(?:^\W*(?-i:Lương)(?!\s+(?-i:[A-ZĐ]))|(?-i:\blương))(?!\s+(?:thực|tâm|y|thiện)\b)[^?]{0,60}\b(?:bao nhiêu|mấy)\b"
    r"|\b(?:bao nhiêu|mấy)\s+(?:tiền\s+)?(?-i:lương)\b"
)
# A question about money ('what did it cost', 'quel budget', 'hur mycket kostade', 'bao nhiêu tiền'): a sum answers
ASKS_MONEY = re.compile(
    r"\b(?:cost|costs|price|prices|budget|how much money|coût|coûté|coûte|budget|montant|d'argent|kostade|kostar|"
    r"kostnad|kostnaden|belopp|beloppet|beloppen|hur mycket pengar|chi phí|kinh phí|bao nhiêu tiền|số tiền|vốn đầu tư|"
    r"giá bán|investment cost|amounts? of money|sums? of money|penningsumm(?:a|an|or|orna)|"
    # a sum asked outright: 'Quelle somme… ont-ils versée', 'what sum', 'vilken summa', 'khoản tiền'
    r"quelle somme|what sum|which sum|vilken summa|hur stor summa|"
    # what a project cost to build: 'the total investment of the Ring Road 4 project', 'tổng mức đầu tư'
    r"total investments?|investment capital|investissements? totaux|investissement total|capital d'investissement|"
    r"totalinvestering\w*|totala investering(?:en|ar|arna)|total investering|investeringskostnad\w*|"
    r"investeringsbelopp\w*|tổng (?:mức |vốn )?đầu tư|tổng vốn|"
    # what things were worth, in all: 'Tổng giá trị các căn nhà…', 'the total value of the houses'
    r"tổng giá trị|total value|valeur totale|totala värdet|totalt värde|sammanlagda värdet)\b"
    # what a sale brought in: 'What profit did the sale… bring'
    rf"|{_ASKS_EARNINGS}|{_ASKS_PAY}"
    # a price, not a prize ('Quel prix le modèle a-t-il reçu ?', 'Vem fick priset?') nor a value ('giá trị')
    r"|\b(?:à quel prix|le prix d|quel est le prix|priset på|vad kostar|(?:với|mức) giá(?! trị))"
    # 'in VND', 'in Vietnamese dong', 'en dongs': a sum in that currency
    r"|\b(?:in|en|i|bằng)\s+(?:VND|USD|đồng|(?:vietnamese |vietnamiens? |vietnamesiska )?dongs?)\b"
    # 'How much did Ha Tinh raise for the Fund…', 'Hur mycket samlade fonden…': how much, for a fund, is a sum
    r"|\b(?:how much|combien|hur mycket|bao nhiêu)\b(?=.*\b(?:fund|funds|fonds|fonden|quỹ)\b)"
    # what was spent, paid or invested: 'How much did Hanoi spend on…', 'Combien a-t-on dépensé…', 'Hur mycket
    # betalade…', 'Hà Nội đã chi bao nhiêu…'
    # (not time, attention or effort spent: 'How much time did the cadres spend…')
    r"|\b(?:how much|combien|hur mycket)\b(?!\s+(?:time|attention|effort|tid|fokus|uppmärksamhet|de\s+temps|"
    r"d['’]attention|d['’]efforts?)\b)[^?]{0,80}?\b(?:" + SPENT + r")\b"
    r"|\b(?:" + SPENT_VI + r")\s+(?:hết\s+)?bao nhiêu\b",
    re.IGNORECASE,
)
# how something is done, not what it cost: 'à moindre coût', 'at low cost', 'till låg kostnad', 'chi phí thấp'
CHEAPLY = re.compile(
    # (Vietnamese only with 'với', how: 'Chi phí thấp nhất… là bao nhiêu?' asks the lowest sum, and 'tiết kiệm chi
    # phí bao nhiêu' what was saved)
    r"\b(?:at (?:a |the )?(?:low|lower|little|minimal|minimum|reduced|least|no extra) costs?|low[- ]cost|"
    r"cost[- ]effective(?:ly)?|à (?:moindre|faible|bas|peu de) (?:coût|coûts|frais)|à (?:un )?coût (?:réduit|modique|"
    r"faible|bas|minime)|(?:till|med|för) (?:en )?(?:låg|lägre|minimal|liten|minsta möjliga) kostnad|"
    r"kostnadseffektiv\w*|với chi phí (?:thấp nhất|thấp|tối thiểu|hợp lý)|"
    r"tiết kiệm chi phí(?!\s+(?:được\s+)?(?:là\s+)?(?:bao nhiêu|mấy))|ít tốn kém)\b",
    re.IGNORECASE,
)


# a sentence whose subject is the one before it, or what it names last: 'C'est la prémisse de…', 'Cela a permis…',
# 'This is…', 'Detta är…',
# 'Đây là…' (not 'C'est pourquoi', 'Det är värt att notera', whose 'c'' and 'det' point to nothing before)
POINTS_BACK = re.compile(
    r"^\W*(?:c['’]est\s+(?:la|le|l['’]|une?|les|des|là|ainsi|ce|cette)\b|ce\s+sont\b|cela\b|ceci\b|"
    r"il\s+s['’]agit\b|(?:this|that)\s+(?:is|was|has|had|will|helped|made)\b|these\s+(?:are|were|have)\b|"
    r"detta\s+(?:är|var|har|hade|blev)\b|det\s+(?:här|där)\s+(?:är|var)\b|(?:đây|đó|điều này|việc này)\s+là\b|"
    r"điều này\b|"
    # the one just named: 'Ce dernier établit ensuite une synthèse…', 'Celui-ci…', 'The latter…', 'Den senare…'
    # (not a time: 'Ces dernières années, …', 'Ce dernier trimestre', 'Den senare delen av året')
    r"(?:ce|cette|ces)\s+derni(?:er|ère|ers|ères)\b(?!\s+(?:années?|ans?|mois|jours?|temps|semaines?|décennies?|"
    r"trimestres?|semestres?|heures?|périodes?|siècles?|fois|mandats?|exercices?|décades?)\b)|cel(?:ui|le|les)-ci\b|"
    r"ceux-ci\b|the\s+latter\b|den\s+senare\b(?!\s+(?:delen|halvan|perioden|tiden|året|åren|fallet)\b))",
    re.IGNORECASE,
)
# a question about the field a thing falls in ('Các mô hình như… được xếp vào mảng nào?', 'Dans quel domaine…'), and
# the words that open a paragraph's field ('Dans le domaine de la sécurité et de la défense, …')
# ('area', 'secteur', 'område', 'nhóm' also name a place or a group of people: 'Which area of the province…', 'Nhóm nào
# được hỗ trợ…'; those ask a field only with a word of belonging: 'Which area do… belong to?')
_BELONGS = (
    r"(?:belongs?|belonging|falls?|come under|relève\w*|appartien\w*|fait partie|font partie|tillhör|hör till|thuộc|"
    r"xếp vào)"
)
_WEAK_FIELD = (
    r"\b(?:(?:which|what)\s+(?:area|sector|category)s?|quel(?:le)?s?\s+(?:secteurs?|catégories?|champs?)|"
    r"(?:vilket|vilka)\s+(?:område|områden|sektor|sektorer|kategori)|(?:nhóm|khối) nào)\b"
)
ASKS_FIELD = re.compile(
    r"\b(?:(?:which|what)\s+(?:field|domain|sphere)s?|(?:quel(?:le)?s?)\s+domaines?|(?:vilket|vilka)\s+fält|"
    r"(?:mảng|lĩnh vực) nào)\b"
    rf"|{_WEAK_FIELD}(?=.*\b{_BELONGS}\b)|\b{_BELONGS}\b.*{_WEAK_FIELD}",
    re.IGNORECASE,
)
# a question about a motto ('Quelle formule résume l'approche…', 'Under vilket motto…', 'phương châm nào') and the
# words that give one ('avec la devise « se concentrer fortement sur la base »')
_MOTTO = r"mottos?|slogans?|watchwords?|devise|mot d['’]ordre|ledord\w*|motto\w*|paroll\w*|phương châm|khẩu hiệu"
# ('formule' only as the one asked, 'Quelle formule…': not any formula or format)
ASKS_MOTTO = re.compile(rf"\b(?:quelle\s+formule|{_MOTTO})\b", re.IGNORECASE)
MOTTO = re.compile(rf"\b(?:{_MOTTO})\b", re.IGNORECASE)
FIELD = re.compile(
    r"\b(?:dans (?:le|les) (?:domaines?|secteurs?)|in the (?:field|area|sphere)s? of|inom (?:området|områdena|"
    r"\w+området|\w+områdena)|på (?:\w+)?området|trong (?:các )?lĩnh vực)\b",
    re.IGNORECASE,
)
# what a question sets aside, up to the next comma: 'Apart from the two co-chairs, which two…', 'Förutom ordföranden',
# 'Bên cạnh các vụ mất trộm' (not 'en outre', moreover, nor 'nước ngoài', abroad)
BESIDES = re.compile(
    r"\b(?:apart from|aside from|besides|other than|except(?: for)?|à part(?! entière)|en dehors d(?:e|u|es)|hormis|"
    r"excepté|sauf|"
    # (not 'outre-mer', 'membre à part entière', nor 'trừ' of 'loại trừ', 'phòng trừ', 'khấu trừ', 'bài trừ')
    r"(?<!en )outre(?!-)|förutom|utöver|bortsett från|(?<!nước )ngoài(?! ra)|bên cạnh|"
    r"(?<!loại )(?<!phòng )(?<!khấu )(?<!bài )(?<!diệt )trừ)\b"
    # up to the next comma, or, where none is written, to the question's own 'which…', 'quel…', 'vilken…', or the
    # Vietnamese 'ra'/'còn' that close the clause ('Ngoài hai Bí thư … còn có Phó Chủ tịch nào…'); not to a relative
    # 'who' ('Besides the two secretaries who chaired it, who…')
    r"(?:(?!\b(?:which|quel(?:le)?s?|lequel|laquelle|vilken|vilket|vilka|còn|ra)\b)[^,;:?])*",
    re.IGNORECASE,
)


def asks_money(text: str) -> bool:
    """Whether a question asks a sum of money (`ASKS_MONEY`), not read in what says how cheaply a thing was done
    ('Qu'ont mis en place… pour harmoniser les rites funéraires à moindre coût ?')."""
    return bool(ASKS_MONEY.search(CHEAPLY.sub(" ", text)))


CURRENCY = re.compile(r"\b(?:VND|VNĐ|USD|EUR|SEK|đồng|dollars?|euros?|kronor)\b|[$€]", re.IGNORECASE)
# A sum of money in a sentence: a number, up to two words ('104,3 milliards de'), a currency; not 'cộng đồng'
SUM = re.compile(
    r"\d(?:[\d \u00a0\u202f.,]*\d)?\s*(?:[^\W\d_]+\s+){0,2}(?:VND|VNĐ|USD|EUR|SEK|đồng|dollars?|euros?|kronor)\b"
    r"|[$€]\s?\d",
    re.IGNORECASE,
)
# a request for a name, in place of 'who': 'Name…', 'Give the name(s) of…', 'Donnez le nom de…', 'Ange namnet på…'
_NAME_IT = (
    r"name|give the names? of|state the names? of|nommez|citez|donnez les? noms? d(?:e|u|es)|"
    r"indiquez les? noms? d(?:e|u|es)|"
    r"nämn|ange namn(?:et|en)? på|uppge namn(?:et|en)? på|nêu tên|cho biết tên|hãy cho biết tên|hãy nêu tên|"
    # or asked what they are called: 'What is the name of the chair…', 'Comment s'appelle la présidente…', 'Vad heter
    # ordföranden…'
    r"what(?:'s|\s+is|\s+was)\s+the\s+names?\s+of|quel\s+est\s+le\s+nom\s+d(?:e|u|es)|comment\s+s['’]appell?e(?:nt)?|"
    r"comment\s+se\s+nomme|vad\s+heter|vad\s+hette|vad\s+är\s+namnet\s+på"
)
# a person asked for as one of a body's leaders or officials, whatever their post: 'Quel dirigeant du Front municipal
# s'est exprimé…' (its vice-chair did), 'which official', 'vilken ledare', 'lãnh đạo nào'; a body is no answer
# (not 'official figures', 'the leader's words', nor 'cơ quan lãnh đạo nào', which body leads)
_SOMEONE = (
    r"\b(?:which|what)\s+(?:leaders?|officials)\b(?!['’])|\bquel(?:le)?s?\s+(?:dirigeante?s?|responsables?)\b|"
    r"\bvilk(?:en|a)\s+(?:ledare|tjänste(?:man|män|kvinna))\b|"
    r"(?<!cơ quan )(?<!tổ chức )(?<!cấp )(?<!ban )(?<!đơn vị )\b(?:lãnh\s+đạo|quan\s+chức)\s+nào\b"
)
ASKS_SOMEONE = re.compile(_SOMEONE, re.IGNORECASE)
ASKS_PERSON = re.compile(
    rf"{_ASKING}(?:who|whom|qui|vem|ai)\b|\b(?:ai là|là ai|người nào|do ai|thì ai(?!\s+cũng))\b"
    r"|\bwhose\s+(?:byline|name|signature)\b"  # 'Whose byline appears at the end of the report…?'
    # which holder of a post: 'Quel vice-président du Front…', 'Which deputy secretary…', 'Vilken vice ordförande'
    # (after the level or body it holds the post in: 'Which provincial Front vice-chair…')
    r"|\b(?:which|quel|quelle|vilken)\s+(?:(?:provincial|district|commune|city|municipal|(?-i:[A-ZĐ][\w-]*))\s+){0,3}"
    r"(?:(?:vice|deputy|permanent|standing)[- ]?)?(?:chair\w*|president|"
    r"président\w*|vice-président\w*|secretary|secrétaire|ordförande|viceordförande|sekreterare|partisekreterare|"
    r"director|directeur|directrice|"
    # which writer: 'Vilken skribent står bakom texten…' (not 'which author', who may be one the news quotes)
    r"writer|rédacteur|rédactrice|skribent)\b(?!['’]s)"
    # which of its leaders or officials: 'Quel dirigeant du Comité populaire…', 'which leader', 'lãnh đạo nào'
    rf"|{_SOMEONE}"
    r"|\b(?:chủ tịch|bí thư|trưởng ban|giám đốc|tác giả)\s+nào\b"
    # a post's holder asked for by name in Vietnamese, after the post: 'Chủ tịch … Hà Nội tên là gì?'
    # (the post opens the question: not 'Mô hình của Chủ tịch Hà Nội tên là gì?', the model's name)
    r"|^\W*(?:phó\s+)?(?:chủ tịch|bí thư|trưởng ban|giám đốc|cấp phó|cấp trưởng|người đứng đầu)\b"
    r"(?![^?]*\b(?:chương trình|mô hình|phong trào|dự án|đề án|sản phẩm)\b)[^?]{0,120}\btên\s+(?:là\s+)?gì\b"
    # a post's holder asked for by name: 'Name the chair of…', 'Nommez le vice-président…', 'Nämn ordföranden…',
    # 'Give the name of the secretary…', 'Nêu tên chủ tịch…'
    rf"|^\W*(?:{_NAME_IT})\s+(?:(?:the|le|la|les|l'|du|de la|des|på|den|det|de|các|những)\s*)?"
    # (after the level and body it holds the post in: 'Name the provincial Front vice-chair…')
    r"(?:(?:provincial|district|commune|city|municipal|Front|Party|Fatherland)\s+){0,3}"
    r"(?:(?:vice|deputy|permanent|standing|first|ständig[ae]?)[- ]?)?(?:chair\w*|president|président\w*|"
    r"vice-président\w*|members?(?!\s+(?:organi[sz]ations?|units?|bodies|states))|membres?|ledamot(?:en)?|"
    r"ledamöter(?:na)?|ủy viên|"
    r"secretary|secretaries|secrétaires?|ordförande(?:n|na)?|(?:parti)?sekreterar(?:e|en|na)|head(?!\s+office)|heads|"
    r"chef|chefs?en|director|directeur|directrice|leaders?|phó chủ tịch|chủ tịch|bí thư|trưởng ban|"
    # or as a person: 'Name the person at the top of the Fatherland Front…', 'Nommez la personne qui…'
    r"persons?|wom[ae]n|personnes?|femmes?|responsables?|personen|personerna|kvinnan|kvinnorna)\b"
    r"(?!['’-])",  # not 'Name the secretary's main request', 'Name the district Party members' main demand
    re.IGNORECASE,
)
# A year of founding asked ('En quelle année … a-t-il été créé', 'Vilket år grundades', 'thành lập vào năm nào') is
# given by a sentence that says so ('a été lancé … en 2022', 'grundades 1930'), not by any year near the name
ASKS_FOUNDING = re.compile(
    r"\b(?:founded|established|created|formed|set up|créée?s?|fondée?s?|établie?s?|constituée?s?|grundade?s?|"
    r"grundad|bildade?s?|bildad|inrättade?s?|inrättad|thành lập|ra đời|hình thành)\b",
    re.IGNORECASE,
)
# since when a thing has gone on: 'Depuis quand le programme est-il mené…', 'Bà Lan Hương bắt đầu đứng đầu… từ năm
# nào?'; a sentence that says it began or since when (`STARTED`), or that it was founded, answers
ASKS_START = re.compile(
    r"\b(?:since when|depuis quand|sedan när|từ (?:khi|bao giờ) nào|từ bao giờ|bắt đầu[^?]*\btừ (?:năm|khi|bao giờ))\b",
    re.IGNORECASE,
)
STARTED = re.compile(
    r"\b(?:began|begun|beginning|since|implemented|commencée?s?|commencement|début|débutée?s?|démarrée?s?|depuis|dès|"
    r"mise? en œuvre|började|startade|inleddes|påbörjades|sedan|bắt đầu|triển khai|khởi công|khởi động|từ năm)\b",
    re.IGNORECASE,
)
FOUNDED = re.compile(
    r"\b(?:found(?:ed|ing|ation)|establish(?:ed|ment)|created|creation|formed|set up|launch(?:ed)?|start(?:ed)?|"
    r"créée?s?|création|fondée?s?|fondation|établie?s?|établissement|constituée?s?|lancée?s?|lancement|mise? en place|"
    r"née?|naissance|grundade?s?|grundad|grundande|grundandet|bildade?s?|bildad|bildandet|inrättade?s?|inrättad|"
    r"lanserade?s?|startade?s?|etablerade?s?|thành lập|ra đời|khởi xướng|ra mắt|"
    # or put to work in a year: 'Mis en œuvre en 2021, le Bloc…' is when the Tra Ka model came about
    r"(?:implemented|mise? en œuvre|triển khai)\s+(?:in|en|từ|vào|năm|dès)\s+(?:năm\s+)?(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_YEAR_WORDS = r"what year|which year|quelle année|vilket år|năm nào"
# the time of day: 'Vilken tid på dygnet publicerades intervjun…', 'À quelle heure…'
# (not a period: 'what time frame', 'under vilken tid', 'vilken tid på året')
_CLOCK_WORDS = (
    r"what time(?!\s+(?:frame|period|span|of (?:the )?year))|at what hour|à quelle heure|quelle heure|"
    r"vilken tid på dygnet|vilket klockslag|hur dags|mấy giờ"
)
ASKS_CLOCK = re.compile(rf"\b(?:{_CLOCK_WORDS})\b", re.IGNORECASE)
# advice the user asks for themselves, how to do a thing of their own, which news reports do not give: 'How do I
# apply for a visa online?', 'Vad är det bästa sättet för en svensk att lära sig vietnamesiska?', 'Comment puis-je…',
# 'Làm thế nào để tôi…' (not 'hur gör man' nor 'how do we', which ask how a thing is done)
_ASKS_ADVICE = re.compile(
    r"\b(?:how (?:do|can|should|could|would) i|what(?:['’]s| is) the best way|where (?:can|do|should) i|"
    r"comment (?:puis-je|dois-je|faire pour|s['’]y prendre)|"
    r"(?:quelle est )?la meilleure (?:façon|manière|méthode) (?:de|pour)|"
    r"où (?:puis-je|dois-je)|hur (?:gör|kan|ska|bör) jag|(?:vad är )?(?:det )?bästa sättet|var kan jag|"
    r"làm (?:thế nào|sao) để (?:tôi|mình)|cách tốt nhất|tôi (?:nên|có thể|phải) làm (?:gì|thế nào|sao))\b",
    re.IGNORECASE,
)


def asks_advice(question: str) -> bool:
    """Whether a question asks advice for the user's own doing (`_ASKS_ADVICE`), not what the documents say of it
    ('According to Do Anh Tuan, what is the best way to…', 'In the Tra Ka story, how do I…'; the places, people and
    bodies the documents know are for the caller to weigh)."""
    return bool(_ASKS_ADVICE.search(question)) and not _OF_THE_DOCUMENTS.search(question)


CLOCK = re.compile(r"\b(?:[01]?\d|2[0-3])[:h][0-5]\d\b")
ASKS_YEAR = re.compile(rf"\b({_YEAR_WORDS})\b", re.IGNORECASE)
# (Vietnamese 'ngày mấy', 'tháng mấy': which day, which month; their 'mấy' asks no count)
_MONTH_WORDS = r"what month|which month|quel mois|vilken månad|tháng nào|tháng mấy"
# a time of the year said in words: 'depuis le début de l'année', 'vid årets slut', 'từ đầu năm'
_OF_THE_YEAR = (
    r"(?:début|fin) de l['’]année|(?:beginning|start|end) of the year|(?:början|slutet) av året|årets (?:början|slut)|"
    r"đầu năm|cuối năm"
)
# the time words (TIME) that tell no day nor month: a quarter, a time of the year
QUARTER = re.compile(rf"trimestre|kvartal|quarter|{_OF_THE_YEAR}", re.IGNORECASE)
_DAY_WORDS = (
    rf"what date|which date|which day|what day|quelle date|quel jour|vilket datum|vilken dag|ngày nào|ngày mấy|"
    rf"{_MONTH_WORDS}"
)
ASKS_DAY = re.compile(rf"\b(?:{_DAY_WORDS})\b", re.IGNORECASE)
# the day of the week asked ('On which day of the week…', 'Quel jour de la semaine…', 'Vilken veckodag…', 'thứ mấy'),
# which only a weekday's name gives, not a date
ASKS_WEEKDAY = re.compile(
    r"\b(?:days? of the week|weekday|jour de la semaine|veckodag(?:en)?|(?:vào|ngày) thứ mấy|thứ mấy trong tuần)\b",
    re.IGNORECASE,
)
WEEKDAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en|s|ar|arna)?\b|"
    r"\b(?:thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)\b",
    re.IGNORECASE,
)
_DATE_WORDS = rf"{_DAY_WORDS}|{_CLOCK_WORDS}"
# (and the moment asked in Vietnamese: 'thời điểm nào', 'thời điểm chính xác', not 'tại thời điểm này', at this time)
ASKS_TIME = re.compile(
    rf"{_ASKING}(?:when|quand|när)\b|\b(?:khi nào|bao giờ|thời điểm (?:nào|chính xác)|{_YEAR_WORDS}|{_DATE_WORDS})\b",
    re.I,
)
# A question about the article itself, not what it reports: when it was published ('When was the interview
# published?', 'Bài phỏng vấn được đăng vào ngày nào?'), who wrote or signed it ('Qui a signé l'article ?'). A verb
# of the article's own: 'the published interview' or 'Theo bài viết, ai…' ('according to the article') is no such
# question, nor 'who presented the report, according to the article written by…'.
_ARTICLE = (
    r"article|l'article|interview|l'interview|entretien|l'entretien|reportage|artikel|artikeln|intervju|intervjun|"
    r"reportaget|bài báo|bài viết|bài phỏng vấn|texte|du texte|le texte|texten|"  # 'l'auteur du texte et des photos'
    r"le papier|ce papier|"  # (a journalist's 'papier': 'Le papier sur le Front de Mo Cay Bac…')
    r"bài (?:cuối|đầu|này|đó|thứ \w+)|loạt bài"  # 'Bài cuối trong loạt bài về…' (the last of the series)
)
# ('đăng ký' is to register)
_PUBLISHED = (
    r"published|appeared|publié|publiée|paru|parue|publicerades|publicerats|đăng(?!\s+ký)|xuất bản|"
    # put on the web: 'on which day did it go online?', 'mis en ligne', 'lades ut'
    r"go(?:es)?\s+online|went\s+online|gone\s+online|put\s+online|mise?\s+en\s+ligne|lades\s+ut|lagts\s+ut"
)
# the article's own publishing, asked as a noun: 'year of publication', 'publication date', 'date de parution',
# 'publiceringsdatum', 'ngày đăng' (not the publication of the documents an article tells of, nor 'ngày đăng ký', a
# registration's date)
_PUBLICATION = (
    r"(?:of|de|för)\s+(?:its\s+|sa\s+|son\s+)?(?:publication|parution|publicering(?:en)?)|"
    r"(?:publication|parution)\s+date|publicerings(?:datum|dag|år)\w*|ngày\s+(?:đăng(?!\s+ký)|xuất bản)"
)
ASKS_PUBLICATION = re.compile(rf"\b(?:{_PUBLICATION})\b", re.IGNORECASE)
# a report someone wrote is the article that reports it ('who wrote the Ha Tinh conference report?'); one someone
# presented is a document the article speaks of
_REPORT = r"report|rapport|rapporten|compte rendu|bài tường thuật"
# the author of a report, with a few words saying which report ('the author of the Ha Tinh conference
# report'; not 'the author of the initiative, according to the report', nor of one presented at a congress)
_REPORTS_AUTHOR = (
    r"\b(?:author|auteur|författare(?:n)?|writer|tác giả)\s+(?:of|de|du|till|av|för|của)\s+"
    r"(?:the\s+|this\s+|la\s+|le\s+|l['’]|ce\s+|cette\s+)?"
    r"(?:(?!(?:selon|according|enligt|theo|in|i|dans|at|à|på|and|et|och|of|de|du|des)\b)[\w-]+\s+){0,4}"
    rf"(?:{_REPORT})\b"
    r"(?!\s+(?:presented|présenté|presenterad\w*|trình bày))"
)
_WROTE = (
    rf"(?:who|qui|vem|ai|which writer|quel rédacteur|vilken skribent)\b.{{0,20}}\b(?:wrote|writes|signed|signs|"
    rf"photographed|authored|écrit|signé|signe|rédigé|"
    rf"skrev|skrivit|skriver|undertecknade|undertecknar|fotograferade|viết|ký)\b.{{0,30}}\b(?:{_ARTICLE}|{_REPORT}|"
    rf"bài về|bài này)"
)
_AUTHOR = (
    r"author|auteur|författare|författaren|tác giả|photographer|photographe|photographies|fotograf|fotografen|"
    r"writer|rédacteur|rédactrice|skribent|skribenten|upphovsperson\w*|upphovsm[aä]n\w*|bylines?|"
    # 'Le reportage… : à qui doit-on le texte et les clichés ?' (the 'clichés' are its photographs, not stereotypes:
    # 'Quels clichés…'); whom an article is owed to, not whom one must turn to ('à qui doit-on s'adresser')
    r"(?:les|des)\s+clichés|textes?\s+et\s+clichés|à qui doit-on (?:le|la|les|l['’]|ce|cet|cette|ces)|"
    # the name it is signed with: 'Le papier…, textes et clichés, est signé de quel nom ?'
    r"signée?s?\s+(?:de|du|par)\s+quel\s+nom|"
    # 'Bài viết … do ai viết và chụp ảnh?', 'Người đứng tên bài viết… là ai?' (not 'đứng tên vay vốn', a loan's holder)
    r"ai viết|chụp ảnh|đứng tên(?=\s+(?:bài|tác giả))|"
    r"took\s+(?:the\s+)?(?:photos|pictures|photographs)|pris\s+les\s+(?:photos|photographies)|"
    r"tog\s+(?:bilderna|fotona|fotografierna)"  # 'Who took the photos for the article…', 'Qui a pris les photos…'
)
_WHERE_PUBLISHED = r"which newspaper|which site|quel journal|quel site|vilken tidning|báo nào|trang nào"
# A question about a person's title or post ('What title does Nguyen Hai Ha hold?', 'Quel poste occupe…', 'chức vụ gì')
ASKS_TITLE = re.compile(
    r"\b(?:titles?|positions?|posts?|roles?|offices?|titre|postes?|fonctions?|rôles?|befattning(?:ar)?|titel|titlar|"
    r"roll(?:er)?|tjänst|uppdrag|chức vụ|chức danh|vai trò|cương vị)\b",
    re.IGNORECASE,
)
# Where the article itself was published: its site, which the source link names ('Which news website published the
# piece on…', 'Sur quel site…', 'Trên trang báo nào…'); a newspaper the text names answers 'which newspaper' too.
_SITE = (
    r"(?:which|what)\s+(?:news\s+)?(?:website|site|web\s?site|newspaper|outlet|domain)|"
    r"(?:quel|sur quel)\s+(?:site|journal)|vilken\s+(?:nyhets)?(?:webbplats|sajt|tidning)|"
    r"(?:tờ|trang|trên)\s+báo\s+nào|báo\s+nào\s+(?:đã\s+)?đăng|trang\s+(?:web|tin)\s+nào"
)
# what a site published, in the words a question about its site or source may use besides 'article': 'Which newspaper
# ran the story…', 'Från vilken webbplats kommer texten…', 'Bài này được lấy từ trang web nào?'
_PIECE = rf"{_ARTICLE}|{_REPORT}|story|piece|review|texten|bài này|bài đó|bài về|tin về|tin bài|bản tin"
# a question that names the documents or whom they quote: what they say is asked, not advice
_OF_THE_DOCUMENTS = re.compile(
    rf"\b(?:{_PIECE}|documents?|dokument\w*|tài liệu|according to|selon|d['’]après|enligt|theo(?!\s+dõi))\b",
    re.IGNORECASE,
)
_PUBLISH = (
    r"published|publish|appeared|publié|publiée|paru|parue|publicerade|publicerades|publicerats|publicerat|"
    r"đăng(?!\s+ký)|xuất bản"
)
_LINK_WORDS = (
    r"link|url|web address|lien|adresse web|länk|länken|webbadress|webbadressen|đường dẫn|địa chỉ trang web|"
    r"địa chỉ web"
)
# the words that name where an article comes from (SOURCE_LINE reads the page's own line of them)
_SOURCE_WORDS = r"source|sources|källa|källan|kilde|nguồn|nguồn tin"
# what may stand between a source or link word and the piece it belongs to: a preposition, a determiner and a name
# ('the source of the Quang Nam article', 'la source de l'article', 'källan till artikeln', 'nguồn của bài báo'); not
# other words ('the source of the funds in the article', 'the main source of income in the report')
# words that end a name or a noun and begin a clause: between them and the piece, the source is the clause's
_CLAUSE_WORDS = (
    r"in|on|at|of|for|by|with|from|about|between|and|is|are|was|were|mentioned|cited|given|quoted|used|dans|en|par|"
    r"avec|sur|des|entre|et|est|sont|cité|cités|citée|citées|mentionné|mentionnés|mentionnée|mentionnées|i|på|av|"
    r"med|från|om|mellan|och|är|var|trong|ở|về|được|giữa|và|là|nói|nêu|"
    # a preposition or a determiner inside the run: 'the source of raw materials the article… describes', 'la source
    # de financement de l'article', 'Nguồn sức mạnh của bài viết'
    r"de|du|till|för|to|của|cho|the|this|that|la|le|les|l|un|une|a|an|den|det"
)
_OF_ITS = (
    r"(?:gốc\s+|original\s+|d'origine\s+)?(?:(?:of|for|to|from|de|du|vers|till|för|av|från|của|cho|đến|tới|từ)\s+)?"
    rf"(?:(?:the|this|that|la|le|cet|cette|ce)\s+)?(?:(?!(?:{_CLAUSE_WORDS})\b)[\w.'’]+(?:\s+|-(?=\w))){{0,5}}"
)
_PIECE_GENITIVE = (
    r"(?:article|interview|report|story|piece)(?:'s|’s)|artikelns|intervjuns|rapportens|textens|reportagets"
)
# 'according to the article', 'selon l'article', 'enligt artikeln', 'theo bài viết', 'in the report': the article is
# the authority for the question, which asks about the news ('Enligt artikeln, varifrån kommer finansieringen?')
_ON_ITS_WORD = re.compile(
    r"\b(?:according\s+to|as\s+per|based\s+on|in|selon|d'après|dans|enligt|i|theo|trong)\s+"
    rf"(?:(?:the|this|that|le|la|cet|cette|ce)\s+)?(?:{_PIECE})\b(?:\s+(?:này|đó))?",
    re.IGNORECASE,
)
_SAYS = r"nói|cho biết|đề cập|nêu|kể|nhắc"  # what an article says: a question about its news
# the site an article names as its source: 'In the article about Mo Cay Bac, which website is given as the source?'
_GIVEN_AS_SOURCE = re.compile(
    r"\b(?:which|what)\s+(?:website|site|newspaper)\s+is\s+(?:given|named|cited|listed)\s+as\s+(?:the|its)\s+source\b|"
    r"\bnguồn\s+(?:là|:)\s+(?:trang|báo)\s+nào\b|\bquel\s+site\s+est\s+(?:donné|cité|indiqué)\s+comme\s+source\b|"
    r"\bvilken\s+(?:webbplats|sajt|tidning)\s+(?:anges|uppges|nämns)\s+som\s+källa\b",
    re.IGNORECASE,
)
# a site, a source or a link the article tells of is not its own: 'Which newspaper does the article mention?'
_MENTIONS = re.compile(
    r"\b(?:mention|mentions|mentioned|cite|cites|cited|name|names|named|say|says|said|quote|quotes|quoted|describe|"
    r"describes|described|refer|refers|mentionne|mentionné|nomme|cité|décrit|évoque|nämner|nämns|citerar|citeras|"
    rf"beskriver|rapporterar|{_SAYS})\b",
    re.IGNORECASE,
)
_ASKS_SITE = re.compile(
    # a site or newspaper, with an article or a verb of publishing: not 'which site did the Front choose', nor
    # 'Cảnh báo nào' (which warning)
    rf"^(?=.*\b(?:{_PIECE}|{_PUBLISH})\b).*?\b(?:{_SITE})\b"
    # where the article appeared, the article the subject: 'Where was the article about … published?', 'Var
    # publicerades artikeln om…', 'Où a été publié l'article…', 'Bài viết … được đăng ở đâu' (not 'đăng ký', register)
    # (not 'Where was the report published by the committee presented?')
    rf"|\bwhere\s+(?:was|is|has|had|did|does)\s+{_OF_ITS}(?:{_PIECE})\b"
    r"(?:\s+(?:about|on|with|concerning)\b[^?]{0,80}?)?\s+(?:first\s+)?(?:published|appeared|appear|publish)\b(?!\s+by)"
    rf"|\bvar\s+(?:publicerades|publicerats|har|kom)\s+(?:den\s+(?:\w+\s+)?)?(?:\w+-)?(?:{_PIECE})\b"
    rf"|\boù\s+(?:a\s+été|a|est|fut|avait\s+été)\s+(?:publié|publiée|paru|parue)e?\s+{_OF_ITS}(?:{_PIECE})\b"
    rf"|\boù\s+{_OF_ITS}(?:{_PIECE})\b.{{0,80}}\b(?:publié|publiée|paru|parue)\b"
    rf"|^(?=.*\b(?:{_PIECE})\b).*?\bđăng\b(?!\s+ký).{{0,30}}\bở đâu\b"
    # its source, which the page's source line gives: 'What is the source of the article…', 'la source de l'article',
    # 'källan till artikeln', 'nguồn của bài báo', 'the article's source', 'D'où provient l'entretien…'
    # (not 'the source of the article's figures')
    rf"|\b(?:{_SOURCE_WORDS})\s+{_OF_ITS}(?:{_PIECE})\b(?!['’]s)|\b(?:{_PIECE_GENITIVE})\s+(?:{_SOURCE_WORDS})\b"
    rf"|\bd'où\s+(?:provient|vient)\s+{_OF_ITS}(?:{_PIECE})\b|\bvarifrån\s+kommer\s+(?:{_PIECE})\b"
    # where the original is: 'Var kan man läsa originalet av artikeln…', 'where can I read the original article'
    rf"|\boriginal\s+(?:{_PIECE})\b|\boriginal(?:et)?\s+(?:of|de|av)\s+{_OF_ITS}(?:{_PIECE})\b|\boriginalartikeln\b"
    rf"|\b(?:where|où|var)\b.{{0,40}}\b(?:{_PIECE})\s+(?:original|originale|d'origine)\b"
    r"|\bfrån\s+vilken\s+(?:nyhets)?(?:webbplats|sajt|tidning)\b"
    # 'Where does the report on … come from?' (the piece itself, not 'where did the money in the report come from')
    rf"|^(?:where|(?:which|what)\s+(?:{_SOURCE_WORDS}|site|website|newspaper))\s+(?:does|did|do)\s+(?:the|this|that)\s+(?:{_PIECE})\b(?!['’]s)[^?]{{0,60}}\bcome\s+from\b"
    rf"|^(?=.*\b(?:{_PIECE})\b)(?!.*\b(?:{_SAYS})\b).*\b(?:(?:lấy\s+)?nguồn|trích|lấy)\s+từ\s+đâu\b"
    # its link: 'the URL of the article', 'le lien de l'article', 'länken till artikeln', 'đường dẫn của bài viết',
    # 'the article's link', 'the article URL'; not 'How does the article link poverty and housing?'
    rf"|\b(?:{_LINK_WORDS})\s+{_OF_ITS}(?:{_PIECE})\b(?!['’]s)|\b(?:{_PIECE_GENITIVE})\s+(?:{_LINK_WORDS})\b"
    # the link or source line printed at its foot: 'the source link printed at the foot of the Mo Cay Bac article'
    rf"|\b(?:{_SOURCE_WORDS}|{_LINK_WORDS})\s+(?:(?:line|printed|given|shown|listed|placed)\s+)*(?:at|on)\s+the\s+"
    rf"(?:foot|bottom|end)\s+{_OF_ITS}(?:{_PIECE})\b"
    # 'la source indiquée au bas de l'article', 'källan längst ner i artikeln', 'nguồn ở cuối bài viết'
    rf"|\b(?:{_SOURCE_WORDS}|{_LINK_WORDS})\s+(?:(?:indiquée?|donnée?|imprimée?|citée?|affichée?)\s+)?"
    rf"(?:au\s+bas|en\s+bas|à\s+la\s+fin)\s+(?:de\s+|d['’]\s*){_OF_ITS}(?:{_PIECE})\b"
    # (whose 'i artikeln' is taken for the authority, 'in the article', before this is read)
    rf"|\b(?:{_SOURCE_WORDS}|{_LINK_WORDS})\s+(?:som\s+(?:anges|står)\s+)?längst\s+ner\b"
    rf"|\b(?:{_SOURCE_WORDS}|{_LINK_WORDS})\s+(?:ghi\s+)?(?:ở\s+)?cuối\s+(?:{_PIECE})\b"
    rf"|\bliên\s+kết\s+(?:của|đến|tới)\s+(?:{_PIECE})\b"
    rf"|\b(?:{_ARTICLE})\s+(?:url|web address)\b"
    # which paper or source, in Vietnamese: 'Bài viết… được trích từ báo nào / lấy từ nguồn nào / đăng trên trang nào?'
    # (the article the subject: not 'Bài viết … nói quỹ được lấy từ nguồn nào?', 'Bài viết … đề cập báo nào?')
    rf"|^(?=.*\b(?:{_PIECE})\b)(?!.*\b(?:{_SAYS})\b).*\b(?<!cảnh )(?<!thông )(?<!dự )(?:báo|trang)\s+nào\b"
    rf"|^(?=.*\b(?:{_PIECE})\b)(?!.*\b(?:{_SAYS})\b).*\b(?:lấy|trích|có|từ)\s+(?:từ\s+)?nguồn\s+nào\b",
    re.IGNORECASE,
)


# which of the articles tells of a thing: 'Which article brings up illegal sand mining…', 'Dans quel article est-il
# question d'examens médicaux gratuits…', 'I vilken av artiklarna dyker Co.opMart upp…', 'Bài nào nhắc đến…'
# (not an article of a law: 'Quel article de la loi…', 'Which article of the resolution…', 'article 5')
ASKS_WHICH_ARTICLE = re.compile(
    r"(?:\bwhich\s+(?:of\s+the\s+)?articles?|\b(?:quel|lequel\s+des)\s+articles?|"
    r"\bvilken\s+(?:av\s+)?(?:artikel|artiklarna|artiklar))\b(?!\s+(?:of|de|du|des|d['’]|i|av|\d))|"
    r"\bbài(?:\s+(?:báo|viết))?\s+nào\b",
    re.IGNORECASE,
)
# Kinds of institution, as the four languages name them: a question about a company, a bank, a university… is about
# something else than a document that never names one ('Which construction company is building the Ha Tinh stretch of
# the expressway?' of the Ha Tinh report, which names the expressway and no company). Kinds the news names with the
# institution ('la Banque…', 'Bệnh viện…'); not a 'messaging app', which it may tell as 'Zalo' alone, nor 'société',
# which the articles write for society.
INSTITUTIONS = {
    "company": r"compan(?:y|ies)|firms|construction firm|contractors?|corporations?|enterprises?|businesses|"
    r"entreprises?|compagnies?|firmes?|företag\w*|bolag\w*|entreprenör\w*|công ty|doanh nghiệp|tập đoàn|nhà thầu",
    "bank": r"banks?|banques?|bank(?:en|er|erna)|ngân hàng",
    "university": r"universit(?:y|ies|é|és|et|etet|eten)|colleges?|högskol\w*|đại học",
    "hospital": r"hospitals?|clinics?|hôpita(?:l|ux)|cliniques?|sjukhus\w*|klinik\w*|bệnh viện",
    "embassy": r"embass(?:y|ies)|ambassades?|ambassad(?:en|er|erna)|đại sứ quán",
    "cooperative": r"co-?operatives?|coopératives?|kooperativ\w*|hợp tác xã",
    "operator": r"telecoms?|telecommunications?|(?:network|mobile|phone) operators?|télécoms?|"
    r"opérateurs? (?:mobiles?|télécoms?|de télécommunications)|"
    r"teleoperatör\w*|mobiloperatör\w*|nhà mạng|viễn thông",
}
_INSTITUTION = {kind: re.compile(rf"\b(?:{forms})\b", re.IGNORECASE) for kind, forms in INSTITUTIONS.items()}


def institutions(text: str) -> set[str]:
    """The kinds of institution a text names (`INSTITUTIONS`): {'company'} for 'Which construction company…'."""
    return {kind for kind, form in _INSTITUTION.items() if form.search(text)}


# A law or a decree by its title: 'the Law on the Fatherland Front', 'la loi sur…', 'la loi n°35', 'lagen om…', 'le
# décret 59/2023', 'Luật Mặt trận Tổ quốc', 'Nghị định 35' (not 'les lois de l'État', 'pháp luật': the law in general)
_LAW_TITLE = (
    r"\b(?:law|loi|lagen|decree|décret|dekret(?:et)?)\s+(?:on|sur|relative?|relatif|om|de\s+\d{4}|n[°o]\.?|no\.|nr\.?)"
    r"(?=\s|\d|$)|\b(?:decree|décret|dekret(?:et)?)\s+\d|(?<!pháp )\b(?:luật|nghị định)\s+(?-i:[A-ZĐ0-9])"
)
# one asked for ('Which law governs…', 'Quelle loi encadre…', 'Vilken lag reglerar…', 'Luật nào quy định…'; not the
# laws in general, which the reports tell of: 'Which laws of the State…', 'What laws did the Front propagate?', 'pháp
# luật nào'; nor 'law enforcement', 'a law firm', Swedish 'vilket lag', a team) or named
ASKS_LAW = re.compile(
    r"\b(?:which|what|quel|quelle|vilken)\s+(?:[\w-]+\s+)?(?:law|loi|lag|decree|décret|dekret)\b(?!-)"
    r"(?!\s+(?:enforcement|firm|of\s+the\s+state|de\s+l['’]état)\b)|\btexte\s+de\s+loi\b"
    rf"|(?<!pháp )\b(?:luật|đạo luật|nghị định)\s+nào\b|{_LAW_TITLE}",
    re.IGNORECASE,
)
NAMES_LAW = re.compile(_LAW_TITLE, re.IGNORECASE)
# A school asked for ('Quel lycée de Mo Cay Bac…', 'Which primary school…', 'Vilken skola…', 'Trường tiểu học nào…'; not
# 'school supplies', 'trường hợp nào', which case) and one named ('l'école primaire de Tan Thanh', 'Tan Thanh Primary
# School', 'Trường THCS Lê Lợi'; not 'portes d'école sécurisées')
ASKS_SCHOOL = re.compile(
    r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}schools?\b(?!-)"  # (not 'Which school-related model…')
    r"(?!\s+(?:supplies|year|fees|gates?|children|pupils|students|bags?|books?|uniforms?|meals?|equipment|materials))"
    r"|\b(?:quel|quelle|quels|quelles)\s+(?:[\w-]+\s+)?(?:écoles?|lycées?|collèges?)\b"
    r"|\b(?:vilken|vilka)\s+(?:[\w-]+\s+)?(?:skola|skolor|gymnasium|gymnasier)\b"
    r"|\btrường(?:\s+(?:học|tiểu học|mầm non|THCS|THPT|trung học(?: cơ sở| phổ thông)?))?\s+nào\b",
    re.IGNORECASE,
)
NAMES_SCHOOL = re.compile(
    r"\b(?:école|lycée|collège)\s+(?:primaire\s+|secondaire\s+|maternelle\s+)?(?:de\s+|d['’])?(?-i:[A-ZĐ])"
    r"|(?-i:[A-Z][\w-]+\s+(?:Primary\s+|Secondary\s+|High\s+)?School)|(?-i:[A-Z][\w-]+skolan)"
    r"|\b(?:skolan|gymnasiet)\s+(?-i:[A-Z])"
    r"|\btrường\s+(?:tiểu học|mầm non|THCS|THPT|trung học(?: cơ sở| phổ thông)?)\s+(?-i:[A-ZĐ])",
    re.IGNORECASE,
)
# the kinds of named thing a question asks for, each with how a document names one: a document that names none
# answers no such question ('Which law…', 'Quel lycée…')
NAMED_KINDS = {"law": (ASKS_LAW, NAMES_LAW), "school": (ASKS_SCHOOL, NAMES_SCHOOL)}


def kinds_asked(question: str) -> set[str]:
    """The kinds of institution a question names (`INSTITUTIONS`) and of named thing it asks for (`NAMED_KINDS`)."""
    return institutions(question) | {kind for kind, (asks, _) in NAMED_KINDS.items() if asks.search(question)}


def kinds_named(document: str, kinds: set[str]) -> set[str]:
    """Of these kinds (`kinds_asked`), those a document names: an institution by its word, a law or a school by its
    name."""
    return {
        kind for kind in kinds if (NAMED_KINDS[kind][1] if kind in NAMED_KINDS else _INSTITUTION[kind]).search(document)
    }


# a thing's name asked for: 'What is the name of the handbook-based model…', 'What is the model called?', 'Comment
# s'appelle la coopérative…', 'Quel est le nom du village…', 'Vad heter zalo-gruppen…', 'Vad kallas det organ…', '…có
# tên là gì?', '…mang tên gì?' (a person's asked is a question for a person, a title of an article another question)
ASKS_NAME = re.compile(
    r"\bwhat\s+(?:is|was|are|were)\s+the\s+names?\s+of\b|\bwhat['’]s\s+the\s+name\s+of\b|\bwhat\s+name\b|"
    r"^\W*what\s+(?:is|was|are|were)\s+[^?]{3,80}?\s+(?:called|named)\s*\?|"
    r"\bcomment\s+s['’]appel(?:le|lent|ait|aient)\b|\bcomment\s+appelle-t-on\b|\bquel\s+est\s+le\s+nom\b|"
    r"\bquel\s+nom\b|\bvad\s+(?:heter|hette|kallas|kallades)\b|\bvilket\s+namn\b|"
    r"\btên\s+(?:là\s+)?gì\b|\bđược\s+gọi\s+là\s+gì\b",
    re.IGNORECASE,
)


# the title of an article asked for: 'What is the title of the article about Quang Nam?', 'Quel est le titre de
# l'article sur…', 'Vad heter artikeln om…', 'Bài viết về Quảng Nam mang tiêu đề gì?' (not a person's title, 'What
# title does Nguyen Hai Ha hold?', nor a subheading: `heading_asked`)
_TITLED = r"article|report|piece|story|interview|text|reportage|texte|papier|entretien|artikel\w*|rapport\w*|text\w*"
# (the article itself the subject, or what 'of' is of, with no words between that make it another thing's title: 'the
# title of the person quoted in the article', 'the report's author', 'the model described in the article')
_TITLE_GAP = r"(?:(?!(?:in|of|by|from|at|with|quoted|interviewed|mentioned|described|named)\b)[\w.-]+\s+){0,4}"
ASKS_ARTICLE_TITLE = re.compile(
    rf"\b(?:title|headline)\s+of\s+(?:the|this|that)\s+{_TITLE_GAP}(?:{_TITLED})\b(?!['’])|"
    rf"\b(?:{_TITLED})['’]s\s+(?:title|headline)\b|"
    rf"\b(?:what|which)\s+(?:title|headline)\s+(?:does|did|has)\s+the\s+{_TITLE_GAP}(?:{_TITLED})\b(?!['’])|"
    rf"^\W*what\s+is\s+the\s+{_TITLE_GAP}(?:{_TITLED})(?:\s+(?:about|on)\s+[^?]+?)?\s+(?:called|titled|headlined|entitled)"
    r"\s*\?|"
    rf"\btitre\s+(?:de\s+l['’]|du\s+|de\s+ce(?:t|tte)?\s+)(?:{_TITLED})\b|"
    rf"\bcomment\s+s['’]intitule\s+(?:l['’]|le\s+|la\s+|ce(?:t|tte)?\s+)(?:{_TITLED})\b|"
    rf"(?:\bl['’]|\ble\s+|\bce(?:t)?\s+)(?:{_TITLED})\b[^?,]{{0,60}}?\bs['’]intitule\b|"
    r"\bvad\s+heter\s+(?:artikeln|rapporten|texten|reportaget|intervjun)\b|"
    r"\b(?:artikelns|rapportens|textens|reportagets)\s+(?:rubrik|titel)\b|\b(?:rubriken|titeln)\s+(?:på|till|för)\s+"
    r"(?:artikeln|rapporten|texten|reportaget)\b|\bvilken\s+(?:rubrik|titel)\s+har\s+(?:artikeln|rapporten|texten)\b|"
    # (not 'Trong bài báo, mô hình … có tên là gì?', a model's name, nor 'bài học', a lesson)
    r"(?<!trong )(?<!theo )\bbài\s+(?:báo|viết)\b(?:\s+về\s+[^?,]{1,60}?)?\s+(?:(?:có|mang)\s+(?:tiêu\s+đề|tựa\s+đề|"
    r"nhan\s+đề|tít|tên)|tiêu\s+đề|tựa\s+đề|nhan\s+đề|tít)\s+(?:là\s+)?gì\b|"
    r"\b(?:tiêu\s+đề|tựa\s+đề|nhan\s+đề|tít)\s+(?:của\s+)?bài\s+(?:báo|viết)\b",
    re.IGNORECASE,
)
ARTICLE_TITLE_WORDS = frozenset(
    "title titled headline headlined entitled called titre intitule intitulé intitulée heter rubrik rubriken titel "
    "titeln tiêu đề tựa nhan tít tên mang".split()
)
# the words of such a question that name the articles or their telling of it, which no sentence of theirs says (as
# written: folded, Vietnamese 'đến' would be 'đen', black)
WHICH_ARTICLE_WORDS = frozenset(
    "article articles artikel artiklarna artiklar artikeln bài báo viết mention mentions mentioned brings bring up "
    "talks talk discusses discuss covers cover mentionne évoque parle cite question nämner nämns tar upp dyker nhắc "
    "đến đề cập nói".split()
)


def asks_site(question: str) -> bool:
    """Whether a question asks where its article was published: the site, the source, the link."""
    if _GIVEN_AS_SOURCE.search(question):
        return True
    text = _ON_ITS_WORD.sub(" ", question)
    return not _MENTIONS.search(text) and bool(_ASKS_SITE.search(text))


# the words that ask about an article rather than name its topic: the article, its author, its pictures, its
# publishing, its site, source, link or date ('Who wrote and photographed the article about…', 'Bài viết … do ai viết
# và chụp ảnh?')
# (of which the pieces and pictures are a topic too after 'about': 'the article about the year-end review')
_ASKING_OF_ARTICLE = (
    rf"{_AUTHOR}|{_PUBLISH}|{_SOURCE_WORDS}|{_LINK_WORDS}|viết|báo|tác giả|wrote|written|write|signed|photographed|"
    r"authored|écrit|écrite|signé|rédigé|skrev|skrivit|undertecknade|fotograferade|ký|chụp|website|web\s?site|site|"
    r"newspaper|outlet|domain|journal|webbplats|webbplatsen|sajt|tidning|tidningen|trang|web|date|datum|ngày|original|"
    r"originalet|gốc|står"
)
_ABOUT_ARTICLE = re.compile(
    rf"\b(?:{_PIECE}|{_ASKING_OF_ARTICLE}|articles|artiklarna|bài|photos?|pictures?|images?|bilderna|bilder|fotona|"
    r"ảnh)\b",
    re.IGNORECASE,
)
_ASKING_AFTER_ABOUT = re.compile(rf"\b(?:{_ASKING_OF_ARTICLE})\b", re.IGNORECASE)


_ABOUT = re.compile(r"\b(?:about|on|concerning|sur|concernant|om|kring|về)\s+", re.IGNORECASE)
_PUBLISHED_AFTER = re.compile(rf"\b(?:{_PUBLISH})\b", re.IGNORECASE)


def topic_of_article(question: str) -> str:
    """What a question about an article says the article is about: what follows 'about', 'sur', 'om', 'về' ('Who
    wrote the article about the year-end review in Ha Tinh?' -> 'the year-end review in Ha Tinh'), else the whole
    question; less the words that ask about the article ('Bài viết … do ai viết và chụp ảnh?', '… được đăng trên trang
    nào?')."""
    # the 'about' after the article: not 'Sur quel site…'
    piece = re.search(rf"\b(?:{_PIECE})\b", question, re.IGNORECASE)
    about = _ABOUT.search(question, piece.end() if piece else 0)
    if about is None:
        return _ABOUT_ARTICLE.sub(" ", question)
    # the topic ends where the question says when, where or by whom it was published ('the article about the new
    # airport published last week': 'last week' is no topic)
    topic = _PUBLISHED_AFTER.split(re.split(r"[,;?]", question[about.end() :])[0], maxsplit=1)[0]
    return _ASKING_AFTER_ABOUT.sub(" ", topic)


# the date a page gives a piece, the page its subject: 'What date does the Vietnam.vn page give for the Quang Nam
# story…?', 'Which date is the article dated?'
# (the article, a story or a piece, not a review conference)
_STORY = rf"{_ARTICLE}|story|piece|reportage|bài này|bài đó"
_DATED = (
    r"(?:\b(?:date|day)\s+(?:does|did|do|is|was)\s+(?:the\s+)?(?:[\w.'’]+\s+){0,3}(?:page|site|website|web\s?site)\s+"
    rf"(?:give|show|list|print|carry|display)\w*\s+(?:for|to|on)\s+{_OF_ITS}(?:{_STORY})\b|"
    rf"\b(?:date|day)\s+is\s+{_OF_ITS}(?:{_STORY})\s+dated\b|"
    # 'Quelle date la page … donne-t-elle à l'article…', 'Vilket datum anger sidan för artikeln…'
    rf"\bquelle\s+date\s+(?:la\s+page|le\s+site)\b[^?]{{0,60}}\b(?:donne|indique|affiche)\w*(?:-t)?(?:-elle|-il)?\s+"
    rf"(?:pour|à)\s+{_OF_ITS}(?:{_STORY})\b|"
    rf"\bvilket\s+datum\s+(?:anger|visar|har)\s+(?:sidan|webbplatsen|sajten)\b[^?]{{0,60}}\b(?:för|på)\s+"
    rf"{_OF_ITS}(?:{_STORY})\b)"
)
# a photo's credit asked without naming the article: 'Qui est crédité pour les photos de la remise…', 'Who is
# credited with the pictures…', 'Ảnh … do ai chụp?'
_CREDITED = (
    r"(?:credited|crédité|créditée|crédités|créditées|krediteras|krediterad|krediterade)\b[^?]{0,40}\b(?:photos?|"
    r"pictures?|images?|photographs?|bilder(?:na)?|bilden|foton?|fotona|fotot)|photo credits?|crédits? photos?|"
    r"fotokredit\w*|do ai chụp|ai (?:đã )?chụp"  # ('chụp' is to take a photograph)
    r"|là người chụp|người chụp (?:ảnh |bức ảnh )?(?:là|tên)"  # (not 'những người chụp ảnh lưu niệm', who posed)
)
ASKS_ARTICLE = re.compile(
    rf"(?=.*\b(?:{_ARTICLE})\b)(?:(?=.*\b(?:{_PUBLISHED})\b(?!\s+(?:article|interview)))"
    rf"(?=.*\b(?:when|quand|när|khi nào|bao giờ|{_YEAR_WORDS}|{_DATE_WORDS}|{_WHERE_PUBLISHED})\b)|"
    rf"(?=.*\b(?:{_AUTHOR})\b))|(?=.*{_WROTE})|(?=.*\bbylines?\b)|(?=.*{_DATED})|(?=.*\b(?:{_CREDITED})\b)|"
    # the author of a report, which is the article that reports it ('Who is credited as the author of the Ha Tinh
    # conference report?'); a piece's publication date ('Quang Nam piece on Vietnam.vn: day, month and year of
    # publication')
    rf"(?=.*{_REPORTS_AUTHOR})|(?=.*\b(?:{_STORY})\b)(?=.*\b(?:{_PUBLICATION})\b)",
    re.IGNORECASE | re.DOTALL,
)


def asks_of_article(question: str) -> bool:
    """Whether a question asks about the article itself: when it appeared, who wrote it, where it was published."""
    return bool(ASKS_ARTICLE.search(question)) or asks_site(question)


# a decision, a resolution, a decree the news tells of: published too, but not the article ('According to the Mo Cay
# Bac article, when was decision 781 published?', 'L'article sur Mo Cay Bac cite la décision 781 : quand a-t-elle été
# publiée ?')
_ISSUED = re.compile(
    r"\b(?:decisions?|décisions?|beslut(?:et)?|quyết định|resolutions?|résolutions?|resolution(?:en)?|nghị quyết|"
    r"decrees?|décrets?|dekret(?:et)?|nghị định|directives?|direktiv(?:et)?|chỉ thị)\b",
    re.IGNORECASE,
)


def asks_credit(question: str) -> bool:
    """Whether a question asks when its article was published or who wrote it, the article its subject ('When was the
    article about Mo Cay Bac published?'), not the authority for its news ('When was decision 781 published,
    according to the article?') nor the publisher of a decision it tells of."""
    return not _ISSUED.search(question) and bool(ASKS_ARTICLE.search(_ON_ITS_WORD.sub(" ", question)))


FULL_DATE = re.compile(
    r"\b\d{1,2}/\d{1,2}/(?:19|20)\d{2}\b|\b\d{1,2}(?:er)? (?:janvier|février|mars|avril|mai|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|"
    r"november|december) (?:19|20)\d{2}\b",
    re.IGNORECASE,
)
_MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januari|februari|april|maj|"
    "juni|juli|augusti|september|oktober|november|december"
)
# a day of a month, with its year when it follows: '22 janvier', 'den 22 januari' (the documents are in French and
# Swedish; English 'may' and 'march' are everyday words too)
DAY_MONTH = re.compile(rf"\b(?:0?[1-9]|[12]\d|3[01])(?:er)? (?:{_MONTHS})\b(?: (?:19|20)\d{{2}}\b)?", re.I)
_MONTH_NUMBERS = {
    **dict.fromkeys(("janvier", "januari", "january"), 1), **dict.fromkeys(("février", "februari", "february"), 2),
    **dict.fromkeys(("mars", "march"), 3), "avril": 4, "april": 4, **dict.fromkeys(("mai", "maj", "may"), 5),
    **dict.fromkeys(("juin", "juni", "june"), 6), **dict.fromkeys(("juillet", "juli", "july"), 7),
    **dict.fromkeys(("août", "augusti", "august"), 8), "septembre": 9, "september": 9,
    **dict.fromkeys(("octobre", "oktober", "october"), 10), "novembre": 11, "november": 11,
    **dict.fromkeys(("décembre", "december"), 12),
}  # fmt: skip
_YEAR_AFTER = r"(?:,?\s+(?:năm\s+)?((?:19|20)\d{2})\b)?"
# a day and its month, with the year when one follows: '8/12/2021', '8 décembre 2023', '13 March 2025', 'den 22
# januari', 'ngày 8 tháng 12 năm 2021' (not '781/QD'; a share's '1/3' reads as a day of no year, which no day asked
# with its year is compared with); English 'may' and 'march' only after a day's number
_DATES = re.compile(
    rf"(?<![\d/])(\d{{1,2}})/(\d{{1,2}})(?:/((?:19|20)\d{{2}}))?(?![\d/])"
    rf"|\b(\d{{1,2}})(?:er)?\s+({'|'.join(_MONTH_NUMBERS)})\b{_YEAR_AFTER}"
    rf"|\bngày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}}){_YEAR_AFTER}",
    re.IGNORECASE,
)


def dates(text: str) -> list[tuple[int, int, int | None]]:
    """The days a text names, as (day, month, year or None): a day's number before its month's, or before the month's
    name (not 'December 8, 2023' nor '08.12.2021', which neither the documents nor the questions seen write)."""
    out = []
    for m in _DATES.finditer(text):
        if m.group(1):
            day, month, year = m.group(1), m.group(2), m.group(3)
        elif m.group(4):
            day, month, year = m.group(4), str(_MONTH_NUMBERS[m.group(5).lower()]), m.group(6)
        else:
            day, month, year = m.group(7), m.group(8), m.group(9)
        if 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
            out.append((int(day), int(month), int(year) if year else None))
    return out


NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f.,]\d+)*")
# A question that asks what a figure it gives stands for: 'what does the figure 36,392 measure?', 'Vilka är de 4 899
# som nämns…', 'À quoi correspond le chiffre 5 099…', 'Con số 579… nói về điều gì?': only a sentence that gives that
# figure tells (its digits as one number, whatever separates their thousands: '36,392' is '36 392'), or fraction
# ('Vad står bråket 382/382 för…')
# (not 'What are the 3 breakthroughs…', which asks what they are, nor 'the 5 measures')
ASKS_FIGURE = re.compile(
    r"\b(?:figures?|numbers?|fraction|ratio|chiffres?|nombres?|siffran|siffrorna|talet|talen|bråket|"
    r"kvoten|con số|số liệu|phân số|tỷ số)\s+(?:(?:of|de|på)\s+)?\d|"
    r"\b(?:what|who|which|vilka|vad|que|qui|quoi)\s+(?:is|are|were|was|är|var|sont|est)\s+(?:the\s+|de\s+|les\s+)?"
    r"\d[\d \u00a0\u202f,.]*\s+(?:mentioned|named|given|som nämns|som anges|mentionnés|cités|cité)\b|"
    r"\d\s+(?:refers? to|stands? for|correspond\w*|représente\w*|désigne\w*|betyder|står för|avser|syftar på|"
    r"nói về|là gì)\b",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+(?![\d])|\d+")


_THOUSANDS = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:[ \u00a0\u202f,.]\d{3})+(?![.,]?\d)")


def joined_thousands(text: str) -> str:
    """A text with each number written in groups of thousands written whole ('4,450 homes', '3 172 maisons' -> '4450
    homes', '3172 maisons'), so that its count is one number and not '450' or '172' (not '0,035 %', a decimal)."""
    return _THOUSANDS.sub(lambda m: re.sub(r"\D", "", m.group()), text)


def figures(text: str) -> set[str]:
    """The numbers a text writes, their thousands' separators dropped ('36 392', '36,392' -> '36392'); not a year
    written as one ('2023', but '2 000' is a figure)."""
    found = {m.group() for m in _FIGURE.finditer(text)}
    return {re.sub(r"\D", "", n) for n in found if not re.fullmatch(r"(?:19|20)\d{2}", n)}


def asked_figures(question: str) -> set[str]:
    """The figures whose meaning a question asks (see ASKS_FIGURE), else none."""
    return figures(question) if ASKS_FIGURE.search(question) else set()


_WRITTEN = re.compile(
    r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+(?:[.,]\d+)?(?!\d)|(?<![\d.,])\d+(?:[.,]\d+)?(?!\d)"
)


def figures_written(text: str) -> set[str]:
    """The numbers a text writes, whole: thousands' separators dropped and a decimal comma read as a point ('36 392'
    and '36,392' are '36392', '2,1 millions' is '2.1', '5.640' is '5640'); not a year written as one."""
    out = set()
    for match in _WRITTEN.finditer(text):
        number = re.sub(r"[ \u00a0\u202f]", "", match.group())
        if re.fullmatch(r"(?:19|20)\d{2}", number):
            continue
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", number):  # '36,392', '5.640'
            out.add(re.sub(r"\D", "", number))
        elif decimal := re.fullmatch(r"(.*?)[.,](\d+)", number):  # '2,1', '1.234,5'
            out.add(re.sub(r"\D", "", decimal[1]) + "." + decimal[2])
        else:
            out.add(number)
    return out


def written_figures_asked(question: str) -> set[str]:
    """The whole figures whose meaning a question asks (see ASKS_FIGURE, `figures_written`), else none."""
    return figures_written(question) if ASKS_FIGURE.search(question) else set()


# An ordinal and what it orders: 'the third quarter', 'le 17e congrès', 'den 16:e kongressen', 'quý III', 'Đại hội
# lần thứ 16': 'the 16th congress' is not the 17th the documents hold, nor 'the third quarter' their first
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "premier": 1, "première": 1, "premiers": 1, "premières": 1, "deuxième": 2,
    "troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9,
    "dixième": 10, "första": 1, "tredje": 3, "fjärde": 4, "femte": 5, "sjätte": 6, "sjunde": 7,
    "åttonde": 8, "nionde": 9, "tionde": 10,
}  # fmt: skip
_VI_ORDINAL_WORDS = {
    "nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
    "mười": 10,
}  # fmt: skip
# (Swedish 'andra' is also 'other', 'vie' no Roman six: a Roman numeral is written in capitals and is not empty)
_ROMAN = r"(?-i:(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))"
ROMAN = re.compile(rf"{_ROMAN}(?<=\w\w)")  # a whole word of two letters or more ('XVII'; not 'I', 'V')
# (not a part of a compound: 'dix-septième' is not the 7th, 'twenty-first' not the 1st)
_ORDINAL_BEFORE = re.compile(
    rf"(?<![\w-])(?:(\d{{1,3}})(?:st|nd|rd|th|e|er|re|ère|ème|eme|:e|:a)|({_ROMAN})(?:e|ème)|"
    rf"({'|'.join(_ORDINAL_WORDS)}))(?![\w:-])",
    re.IGNORECASE,
)
# (not 'lần thứ mười hai', the twelfth, read as the tenth; nor 'mỗi quý một lần', once a quarter)
_ORDINAL_AFTER = re.compile(
    rf"\b(?:(lần\s+)?thứ|(quý))\s+(\d{{1,3}}|{_ROMAN}|{'|'.join(_VI_ORDINAL_WORDS)})(?!\w)"
    r"(?!\s+(?:lần|mốt|một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mươi)\b)",
    re.IGNORECASE,
)
ORDERED_WORDS = 2  # the words after an ordinal that name what it orders ('17e congrès national'); before it in
# Vietnamese, up to ORDERED_BEFORE ('Đại hội MTTQ Việt Nam lần thứ 16')
ORDERED_BEFORE = 5


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral ('XVII' -> 17)."""
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, c in enumerate(numeral.upper()):
        v = values[c]
        total += -v if i + 1 < len(numeral) and values[numeral[i + 1].upper()] > v else v
    return total


def ordinals(text: str) -> list[tuple[int, list[str]]]:
    """The ordinals a text gives, each with the words naming what it orders: (3, ['trimestre']) for 'à la fin du
    troisième trimestre', (16, ['đại', 'hội', 'mttq', 'việt', 'nam']) for 'Đại hội MTTQ Việt Nam lần thứ 16' (the
    first ORDERED_WORDS words after it, before a punctuation mark, function words aside; in Vietnamese up to
    ORDERED_BEFORE before it, or 'quý' itself); not a day of a month ('le 1er octobre')."""
    out = []
    for m in _ORDINAL_BEFORE.finditer(text):
        number, roman, word = m.groups()
        value = int(number) if number else roman_value(roman) if roman else _ORDINAL_WORDS[word.lower()]
        after = words(re.split(r"[^\w\s'’-]", text[m.end() :], maxsplit=1)[0])
        # what comes after the function words and the ordinals joined to it ('les 2e et 3e congrès', 'the 16th of')
        while after and (is_stopword(after[0]) or _ORDINAL_BEFORE.fullmatch(after[0])):
            after.pop(0)
        named = [w.lower() for w in after[:ORDERED_WORDS]]
        if named and named[0] not in _MONTH_NUMBERS:  # 'le 1er octobre', 'the 15th of October' are days
            out.append((value, named))
    for m in _ORDINAL_AFTER.finditer(text):
        said = m.group(3)
        value = int(said) if said.isdigit() else _VI_ORDINAL_WORDS.get(said.lower()) or roman_value(said)
        if m.group(2):
            out.append((value, [m.group(2).lower()]))
            continue
        before = re.split(r"[^\w\s'’-]", text[: m.start()])[-1]
        named = words(before)[-ORDERED_BEFORE:]
        if named:
            out.append((value, [w.lower() for w in named]))
    return out


# A short quoted name ('« 5 en 1 »', '"3 nej"'): the numbers in it name a team or a motto, they count nothing
_QUOTED_NAME = re.compile(r"«[^«»]{1,40}»|\"[^\"]{1,40}\"|“[^“”]{1,40}”")
NAME_WORDS = 4  # at most this many words in a quoted name; a longer quote is someone's words, and its numbers count


# a road named by its number, which counts nothing: 'la Ring Road 4', 'Vành đai 4', 'ringväg 4'
# (a name, so capitalised, but for Swedish, which writes 'ringväg 4'; not 'the road 12 households gave land for')
_NUMBERED_ROAD = re.compile(
    r"\b(?:Road|Route|Autoroute|Highway|Vành [Đđ]ai|Quốc [Ll]ộ|QL|[Rr]ingväg\w*|[Rr]ingled\w*|[Rr]iksväg|"
    r"[Mm]otorväg)\s+$"
)


def count_numbers(text: str) -> list[re.Match[str]]:
    """The numbers of a text that may count something: those outside a short quoted name, and not a road's."""
    names = [m.span() for m in _QUOTED_NAME.finditer(text) if len(words(m.group())) <= NAME_WORDS]
    return [
        m
        for m in NUMBER.finditer(text)
        if not any(a <= m.start() < b for a, b in names)
        and not _NUMBERED_ROAD.search(text[max(0, m.start() - 30) : m.start()])
    ]


# A small count in words, or a share of a group: 'dont quatre femmes', 'fyra av dem', 'hai đồng chí', 'a majority'
SMALL_COUNT = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|deux|trois|quatre|cinq|sept|huit|neuf|"
    r"dix|onze|douze|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|hai|bốn|sáu|bảy|tám|chín|mười|majority|"
    r"majorité|majoritet|majoriteten|half|moitié|hälften|đa số|một nửa)\b",
    re.IGNORECASE,
)
# A count said in words: 'des centaines de milliers de cadres', 'tusentals modeller', 'thousands of opinions'
NUMBER_WORDS = re.compile(
    r"\b(?:dizaines|centaines|milliers|millions|milliards|douzaines|tiotals|hundratals|tusentals|tiotusentals|"
    r"hundratusentals|miljontals|dozens|hundreds|thousands|millions|billions|hàng chục|hàng trăm|hàng nghìn|hàng ngàn|"
    r"hàng triệu)\b",
    re.IGNORECASE,
)
# 'How many gratitude houses…', 'combien de villages…', 'hur många invånare…', 'bao nhiêu căn nhà…': the words
# after it name what is counted
_COUNTING = re.compile(
    # ('combien étaient des abris syndicaux' counts shelters)
    r"\b(?:how many|number of|combien (?:(?:étaient|était|sont|ont été)\s+(?:des\b|d(?:e\b|['’]))|d(?:e\b|['’])|"
    r"(?=des\b))|"
    r"nombre d(?:es\b|e\b|['’])|hur många|antal|bao nhiêu|"
    r"mấy)\s*",
    re.IGNORECASE,
)
# a Vietnamese question that opens on 'the number of' ('Số nhà … là bao nhiêu?'), when its 'bao nhiêu' names
# nothing; not a word that starts with số ('số điện thoại', 'số hóa', 'số liệu', 'số quyết định')
_NUMBER_OF = re.compile(r"^\W*số(?:\s+lượng)?\s+(?!(?:điện|hóa|hoá|liệu|quyết)\b)(?=[^\W\d])", re.IGNORECASE)
# A count of part of something: 'how many of the standing committee's members', 'hur många av dem', 'combien
# d'entre eux', 'combien des membres'
_PARTITIVE = re.compile(r"^\s*(?:of|av|bland|parmi|d['’]entre|entre|des)\s", re.IGNORECASE)
# examples of what is counted: 'hur många exempel på modeller' counts the '2 100 modeller'
_EXAMPLES = re.compile(r"^\s*(?:examples? of|exemples? de|exempel på|ví dụ về)\s+", re.IGNORECASE)
_PRONOUNS = {"them", "they", "dem", "eux", "elles", "ils"}
_SUBJECT_ARTICLES = {"la", "le", "les", "l", "un", "une", "ce", "cette", "ces"}
_DETERMINERS = {"the", "these", "those", "de", "den", "det", "dessa", "les", "ces"}  # 'de' is also 'they'


def _names_a_group(rest: str) -> bool:
    """Whether a count of part of something names the group it counts in ('of the committee's members', 'av de nya
    ledamöterna'), not a pronoun for one named before ('of them', 'of those who', 'av de som')."""
    partitive = _PARTITIVE.match(rest)
    if partitive is None:
        return False
    after = [w.lower() for w in words(rest[partitive.end() :])[:2]]
    if not after or after[0] in _PRONOUNS:
        return False
    return after[0] not in _DETERMINERS or (len(after) > 1 and not is_stopword(after[1]))


_UNIT_WORDS = {"de", "d", "of", "av", "du", "des"}
# One thing, said in words: 'plus d'un hectare', 'a single team', 'ett hus', 'một ngôi nhà'
ONE = re.compile(r"\b(?:un|une|one|a single|ett|en enda|một)\b", re.IGNORECASE)
_QUOTED = re.compile(r"^\s*(?:'[^']*'|\"[^\"]*\"|«[^»]*»|“[^”]*”)")
# compared as written, lower-cased: folded, 'động' (labour) would be 'dong' and 'phân' (fertiliser) 'phan'; 'dong'
# as written is the currency ('how many billion dong')
MONEY_WORDS = {"money", "argent", "pengar", "tiền", "funds", "fonds", "budget", "dollars", "vnd", "vnđ", "đồng",
               "dong", "dongs"}  # fmt: skip
_PERCENT = {"percent", "procent", "pourcent", "phần", "trăm"}
PERCENT_SIGN = re.compile(r"%|\bpour ?cent\b|\bprocent\b|\bpercent\b|\bphần trăm\b", re.IGNORECASE)

# Units of measure a 'how many' may count, as the four languages write them, and what they measure: a quantity of
# land answers 'how many hectares' ('297 000 m2' is 29.7 ha), not '12 ménages' nor '36 392 mètres de clôtures'. The
# square metre comes before the metre, so that 'mètres carrés' is read as an area.
MEASURES = {
    "m2": ("area", r"m2|m²|(?:mètres?|met(?:er|re)s?) carrés?|square met(?:er|re)s?|kvadratmeter(?:n)?|mét vuông"),
    "ha": ("area", r"hectares?|ha|hektar(?:en)?|héc-ta|hecta"),
    "km": ("length", r"km|kilom(?:è|e)tres?|kilomet(?:er|re)s?|kilometer(?:n)?|ki-lô-mét|cây số"),
    "m": ("length", r"mètres?|met(?:er|re)s?|meter(?:n)?|mét|m"),
    "t": ("mass", r"tonnes?|tons?|ton(?:nen)?|tấn"),
    "kg": ("mass", r"kg|kilogrammes?|kilograms?|kilo(?:gram)?"),
    # a time counted: 'how many days did a course last' is not answered by '10 mål'
    "day": ("days", r"days?|jours?|journées?|dag|dagar|dagarna|ngày"),
    "month": ("months", r"months?|mois|månad|månader|månaderna|tháng"),
    "year": ("years", r"years?|ans|années?|år|åren|năm"),
}
_UNIT = {unit: re.compile(rf"^(?:{forms})$", re.IGNORECASE) for unit, (_, forms) in MEASURES.items()}
_SQUARE = {"square", "carré", "carrés", "vuông"}
_TIMES = {"days", "months", "years"}
# a number, a word of scale ('1,2 millions de'), the unit; or one unit in words ('plus d'un hectare')
_MEASURED = {
    unit: re.compile(
        rf"(?:\d|\b(?:un|une|one|ett|một))(?:[\d \u00a0\u202f.,]*\d)?\s*(?:[^\W\d_]+\s+)?(?:de |d'|of )?"
        rf"(?<![\w-])(?:{forms})(?![\w-])",
        re.IGNORECASE,
    )
    for unit, (_, forms) in MEASURES.items()
}


# A measure asked for without 'how many': 'What is the total length of the road', 'Et sur quelle surface ?', 'hur
# stor yta', 'diện tích bao nhiêu': a sentence that gives none (the road named, its length not) does not answer
ASKS_MEASURE = {
    "length": re.compile(
        r"\b(?:what (?:is|was) the (?:total )?length|what length|quelle (?:est la )?longueur|sur quelle longueur|"
        r"vilken längd|chiều dài\b[^,?]{0,40}\bbao nhiêu\s*(?:km|mét|m)?\s*\??$|"
        r"(?<!kéo )dài bao nhiêu\s*(?:km|mét|m)?\s*\??$)",
        re.IGNORECASE,
    ),
    # 'area' asked of land, not 'what area did the Front focus on' nor 'the area of cooperation'
    "area": re.compile(
        r"\b(?:what|how large|how big|how much)\b[^?]{0,30}\b(?:land )?area\b(?=\s*(?:\?|$|of land|in hectares|in "
        r"square)|[^?]{0,60}\b(?:plant(?:ed)?|cover(?:ed)?|cultivated|sown|donated|given)\b)"
        r"|\b(?:quelle (?:est la )?(?:surface|superficie)|sur quelle (?:surface|superficie)|hur stor (?:yta|areal)|"
        r"diện tích\b[^,?]{0,40}\bbao nhiêu\s*(?:m2|ha|héc-ta|mét vuông)?"
        r"\s*\??$|"
        # how much land: 'Hur mycket mark skänktes…' is answered by '297 000 m2 de terrain'
        r"how much land\b(?!\s+(?:tax|compensation|fees?|use|rent|prices?))|combien de (?:terrain|terres?)\b|"
        r"hur mycket (?:mark|jord)\b|bao nhiêu đất\b(?!\s*nước))",
        re.IGNORECASE,
    ),
    # how many live in a place: 'What is the population of…', 'Dân số tỉnh… là bao nhiêu', 'Hur många invånare har
    # Hanoi?'; not the people's role ('the population's role') nor those of them who did something ('how many
    # residents took part')
    "population": re.compile(
        r"\b(?:(?:what|how large|how big) (?:is|was) the population\b(?!['’])|"
        r"how many (?:inhabitants|residents|people) (?:does|do|did|live|lived|are there)\b|"
        r"quelle (?:est|était) la population\b(?!\s+(?:cible|concernée|visée))|"
        r"combien d['’]habitants (?:compte|comptait|a|avait|y a-t-il|vivent)\b|"
        r"hur stor (?:är |var )?befolkningen\b|befolkningsmängd\w*|hur många (?:invånare (?:har|hade|bor)|bor)\b|"
        r"dân số\b[^?]{0,40}\bbao nhiêu|bao nhiêu dân\s*\??$)",
        re.IGNORECASE,
    ),
}
# a population given: '1,2 million inhabitants', '8,5 miljoner invånare', '8 triệu dân', 'a population of 8.5
# million', 'dân số khoảng 1,5 triệu người' (not '54 dân tộc', '200 residents attended', 'la population de 12 villages')
_AMOUNT = r"\d[\d \u00a0\u202f.,]*"
_SCALED = r"\s*(?:million|millions|miljoner|triệu|nghìn|thousand|milliers)"
_POPULATION = re.compile(
    rf"{_AMOUNT}(?:{_SCALED})?\s*(?:de |d'|of )?(?:habitants|inhabitants|invånare)\b"
    rf"|{_AMOUNT}{_SCALED}\s*(?:de |d'|of )?(?:dân|người|personnes|people|människor)(?!\s*(?:tộc|quân|công))\b"
    rf"|\b(?:population|befolkning\w*|dân số)\s+(?:(?:of|de|d'|på|là|av|khoảng|hơn|environ|about|nearly|over|"
    rf"cirka|près de|plus de)\s+)*(?!(?:19|20)\d{{2}}\b)\d",
    re.IGNORECASE,
)


def asked_measure(question: str) -> str | None:
    """The measure a question asks for in so many words ('length', 'area'), when it does."""
    return next((m for m, pattern in ASKS_MEASURE.items() if pattern.search(question)), None)


_ROUGH_COUNTS = {"dizaines", "centaines", "tiotals", "hundratals", "tusentals"}  # tens, hundreds: a scale of sorts
# what joins a thing counted to another thing it belongs to: '12 ménages du village 2', '265 orphans in 5 provinces'
# (a bare 'de', 'of' says what kind of thing it is: '6 540 modèles de mobilisation de masse'; with an article, whose)
_OF = {"du", "des", "của", "in", "i", "dans", "trong"}
_OF_THE = ({"de", "of", "av"}, {"la", "l", "le", "les", "the"})


def head_of_count(ahead: list[str]) -> list[str]:
    """The words after a number that say what it counts, cut after the first when a word of belonging follows it:
    '12 ménages du village 2' counts households, not villages ('6 540 modèles de mobilisation' counts models of that
    kind); not after a scale or a unit ('1,2 millions de tonnes', '297 000 m2 de terrain', '104,3 milliards de VND')."""
    following = [w.lower() for w in ahead[1:3]]
    of_the = len(following) == 2 and following[0] in _OF_THE[0] and following[1] in _OF_THE[1]
    if len(ahead) < 2 or not (following[0] in _OF or of_the) or is_stopword(ahead[0]):
        return ahead
    first = ahead[0].lower()
    scale_or_unit = (
        first in SCALE_WORDS
        or first in _ROUGH_COUNTS
        or first in _UNIT_WORDS
        or CURRENCY.fullmatch(first) is not None
        or NUMBER_WORDS.fullmatch(first) is not None
        or any(pattern.match(first) for pattern in _UNIT.values())
    )
    return ahead if scale_or_unit else ahead[:1]


def measure_asked(asked: list[str]) -> str | None:
    """What a 'how many' measures, from the words it counts: 'hectares' or 'mètres carrés' -> 'area', 'meter' ->
    'length'; None when it counts things."""
    lowered = [w.lower() for w in asked]
    found = [unit for w in lowered for unit, pattern in _UNIT.items() if pattern.match(w)]
    # a time is counted only as the thing itself ('bao nhiêu năm', 'how many days', 'combien de millions de jours'):
    # a year after what is counted dates it ('bao nhiêu hộ nghèo năm 2023')
    first = next((w for w in lowered if w not in SCALE_WORDS), "")
    found = [u for u in found if MEASURES[u][0] not in _TIMES or _UNIT[u].match(first)]
    if not found:
        return None
    return "area" if found[0] == "m" and _SQUARE & set(lowered) else MEASURES[found[0]][0]


# An age, asked ('How old is…', 'quel âge', 'hur gammal', 'bao nhiêu tuổi') and given ('âgé de 52 ans', '52 år
# gammal', '52 tuổi', 'born in 1972', 'millénaire'): 'Il y a 15 ans' says how long ago, not how old
ASKS_AGE = re.compile(r"\b(?:how old|what age|quel âge|hur gammal|vilken ålder|bao nhiêu tuổi|mấy tuổi)\b", re.I)
_AGE = re.compile(
    r"\b(?:âgée? de \d+ ans|\d+ ans,? (?:âgée?|d'âge)|aged \d+|\d+ years? old|\d+ år gammal|\d+-årig\w*|\d+ tuổi|"
    r"née? (?:en|le)\b|born (?:in|on)\b|född\b|sinh năm|à l'âge de|at the age of|vid \d+ års ålder|"
    # and a thing's, in words: 'la tradition millénaire de Thang Long'
    r"millénaire|séculaire|centenaire|(?:thousand|hundred)-year|century-old|tusenårig\w*|hundraårig\w*|"
    r"(?:nghìn|ngàn|trăm) năm)",
    re.IGNORECASE,
)


def measured(text: str, measure: str) -> list[tuple[int, int]]:
    """Where the text gives a quantity of that measure, in order ('297 000 m2' is an area, 'un hectare' too); metres
    are not square metres."""
    if measure == "age":
        return [m.span() for m in _AGE.finditer(text)]
    if measure == "population":
        return [m.span() for m in _POPULATION.finditer(text)]
    spans = []
    for unit, (dimension, _) in MEASURES.items():
        if dimension == measure:
            for match in _MEASURED[unit].finditer(text):
                if unit != "m" or not _MEASURED["m2"].match(text, match.start()):
                    spans.append(match.span())
    return sorted(spans)


# what may stand before a quantity and belongs to it: 'plus d'un hectare', 'nearly 300 m2'
APPROXIMATELY = re.compile(
    r"\b(?:plus d'|plus de |près d'|près de |environ |more than |over |nearly |about |almost |över |nästan |cirka |"
    r"drygt |hơn |gần |khoảng )$",
    re.IGNORECASE,
)


def gives_measure(text: str, measure: str) -> bool:
    return bool(measured(text, measure))


# A verb's past forms right after 'how many' / 'hur många' ('ended', 'received'; 'registrerades', 'deltog' aside)
# ('skilled mass mobilization models' is a thing: an English -ed word is a verb before a particle or the end only)
_VERB_FIRST = {
    "how many": re.compile(
        r"\s*\w+(?<!e)ed(?:\s+(?:up|out|in|to|from|for|with|the|a|an|their|its)\b|\s*[?.,]|\s*$)", re.I
    ),
    "hur många": re.compile(r"\s*\w+des\b", re.IGNORECASE),  # a passive: 'registrerades', 'byggdes'
}


# A verb's past after what is counted ends it: 'how many houses needed…', 'hur många fall avslöjade grupperna'
_PAST = {"how many": re.compile(r"\w+(?<!e)ed", re.I), "hur många": re.compile(r"\w{3,}(?:ade|de|te|des)", re.I)}
# The irregular pasts and the verbs that no ending tells, which either rule reads too: 'how many took part', 'hur
# många deltog', 'bao nhiêu người tham gia' count those who did it, not a 'part' or a 'tham'
_VERBS = {
    "how many": {"took", "came", "got", "went", "were", "was", "gave", "made", "built", "won", "held", "saw", "became",
                 "brought", "spent", "set", "led", "met", "sent", "paid", "lost", "kept", "left", "found", "grew",
                 "rose", "fell", "began", "chose", "drew", "wrote", "sought", "bought", "taught", "are", "is", "have",
                 "has", "had", "did", "do", "does", "will", "would", "could", "can"},
    "hur många": {"tog", "kom", "fick", "gick", "var", "blev", "gav", "såg", "deltog", "drog", "fanns", "höll", "stod",
                  "låg", "satt", "lät", "gjorde", "är", "har", "hade", "finns", "kommer", "ska", "kan"},
    "bao nhiêu": {"tham", "nhận", "được", "đã", "đang", "sẽ", "có", "là"},
}  # fmt: skip


# every verb above, in any language: a word that says what was done, not what a thing is ('built', 'are', 'deltog')
COUNT_VERBS = frozenset(w for verbs in _VERBS.values() for w in verbs)
_AND = {"and", "och", "et", "và"}
CONJUNCTIONS = _AND | {"samt", "respektive"}  # 'i Ha Tinh respektive Quang Nam'


def counted(question: str) -> list[str]:
    """The words that say what a 'how many' question counts: up to three, until a function word ('gratitude houses'
    in 'How many gratitude houses did…') other than an 'and' that joins more words of it ('byggda och utvärderade
    modeller', 'districts and towns'), names and a quoted name left out ('teams' in 'how many neighbourhood
    Covid-19 teams', 'models' in "how many 'skilled mass mobilization' models"); none when it counts nothing named
    ('how much did it raise')."""
    match = _COUNTING.search(question)
    if match is None:
        return []
    out = _counted_after(question, match) or (
        _counted_after(question, opening) if (opening := _NUMBER_OF.match(question)) else []
    )
    # 'how many times did they patrol' counts patrols ('plus de 300 patrouilles'), not times; 'how many times
    # higher' asks for a multiple ('plus de 3 fois')
    if out[:1] and out[0] in _TIMES_WORDS and not _MULTIPLE.search(question):
        return []
    # 'combien de milliards de dongs': the scale, and the currency it counts in
    if out and SCALE.fullmatch(" ".join(out)) and (currency := _SCALE_OF.search(question)):
        out = [*out, currency.group(1)]
    # and the kinds it lists in brackets after them, which a count may name instead: 'combien d'unités
    # administratives de base (communes, quartiers, villes)' is answered by '579 communes, quartiers et villes'
    # or 'nombre de logements caritatifs (foulard rouge, abris syndicaux...)', by a few words each, its open end aside
    listed = re.search(rf"\b{re.escape(out[-1])}\b[^()?]{{0,30}}\(([^()\d]+)\)", question) if out else None
    kinds = [k.strip() for k in _LIST_BREAK.split(_OPEN_END.sub(" ", listed.group(1)))] if listed else []
    kinds = [k for k in kinds if k]
    if len(kinds) >= 2 and all(len(words(k)) <= KIND_WORDS for k in kinds):  # a list of kinds, a few words each
        out += [w for k in kinds for w in words(k) if w not in out and not is_stopword(w)]
    return out


# the words of scale after a number, by the scale they say ('1,2 millions', '104,3 milliards', 'hơn 3 nghìn'): a sum
# keeps its scale ('60 millions de VND' is no '60 dong')
SCALES = {
    1_000: ("thousand", "thousands", "millier", "milliers", "mille", "tusen", "nghìn", "ngàn"),
    1_000_000: ("million", "millions", "miljon", "miljoner", "triệu"),
    1_000_000_000: ("billion", "billions", "milliard", "milliards", "miljard", "miljarder", "tỷ", "tỉ"),
}
SCALE_WORDS = frozenset(w for said in SCALES.values() for w in said)
SCALE_PATTERN = "|".join(sorted(SCALE_WORDS, key=len, reverse=True))  # (the longest first)
SCALE = re.compile(rf"\b(?:{SCALE_PATTERN})\b", re.IGNORECASE)


def scale_of(text: str) -> int | None:
    """The scale a text says with a word of scale ('104,3 milliards' and 'tỷ': a thousand millions), if any; read
    unfolded, as 'tỷ' folds to the 'ty' of 'công ty'."""
    said = {w.lower() for w in words(unicodedata.normalize("NFC", text))}
    return next((scale for scale, named in SCALES.items() if said.intersection(named)), None)


_SCALE_OF = re.compile(r"\b(?:millions?|milliards?)\s+de\s+(dongs?|VND|VNĐ)\b", re.IGNORECASE)


_TIMES_WORDS = {"times", "fois", "gånger", "lần"}
_MULTIPLE = re.compile(
    r"\b(?:more|higher|larger|greater|bigger|increased?|rose|risen|grown|grew|doubled?|as (?:large|much|many|high)|"
    r"plus|augmenté\w*|multiplié\w*|mer|högre|större|fler|ökade?|ökat|steg|gấp|hơn|tăng)\b",
    re.IGNORECASE,
)


KIND_WORDS = 4  # words of each kind a question lists in brackets after what it counts
_OPEN_END = re.compile(r"\.\.\.|…|\betc\b\.?|\bosv\b\.?|\bv\.v\.?", re.IGNORECASE)  # '…', 'etc.', 'osv.', 'v.v.'
_LIST_BREAK = re.compile(r",|\b(?:and|et|och|và|or|ou|eller|hoặc)\b", re.IGNORECASE)
_ONLY = re.compile(r"^\s*(?:only|just|still|actually|in fact|seulement|uniquement|endast|bara|enbart|chỉ)\b", re.I)


def _counted_after(question: str, match: re.Match[str]) -> list[str]:
    """counted, from the words after a 'how many' (or 'số') found at `match`."""
    rest = _EXAMPLES.sub("", _QUOTED.sub(" ", question[match.end() :], count=1), count=1)
    rest = _ONLY.sub("", rest, count=1)  # 'how many only had their homes repaired': no 'only' is counted
    # a part of a group, which the answer may name otherwise: '6 av 11 kamrater' for 'hur många av de 11
    # ledamöterna', so what it counts is not judged
    if _PARTITIVE.match(rest):
        return []
    out: list[str] = []
    asking = match.group().strip().lower()
    verb, verbs, past = _VERB_FIRST.get(asking), _VERBS.get(asking, set()), _PAST.get(asking)
    rest = unicodedata.normalize("NFC", rest)
    spans = list(_WORD.finditer(rest))[:5]
    ahead = [m.group() for m in spans]
    if (verb is not None and verb.match(rest)) or (ahead and ahead[0].lower() in verbs):
        return []  # 'how many ended up building…', 'hur många registrerades', 'how many took part': no thing
    joined = False
    for i, token in enumerate(ahead):
        between = rest[spans[i - 1].end() : spans[i].start()] if i else ""
        if out and re.search(r"[,;:.?!()]", between):
            break  # 'how many incidents, such as property theft': the comma ends the thing counted
        if out and token.lower() in _AND and _leads_on(ahead[i + 1 :], past, between):
            joined = True  # 'byggda och utvärderade modeller': the words before the thing counted lead on to it
            continue
        verb_here = (past is not None and past.fullmatch(token)) or token.lower() in verbs
        # a French verb before its subject: 'combien de villages compte la commune'; not a plural's adjective, which
        # ends in s or x ('combien de maisons solidaires le district…')
        verb_here = verb_here or (
            i + 1 < len(ahead) and ahead[i + 1].lower() in _SUBJECT_ARTICLES and not token.lower().endswith(("s", "x"))
        )
        if is_stopword(token) or (out and not joined and verb_here):  # a verb
            break  # 'fall avslöjade', 'people took part'
        joined = False
        # a name counts nothing: 'neighbourhood Covid-19 teams'; a currency's code does: 'bao nhiêu tỷ VNĐ'
        if not (token[:1].isupper() or token.isdigit()) or CURRENCY.fullmatch(token):
            out.append(token.lower())
    return out[:3]


def _leads_on(after: list[str], past: re.Pattern[str] | None, between: str) -> bool:
    """Whether an 'and' after a counted word joins it to more words of the thing counted: not after a comma ('how
    many houses, and roads…'), nor before a function word ('and how many…') or a verb ('hus och byggdes det'); a
    past form is an adjective only before a further word ('byggda och utvärderade modeller')."""
    if not after or is_stopword(after[0]) or re.search(r"[,;:.?!]", between):
        return False
    if past is not None and past.fullmatch(after[0]):
        return len(after) > 1 and not is_stopword(after[1])
    return True


# The year a figure is compared with is not the year of the figure: 'plus de 3 fois par rapport à 2010',
# 'jämfört med 2010', 'so với năm 2010', 'compared with 2010'
BASE_YEAR = re.compile(
    r"\b(?:compared (?:to|with)|than(?: in)?|par rapport à(?: l'année)?|comparée? à|qu'en|jämfört med(?: år)?|"
    r"so với(?: năm| cùng kỳ năm)?)\s+(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
# The words that name a year: a follow-up that says only when ('Och i Ha Tinh år 2023?') asks of no new thing
YEAR_WORDS = frozenset({"year", "years", "année", "années", "an", "ans", "år", "året", "åren", "năm"})
# 'how many', asked with or without what it counts ('combien ont été enregistrés')
_ASKS_COUNT = re.compile(r"\b(?:how many|combien(?: de\b| d['’])?|hur många|bao nhiêu)\s*", re.IGNORECASE)


def counting_phrase(question: str) -> str:
    """'How many' with the words that say what it counts, as the question writes them: 'How many skilled mass
    mobilization models' of 'How many skilled mass mobilization models did Quang Nam build?' ('' when it names
    nothing counted)."""
    match = _COUNTING.search(question)
    if match is None or not counted(question):
        return ""
    end = match.end()
    if quoted := _QUOTED.match(question[end:]):
        end += quoted.end()
    last = 0
    for token in list(re.finditer(r"[\w'-]+", question[end:]))[:5]:
        if is_stopword(token.group()) or (last and token.group()[:1].isupper()):  # '…modèles Quang Nam a-t-il'
            break
        last = token.end()
    return question[match.start() : end + last].strip()


def same_count(first: str, part: str) -> str:
    """A later part of a question that asks 'how many' without saying of what counts what the first part counts:
    'How many models did Quang Nam build, and how many were registered in Hanoi?' asks 'how many models were
    registered in Hanoi?'."""
    match = _ASKS_COUNT.search(part)
    phrase = counting_phrase(first)
    if match is None or counted(part) or _names_a_group(part[match.end() :]) or not phrase:
        return part  # a part that counts part of a group it names: 'hur många av kommitténs ledamöter'
    if match.group()[:1].islower():  # as the part writes it
        phrase = phrase[0].lower() + phrase[1:]
    return f"{part[: match.start()]}{phrase} {part[match.end() :]}"


def counts_sum(asked: list[str]) -> bool:
    """Whether a question counts money ('bao nhiêu tiền') or a share ('bao nhiêu phần trăm'): things no dictionary
    matches, told in a sentence by their signs (VND, %)."""
    return bool({w.lower() for w in asked} & (MONEY_WORDS | _PERCENT))


# the members of a committee, and what these reports call them when they count them: '6 av 11 kamrater' (6 of its 11
# comrades) are members of the Front's standing committee
_MEMBERS = {"member", "members", "membre", "membres", "medlem", "medlemmar", "ledamot", "ledamöter", "ledamöterna",
            "viên"}  # fmt: skip
_COMRADES = re.compile(r"\b(?:comrades?|camarades?|kamrat(?:er|erna)?|đồng chí)\b", re.IGNORECASE)


# people, and what these reports count people as: '1 529 991 deltagare' are the people who took part, the police's
# '73 sujets' the individuals it dealt with
PEOPLE_WORDS = frozenset({
    "people", "persons", "person", "participants", "attendees", "individuals", "beneficiaries", "personnes",
    "personne", "habitants", "individus", "bénéficiaires", "personer", "deltagare", "människor", "invånare",
    "individer", "người",
})  # fmt: skip
# taking part, which counts people: 'how many took part', 'hur många deltog', 'combien ont participé'
_PARTAKING = (
    r"(?:took part|take part|taken part|participated|attended|deltog|deltagit|deltar|närvarade|participé|"
    r"participaient|participent|assisté|tham gia|tham dự)\b"
)
PARTAKE = re.compile(rf"\b{_PARTAKING}", re.IGNORECASE)
# dwellings, as the reports call them: '4 nouvelles maisons solidaires' are the 'habitations' a question counts
_HOMES = {"houses", "homes", "dwellings", "housing", "maisons", "logements", "habitations", "hus", "husen",
          "bostäder", "bostäderna", "hem", "hemmen", "nhà"}  # fmt: skip
# texts, as the reports call them: the party's '300 documents de direction' are the 'textes' a question counts
_TEXTS = {"texts", "text", "textes", "texte", "documents", "document", "dokument", "dokumenten", "texter",
          "texterna"}  # fmt: skip
# officials, as the reports call them: '358 689 kadrer' are the officials a question counts
_CADRES = {"officials", "cadres", "kadrer", "kadrerna", "funktionärer", "funktionärerna", "tjänstemän", "tjänstemännen",
           "fonctionnaires"}  # fmt: skip
# households, which these reports count apart from people: '104 ménages', '12 hộ', '1 200 hushåll'
_HOUSEHOLDS = frozenset({"households", "household", "ménages", "ménage", "foyers", "familles", "families", "hushåll",
                         "hushållen", "familjer", "hộ", "gia"})  # fmt: skip
# and what the reports and their translations also call them, families: 'bao nhiêu gia đình' is answered by '10 ont
# bénéficié de réparations' of '104 ménages'
_FAMILIES = _HOUSEHOLDS | {"foyer", "famille", "family", "familjerna", "familj", "đình"}
_SAME_THINGS = (_HOMES, _TEXTS, _CADRES, _FAMILIES)  # each, the words the reports and questions use for one thing
# a stretch of time, which 'combien de temps' counts: 'depuis combien de temps' is answered by '25 ans'
_DURATION = {"temps"}


def asks_people(question: str) -> bool:
    """Whether a 'how many' counts people: 'how many people', 'combien de personnes', or, naming nothing counted,
    those who took part ('hur många deltog i dem'; not 'how many districts took part')."""
    asked = {w.lower() for w in counted(question)}
    return bool(asked & PEOPLE_WORDS) or bool(not asked and _COUNT_PARTAKING.search(question))


# 'how many' right before taking part, its subject: 'how many took part', 'combien y ont participé', 'hur många
# deltog'; not 'how many times did the Front take part', 'combien de fois le Front a-t-il participé', 'tham gia giám sát
# bao nhiêu lần'
_COUNT_PARTAKING = re.compile(
    r"\b(?:how many|combien|hur många|bao nhiêu)\s+"
    # (of them, in all: 'How many of them took part?', 'Hur många av dem deltog?', 'Combien d'entre eux ont participé')
    r"(?:(?:of them|of those|in total|in all|av dem|totalt|sammanlagt|d['’]entre eux|var det som|người|đã)\s+)*"
    r"(?:(?:have|had|were|ont-ils|ont|y ont|avaient|har|hade)\s+)?(?:(?:totalt|in total|đã)\s+)?" + _PARTAKING,
    re.IGNORECASE,
)


def households(unit: str) -> bool:
    """Whether a number's unit is households ('ménages en difficulté', 'hộ nghèo')."""
    return next(iter(unit.lower().split()), "") in _HOUSEHOLDS


def people_unit(unit: str) -> bool:
    """Whether a number's unit counts people: '815 940 deltagare', '20 membres', the police's '73 sujets' (the
    individuals it dealt with), comrades ('6 đồng chí', '11 kamrater')."""
    first = next(iter(unit.lower().split()), "")
    return first in PEOPLE_WORDS or first in _MEMBERS or first == "sujets" or bool(_COMRADES.match(unit.strip()))


def gives_people(sentence: str) -> bool:
    """Whether a sentence counts people: '815 940 deltagare', '1 200 personnes'."""
    return any(people_unit(" ".join(unit_after(sentence[m.end() :]))) for m in count_numbers(sentence))


def counts(unit: str, asked: list[str]) -> bool:
    """Whether a number's unit is the money, the share, the members, the years or the people the question counts:
    '341,8 miljarder VND' for 'bao nhiêu tiền', '%' for 'bao nhiêu phần trăm', '6 av 11 kamrater' for 'how many
    members', '25 ans' for 'combien d'années' and 'depuis combien de temps', '1 529 991 deltagare' for 'combien de
    personnes', '4 nouvelles maisons' for 'combien d'habitations'."""
    asked_words = {w.lower() for w in asked}
    said = unit.lower().split()
    first = next(iter(said), "")
    return bool(
        (asked_words & MONEY_WORDS and CURRENCY.search(unit))
        or (asked_words & _PERCENT and PERCENT_SIGN.search(unit))
        or (asked_words & _MEMBERS and _COMRADES.search(unit))
        or (asked_words & YEAR_WORDS and first in YEAR_WORDS)
        # '20 membres' are people, and so are the comrades of '6 av 11 kamrater' ('bao nhiêu người trên tổng số 11')
        or (asked_words & PEOPLE_WORDS and (people_unit(unit) or bool(_COMRADES.search(unit))))
        or (asked_words & _DURATION and any(_UNIT[u].match(first) for u in ("day", "month", "year")))
        # '4 nouvelles maisons solidaires' for 'combien d'habitations'; not for 'tacksamhetshus' or 'nya hus', whose
        # other words must be matched; '300 documents de direction' for 'combien de textes', '358 689 kadrer' for
        # 'how many officials'
        or any(bool(asked_words) and asked_words <= same and bool(same.intersection(said[:3])) for same in _SAME_THINGS)
    )


def unit_after(after: str) -> list[str]:
    """The words after a number that say what it counts: '265 [orphelins] dans…', '104,3 [milliards de VND]'."""
    unit: list[str] = []
    for token in re.findall(r"[\w%'’-]+|[^\w\s«»“”\"]", after)[:6]:  # '26 000 « équipes »': quotes are skipped
        if not re.match(r"[\w%]", token) or (is_stopword(token) and token.lower() not in _UNIT_WORDS):
            break
        unit.append(token)
        if len([u for u in unit if u.lower() not in _UNIT_WORDS]) >= 3:
            break
    while unit and unit[-1].lower() in _UNIT_WORDS:
        unit.pop()
    return unit


NAME = re.compile(r"\b[A-ZĐ][\w'-]+(?:\s+[A-ZĐ][\w'-]+)+")
TIME = re.compile(
    r"\b(19|20)\d{2}\b|"  # a year, or a day and month after a word of dates ('le 13/3'; not the share '7/17')
    r"\b(?:ngày|le|du|au|den|on|the|từ|đến)\s+(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?![\d/])|"
    # a month as the French and Swedish texts write it, in lower case: 'Mai' in 'Nguyen Thi Mai Thuy' is a name
    r"\b((?-i:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januari|"
    r"februari|april|maj|juni|juli|augusti|september|oktober|november|december|tháng)|"
    r"(?-i:January|February|March|April|June|July|August|September|October|November|December)|"
    rf"trimestre|kvartal|quarter|{_OF_THE_YEAR})\b",
    re.IGNORECASE,
)


def asked_kind(question: str) -> str | None:
    """'number', 'person' or 'time' when the question asks for one, else None. A year, day or hour asked for before
    any number word decides ('In which year was the income three times…' asks for a time, 'vào ngày mấy' a day);
    otherwise a number comes first, then a person, then a time ('When the programme started, how many households…'
    asks for a number)."""
    number = ASKS_NUMBER.search(question)
    for asked in (ASKS_YEAR.search(question), ASKS_DAY.search(question), ASKS_CLOCK.search(question)):
        if asked and (number is None or asked.start() <= number.start()):  # 'vào ngày mấy' asks no count
            return "time"
    if number or asked_measure(question):  # 'Et sur quelle surface ?'
        return "number"
    if _asks(ASKS_PERSON, _RECIPIENT.sub(",", question)):
        return "person"
    if _asks(ASKS_TIME, question) and not _when_clause(question):
        return "time"
    return None


# whom something is for or goes to: a body or a group of people as often as a person ('à qui la simplification
# facilite-t-elle la vie' - 'les particuliers et les entreprises'; 'à qui ont-ils adressé des recommandations' - 'aux
# autorités compétentes'), so no name is asked for
# (not 'according to whom', 'thanks to whom', 'grâce à qui', 'à qui doit-on l'article' (whom it is owed to), which ask a
# person)
_RECIPIENT = re.compile(
    r"(?<!according )(?<!thanks )(?<!grâce )\b(?:à|pour|for|to|till|för)\s+(?:qui|whom|vem)\b"
    r"(?!\s+(?:doit-on|devons-nous)\s+(?:le|la|les|l['’]|ce|cet|cette|ces)\b)|\bcho ai\b",
    re.IGNORECASE,
)


def _when_clause(question: str) -> bool:
    """Whether the question opens with a 'when' clause and asks with another question word after its comma: 'When
    helping to shape new policies, what did the Front…' asks a thing, not a time."""
    match = re.match(r"\W*(?:when|quand|lorsque|när|khi)\b[^,;:?]*[,;:]\s*", question, re.IGNORECASE)
    # the question word right after the comma: not 'När, enligt artikeln, var konferensen?' ('var' is 'was' there)
    return match is not None and _CLAUSE_QUESTION.match(question, match.end()) is not None


_CLAUSE_QUESTION = re.compile(  # (after a preposition too: 'När distriktsfronten har sammanställt…, till vilken nivå…')
    rf"(?:(?:{_PREPOSITIONS}|to|of|in|at|on|de|dans|av|i|på|om)\s+)?"
    r"(?:how|what|who|which|where|why|comment|qu'|que|quel\w*|qui|où|combien|hur|vad|vem|vilk\w*|varför)\b",
    re.IGNORECASE,
)


QUESTION_WORD = re.compile(rf"\b(?:{QUESTION_WORDS})\b", re.IGNORECASE)


# words before a 'when' or 'who' that make it a clause of the question, not a question of its own: 'Vilka provinser
# samarbetade Hanoi med när marken röjdes?' asks for provinces ('and when?' still asks a time)
_CLAUSE_LEAD = re.compile(rf"[,;:]|\s*(?:{_PREPOSITIONS})\b", re.IGNORECASE)


def _asks(pattern: re.Pattern[str], question: str) -> bool:
    """Whether a 'who' or 'when' asks: one after a comma or a preposition does only when no question word comes
    before it ('According to the article, who…'; not 'Où commence la recherche, quand le Front les cherche ?'), or
    an 'and' does ('What was decided, and by whom?')."""
    for match in pattern.finditer(question):
        before = question[: match.start()]
        if not _CLAUSE_LEAD.match(match.group()) or not QUESTION_WORD.search(before) or _AND_THEN.search(before):
            return True
    return False


_AND_THEN = re.compile(r"(?:,|\b(?:and|but|et|mais|och|men|và))\s*$", re.IGNORECASE)  # '…, and by whom?'


# What the assistant says, in the question's language

LANGUAGE_NAMES = {
    "en": {"en": "English", "fr": "French", "sv": "Swedish", "vi": "Vietnamese"},
    "fr": {"en": "anglais", "fr": "français", "sv": "suédois", "vi": "vietnamien"},
    "sv": {"en": "engelska", "fr": "franska", "sv": "svenska", "vi": "vietnamesiska"},
    "vi": {"en": "tiếng Anh", "fr": "tiếng Pháp", "sv": "tiếng Thụy Điển", "vi": "tiếng Việt"},
}
PHRASES = {
    "en": {"found": "From the documents (quoted in {lang}):", "none": "The documents do not say.",
           "related": "Possibly related passages are listed below.", "direct": "Answer: {value}",
           "missing": "The documents do not say: {part}",
           "other_year": "The documents give this for {given}, not for {asked}:",
           "other_place": "The documents give this for {given}, not for {asked}:",
           "not_so": "No: the documents say otherwise.", "so": "Yes.",
           "premise": "The documents do not bear out what the question takes as given:",
           "furniture": "«{heading}» is part of the web page around the article (its menus and links to other "
           "articles), which is not indexed: the documents do not say what it holds."},
    "fr": {"found": "D'après les documents (cités en {lang}) :", "none": "Les documents ne le disent pas.",
           "related": "Des passages peut-être liés sont listés ci-dessous.", "direct": "Réponse : {value}",
           "missing": "Les documents ne disent pas : {part}",
           "other_year": "Les documents le donnent pour {given}, pas pour {asked} :",
           "other_place": "Les documents le donnent pour {given}, pas pour {asked} :",
           "not_so": "Non : les documents disent autre chose.", "so": "Oui.",
           "premise": "Les documents ne confirment pas ce que la question tient pour acquis :",
           "furniture": "« {heading} » fait partie de la page web autour de l'article (ses menus et ses liens vers "
           "d'autres articles), qui n'est pas indexée : les documents ne disent pas ce qu'elle contient."},
    "sv": {"found": "Enligt dokumenten (citerat på {lang}):", "none": "Dokumenten säger inget om det.",
           "related": "Möjligen relaterade stycken listas nedan.", "direct": "Svar: {value}",
           "missing": "Dokumenten säger inget om: {part}",
           "other_year": "Dokumenten anger detta för {given}, inte för {asked}:",
           "other_place": "Dokumenten anger detta för {given}, inte för {asked}:",
           "not_so": "Nej: dokumenten säger något annat.", "so": "Ja.",
           "premise": "Dokumenten bekräftar inte det som frågan tar för givet:",
           "furniture": "»{heading}» hör till webbsidan runt artikeln (dess menyer och länkar till andra artiklar), "
           "som inte är indexerad: dokumenten säger inget om vad den innehåller."},
    "vi": {"found": "Theo tài liệu (trích dẫn bằng {lang}):", "none": "Tài liệu không đề cập đến điều này.",
           "related": "Các đoạn có thể liên quan được liệt kê bên dưới.", "direct": "Trả lời: {value}",
           "missing": "Tài liệu không đề cập: {part}",
           "other_year": "Tài liệu nêu điều này cho năm {given}, không phải năm {asked}:",
           "other_place": "Tài liệu nêu điều này cho {given}, không phải {asked}:",
           "not_so": "Không: tài liệu nói khác.", "so": "Đúng.",
           "premise": "Tài liệu không xác nhận điều mà câu hỏi coi là đã biết:",
           "furniture": "«{heading}» thuộc trang web bao quanh bài viết (menu và liên kết đến các bài khác), phần "
           "này không được lập chỉ mục: tài liệu không cho biết nội dung của nó."},
}  # fmt: skip


UNSUPPORTED = (
    "I answer questions in English, French, Swedish and Vietnamese, and this question seems to be written in "
    "another language. Please ask it in one of those four."
)


def foreign_script(text: str) -> bool:
    """Whether most of a question's letters are of a script none of the four languages is written in (Chinese,
    Cyrillic, Arabic…): such a question gets the English reply UNSUPPORTED rather than a guess."""
    letters = [ch for ch in text if ch.isalpha()]
    foreign = sum(1 for ch in letters if not unicodedata.name(ch, "LATIN").startswith("LATIN"))
    return bool(letters) and foreign * 2 > len(letters)


FOREIGN_SURE = 0.9  # the identifier's probability for another language: none of the 475 eval questions reaches it
FOREIGN_WORDS = 4  # words at least: a short question or a name alone is too little to tell


def foreign_language(text: str) -> bool:
    """Whether a question is written in a language none of the four is (Chinese, Russian, German, Finnish…): another
    script, or Latin letters that the language identifier, given every language it knows, puts in another one with
    near certainty ('Wie viele Häuser wurden in Hanoi gebaut?')."""
    if foreign_script(text):
        return True
    if len(words(text)) < FOREIGN_WORDS:
        return False
    language, probability = _identifier().classify(text)
    return language not in QUESTION_LANGUAGES and probability >= FOREIGN_SURE


def answer_language(language: str) -> str:
    """The language the assistant replies in: the question's, or English when it has no phrases for it."""
    return language if language in PHRASES else "en"


def phrase(language: str, key: str, **values: str) -> str:
    return PHRASES[answer_language(language)][key].format(**values)


def language_name(code: str, in_language: str) -> str:
    return LANGUAGE_NAMES[answer_language(in_language)].get(code, code)


# Bylines: what a page says of its article rather than of the news

DATELINE = re.compile(r"(?<!\d)(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})$")  # 'Site17/10/2024'
_SENTENCE_END = re.compile(r"[.!?;:»\"]\s*$")
_CREDIT = re.compile(  # a credit word, then a name: 'Article et photos : P. Tuyet', 'Bài và ảnh: Nguyễn Văn A'
    r"^(?i:article|texte?|photos?|foto|bild|bài|ảnh)\b[^:\n]{0,30}:\s*[A-ZĐ][\w.'-]*(?:\s+[A-ZĐ][\w.'-]*){0,3}$"
)
_LONE_NAME = re.compile(r"^[A-ZĐ][\w.'-]*(?:\s+[A-ZĐ][\w.'-]*){1,3}$")
# the page's credit of where it took the article from: 'Source : https://kinhtedothi.vn/….html', 'Källa: …', or the
# word alone under the author's name ('Kieu Minh', then 'Source')
SOURCE_LINE = re.compile(rf"^(?:{_SOURCE_WORDS})\s*:?\s*(?P<url>https?://\S+)?\s*$", re.IGNORECASE)


_LINK = re.compile(r"https?://(?:www\.)?([^/?#\s]+?)(?:[/?#]\S*?)?(?=[.,;:!?)»\"']*(?:\s|$))")  # not its last stop


def sites_of_links(text: str) -> str:
    """The text with each link written as its site ('kinhtedothi.vn'): the words of a link's path are Vietnamese
    without their accents ('…/giai-phap-nang-cao-chat-luong-hoat-dong-mat-tran….html'), which the folded words of
    any Vietnamese question would match."""
    return _LINK.sub(r"\1", text)


# a person's name: a family name, then two or three capitalised words ('Nguyen Hai Ha'; not 'Ha Tinh')
_SURNAME_RUN = (
    "(?:" + "|".join(sorted({n.capitalize() for n in SURNAMES}, key=len, reverse=True)) + r")(?:\s+[A-ZĐ][\w'-]+){2,3}"
)
# a question that asks whether a claim holds: 'Is it true that…', 'Est-il vrai que…', 'Stämmer det att…', 'Có đúng
# là…', '…, đúng không?'; its numbers are the claim's, which the documents may give otherwise
VERIFIES = re.compile(
    r"^\W*(?:is it (?:true|correct|right|the case) that|est-il (?:vrai|exact|juste) qu(?:e\b|')|"
    r"est-ce (?:vrai|exact) qu(?:e\b|')|"
    r"(?:stämmer|gäller) det att|är det (?:sant|riktigt|korrekt|rätt) att|có (?:đúng|phải|thật) (?:là|rằng))\b|"
    r",?\s*(?:có\s+)?(?:đúng|phải)\s+không\s*\??\s*$|^\W*có phải\b(?=.*\bkhông\s*\?\s*$)|"
    r"^\W*(?:(?:was|is|were|are|var|gällde|är) (?:that|this|it|those|these|det|den|detta|siffran)|était-ce|"
    r"c'était|est-ce(?: cela| ça)?)(?: \w+){0,2} (?:for|in|from|during|pour|en|för|år|under|i) (?:19|20)\d\d\s*\?|"
    r",\s*(?:n'est-ce pas|eller hur|stämmer det|right|isn't it)\s*\?\s*$|"
    # or an English tag question: '…two years ahead of schedule, doesn't it?', '…, didn't they?', '…, is that right?'
    r",\s*(?:(?:does|did|do|is|was|were|are|has|have|had)n['’]t\s+(?:it|they|he|she|that|there)|"
    r"is that (?:right|correct|so))\s*\?\s*$|"
    # a belief stated at the end: '…, as I had assumed?', '…, comme je le pensais ?', '…, som jag trodde?'
    r",?\s*(?:as I (?:had )?(?:assumed|thought|believed|understood)|comme je (?:le )?(?:pensais|croyais|supposais)|"
    r"som jag (?:trodde|antog)|như tôi (?:nghĩ|tưởng))\s*\?\s*$|"
    # whether a person named holds a post, or which thing it was, asked as yes or no: 'Är Nguyen Hai Ha… vice
    # ordförande…?', 'Var det Ring Road 3-projektet som…?' (not a choice: '…, eller ett annat belopp?')
    rf"^(?!.*\b(?:or|eller|ou|hay|hoặc)\b)\W*(?:is|was|är|var)\s+(?-i:{_SURNAME_RUN})\b|"
    r"^(?!.*\b(?:or|eller|ou|hay|hoặc)\b)\W*(?:was it|var det|était-ce)\s+(?!(?:många|någon|några|fler)\b)"
    r".{3,80}?\s+(?:that|som|qui|que)\b",
    re.IGNORECASE,
)
# a claim the user reports before asking whether it holds: 'I read that…', 'Someone told me…', 'My notes say…',
# 'J'ai cru comprendre que…', 'On m'a dit que…', 'Jag har hört att…', 'Nghe nói…', 'Tôi đọc thấy…'
_CLAIM_OPENING = re.compile(
    r"^\W*(?:(?:I(?:'ve| have)?|we(?:'ve| have)?)\s+(?:(?:read|seen|noted|understood|understand|remember|recall)"
    r"(?:\s+somewhere)?\s+that|(?:heard|been told|was told|were told)(?:\s+somewhere)?(?!\s+(?:about|of|to)\b))|"
    r"someone (?:told|tells) me|"
    r"(?:people|they) (?:say|said|told me)(?: that)?|my notes (?:say|said|have it)(?: that)?|according to my notes,?|"
    r"it (?:is|was) said that|apparently,?|"
    r"j'ai (?:lu|entendu(?: dire)?|cru comprendre|noté|vu|retenu)(?: quelque part)? qu(?:e|')|"
    r"on m'a (?:dit|affirmé|raconté)|on (?:dit|raconte)|il paraît|quelqu'un m'a dit|d'après mes notes,?|"
    r"selon mes notes,?|jag (?:har )?(?:läst|sett|noterat|förstått) att|jag (?:har )?hört(?! om\b)|jag har för mig|"
    r"någon (?:har )?(?:sa|sagt|berättade)(?: för mig)?|"
    r"det sägs|enligt (?:mina anteckningar|vad jag (?:har )?(?:hört|läst|förstått)),?|"
    r"(?:tôi )?(?:nghe nói|nghe đâu|nghe bảo|đọc thấy)|có (?:người|ai) (?:nói|bảo|kể)|"
    r"có tài liệu (?:ghi|nói|viết)|theo ghi chép của tôi,?)\s*(?:(?:that|que|qu'|att|là|rằng)\s*)?(?=\S)",
    re.IGNORECASE,
)
# a closing question that asks only whether what comes before holds: 'Is that the right figure?', 'Are the number and
# the date right?', 'Is that actually his post?', 'C'est bien ça ?', 'Est-ce juste ?', 'Stämmer siffran?', 'Är det
# korrekt?', 'Con số đó đúng chứ?', 'Có chính xác không?'
_CONFIRMING = re.compile(
    r"^\W*(?:(?:is|are|was|were)\s+(?:that|this|it|these|those|they|the\s+\w+(?:\s+and\s+the\s+\w+)?)\s+"
    r"(?:\w+\s+){0,3}?(?:(?:right|correct|true|accurate|exact)(?:\s+(?:figure|number|date|year|name|amount|one))?|so|"
    r"the case|(?:his|her|their)\s+(?:post|role|title|job|position))|"
    r"(?:am i|is that) right|right|correct|true|does that (?:match|hold)(?:\s+\w+){0,3}|"
    r"(?:est-ce|c'est|est-ce que c'est)\s+(?:bien\s+)?(?:ça|juste|exact|vrai|correct|le cas|"
    r"(?:le|la)\s+bon(?:ne)?\s+\w+|(?:lui|elle|eux)(?:\s+(?:le|la|les)\s+\w+)?)|"
    r"ai-je raison|vrai|exact|juste|"
    r"(?:stämmer|gäller)\s+(?:det|detta|den|siffran|uppgiften|antalet|årtalet)(?:\s+\w+){0,3}|"
    r"är\s+(?:det|detta|den|siffran|uppgiften)\s+(?:\w+\s+)?(?:korrekt|rätt|sant|riktigt)(?:\s+\w+)?|har jag rätt|"
    r"(?:(?:con số|thông tin|điều|chuyện|số liệu)\s+(?:đó|ấy|này)\s+)?(?:có\s+)?(?:đúng|chính xác)\s+"
    r"(?:(?:vậy|thế)\s+)?(?:không|chứ|chưa)|có (?:đúng|chính xác|phải) (?:vậy |thế )?không|phải không)\W*$",
    re.IGNORECASE,
)
_ASK_CLAIM = {"en": "Is it true that {claim}?", "fr": "Est-il vrai que {claim} ?", "sv": "Stämmer det att {claim}?",
              "vi": "Có đúng là {claim} không?"}  # fmt: skip


# a guess after a question of its own: ', is it Big C?', ', có phải Big C không?' (not a qualifier of the question:
# ', was it in Hanoi?', ', is it more than in 2022?', nor French 'est-ce que…', which asks on)
_GUESS = re.compile(
    r",\s*(?:có phải(?: là)?|is it|was it|c'est|est-ce(?!\s+qu)|är det|var det)\s+"
    r"(?!(?:in|at|on|during|than|more|less|fewer|en|à|au|dans|pendant|plus|moins|i|på|under|än|fler|färre|ở|trong|"
    r"hơn|vào)\b)[^,?]{1,40}?\s*(?:không\s*)?\?\s*$",
    re.IGNORECASE,
)
# the closing question: after the last stop (not sentencex's sentences: 'ut. Är det korrekt?' stays one)
_CLOSING = re.compile(r"^(.*?[.!;…])\s+([^.!?;…]+\?)\s*$", re.DOTALL)
# a closing question that asks the claim's figure again: 'Quel numéro lui donne l'entretien ?', 'How many were
# there?'
_ASKS_FIGURE_AGAIN = re.compile(
    r"\b(?:how many|how much|what number|which number|what figure|which figure|combien|quel (?:numéro|nombre|chiffre)|"
    r"hur många|hur mycket|vilket (?:nummer|antal)|vilken siffra|bao nhiêu|số mấy|mấy|con số nào)\b",
    re.IGNORECASE,
)


# the words of a closing question that ask nothing of their own: where the figure is asked from ('Quel numéro lui
# donne l'entretien ?', 'Bài báo nói bao nhiêu?'), the figure itself, what the claim may have wrong ('actually',
# 'réellement', 'thực tế'), and the place it is of, named as a place ('the city', 'la province', 'tỉnh')
_ASKS_NOTHING_OWN = frozenset(
    "article report interview text document documents piece story say says said give gives given write writes written "
    "state states mention mentions figure number entretien rapport texte dit disent donne donnent indique écrit "
    "mentionne chiffre nombre artikeln rapporten intervjun texten dokumentet dokumenten säger anger skriver ger nämner "
    "siffra siffran antal antalet bài báo viết cáo tài liệu nói ghi đưa ra cho biết con số "
    "actually really truly indeed réellement vraiment effectivement egentligen faktiskt verkligen thực tế sự thật "
    "city province district commune village ville stad staden provinsen distriktet kommunen tỉnh thành phố huyện xã "
    "thôn such sådana sådan tels telles fanns finns existe existent existait".split()
)
FIGURE_ASKED_WORDS = 3  # words of its own (not the claim's) by which a closing question asks of another thing
# and by which it takes the claim as given, to be declined when the documents gainsay it ('…9.000 mô hình…; tỉnh đã
# chọn ra bao nhiêu mô hình tiêu biểu?'): a claim borne out is asked about with fewer (`as_claim`), and the reply
# quotes the sentence that gives it, which often gives the other figure too ('dont 94… et 10 ont bénéficié de
# réparations')
PREMISE_WORDS = 2
_STEM = 5  # letters two words share to be one word told apart by its ending: 'register', 'registered'


def _own_asked(claim: str, closing: str) -> int:
    """How many words a closing question asks of its own: neither the claim's (by their first letters: 'construits'
    is the claim's 'construit') nor `_ASKS_NOTHING_OWN`; Vietnamese syllables two to a word."""
    said = {fold(w)[:_STEM] for w in content_words(claim)}
    rest = _ASKS_FIGURE_AGAIN.sub(" ", closing)
    own = [w for w in content_words(rest) if fold(w)[:_STEM] not in said and w.lower() not in _ASKS_NOTHING_OWN]
    vietnamese = _VIETNAMESE_LETTERS.search(unicodedata.normalize("NFC", closing))
    syllables = vietnamese and all(len(w) <= VI_SYLLABLE for w in own)
    return (len(own) + 1) // 2 if syllables else len(own)


VI_SYLLABLE = 7  # letters at most of a Vietnamese syllable ('nghiêng')


def _asks_more(claim: str, closing: str, opened: bool, own: int = FIGURE_ASKED_WORDS) -> bool:
    """Whether the closing question after a reported claim asks more than whether the claim holds: not when it asks
    only that ('Is that the right figure?'), nor when it asks the claim's figure again with fewer than
    `own` words of its own (`_own_asked`: 'J'ai entendu dire que Yagi était la tempête n° 5. Quel numéro
    lui donne l'entretien ?', 'How many models did the city actually register?'); it does when it asks of another
    thing ('I read that the Front built 40 houses. Who paid for them?', '…8.000 mô hình dân vận khéo…; từ đó tỉnh lựa
    chọn bao nhiêu mô hình tiêu biểu để nhân rộng?')."""
    if _CONFIRMING.match(closing):
        return False
    figure = _ASKS_FIGURE_AGAIN.search(closing)
    if not (opened and figure and re.search(r"\d", claim)):
        return True
    return _own_asked(claim, closing) >= own


def reported_premise(question: str, language: str) -> str | None:
    """The claim a user reports before a question of its own that takes it as given, as the question whether it
    holds, when it gives a number or a year to check ('Nghe nói Quảng Nam có tới 8.000 mô hình…; từ đó tỉnh lựa chọn
    bao nhiêu mô hình tiêu biểu…?' → 'Có đúng là Quảng Nam có tới 8.000 mô hình… không?'); None for any other
    question (`as_claim` reads a claim asked about alone). The closing question asks with a question word (not 'Does
    the article confirm that?') and takes the claim up, by what its number counts ('mô hình') or a word pointing back
    ('them', 'từ đó'): 'Vem är ordförande för stadens front?' after a claim of houses the front built asks of
    something else."""
    claim, closing, opened = _reported(question.strip())
    if not (closing and opened) or not claim or "?" in claim or not re.search(r"\d", claim) or not _asks_own(closing):
        return None
    if not _asks_more(claim, closing, True, PREMISE_WORDS):
        return None
    # (what the claim's numbers count: 'mô hình' of '8.000 mô hình', not 'front' of 'Hanois front byggde 6 000 hus')
    things = {fold(w)[:_STEM] for m in re.finditer(r"\d+", claim) for w in unit_after(claim[m.end() :])[:2]}
    shared = any(fold(w)[:_STEM] in things for w in content_words(closing))
    return _claim_question(claim, language) if shared or _TAKES_UP.search(closing) else None


# a closing question's word that points back at the claim: 'Who paid for them?', 'Parmi eux, combien…', 'từ đó', 'av
# dessa' (not French 'en', 'de' nor English 'it', which most questions hold for other things)
_TAKES_UP = re.compile(
    r"\b(?:them|they|those|these|from that|eux|ceux-ci|celles-ci|dem|dessa|därav|từ đó|trong đó|số đó|chúng)\b",
    re.IGNORECASE,
)


def _reported(question: str) -> tuple[str, str, bool]:
    """A question read as a claim and what follows it: (the claim, without an opening that reports it; the closing
    question after its last stop, or ''; whether such an opening reports it: 'I read that…', 'Nghe nói…')."""
    split = _CLOSING.match(question)
    body, closing = (split.group(1), split.group(2)) if split else (question, "")
    opened = _CLAIM_OPENING.match(body)
    return body[opened.end() if opened else 0 :].strip().rstrip(".;:!?… "), closing, opened is not None


def _claim_question(claim: str, language: str) -> str:
    """A claim asked as the question whether it holds (`_ASK_CLAIM`)."""
    template = _ASK_CLAIM.get(language, _ASK_CLAIM["en"])
    if language == "fr" and re.match(r"[aeiouhàâéèêëîïôûü]", claim, re.IGNORECASE):
        template = template.replace("que {claim}", "qu'{claim}")
    return template.format(claim=claim)


def question_mark(language: str) -> str:
    """The question mark as a language writes it: French sets it apart (' ?')."""
    return " ?" if language == "fr" else "?"


def _asks_own(text: str) -> bool:
    """Whether a text asks a question of its own: a question word, or a 'which' ('nào', 'quel')."""
    return bool(QUESTION_WORD.search(text) or ASKS_WHAT.search(text))


_CAPITALISED_RUN = r"[A-ZÀ-ÝĐ][\w'-]*(?:\s+[A-ZÀ-ÝĐ][\w'-]*){1,3}"  # two to four capitalised words: a name
# whether a person named did a thing, asked as a cleft: 'Var det Le Ngoc Chau som ledde konferensen i Ha Tinh?', 'Was
# it Tran Van Ky who chaired the conference?', 'Est-ce Pham Anh Tuan qui préside le Comité du Front de Hanoi, avec…?'
_CLEFT_PERSON = re.compile(
    r"^\W*(?i:was it|is it|var det|är det|était-ce|est-ce|c['’]est)\s+"
    # (the post it gives them first, which the claim may have wrong: 'Was it the chair of the provincial People's
    # Council, Le Ngoc Chau, who…')
    # (written in lower case: 'Le Ngoc Chau' opens on a name)
    r"(?P<post>(?:(?:the|le|la|den|det)\s+|l['’]|(?:ordförande|chair|vice-)\b)[^,?]{3,80}?,\s+)?"
    rf"(?P<person>{_CAPITALISED_RUN})(?(post),?)\s+(?i:who|that|som|qui)\s+"
    # (a subject after it makes the person its object: 'Was it Tran Van Ky that the conference elected?')
    # (the French 'qui a présidé' has its verb's 'a')
    r"(?!(?i:the|a(?<!qui\sa)|an|le|la|les|l['’]|un|une|den|det|de|han|hon|il|elle|on|they|he|she)\b)"
    # (to a comma that adds another claim: ', avec Nguyen Lan Huong comme adjointe')
    r"(?P<rest>[^?]+?)\s*(?:,\s*(?i:with|and|avec|et|med|och|together)\b[^?]*)?\?\s*$"
)
_ASK_WHO = {"en": "Who {}?", "fr": "Qui {} ?", "sv": "Vem {}?"}


def cleft_person(question: str, language: str) -> tuple[str, str] | None:
    """The name a cleft question asks about and the question who did what it says (`_CLEFT_PERSON`): ('Le Ngoc Chau',
    'Vem ledde konferensen i Ha Tinh?'); None for any other question (whether the name is a person's is the
    caller's to tell)."""
    match = _CLEFT_PERSON.match(question.strip())
    if match is None or language not in _ASK_WHO:
        return None
    return match.group("person"), _ASK_WHO[language].format(match.group("rest"))


def cleft_post(question: str) -> str | None:
    """The post a cleft question gives the person it names ('the chair of the provincial People's Council' of 'Was it
    the chair of the provincial People's Council, Le Ngoc Chau, who…'), which the claim may have wrong; else None."""
    match = _CLEFT_PERSON.match(question.strip())
    return match.group("post").strip(" ,") if match and match.group("post") else None


# who a person named is, which their post tells: 'Who is Do Anh Tuan?', 'Qui est Nguyen Hai Ha ?', 'Vem är Pham Anh
# Tuan?', 'Đỗ Anh Tuấn là ai?' (not another person the sentence names: 'Président Ho Chi Minh')
_WHO_IS = re.compile(
    rf"^\W*(?i:who\s+is|who['’]s|who\s+was|qui\s+est|qui\s+était|vem\s+är|vem\s+var)\s+(?:{HONORIFIC}\s+)?"
    rf"(?P<a>{_CAPITALISED_RUN})\s*\??\s*$|"
    rf"^\W*(?:{HONORIFIC}\s+)?(?P<b>{_CAPITALISED_RUN})\s+(?i:là|la)\s+ai\s*\??\s*$"
)
ASK_POST = {"en": "What post does {} hold?", "fr": "Quel poste occupe {} ?", "sv": "Vilken befattning har {}?",
             "vi": "{} giữ chức vụ gì?"}  # fmt: skip


def who_is(question: str) -> str | None:
    """The name a 'who is' question asks about (`_WHO_IS`: 'Who is Do Anh Tuan?'), whose post tells who they are;
    None for any other question (whether the name is a person's is the caller's to tell)."""
    match = _WHO_IS.match(question.strip())
    return (match.group("a") or match.group("b")) if match else None


def asks_yes_or_no(question: str) -> bool:
    """Whether a question asks yes or no: it closes on a question mark and has no question word of its own ('La
    résolution n° 35 énonce-t-elle cinq tâches ?', 'Startade teamet 2021?', '… - is that the target the article
    gives?'), nor a choice ('… or …')."""
    # (the last question of a text that carries an earlier turn or names after it: 'Which district…? And…? Tam Thang')
    asked = [t for t in re.split(r"(?<=\?)\s+", question.strip()) if t.endswith("?")]
    if not asked or _asks_own(asked[-1]) or _NOT_YES_OR_NO.search(asked[-1]):
        return False
    last = OR_NOT.sub(" ", asked[-1])  # ('…có nêu 5 nhiệm vụ hay không?', '…, or not?' ask yes or no)
    opening = YES_OR_NO.search(last.strip()) or _YES_OR_NO_OPENING.search(last)
    return bool(opening or _CLOSING_TAG.search(last)) and not _CHOICE.search(last)


_CHOICE = re.compile(r"\b(?:or|ou|eller|hay|hoặc)\b", re.IGNORECASE)
# 'or not' after a yes-or-no question, which asks no choice: '…, or not?', '…có nêu 5 nhiệm vụ hay không?'
OR_NOT = re.compile(r",?\s*\b(?:or not|ou non|ou pas|eller inte|eller ej|hay không|hay chưa)\b", re.IGNORECASE)
# what asks on although no question word does: why, which of them, whose, how, a list asked for
_NOT_YES_OR_NO = re.compile(
    r"\b(?:pourquoi|varför|tại sao|vì sao|lequel|laquelle|lesquels|lesquelles|whom|whose|ra sao|thế nào|thì sao|"
    r"name|list|nêu|kể|citez|nommez|nämn|ange)\b",
    re.IGNORECASE,
)
# a clause that asks yes or no: French inverts its subject ('…ont-ils été achevés à temps', '…a-t-il pu démarrer'),
# English opens on an auxiliary ('did the work start…'), Vietnamese closes on 'không' or 'chưa'
YES_OR_NO = re.compile(
    r"\w-(?:t-)?(?:il|elle|ils|elles|on)\b|^(?:did|does|do|was|were|is|are|has|have|had|could|can)\s|"
    r"\s(?:không|chưa)\s*\??$",
    re.IGNORECASE,
)
# and a whole question opens so too: 'Est-ce que…', Swedish on its verb ('Startade teamet…', 'Är Nguyen…'), 'Có phải…'
_YES_OR_NO_OPENING = re.compile(
    r"^\W*(?:est-ce\s+qu|(?:är|var|har|hade|finns|fanns|blev|kan|ska|skulle|får|fick|gav|ger|\w+(?:ade|dde|tte))\s|"
    r"có phải\b)",
    re.IGNORECASE,
)
# a closing tag that asks whether what comes before holds: '… - is that the target the article gives?', '…, right?'
_CLOSING_TAG = re.compile(
    r"(?:\s[-–—]|,)\s*(?:is that|was that|are those|is it|right|c['’]est bien|n['’]est-ce pas|är det|stämmer det|"
    r"eller hur|đúng không|phải không)\b[^?]*\?\s*$",
    re.IGNORECASE,
)


def as_claim(question: str, language: str) -> str:
    """A claim the user reports and asks about, as the question whether it holds ('I read that the Front finished
    285 homes. Is that the right figure?' → 'Is it true that the Front finished 285 homes?', which `VERIFIES`
    reads); any other question as it is. A claim is told by its opening ('I read that…') or by a closing question
    that asks only whether it holds ('…in Quang Nam. Är det korrekt?'); the closing question goes."""
    question = question.strip()
    # a guess after a question of its own: 'Sản phẩm đó được bày bán trong hệ thống siêu thị nào, có phải Big C
    # không?', 'Which supermarket sells it, is it Big C?': the question asks, the guess goes
    if (guess := _GUESS.search(question)) and _asks_own(asked := question[: guess.start()]):
        return asked.rstrip(" ,") + question_mark(language)
    claim, closing, opened = _reported(question)
    if not closing and (VERIFIES.search(question) or not opened):
        return question
    # (an opening before a question of its own reports nothing: 'Selon mes notes, qui a présidé la conférence ?')
    if not claim or "?" in claim or (not closing and _asks_own(claim)):
        return question
    if closing and _asks_more(claim, closing, opened):
        return question
    return _claim_question(claim, language)


# a question about an article's subheadings, the short lines that head its sections: 'What is the second
# subheading…', 'Quel est l'intertitre de la première partie…', 'Hur lyder den andra mellanrubriken…', 'Tiêu đề phụ
# thứ hai…', 'The last section of the report has a heading: …'; 'heading' as a noun only (not 'where is the province
# heading'), nor a heading of the page around the article ('the 'Locale' heading at the bottom of the page', which
# names it), nor video subtitles ('sous-titres'), nor 'tiêu đề Phụ nữ…' (women)
_HEADING_NOUN = (
    r"sub-?head(?:ing)?|cross-?head|intertitle|section\s+(?:heading|title)|intertitre|titre\s+de\s+(?:la\s+|cette\s+)?"
    r"(?:section|partie)|mellanrubrik(?:en)?|underrubrik(?:en)?|avsnittsrubrik(?:en)?|tiêu đề phụ(?!\s+nữ)|tít phụ|"
    r"tiểu mục|tiêu đề nhỏ|tiêu đề (?:của )?phần"
)
_HEADING_PLURAL = (
    r"sub-?head(?:ing)?s|cross-?heads|intertitles|section\s+(?:headings|titles)|intertitres|titres\s+des\s+"
    r"(?:sections|parties)|mellanrubriker\w*|underrubriker\w*|avsnittsrubriker\w*|(?:các|những)\s+tiêu đề phụ"
)
_HEADINGS_ASKED = re.compile(rf"\b(?:{_HEADING_PLURAL})\b", re.IGNORECASE)
ASKS_HEADING = re.compile(
    rf"\b(?:{_HEADING_NOUN}|(?:has|have|had|with|under)\s+(?:a|the|its)\s+heading|heading\s+of\s+(?:the|its|this)\s+"
    rf"(?:\w+\s+){{0,2}}(?:section|part))\b",
    re.IGNORECASE,
)
# which of them, by its place, said next to the subheading or to the section it heads: the first, the second
# ('andra', also 'other', counts only there), the last, the one before the last
_PLACE_WORDS = {
    "first": 1, "premier": 1, "première": 1, "första": 1, "đầu tiên": 1, "thứ nhất": 1, "đầu": 1,
    "second": 2, "deuxième": 2, "seconde": 2, "andra": 2, "thứ hai": 2,
    "third": 3, "troisième": 3, "tredje": 3, "thứ ba": 3,
    "last": -1, "final": -1, "dernier": -1, "dernière": -1, "sista": -1, "cuối": -1, "cuối cùng": -1,
    "second-to-last": -2, "next-to-last": -2, "avant-dernier": -2, "avant-dernière": -2, "näst sista": -2,
}  # fmt: skip
_PLACE = "|".join(sorted(map(re.escape, _PLACE_WORDS), key=len, reverse=True))
_SECTION = r"section|part|partie|avsnitt(?:et)?|del(?:en)?|phần|mục"
_PLACED_HEADING = re.compile(
    rf"(?<![\w-])({_PLACE})\s+(?:(?:{_HEADING_NOUN}|{_SECTION}|heading)\b)|"
    rf"\b(?:{_HEADING_NOUN}|{_SECTION})\s+(?:(?:de\s+la|du|of\s+the|i)\s+)?({_PLACE})(?![\w-])",
    re.IGNORECASE,
)
_FOOT_OF_PAGE = re.compile(
    r"\b(?:bottom|foot|end) of the (?:web ?)?page|en bas de (?:la )?page|längst (?:ner|ned)|sidfoten|cuối trang\b",
    re.IGNORECASE,
)


EVERY_HEADING = 1000  # heading_asked's place for all of an article's subheadings


def heading_asked(question: str) -> int | None:
    """The place of the subheading a question asks for (`ASKS_HEADING`): 1 for the first, 2 for the second, -1 for
    the last, -2 for the one before; 0 for one it names by what its section tells ('under which subheading…');
    EVERY_HEADING for all of them ('What are the subheadings…', 'two section headings: what do they read?'); None
    when it asks none, or one of the page around the article."""
    several = _HEADINGS_ASKED.search(question)
    if not (ASKS_HEADING.search(question) or several) or _FOOT_OF_PAGE.search(question):
        return None
    placed = _PLACED_HEADING.search(question)
    if placed:
        return _PLACE_WORDS[(placed.group(1) or placed.group(2)).lower()]
    return EVERY_HEADING if several else 0


def byline(paragraph: str) -> str | None:
    """What a paragraph says of its article rather than of the news: 'date' for a dateline ('Site 17/10/2024',
    '11:04 25/11/2024'), 'author' for a credit ('Article et photos : P. Tuyet') or a name alone ('Kieu Minh'),
    'source' for the page's source line ('Source : https://…')."""
    line = paragraph.strip()
    if SOURCE_LINE.match(line):
        return "source"
    found = DATELINE.search(line)
    if found and len(line) < 120 and not _SENTENCE_END.search(line[: found.start()]):
        return "date"
    if len(line) < 80 and (_CREDIT.match(line) or (len(line) < 40 and _LONE_NAME.match(line))):
        return "author"
    return None
