"""Language knowledge: tokenizer, folding, stop words, sentences, detection, question kinds, phrases."""

import pytest

from assistant.languages import (
    ASKS_ARTICLE,
    ASKS_MONEY,
    NUMBER_WORDS,
    SUM,
    TIME,
    asked_kind,
    byline,
    content_words,
    counted,
    counts,
    counts_sum,
    detect,
    fold,
    gives_measure,
    joined,
    measure_asked,
    name_groups,
    phrase,
    question_language,
    sentence_spans,
    sites_of_links,
    stem,
    words,
)


def test_one_tokenizer_for_every_use() -> None:
    assert words("L’équipe « 5 en 1 » a 169 membres.") == ["l", "équipe", "5", "en", "1", "a", "169", "membres"]
    assert words("Hà Nội") == ["hà", "nội"]


def test_folding_meets_names_written_without_accents() -> None:
    assert fold("Mỏ Cày Bắc") == "mo cay bac"
    assert fold("Đồng Nai") == "dong nai"
    assert joined(["Hà", "Nội"]) == "hanoi"


def test_function_words_are_dropped_and_vietnamese_keeps_its_tones() -> None:
    assert content_words("How many orphans were sponsored in Ha Tinh?") == ["orphans", "sponsored", "ha", "tinh"]
    # 'bao' (how) is a function word; 'bảo' (protect) is not
    assert content_words("bao nhiêu trẻ được bảo trợ") == ["trẻ", "bảo", "trợ"]
    # 'sao' asks why or how, but after a count it is a star: 'OCOP 4 sao', 'mấy sao'
    assert content_words("Tại sao chứng nhận OCOP 4 sao?") == ["chứng", "nhận", "ocop", "4", "sao"]
    assert content_words("đạt OCOP mấy sao") == ["đạt", "ocop", "sao"]


def test_stems_are_folded_and_per_language() -> None:
    assert stem("orphelins", "fr") == stem("orphelin", "fr")
    assert stem("modeller", "sv") == stem("modell", "sv")
    assert stem("nội", "vi") == "noi"  # no Vietnamese stemmer: the folded word


def test_names_written_in_parts() -> None:
    assert name_groups("Le district de Mo Cay Bac et Hà Nội.") == [["Mo", "Cay", "Bac"], ["Hà", "Nội"]]


@pytest.mark.parametrize(
    ("text", "language", "sentences"),
    [
        (
            "Hà Nội có 30 căn nhà. Ủy ban đã họp. Ở huyện Mỏ Cày Bắc có 104 hộ. Ứng dụng được triển khai. "
            "Đồng chí Nguyễn Văn An phát biểu.",
            "vi",
            ["Hà Nội có 30 căn nhà.", "Ủy ban đã họp.", "Ở huyện Mỏ Cày Bắc có 104 hộ.", "Ứng dụng được triển khai.",
             "Đồng chí Nguyễn Văn An phát biểu."],
        ),
        (
            "Le district compte 104 ménages. Parmi eux, 94 ont construit.\nNouvelle ligne sans point",
            "fr",
            ["Le district compte 104 ménages.", "Parmi eux, 94 ont construit.", "Nouvelle ligne sans point"],
        ),
        ("Staden har 2 500 modeller. Vem leder fronten? Ordföranden.", "sv",
         ["Staden har 2 500 modeller.", "Vem leder fronten?", "Ordföranden."]),
        # the splitter cuts after an ellipsis: what follows from a comma on stays with its sentence
        ("Staden reparerade 5 099 solidaritetshus... , vilket minskade fattigdomen. Nästa.\n; ny rad", "sv",
         ["Staden reparerade 5 099 solidaritetshus... , vilket minskade fattigdomen.", "Nästa.", "; ny rad"]),
        # and after an initial: the photographer's initials stay whole
        ("Au cours de la période 2009-2024. Photo : N.D\nSuite.", "fr",
         ["Au cours de la période 2009-2024.", "Photo : N.D", "Suite."]),
    ],
)  # fmt: skip
def test_sentences_are_split_with_exact_offsets(text: str, language: str, sentences: list[str]) -> None:
    spans = sentence_spans(text, language)
    assert [text[a:b] for a, b in spans] == sentences


def test_a_number_with_a_decimal_point_does_not_end_a_sentence() -> None:
    text = "Le fonds a reçu 104.3 milliards. Ensuite, rien."
    assert [text[a:b] for a, b in sentence_spans(text, "fr")] == ["Le fonds a reçu 104.3 milliards.", "Ensuite, rien."]


def test_languages_are_detected() -> None:
    assert detect("Le Front de la Patrie a mobilisé des fonds pour les pauvres.") == "fr"
    assert detect("12 345") == "und"
    assert question_language("Hur många hus byggdes?") == "sv"
    assert question_language("Có bao nhiêu ngôi nhà được xây?") == "vi"
    assert question_language("???") == "en"
    # the Vietnamese names of a question do not make it Vietnamese, unless it writes Vietnamese letters
    assert question_language("Who is Do Anh Tuan?") == "en"
    assert question_language("Et à Ha Tinh ?") == "fr"
    assert question_language("Đỗ Anh Tuấn là ai?") == "vi"


def test_question_kinds() -> None:
    assert asked_kind("Combien de logements ?") == "number"
    assert asked_kind("Ai là chủ tịch?") == "person"
    assert asked_kind("När hölls konferensen?") == "time"
    assert asked_kind("What is the movement about?") is None
    # Vietnamese 'ngày mấy', 'tháng mấy', 'mấy giờ' ask a day, a month, an hour: their 'mấy' counts nothing
    assert asked_kind("Hội nghị diễn ra vào ngày mấy tháng 1?") == "time"
    assert asked_kind("Hội nghị diễn ra vào tháng mấy?") == "time"
    assert asked_kind("In which month was the conference held?") == "time"
    assert asked_kind("Bài viết đăng lúc mấy giờ?") == "time"
    assert asked_kind("Có mấy người tham dự hội nghị ngày 22?") == "number"
    # which holder of a post, after the level or body it holds it in
    assert asked_kind("Which provincial Front vice-chair is quoted saying the Front should stay close?") == "person"
    assert asked_kind("Which district chair spoke at the conference?") == "person"
    assert asked_kind("Which body did the chair lead?") is None
    # a post's holder asked for by name, in place of 'who'; not a thing named
    assert asked_kind("Name the chair of the Hanoi Fatherland Front Committee.") == "person"
    assert asked_kind("Nommez le vice-président du Front de Mo Cay Bac.") == "person"
    assert asked_kind("Donnez le nom du secrétaire provincial du Parti.") == "person"
    assert asked_kind("Nämn ordföranden för fronten i Hanoi.") == "person"
    assert asked_kind("Nêu tên chủ tịch Mặt trận Hà Nội.") == "person"
    assert asked_kind("Name the commune where the team started.") is None
    assert asked_kind("Name the secretary's main request at the Ha Tinh conference.") is None  # what, not who
    assert asked_kind("Nämn sekreterariatets uppgifter.") is None and asked_kind("Nämn partisekreteraren.") == "person"
    assert asked_kind("Name the standing member of the Chau Thanh district Front.") == "person"  # a member's post
    assert asked_kind("Nämn den vice ordföranden för fronten.") == "person"
    assert asked_kind("Nêu tên các phó chủ tịch Mặt trận.") == "person"
    assert asked_kind("Nämn sekreterarna för partikommittén i Ha Tinh.") == "person"
    assert asked_kind("Nämn de ständiga ledamöterna.") == "person"
    assert asked_kind("Name the member organizations of the Front in Mo Cay Bac.") is None  # bodies, not people
    # the kind asked first decides: a year is asked for here, 'three times' only describes it
    assert asked_kind("In which year was Hanoi's income more than three times that of 2010?") == "time"
    assert asked_kind("When the programme started, how many households were poor?") == "number"
    # 'who', 'qui', 'när' ask only where a question word stands: first, after a comma or a conjunction
    assert asked_kind("Et qui a présidé la conférence ?") == "person"
    assert asked_kind("According to the article, who closed the conference?") == "person"
    assert asked_kind("Chủ tịch là ai?") == "person"
    assert asked_kind("Où s'entraînent les soldats qui préparent le défilé ?") is None  # a relative pronoun
    assert asked_kind("Hur avslutas processen när fronten erkänner modellerna?") is None  # a conjunction
    assert asked_kind("Och när hölls konferensen?") == "time"
    # after a preposition, a 'när' opens a clause of the question before it; 'and when' still asks
    assert asked_kind("Vilka provinser arbetade Hanoi med när marken röjdes för ringvägen?") is None
    assert asked_kind("What was decided, and when?") == "time"
    assert asked_kind("Since when has the Front run the programme?") == "time"
    assert asked_kind("Còn ở Hà Nội thì ai đứng đầu Mặt trận?") == "person"  # 'as for Hanoi, who…'
    assert asked_kind("Khi nào thì ai cũng được hỗ trợ?") == "time"  # 'thì ai cũng': everyone
    # an 'and' before the preposition asks again
    assert asked_kind("What was decided at the conference, and by whom?") == "person"
    assert asked_kind("Vilket avtal undertecknades, och med vem?") == "person"
    assert asked_kind("Ai đã chủ trì hội nghị?") == "person"
    # after a comma only when no question word comes before it: here 'quand' opens a clause of the 'où' question
    assert asked_kind("Où commence la recherche de modèles à Chau Thanh, quand le Front les cherche ?") is None
    # a 'when' clause before the comma sets the scene of what another question word asks after it
    assert asked_kind("When helping to shape new policies, what did the Front organise social criticism of?") is None
    assert asked_kind("Lorsque la pandémie a frappé, qui a dirigé la campagne ?") == "person"
    assert asked_kind("When, according to the article, was the conference held?") == "time"
    assert asked_kind("När, enligt artikeln, var konferensen?") == "time"  # 'var' is 'was' here
    # which holder of a post is a person; a length or an area asked for in so many words is a number
    assert asked_kind("Quel vice-président du Front de Hanoi s'est exprimé ?") == "person"
    assert asked_kind("Vilken viceordförande talade om utbildningen?") == "person"
    assert asked_kind("Phó chủ tịch nào đã phát biểu?") == "person"
    assert asked_kind("Bí thư nào đã kết luận hội nghị?") == "person"
    assert asked_kind("What is the total length of the Ring Road 4 project?") == "number"
    assert asked_kind("Et sur quelle surface ?") == "number"
    assert asked_kind("Which areas did the Front focus on?") is None
    assert asked_kind("Which chairman's initiative launched the campaign?") is None  # a possessive


def test_what_a_how_many_question_counts() -> None:
    assert counted("How many gratitude houses did the district build?") == ["gratitude", "houses"]
    assert counted("Combien de villages ont mis en place un comité ?") == ["villages"]
    assert counted("Hur många invånare har Hanoi?") == ["invånare"]
    assert counted("How many 'skilled mass mobilization' models were built?") == ["models"]  # not the quoted name
    assert counted("How much did the fund raise?") == []  # nothing named is counted
    # 'how many times they patrolled' counts patrols ('plus de 300 patrouilles'); 'how many times higher' a multiple
    assert counted("Bao nhiêu lần các tổ tự quản đã đi tuần tra?") == []
    assert counted("Hur många gånger patrullerade grupperna?") == []
    assert counted("How many times higher was the income?") == ["times", "higher"]
    assert counted("Hur många gånger ökade inkomsten?") == ["gånger"]
    assert counted("Combien de fois le revenu a-t-il augmenté ?") == ["fois"]
    # 'how many' standing for the people before it: a verb follows, not a thing
    assert counted("Of those families, how many ended up building new homes?") == []
    assert counted("Hur många registrerades i Hanoi?") == []
    assert counted("How many skilled mass mobilization models were built?") == ["skilled", "mass", "mobilization"]
    assert counted("Hur många renoverade hus?") == ["renoverade", "hus"]
    # a verb's past after the thing ends it
    assert counted("Hur många fall avslöjade självförvaltningsgrupperna i Tam Thang?") == ["fall"]
    assert counted("How many houses needed repairs?") == ["houses"]
    # a comma ends the thing counted: what follows are its examples
    assert counted("How many incidents, such as property theft, did the groups uncover?") == ["incidents"]
    # an irregular past, or a verb no ending tells, counts those who did it, and ends the thing counted
    assert counted("How many took part in the conferences?") == []
    assert counted("Och hur många deltog i konferenserna?") == []
    assert counted("How many people took part?") == ["people"]
    assert counted("Bao nhiêu người tham gia hội nghị?") == ["người"]
    assert counted("Hur många kadrer deltog i tävlingen?") == ["kadrer"]
    # words joined by 'and' before the thing counted lead on to it; a second 'how many' does not
    assert counted("Från hur många byggda och utvärderade modeller valdes de?") == ["byggda", "utvärderade", "modeller"]
    assert counted("Có bao nhiêu xã và đơn vị bầu cử?") == ["xã", "đơn", "vị"]
    # a Vietnamese question that opens on 'the number of' counts what follows it, not a decision's number
    assert counted("Số nhà đại đoàn kết Hà Nội xây trong nhiệm kỳ là bao nhiêu?") == ["nhà", "đại", "đoàn"]
    assert counted("Quyết định số 781 giao bao nhiêu hộ?") == ["hộ"]
    assert counted("Số nhà Hà Nội xây bao nhiêu căn?") == ["căn"]  # the 'bao nhiêu' names it: that comes first
    assert counted("Số điện thoại của Mặt trận là bao nhiêu?") == []  # a phone number counts nothing
    assert counted("How many houses and how many roads?") == ["houses"]
    assert counted("Hur många hus och byggdes det?") == ["hus"]  # a verb after the 'and'
    assert counted("How many houses, and roads?") == ["houses"]  # past a comma
    # a count of part of a group: the answer may name the group otherwise ('6 av 11 kamrater'), so nothing is judged
    assert counted("Hur många av de 11 ledamöterna deltar för första gången?") == []
    assert counted("Combien d'entre eux sont des femmes ?") == []  # not 'entre', 'eux'
    assert counted("How many of them were women?") == []
    assert counted("Combien des membres du comité sont nouveaux ?") == []  # not 's', 'membres'
    assert counted("Combien de membres du comité sont nouveaux ?") == ["membres"]
    assert counted("Combien d’habitants a Hue ?") == ["habitants"]  # a typographic apostrophe
    # money and shares are matched by their signs, which no dictionary gives
    assert counts("341,8 miljarder VND", counted("Hà Nội đã chi bao nhiêu tiền?"))
    assert not counts("104 ménages", counted("Hà Nội đã chi bao nhiêu tiền?"))
    assert counts("%", counted("Tỷ lệ là bao nhiêu phần trăm?"))
    assert counts_sum(counted("Mỗi hộ được vay bao nhiêu tiền?"))
    assert not counts_sum(counted("Có bao nhiêu lao động được đào tạo?"))  # 'động' is not 'đồng'


def test_sums_and_counts_in_words() -> None:
    assert ASKS_MONEY.search("Quel a été le coût total des logements ?")
    assert ASKS_MONEY.search("Och hur mycket kostade reparationerna?")
    assert ASKS_MONEY.search("À quel prix une boîte de pilules est-elle vendue ?")
    assert ASKS_MONEY.search("Vad är priset på pillren?")
    assert ASKS_MONEY.search("Tổng số tiền hỗ trợ vốn sinh kế là bao nhiêu?")  # 'số tiền': an amount of money
    assert ASKS_MONEY.search("What amount of money did the Front hand out?")
    assert ASKS_MONEY.search("What sums of money did the Front hand out?")
    assert ASKS_MONEY.search("Hur stora penningsummor delade fronten ut?")
    assert ASKS_MONEY.search("Hur stort var beloppet?")
    assert not ASKS_MONEY.search("Mức giá trị của mô hình là gì?")  # 'giá trị' is a value, not a price
    assert not ASKS_MONEY.search("Quel prix le modèle a-t-il reçu ?") and not ASKS_MONEY.search("Vem fick priset?")
    assert not ASKS_MONEY.search("Combien de participants y ont pris part ?")  # 'pris' is no Swedish price here
    assert not ASKS_MONEY.search("Hội nghị đánh giá kết quả năm 2024")  # 'đánh giá' evaluates, it prices nothing
    # what a project cost to build, in the four languages; not an 'investment project' named
    for question in ("What is the total investment of the Ring Road 4 project?",
                     "What were the total investments of the project?", "Quel est l'investissement total du projet ?",
                     "Hur stor var totalinvesteringen i projektet?", "Vilka var de totala investeringarna?",
                     "Tổng mức đầu tư của dự án là bao nhiêu?"):  # fmt: skip
        assert ASKS_MONEY.search(question), question
    assert not ASKS_MONEY.search("Which investment project did Hanoi clear land for?")
    assert NUMBER_WORDS.search("des centaines de milliers de cadres")
    assert NUMBER_WORDS.search("tusentals modeller")
    assert SUM.search("plus de 104,3 milliards de VND") and SUM.search("411,2 miljarder VND")
    assert not SUM.search("phát huy vai trò của cộng đồng")  # 'đồng' of a community is no sum
    assert TIME.search("i december") and TIME.search("tháng 12")
    assert TIME.search("lancé le 13/3 dernier") and TIME.search("ngày 25/11")  # a day and month, no year
    assert not TIME.search("3 760/4 899 secrétaires") and not TIME.search("1,5/2")  # a share, a decimal
    assert not TIME.search("7/17 districts ont rempli les critères") and not TIME.search("le 7/17")  # a share


def test_questions_about_the_site_that_published_an_article() -> None:
    from assistant.languages import asks_site

    for question in [
        "Which website published the article about Mo Cay Bac district?",
        "Sur quel site est paru l'article sur le Front de Hanoi ?",
        "Var publicerades artikeln om distriktsfronten i Mo Cay Bac?",
        "Vilken tidning publicerade intervjun med Do Anh Tuan?",
        "Trang báo nào đăng bài về huyện Mỏ Cày Bắc?",
        "Bài viết về Mỏ Cày Bắc được đăng ở đâu?",
        # its source, which the page's source line gives
        "What is the source of the Quang Nam article on typical models?",
        "Where was the article about the Hanoi Front's 2019-2024 term published?",
        "Quelle est la source de l'article sur Quang Nam ?",
        "D'où provient l'entretien avec Do Anh Tuan ?",
        "Vad är källan till artikeln om fosterlandsfronten i Hanoi?",
        "Nguồn của bài báo về Quảng Nam là gì?",
        "Bài viết về Mặt trận Hà Nội lấy nguồn từ đâu?",
        # its link
        "What is the URL of the article about Mo Cay Bac?",
        "Quel est le lien de l'article sur Hanoi ?",
        "Vad är länken till artikeln om Hanoi?",
        "Đường dẫn của bài viết về Quảng Nam là gì?",
        "Bài viết về Hà Nội được trích từ báo nào?",
        # its site or origin, in other words for the article
        "Which newspaper ran the story about Quang Nam's typical models?",
        "Where does the report on the Hanoi Front's term come from?",
        "What domain hosts the original Quang Nam article?",
        "Från vilken webbplats kommer texten om Hanoifronten?",
        "Var kan man läsa originalet av artikeln om Mo Cay Bac?",
        "Sur quel site trouve-t-on l'article original sur le Front de Hanoi ?",
        "Bài này được lấy từ trang web nào?",
        "Nguồn tin của bài về Hà Nội là gì?",
        "Địa chỉ trang web gốc của bài viết về Mỏ Cày Bắc là gì?",
        "What is the article's link?",
        "Vad är artikelns källa?",
        "Où l'article sur Hanoi a-t-il été publié ?",
        "Varifrån kommer artikeln om Hanoi?",
        "Bài viết được lấy từ nguồn nào?",
        "Which source does the article on Quang Nam come from?",
        # names in lower case, with initials or joined to the article; other prepositions; the original
        "where was the mo cay bac article published?",
        "Where was the Mo Cay Bac district Front article published?",
        "Where was P. Tuyet's article published?",
        "Var publicerades Hanoi-artikeln?",
        "Quel est le lien vers l'article sur Mo Cay Bac ?",
        "Đường dẫn đến bài viết về Mỏ Cày Bắc là gì?",
        "Liên kết của bài viết về Quảng Nam là gì?",
        "Quelle est la source d'origine de l'article sur Quang Nam ?",
        "Where can I read the original of the article on Quang Nam?",
        "Où puis-je lire l'article original sur Quang Nam ?",
        "Où a paru l'entretien avec Do Anh Tuan ?",
        "Var publicerades den artikeln?",
        "Bài viết về Quảng Nam có nguồn nào?",
        # the article named where the question begins, then its site asked
        "In the article about Mo Cay Bac, which website is given as the source?",
        "Trong bài viết về Mỏ Cày Bắc, nguồn là trang nào?",
        "Bài viết về Mặt trận Tổ quốc Hà Nội được đăng trên trang nào?",
    ]:
        assert asks_site(question), question
    for question in [
        "Which site did the Front choose for the new solidarity houses in Mo Cay Bac?",  # a site, no article
        "Cảnh báo nào được đưa ra cho các hộ dân ở Mỏ Cày Bắc?",  # 'cảnh báo nào': which warning
        "Thông báo nào được đăng?",  # which announcement
        "Theo bài viết, đăng ký ở đâu?",  # 'đăng ký': register
        "Où se trouve le modèle publié ?",
        # a source of funds or of raw materials is news, not the article's
        "Năm 2023, Hà Tĩnh vận động được bao nhiêu tiền từ các nguồn an sinh xã hội khác?",
        "Từ nguồn nguyên liệu đó, họ làm ra được mấy sản phẩm?",
        "Quelles autres sources de sécurité sociale le Front a-t-il mobilisées ?",
        # a link the article speaks of, a report the article names
        "Both articles picture the Fatherland Front as a link between the people and the authorities.",
        "Bài viết nói về báo cáo nào?",
        "Where did the money in the report come from?",  # what the report tells of
        "Tin về mưa bão được cảnh báo nào?",  # 'cảnh báo nào': which warning
        # the source of what the article tells of, a link the article makes, the sources it cites
        "Quelle est la source des fonds mentionnés dans l'article ?",
        "What is the main source of income in the report?",
        "How does the article link poverty and housing?",
        "Which sources are cited in the article?",
        "Who is the source quoted in the interview?",
        "Nguồn vốn trong bài viết là bao nhiêu?",
        "D'où provient le financement des maisons ?",
        "Varifrån kommer pengarna till husen?",
        # the article as the authority for a question about the news
        "Theo bài viết, tỉnh huy động nguồn nào?",
        "Enligt artikeln, varifrån kommer finansieringen?",
        "According to the article, which website can residents use to register?",
        "Artikeln handlar om Hanoi, och var publicerades beslutet?",  # the decision, not the article
        "What is the source of the article's figures?",
        "Where does the interview's funding come from?",
        "Where was the report published by the committee presented?",
        # a newspaper, a site or a source the article tells of
        "Which newspaper does the article mention?",
        "Quel site l'article sur Hanoi mentionne-t-il pour les projets clés ?",
        "Bài viết về Mỏ Cày Bắc nói quỹ được lấy từ nguồn nào?",
        "Bài viết về Quảng Nam đề cập báo nào?",
        "Which newspaper is quoted in the article about Quang Nam?",
        "In the article, which website can residents use to register?",  # the article is where the question reads
        "I artikeln om Hanoi, vilken tidning rapporterade om resultaten?",
        # a source the article tells of, whatever words come between
        "What is the source of raw materials the article about Quang Nam describes?",
        "Quelle est la source de financement de l'article ?",
        "Nguồn sức mạnh của bài viết về Hà Nội là gì?",
    ]:
        assert not asks_site(question), question


def test_questions_about_the_article_itself() -> None:
    assert ASKS_ARTICLE.search("Vilket datum publicerades intervjun med Do Anh Tuan?")
    assert ASKS_ARTICLE.search("Bài phỏng vấn được đăng vào ngày nào?")
    assert ASKS_ARTICLE.search("Who wrote the article about Mo Cay Bac?")
    assert asked_kind("Vilket datum publicerades intervjun?") == "time"
    assert ASKS_ARTICLE.search("Qui a signé l'article sur la conférence de Ha Tinh ?")
    assert ASKS_ARTICLE.search("Ai là tác giả bài báo về Mỏ Cày Bắc?")
    assert ASKS_ARTICLE.search("Bài phỏng vấn về phong trào ở Hà Nội được đăng trên báo nào?")
    # a report someone wrote is the article ('Kieu Minh'); one someone presented is what the article speaks of
    assert ASKS_ARTICLE.search("And who wrote the Ha Tinh conference report?")
    assert ASKS_ARTICLE.search("Qui a rédigé le compte rendu de la conférence de Ha Tinh ?")
    assert not ASKS_ARTICLE.search("Who presented the report on the 2023 performance?")
    # who took its photographs, who wrote it, asked after the article ('do ai viết': by whom)
    assert ASKS_ARTICLE.search("Vem står som fotograf till bilderna i artikeln om Quang Nams förebildliga modeller?")
    assert ASKS_ARTICLE.search("Bài viết về Mặt trận huyện Mỏ Cày Bắc do ai viết và chụp ảnh?")
    assert ASKS_ARTICLE.search("Qui signe le texte et les photos de l'article sur le Front de Mo Cay Bac ?")
    assert ASKS_ARTICLE.search("Ai viết bài về hội nghị ở Hà Tĩnh?")
    assert ASKS_ARTICLE.search("Who took the photos for the article about Mo Cay Bac?")
    assert asked_kind("Bài viết về Mặt trận huyện Mỏ Cày Bắc do ai viết và chụp ảnh?") == "person"
    # documents published by a committee, an interview given to a newspaper, what the article says or who did what
    # according to it: about the news, not the article
    for question in [
        "Combien de documents de direction ont été publiés ?",
        "Which newspaper interviewed the head of the commission?",
        "Theo bài viết, ai là người đã bế mạc hội nghị ở Hà Tĩnh?",
        "According to the article written by Kieu Minh, who presented the 2023 report?",
        "In which year, according to the published interview, was Hanoi's income three times that of 2010?",
        "Vad skrev artikeln om fattigdom?",
        "Selon l'article, qui a signé la décision ?",
        "Ai đã viết bài phát biểu tại hội nghị?",
        "Bài viết nói gì về phong trào Dân vận khéo ở Hà Nội?",
    ]:
        assert not ASKS_ARTICLE.search(question), question


@pytest.mark.parametrize(
    ("paragraph", "kind"),
    [
        ("Báo Kinh tế và Đô thị 25/11/2024", "date"),
        ("11:04 25/11/2024", "date"),
        ("Article et photos : P. Tuyet", "author"),
        ("Kieu Minh", "author"),
        ("Source : https://baoquangnam.vn/quang-nam-nhan-rong-mo-hinh-dan-van-kheo-dien-hinh-3142841.html", "source"),
        ("Källa: https://kinhtedothi.vn/a.html", "source"),
        ("Source", "source"),  # under the author's name, with no link
        ("La source de matières premières a été construite.", None),
        ("Réplication de modèles typiques", None),  # a heading
        ("By 2025: all communes", None),
        ("Article 3 : les communes rendent compte", None),
        ("Par exemple : Hanoi", None),
        ("Le 13 mars 2025, le district a reçu 104 logements.", None),
        ("La décision date du 13/3/2025.", None),
    ],
)
def test_bylines_are_told_from_the_news(paragraph: str, kind: str | None) -> None:
    assert byline(paragraph) == kind


def test_a_link_is_read_as_its_site() -> None:
    # the path's words are Vietnamese without accents, which a Vietnamese question's folded words would match
    line = "Source : https://baodongkhoi.vn/giai-phap-nang-cao-chat-luong-hoat-dong-mat-tran-xa-phuong-30062025.html"
    assert sites_of_links(line) == "Source : baodongkhoi.vn"
    assert sites_of_links("Voir http://www.example.org/a?b=c, puis") == "Voir example.org, puis"
    from assistant.keywords import Words
    from assistant.lexical import context

    assert not Words(line, "fr").has("phap") and Words(line, "fr").has("baodongkhoi")
    assert "giai" not in context(line, {"title": "Titre", "index": 3}) and "baodongkhoi" in context(line, {"index": 0})


def test_phrases_fall_back_to_english() -> None:
    assert phrase("sv", "none") == "Dokumenten säger inget om det."
    assert phrase("zh", "none") == "The documents do not say."


def test_vietnamese_syllables_are_not_taken_for_other_languages_function_words() -> None:
    # folded, 'tổ' would be English 'to', 'số' 'so', 'cán' 'can', and Swedish 'år' (year) would be 'är' (is)
    assert content_words("tổ chức số hộ cán bộ") == ["tổ", "chức", "số", "hộ", "cán", "bộ"]
    assert content_words("vilket år") == ["år"]


def test_a_vietnamese_question_opening_with_a_function_word_names_nothing_by_it() -> None:
    # 'Ngoài' (besides) before 'Mặt trận': capitalised only because it opens the question
    assert "ngoài" not in content_words("Ngoài Mặt trận Tổ quốc, những tổ chức nào đã dự hội nghị?")
    assert content_words("Vậy còn Hà Nội thì sao?") == ["hà", "nội"]
    # 'Qua' (through), written without a Vietnamese letter, and 'Nhờ' (thanks to) are function words too
    assert content_words("Qua các hội nghị đó, nhờ Mặt trận, bao nhiêu ý kiến được tiếp nhận?")[:4] == [
        "hội", "nghị", "mặt", "trận"]  # fmt: skip


def test_no_question_of_the_eval_sets_is_taken_for_another_language() -> None:
    import json
    from pathlib import Path

    from assistant.languages import foreign_language

    root = Path(__file__).resolve().parent.parent
    files = [root / "eval" / "questions.jsonl", *sorted((root.parent / "shared" / "eval").glob("questions*.jsonl"))]
    questions = [json.loads(line)["question"] for f in files if f.is_file() for line in f.open(encoding="utf-8")]
    assert len(questions) >= 413
    assert [q for q in questions if foreign_language(q)] == []


def test_numbers_in_a_short_quoted_name_count_nothing() -> None:
    from assistant.languages import count_numbers

    def counted(text: str) -> list[str]:
        return [m.group() for m in count_numbers(text)]

    assert counted("Le modèle « 5 en 1 » de Tam Thang compte 169 membres.") == ["169"]
    assert counted('Under mottot "3 nej" arbetar grupperna.') == []
    # a longer quote is someone's words, and its numbers count: '« … au moins 2 à 3 nouveaux modèles… »'
    quote = "Il a dit : « Chaque comité doit construire au moins 2 à 3 nouveaux modèles de « mobilisation habile »"
    assert counted(quote) == ["2", "3"]


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("How many hectares of ginseng did the bloc plant?", "area"),
        ("Combien de mètres carrés de terrain ont été cédés ?", "area"),  # square metres, not metres
        ("How many square metres of land were given?", "area"),
        ("Bao nhiêu m2 đất đã được hiến?", "area"),
        ("Hur många meter staket mobiliserades?", "length"),
        ("How many kilometres of road were built?", "length"),
        ("Combien de tonnes de riz ont été données ?", "mass"),
        ("How many houses were built?", None),
        ("Hur många dagar pågick en kurs?", "days"),  # a time counted
        ("Combien de jours de travail ont été mobilisés ?", "days"),
        ("Hur många år tidigare nådde Hanoi målet?", "years"),
        ("Hà Tĩnh có bao nhiêu hộ nghèo năm 2023?", None),  # a year that dates what is counted
    ],
)
def test_what_a_how_many_measures(question: str, measure: str | None) -> None:
    assert measure_asked(counted(question)) == measure


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("What is the total length of the Ring Road 4 - Hanoi Capital Region project?", "length"),
        ("Quelle est la longueur du tronçon de l'autoroute Nord-Sud ?", "length"),
        ("Vilken längd har vägen?", "length"),
        ("Et sur quelle surface ?", "area"),
        ("Quelle surface de terres les habitants ont-ils cédée ?", "area"),
        ("Hur stor yta planterades?", "area"),
        ("Diện tích trồng nghệ đen là bao nhiêu?", "area"),
        ("The area of culture and the length of the term: how many models?", None),  # not asked for
        ("What was the total area of land donated?", "area"),
        ("Which residential areas were the focus?", None),  # a place, not a measure
        ("What area did the Front focus on?", None),
        ("What is the area of cooperation between them?", None),
        ("Hur lång är mandatperioden?", None),  # a time
        ("Sự kiện kéo dài bao nhiêu ngày?", None),
        ("Trên diện tích trồng nghệ, bao nhiêu hộ tham gia?", None),  # it counts households
        ("How large an area of turmeric was planted?", "area"),
        ("How much land did the people give?", "area"),  # '297 000 m2 de terrain'
        ("Hur mycket mark gav invånarna?", "area"),
        ("Người dân đã hiến bao nhiêu đất?", "area"),
        ("How much landscaping was done?", None),
        ("How much land tax did households pay?", None),
        ("Có bao nhiêu đất nước tham gia hội nghị?", None),  # 'đất nước': countries
        ("How many houses were built?", None),
        ("What is the population of Ha Tinh province?", "population"),  # how many live there
        ("Quelle est la population du district de Mo Cay Bac ?", "population"),
        ("Hur många invånare har Hanoi?", "population"),
        ("Dân số tỉnh Quảng Nam là bao nhiêu?", "population"),
        ("Combien de mètres carrés la population de Ha Tinh a-t-elle cédés ?", None),  # the people, not their number
        ("What was the population's role in the Front's work?", None),
        ("How many residents took part in the conferences?", None),  # those who did something
        ("Ai là phó chủ tịch huyện Mỏ Cày Bắc, nơi có dân số đông?", None),
    ],
)
def test_a_measure_asked_in_so_many_words(question: str, measure: str | None) -> None:
    """'What is the length of the road' asks a length as 'how many kilometres' does: a sentence that names the road
    and gives no length does not answer it."""
    from assistant.languages import asked_measure

    assert asked_measure(question) == measure


@pytest.mark.parametrize(
    ("text", "measure", "gives"),
    [
        ("près de 297 000 m2 de terrain", "area", True),
        ("plus d'un hectare de curcuma noir", "area", True),  # one hectare, in words
        ("12 ménages du village 2", "area", False),
        ("297 000 m2 de terrain", "length", False),  # square metres are no length
        ("près de 297 000 mètres carrés", "length", False),
        ("36 392 mètres de clôtures", "length", True),
        ("36 392 meter staket", "length", True),
        ("2,5 km de routes", "length", True),
        ("le 13 mars 2025", "length", False),
        ("1,2 millions de tonnes de riz", "mass", True),
        ("2,1 millions de jours de travail", "days", True),
        ("10 mål och 6 handlingsprogram", "days", False),  # goals are no days
        ("ett år tidigare än planerat", "years", True),
        ("âgé de 52 ans", "age", True),  # an age, and how long ago: no age
        ("Ông sinh năm 1972", "age", True),
        ("la tradition millénaire de Thang Long", "age", True),
        ("Il y a 15 ans, la Commission centrale a lancé le mouvement", "age", False),
        ("Hanoi compte plus de 8,5 millions d'habitants", "population", True),
        ("tỉnh có dân số 1,5 triệu người", "population", True),
        ("104 ménages en difficulté de logement", "population", False),  # households are no population
        ("proche de la population et des habitants", "population", False),  # no number
        ("Thành phố có hơn 8 triệu dân", "population", True),
        ("54 dân tộc anh em", "population", False),  # ethnic groups
        ("200 residents attended the meeting", "population", False),  # a head count
        ("Befolkningen i Hanoi fick hjälp under 2023", "population", False),  # a year
    ],
)
def test_a_quantity_of_the_measure_asked(text: str, measure: str, gives: bool) -> None:
    assert gives_measure(text, measure) is gives


def test_comrades_count_the_members_of_a_committee() -> None:
    """These reports count a committee's members as its comrades: '6 av 11 kamrater' answers 'how many members'."""
    from assistant.languages import counts

    assert counts("kamrater", ["members"])
    assert counts("camarades", ["membres"])
    assert counts("đồng chí", ["thành", "viên"])
    assert not counts("kamrater", ["houses"])
    assert not counts("ménages", ["members"])


def test_years_and_people_are_counted_in_any_of_their_words() -> None:
    """'25 ans' counts the years of 'combien d'années', '15 ans' those of 'hur många år sedan', '1 529 991 deltagare'
    the people of 'combien de personnes'; neither counts houses."""
    from assistant.languages import counts

    assert counts("ans de rétablissement", counted("Depuis combien d'années la province existe-t-elle ?"))
    assert counts("ans", counted("För hur många år sedan startade rörelsen?"))
    assert counts("deltagare", counted("Combien de personnes ont participé aux conférences ?"))
    assert counts("người", counted("How many people took part?"))
    assert not counts("ménages", counted("Combien de personnes ont participé aux conférences ?"))
    assert not counts("ans", counted("Combien de maisons ont été construites ?"))
    # the individuals the police dealt with, the time since, the dwellings built
    assert counts("sujets", counted("The teams backed the police in handling how many individuals?"))
    assert counts("ans de rétablissement", counted("Depuis combien de temps la province a-t-elle été recréée ?"))
    assert counts("nouvelles maisons solidaires", counted("Combien d'habitations ont été réparées ?"))
    assert not counts("nouvelles maisons solidaires", counted("Combien de ménages ont été aidés ?"))
    assert not counts("ménages", counted("Depuis combien de temps la province existe-t-elle ?"))
    assert not counts("căn nhà", [])  # nothing counted: no dwelling is asked for
    assert counted("Hur många exempel på modeller har huvudstaden haft?") == ["modeller"]  # examples of models


def test_those_who_took_part_are_people() -> None:
    """'Hur många deltog i dem?' counts people, as 'how many people' does, and '815 940 deltagare' gives them."""
    from assistant.languages import asks_people, gives_people

    assert asks_people("Och hur många deltog i dem?")
    assert asks_people("How many people took part in them?")
    assert asks_people("Combien ont participé aux conférences ?")
    assert asks_people("Bao nhiêu người tham gia?")
    assert not asks_people("Hur många konferenser hölls?")
    assert not asks_people("Who took part in the conference?")  # no count
    assert not asks_people("How many districts took part?")  # districts, not people
    assert not asks_people("Combien de sujets ont été abordés ?")  # topics
    assert asks_people("Hur många deltog i tävlingen?") and asks_people("Combien y ont participé ?")
    for question in ("How many in total took part in them?", "How many of them took part?", "Hur många av dem deltog?",
                     "Hur många har totalt deltagit?", "Combien d'entre eux ont participé ?",
                     "Có bao nhiêu tham dự hội nghị?"):  # fmt: skip
        assert asks_people(question), question
    # those who took part are the count's subject: not the times a body took part, nor what it took part in
    assert not asks_people("Combien de fois le Front a-t-il participé aux délégations de supervision ?")
    assert not asks_people("How many of the supervision delegations did the Hanoi Front take part in?")
    assert not asks_people("Mặt trận Hà Nội đã phối hợp và tham gia giám sát bao nhiêu lần trong 5 năm qua?")
    # comrades are people, in two words too
    assert gives_people("Ban Thường trực có 6/11 đồng chí lần đầu tham gia.")
    assert counts("av 11 kamrater", ["người"])  # '6 av 11 kamrater' for 'bao nhiêu người trên tổng số 11'
    assert gives_people("2 317 kommuner organiserade konferenser med 815 940 deltagare.")
    assert gives_people("Soutenant ainsi la police dans le traitement de 73 sujets")
    assert not gives_people("Hela staden organiserade 22 542 konferenser.")


def test_households_are_told_from_people() -> None:
    from assistant.languages import households

    assert households("ménages en difficulté de logement")
    assert households("hộ nghèo")
    assert households("hushåll")
    assert not households("personnes")
    assert not households("nouvelles maisons solidaires")


def test_a_year_a_figure_is_compared_with() -> None:
    from assistant.languages import BASE_YEAR

    for text in ("3 fois par rapport à 2010", "jämfört med 2010", "so với năm 2010", "compared with 2010",
                 "higher than in 2010"):  # fmt: skip
        assert BASE_YEAR.search(text), text
    assert not BASE_YEAR.search("En 2010, la ville comptait")


def test_a_founding_year_asked_and_given() -> None:
    from assistant.languages import ASKS_FOUNDING, FOUNDED

    for question in ("En quelle année le district a-t-il été créé ?", "Vilket år grundades fronten?",
                     "Mặt trận được thành lập vào năm nào?", "In which year was the team set up?"):  # fmt: skip
        assert ASKS_FOUNDING.search(question), question
    assert FOUNDED.search("Le modèle a été lancé dans le village de Kim Doi avec 20 membres en 2022")
    assert not FOUNDED.search("Under mandatperioden 2024-2029 identifierade fronten tre genombrott")


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("enligt Quang Nams projekt", "enligt Quang Nam projekt"),  # Quang Nam's project
        ("Tam Thangs team och Mo Cay Bacs distrikt", "Tam Thang team och Mo Cay Bac distrikt"),
        ("Enligt Ho Chi Minhs lära", "Enligt Ho Chi Minh lära"),
        ("Vietnams fosterlandsfront", "Vietnams fosterlandsfront"),  # one word: its prefix matches already
        ("Nguyen Van Hung leder", "Nguyen Van Hung leder"),
        ("fosterlandsfrontens möten i Hanoi", "fosterlandsfrontens möten i Hanoi"),
    ],
)
def test_a_swedish_genitive_leaves_a_vietnamese_name(text: str, plain: str) -> None:
    """Swedish writes a name's genitive with a bare s, which no Vietnamese syllable ends in: 'Quang Nams projekt' is
    Quang Nam's, and its key word is the name 'Quang Nam', not 'Quang' and a word 'nams'."""
    from assistant.languages import without_genitive

    assert without_genitive(text, "sv") == plain
    assert without_genitive("Quang Nams", "en") == "Quang Nams"
    # with the documents' words: only a name they write without the s, and not with it
    known = {"quang", "nam", "gahr", "angeles"}
    assert without_genitive("enligt Quang Nams projekt", "sv", known) == "enligt Quang Nam projekt"
    assert without_genitive("Enligt Jonas Gahr Støre", "sv", known) == "Enligt Jonas Gahr Støre"
    assert without_genitive("I Los Angeles", "sv", known) == "I Los Angeles"


def test_a_swedish_compound_holds_its_head() -> None:
    # 'secrétaires de cellule du Parti' reaches the Swedish report's 'particellssekreterare' through 'sekreterare'
    from assistant.keywords import Words

    text = Words("det fanns 3 760/4 899 particellssekreterare som också var CTMT-kommittéchef", "sv")
    assert text.has(stem("sekreterare", "sv")) and text.has("kommittechef")
    assert not text.has("chef") and not text.has("rare")  # a head has five letters at least: 'chef' ends many words
    assert not Words("particellssekreterare", "fr").has(stem("sekreterare", "sv"))  # French writes no compounds


def test_a_profit_asks_a_sum() -> None:
    # what a sale brought in is a sum of money: a sentence without one does not answer it
    for question in ("What profit did the sale of black turmeric products bring the households in 2021?",
                     "Quel a été le bénéfice de la vente de curcuma ?", "Vilken vinst gav försäljningen?",
                     "Lợi nhuận từ việc bán nghệ đen là bao nhiêu?"):  # fmt: skip
        assert asked_kind(question) == "number", question
        assert ASKS_MONEY.search(question), question
    assert asked_kind("Which households made the sale?") is None
    # advantages, 'for the benefit of', a turnover of people: no sums
    for question in ("Quels sont les bénéfices du modèle « 5 en 1 » pour la commune de Tam Thang ?",
                     "Quelles actions le Front a-t-il menées au bénéfice des ménages pauvres ?",
                     "Which products generated revenue for the Tra Ka households?"):  # fmt: skip
        assert not ASKS_MONEY.search(question) and asked_kind(question) is None, question


def test_texts_are_counted_as_documents() -> None:
    # the party's 'plus de 300 documents de direction' are the 'textes de direction' a question counts
    assert counts("documents de direction", ["textes"])
    assert counts("dokument", ["texter"])
    assert not counts("ménages", ["textes"])
    assert not counts("documents de direction", ["ménages"])


def test_a_creator_credited_asks_for_the_article_s_author() -> None:
    assert ASKS_ARTICLE.search("Vem står som upphovsperson till text och bilder i artikeln om Fronten i Mo Cay Bac?")
    # a model credited with a product is no author
    assert not ASKS_ARTICLE.search("In the Quang Nam article, which model is credited with the turmeric products?")


def test_vietnamese_pronouns_carry_no_topic() -> None:
    # 'Bài phỏng vấn ông được đăng vào ngày nào?' (when was the interview with him published) is about no 'ông'
    assert content_words("Bài phỏng vấn ông được đăng vào ngày nào?") == ["bài", "phỏng", "vấn", "đăng", "ngày"]


@pytest.mark.parametrize(
    ("asked", "claim"),
    [
        ("I heard the Ha Tinh Front built 4 000 houses in 2023. Is that correct?",
         "Is it true that the Ha Tinh Front built 4 000 houses in 2023?"),
        ("My notes say Hanoi has 30 districts. Are these numbers right?", "Is it true that Hanoi has 30 districts?"),
        ("On m'a dit que Tra Ka vend ses pilules de miel chez Big C. C'est exact ?",
         "Est-il vrai que Tra Ka vend ses pilules de miel chez Big C ?"),
        ("J'ai lu que le modèle a démarré en 2019.", "Est-il vrai que le modèle a démarré en 2019 ?"),
        ("J'ai lu qu'il y a 30 districts à Hanoï. C'est exact ?", "Est-il vrai qu'il y a 30 districts à Hanoï ?"),
        ("Jag har läst att Hanoi har 30 distrikt. Stämmer det?", "Stämmer det att Hanoi har 30 distrikt?"),
        ("I Quang Nam valdes 25 modeller ut. Är det korrekt?", "Stämmer det att I Quang Nam valdes 25 modeller ut?"),
        ("Nghe nói Hà Tĩnh có 12 huyện. Có đúng không?", "Có đúng là Hà Tĩnh có 12 huyện không?"),
    ],
)  # fmt: skip
def test_a_claim_reported_is_asked_as_whether_it_holds(asked: str, claim: str) -> None:
    from assistant.languages import VERIFIES, as_claim

    assert as_claim(asked, question_language(asked)) == claim
    assert VERIFIES.search(claim)


@pytest.mark.parametrize(
    "asked",
    [
        "I read the report on Ha Tinh. Who chaired the conference?",  # no claim: 'read' without 'that'
        "I heard about the Yagi storm. How many houses did Hanoi repair?",
        "Which is the right figure for Hanoi's poverty rate?",
        "The Front built houses in Mo Cay Bac. How many?",  # a closing question that asks more than whether it holds
        "Jag har hört om stormen Yagi. Hur många hus reparerades?",
        "Hà Nội có bao nhiêu xã đạt chuẩn nông thôn mới?",
        "I read that the Front built 40 houses in Ha Tinh. Who led it?",  # a question of its own after the claim
        "Nghe nói Hà Tĩnh có bao nhiêu huyện?",  # an opening before a question of its own
        "Selon mes notes, qui a présidé la conférence ?",
        "Combien de maisons, est-ce que le Front en a construit en 2023 ?",  # 'est-ce que' asks on: no guess
        "Who chaired the meeting, was it in Hanoi?",  # a place asked, no guess
    ],
)
def test_a_question_that_reports_no_claim_is_left_as_it_is(asked: str) -> None:
    from assistant.languages import as_claim

    assert as_claim(asked, question_language(asked)) == asked


def test_a_yes_or_no_about_a_person_or_a_thing_asks_whether_a_claim_holds() -> None:
    from assistant.languages import VERIFIES

    assert VERIFIES.search("Är Nguyen Hai Ha vice ordförande för distriktets front?")
    assert VERIFIES.search("Was it the Ring Road 3 project that Hanoi cleared land for?")
    assert VERIFIES.search("How much profit did it bring? Was that for 2021?".split("? ")[1])
    assert not VERIFIES.search("Var det fondens belopp som rapporten nämner, eller ett annat?")  # a choice
    assert not VERIFIES.search("Is the Front active in Hanoi?")  # no person named
    assert not VERIFIES.search("Is Ha Tinh among the poorest provinces?")  # a place, no person
    assert not VERIFIES.search("Var det många som deltog i konferensen?")  # were there many
    assert not VERIFIES.search("Was it the provincial Front or the district Front that built the houses?")


def test_a_guess_after_a_question_goes_and_a_belief_is_a_claim() -> None:
    from assistant.languages import VERIFIES, as_claim

    assert as_claim("Which supermarket sells the pills, is it Big C?", "en") == "Which supermarket sells the pills?"
    assert as_claim("Sản phẩm được bán ở siêu thị nào, có phải Big C không?", "vi") == (
        "Sản phẩm được bán ở siêu thị nào?"
    )
    assert as_claim("Is it Hanoi, is it right?", "en") == "Is it Hanoi, is it right?"  # no question of its own
    assert VERIFIES.search("Did the income merely double, as I had assumed?")
    assert VERIFIES.search("Le revenu a-t-il doublé, comme je le pensais ?")


def test_a_weekday_is_told_from_a_date() -> None:
    from assistant.languages import ASKS_DAY, ASKS_WEEKDAY, WEEKDAY

    assert ASKS_WEEKDAY.search("On which day of the week did the leaders meet?")
    assert ASKS_WEEKDAY.search("Quel jour de la semaine la conférence a-t-elle eu lieu ?")
    assert not ASKS_WEEKDAY.search("On which day did the leaders meet?")
    assert not ASKS_WEEKDAY.search("Đại hội lần thứ mấy của Mặt trận được nhắc đến?")  # which (ordinal) congress
    assert ASKS_DAY.search("On what day did the leaders meet?")
    assert WEEKDAY.search("Le lundi 22 janvier") and WEEKDAY.search("thứ Hai, 22/1")
    assert not WEEKDAY.search("Dans l'après-midi du 22 janvier") and not WEEKDAY.search("Mondayx")
    assert ASKS_MONEY.search("Quelle somme le modèle a-t-il distribuée ?")


def test_a_claim_s_figure_asked_again_is_the_claim_asked_about() -> None:
    from assistant.languages import as_claim

    asked = "J'ai entendu dire que le Front a bâti 40 maisons. Combien en donne l'article ?"
    assert as_claim(asked, "fr") == "Est-il vrai que le Front a bâti 40 maisons ?"
    asked = "I heard the Front built houses in Mo Cay Bac. How many were there?"
    assert as_claim(asked, "en") == asked


def test_a_question_with_no_question_word_asks_yes_or_no_and_a_cleft_asks_who_did_it() -> None:
    from assistant.languages import asks_yes_or_no, cleft_person

    assert asks_yes_or_no("La résolution n° 35 de Quang Nam énonce-t-elle cinq tâches ?")
    assert asks_yes_or_no("Startade teamet i Kim Doi 2021, och då med 12 medlemmar?")
    assert asks_yes_or_no("Who chaired it? Did Hanoi build 40 houses?")  # the last question of a text
    assert not asks_yes_or_no("Combien de tâches la résolution n° 35 énonce-t-elle ?")
    assert not asks_yes_or_no("Did Hanoi build more houses or more schools?")  # a choice
    assert not asks_yes_or_no("Hanoi built 40 houses.")
    assert cleft_person("Var det Le Ngoc Chau som ledde konferensen i Ha Tinh?", "sv") == (
        "Le Ngoc Chau",
        "Vem ledde konferensen i Ha Tinh?",
    )
    assert cleft_person("Est-ce Pham Anh Tuan qui préside le Comité du Front, avec X comme adjointe ?", "fr") == (
        "Pham Anh Tuan",
        "Qui préside le Comité du Front ?",
    )
    assert cleft_person("Was it the Ring Road 3 project that Hanoi cleared land for?", "en") is None  # no person


def test_advice_for_the_user_s_own_doing_is_told_from_what_the_documents_say() -> None:
    from assistant.languages import asks_advice

    assert asks_advice("How do I apply for a Vietnamese e-visa online?")
    assert asks_advice("Vad är det bästa sättet för en svensk att lära sig vietnamesiska?")
    assert not asks_advice("How do we know the Front built 40 houses?")  # 'we': not the user's own doing
    assert asks_advice("Comment puis-je devenir membre du Front ?")
    assert not asks_advice("According to Do Anh Tuan, what is the best way to mobilise the people?")
    assert not asks_advice("Quelle est, selon l'article, la meilleure façon de reproduire les modèles ?")
    assert not asks_advice("How did the Front help the poor households?")


def test_who_a_person_is_and_a_cleft_name_the_one_asked_about() -> None:
    from assistant.languages import cleft_person, who_is

    assert who_is("Who is Do Anh Tuan?") == who_is("Who’s Do Anh Tuan?") == "Do Anh Tuan"
    assert who_is("Đỗ Anh Tuấn là ai?") == "Đỗ Anh Tuấn" and who_is("Vem är Pham Anh Tuan?") == "Pham Anh Tuan"
    assert who_is("Qui est le président ?") is None
    assert cleft_person("Var det Lê Ngọc Châu som ledde konferensen i Ha Tinh, år 2024?", "sv") == (
        "Lê Ngọc Châu",
        "Vem ledde konferensen i Ha Tinh, år 2024?",
    )
    assert cleft_person("Was it Tran Van Ky that the conference elected?", "en") is None  # the person its object


def test_a_cleft_may_give_the_person_a_post() -> None:
    from assistant.languages import cleft_person, cleft_post

    asked = "Was it the chair of the provincial People's Council, Le Ngoc Chau, who answered the delegates?"
    assert cleft_person(asked, "en") == ("Le Ngoc Chau", "Who answered the delegates?")
    assert cleft_post(asked) == "the chair of the provincial People's Council"
    assert cleft_post("Var det Le Ngoc Chau som ledde konferensen i Ha Tinh?") is None
    assert cleft_person("Est-ce Hoang Trung Dung qui a pris la parole ?", "fr") == (
        "Hoang Trung Dung",
        "Qui a pris la parole ?",
    )
    # (a surname 'Le' opens no post)
    assert cleft_post("Est-ce Le Ngoc Chau qui a répondu, et Tran The Dung qui a présidé ?") is None


def test_an_article_title_is_asked_as_such_and_not_a_persons_or_a_models() -> None:
    from assistant.languages import ASKS_ARTICLE_TITLE

    titled = ("What is the title of the article about Quang Nam?", "Quel est le titre de l'article sur Hanoi ?",
              "Vad heter artikeln om Quang Nam?", "Bài viết về Quảng Nam mang tiêu đề gì?",
              "What is the headline of the Mo Cay Bac article?",
              "Comment s'intitule l'article sur Hanoi ?")  # fmt: skip
    for asked in titled:
        assert ASKS_ARTICLE_TITLE.search(asked), asked
    for other in ("What title does Nguyen Hai Ha hold?", "Vad heter ordföranden?", "Mô hình đó có tên là gì?",
                  "What is the title of the person quoted in the article?", "What is the title of the report's author?",
                  "What is the model described in the article called?", "Comment s'intitule le programme de Hanoi ?",
                  "Trong bài báo, mô hình ở Quảng Nam có tên là gì?", "Bài học kinh nghiệm có tên là gì?"):  # fmt: skip
        assert not ASKS_ARTICLE_TITLE.search(other), other


def test_a_sum_spent_a_leader_and_a_kind_of_institution_asked() -> None:
    from assistant.evidence import LEADS
    from assistant.languages import ASKS_MONEY, ASKS_SOMEONE, institutions

    assert ASKS_MONEY.search("How much did Hanoi spend on health insurance cards?")
    assert ASKS_MONEY.search("Hur mycket lade Hanoi på sjukförsäkringskorten?")
    assert ASKS_MONEY.search("Combien la ville a-t-elle consacré aux maisons ?")
    assert not ASKS_MONEY.search("How much time did the cadres spend on training?")
    for led in ("By whom is the bloc led?", "Le Bloc est dirigé par qui ?", "Av vem leds blocket?"):
        assert LEADS.search(led), led
    assert ASKS_SOMEONE.search("Quel dirigeant du Front municipal s'est exprimé ?")
    assert ASKS_SOMEONE.search("Lãnh đạo nào phát biểu tại hội nghị?")
    for other in ("What official figures does the report give?", "Cơ quan lãnh đạo nào chỉ đạo phong trào?"):
        assert not ASKS_SOMEONE.search(other), other
    assert institutions("Which construction company built it?") == {"company"}
    assert institutions("Ngân hàng nào cho vay?") == {"bank"}
    for other in ("Who are the ambassadors of the movement?", "a firm commitment", "toute la société"):
        assert not institutions(other), other


def test_a_law_or_a_school_asked_for_and_a_plan_for_a_year() -> None:
    from assistant.evidence import asked_plan_years, planned_years
    from assistant.languages import ASKS_LAW, ASKS_SCHOOL, NAMES_LAW, NAMES_SCHOOL

    for asked in ("Which law governs the Front?", "Quelle loi encadre le Front ?", "Vilken lag reglerar fronten?",
                  "Luật nào quy định việc này?", "What does the Law on Grassroots Democracy say?"):  # fmt: skip
        assert ASKS_LAW.search(asked), asked
    for other in ("Which laws of the State did the Front help implement?", "Comment faire respecter la loi ?",
                  "What laws did the Front in Ha Tinh propagate to the people?", "Vilket lag vann?",
                  "Which law enforcement agencies took part?", "Mặt trận đã tuyên truyền pháp luật nào?",
                  "Hur många lagförslag granskades?", "tuyên truyền pháp luật cho người dân"):  # fmt: skip
        assert not ASKS_LAW.search(other), other
    for named in ("la loi sur le Front de la Patrie du Vietnam", "la loi n°35", "le décret 59/2023"):
        assert NAMES_LAW.search(named), named
    assert not NAMES_LAW.search("les directives du Parti, les lois de l'État")
    for asked in ("Quel lycée de Mo Cay Bac…", "Which primary school got…", "Vilken skola…", "Trường tiểu học nào…"):
        assert ASKS_SCHOOL.search(asked), asked
    for other in ("What school supplies did the Front give?", "Trong trường hợp nào?", "fournitures scolaires"):
        assert not ASKS_SCHOOL.search(other), other
    assert NAMES_SCHOOL.search("l'école primaire de Tan Thanh") and not NAMES_SCHOOL.search("portes d'école sécurisées")
    assert asked_plan_years("Quelles tâches ont-ils fixées pour l'année 2023 ?") == {"2023"}
    assert not asked_plan_years("What tasks did the Front in Ha Tinh accomplish effectively for 2023?")
    assert not asked_plan_years("What were the results for 2023?")
    assert planned_years("…évaluer les résultats des activités en 2023 et déployer les tâches pour 2024.") == {"2024"}
    assert not planned_years("les objectifs pour 2021-2025")


def test_a_pronoun_that_points_at_a_person_a_follow_up_asks_of() -> None:
    from assistant.answering import _POINTED_SOURCE, _POINTED_SUBJECT

    for pointing in ("Et d'après ses déclarations, quels contenus…", "According to her, what…", "Enligt honom, vad…",
                     "Theo bà ấy, Mặt trận…", "Selon lui, combien…"):  # fmt: skip
        assert _POINTED_SOURCE.search(pointing), pointing
    for other in ("Theo bà Nguyễn Lan Hương, Mặt trận…", "According to her report, what…", "Selon le Front, quels…"):
        assert not _POINTED_SOURCE.search(other), other
    assert _POINTED_SUBJECT["en"].search("What did she say about the courses?")
    assert not _POINTED_SUBJECT["en"].search("How many households did the Han family support?")
    assert _POINTED_SUBJECT["sv"].search("Vad sa han om utbildningen?")


def test_the_whole_country_asked_of() -> None:
    from assistant.evidence import NATIONWIDE

    for asked in ("Combien de provinces le Vietnam compte-t-il ?", "Hur hög är fattigdomsgränsen i Vietnam?",
                  "What is the poverty rate in Vietnam?", "Có bao nhiêu hộ nghèo ở Việt Nam?"):  # fmt: skip
        assert NATIONWIDE.search(asked), asked
    for other in ("What role does the Vietnam Fatherland Front play?", "le rôle du Front de la Patrie du Vietnam",
                  "Vai trò của Mặt trận Tổ quốc Việt Nam là gì?", "Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh"):  # fmt: skip
        assert not NATIONWIDE.search(other), other


def test_a_things_name_asked() -> None:
    from assistant.languages import ASKS_NAME

    for asked in ("Comment s'appelle la coopérative ?", "Vad heter zalo-gruppen?", "Mô hình này có tên là gì?",
                  "What is the name of the handbook model?", "What is the Quang Nam model called?"):  # fmt: skip
        assert ASKS_NAME.search(asked), asked
    assert not ASKS_NAME.search("How many homes were built?")


def test_numbers_written_in_thousands_are_joined() -> None:
    from assistant.languages import joined_thousands

    joined = joined_thousands("4,450 homes and 3 172 maisons, 104,3 milliards")
    assert joined == "4450 homes and 3172 maisons, 104,3 milliards"
    assert joined_thousands("2 000 members, 0,035 %") == "2000 members, 0,035 %"  # grouped, not a decimal


def test_roman_numerals() -> None:
    from assistant.languages import ROMAN, roman_value

    assert roman_value("XVII") == 17 and roman_value("IV") == 4
    assert ROMAN.fullmatch("XVII") and not ROMAN.fullmatch("I") and not ROMAN.fullmatch("V")


def test_the_kinds_listed_in_brackets_are_counted() -> None:
    from assistant.languages import counted

    assert counted("Combien d'unités administratives (communes, quartiers, villes) ?")[-3:] == [
        "communes", "quartiers", "villes"
    ]  # fmt: skip
    assert "only" not in counted("How many only had their homes repaired?")
    assert counted("How many members (in 2022) joined?") == ["members"]  # brackets that list no kinds


def test_a_tag_question_verifies_a_claim() -> None:
    from assistant.languages import VERIFIES

    assert VERIFIES.search("The city finished two years early, doesn't it?")
    assert VERIFIES.search("They built 30 houses, didn't they?")
    assert not VERIFIES.search("Why didn't they build more houses?")


def test_how_cheaply_a_thing_was_done_asks_no_sum() -> None:
    from assistant.languages import asks_money

    assert not asks_money("Qu'ont créé les villages pour des funérailles à moindre coût ?")
    assert not asks_money("How were the houses built at low cost?")
    assert not asks_money("Hur ordnades begravningarna till låg kostnad?")
    assert asks_money("Combien a coûté la route ?") and asks_money("What was the budget?")


def test_what_a_question_sets_aside_is_read_apart() -> None:
    from assistant.languages import BESIDES

    assert BESIDES.sub(" ", "Apart from the two co-chairs, who attended?") == " , who attended?"
    assert BESIDES.sub(" ", "Förutom ordföranden, vem deltog?") == " , vem deltog?"
    assert BESIDES.sub(" ", "En outre, qui a présidé ?") == "En outre, qui a présidé ?"  # 'moreover'
    assert BESIDES.sub(" ", "Có bao nhiêu người nước ngoài?") == "Có bao nhiêu người nước ngoài?"  # 'abroad'


def test_a_sentence_that_points_back() -> None:
    from assistant.languages import POINTS_BACK

    assert POINTS_BACK.match("C'est la prémisse de la création d'une coopérative.")
    assert POINTS_BACK.match("Đây là tiền đề để thành lập hợp tác xã.") and POINTS_BACK.match(
        "This was the first step."
    )
    assert POINTS_BACK.match("Ce dernier établit ensuite une synthèse.") and POINTS_BACK.match("The latter reports.")
    assert not POINTS_BACK.match("C'est pourquoi la découverte des modèles compte.")
    assert not POINTS_BACK.match("Det är värt att notera att pandemin…")


def test_what_is_set_aside_ends_where_the_question_asks_its_own() -> None:
    from assistant.evidence import _roles
    from assistant.languages import BESIDES

    # no comma: the clause ends at the question's own 'which', 'còn', 'ra', not at the question mark
    assert _roles(BESIDES.sub(" ", "Besides the two secretaries which vice-chair of the Council attended?")) == (
        "chair",
        True,
    )
    assert _roles(BESIDES.sub(" ", "Ngoài hai Bí thư còn có Phó Chủ tịch HĐND nào tham dự?")) == ("chair", True)
    assert _roles(BESIDES.sub(" ", "Ngoài Chủ tịch ra ai là Phó Chủ tịch?")) == ("chair", True)
    # a relative 'who' stays in the clause set aside
    assert _roles(BESIDES.sub(" ", "Besides the two secretaries who chaired it, who attended?")) == (None, False)
    # words that only hold the letters: 'phòng trừ sâu bệnh' (pest control), 'outre-mer', 'à part entière'
    for text in (
        "Ai là chủ tịch hội phòng trừ sâu bệnh?",
        "Qui préside le comité d'outre-mer ?",
        "Qui est membre à part entière du comité ?",
    ):
        assert BESIDES.sub(" ", text) == text


def test_a_time_named_last_does_not_point_back() -> None:
    from assistant.languages import POINTS_BACK

    assert not POINTS_BACK.match("Ces dernières années, le Front a construit 300 maisons.")
    assert not POINTS_BACK.match("Ce dernier trimestre, les recettes ont augmenté.")
    assert not POINTS_BACK.match("Den senare delen av året präglades av stormar.")
    assert POINTS_BACK.match("Ces derniers ont reçu des certificats de mérite.")


def test_a_sum_asked_with_a_low_cost_is_still_a_sum() -> None:
    from assistant.languages import asks_money

    assert asks_money("Chi phí thấp nhất cho mỗi căn nhà là bao nhiêu?")  # the lowest cost: a sum
    assert asks_money("Mô hình giúp tiết kiệm chi phí bao nhiêu mỗi năm?")  # what was saved: a sum
    assert not asks_money("Các làng tổ chức tang lễ với chi phí thấp như thế nào?")


def test_a_field_a_motto_and_a_figure_only_where_asked() -> None:
    from assistant.languages import ASKS_FIELD, ASKS_FIGURE, ASKS_MOTTO, MOTTO

    assert ASKS_FIELD.search("Which area do Hanoi's models of 'safe school gates' belong to?")
    assert ASKS_FIELD.search("Các mô hình như cổng trường an toàn được xếp vào nhóm nào?")
    assert ASKS_FIELD.search("Dans quel domaine le modèle a-t-il été mis en œuvre ?")
    assert not ASKS_FIELD.search("Which area of the province has the most poor households?")  # a place
    assert not ASKS_FIELD.search("Nhóm nào được hỗ trợ nhiều nhất?")  # a group of people
    assert not ASKS_MOTTO.search("Who devises the inspection plan?")
    assert not MOTTO.search("Les réserves de devises ont augmenté.")  # currencies
    assert ASKS_MOTTO.search("Quelle formule résume l'approche de Hanoi ?")
    assert not ASKS_FIGURE.search("Selon le rapport 2023, combien des 104 ménages ont un logement ?")
    assert ASKS_FIGURE.search("Vad står bråket 382/382 för?")


def test_a_hyphenated_school_is_no_school_asked() -> None:
    # 'school-related' qualifies the model asked: a document that names no school can still answer
    from assistant.languages import kinds_asked

    assert "school" not in kinds_asked("Which school-related model is cited among Hanoi's security initiatives?")
    assert "school" in kinds_asked("Which school received the supplies?")


def test_pay_asked_is_money_and_pay_spoken_of_is_not() -> None:
    from assistant.languages import asks_money

    for asked in ["Lương hằng tháng của cán bộ xã là bao nhiêu?", "What salary does a Front cadre earn?",
                  "Quel est le salaire mensuel des cadres ?", "Hur hög lön får en frontkadrer?"]:  # fmt: skip
        assert asks_money(asked), asked
    for spoken in ["Outre de meilleurs salaires, que doivent bâtir les entreprises ?", "Bao nhiêu tấn lương thực?",
                   "Ông Lương Nguyễn Minh Triết giữ chức vụ gì?", "Qui renonce à tout salaire ?"]:  # fmt: skip
        assert not asks_money(spoken), spoken
