"""Relation patterns over masked sentences (⟦P0⟧ a person, ⟦F1⟧ a film, ⟦D2⟧ a date)."""

from __future__ import annotations

import regex

P = r"⟦P\d+⟧"
F = r"⟦F\d+⟧"
D = r"⟦D\d+⟧"
HONORIFIC = (
    r"(?:(?:Dr|Mr|Mrs|Ms|Lt|Sgt|Capt|Col|Gen|Det|Prof|St|Sir|Dame|Lady|Lord|Chief|Mayor|"
    r"Colonel|Captain|Agent|Detective|Officer|Professor|Doctor|Signor|Uncle|Aunt|King|Queen|"
    r"Prince|Princess|Major|Lieutenant|Sergeant|Judge|Father|Sister|Count|Baron)\.?\s)"
)
CAP_WORD = r"\p{Lu}[\p{L}'’.-]*[\p{L}.]|\p{Lu}"
CHARACTER = (
    rf"(?P<c>{HONORIFIC}?(?:⟦[PF]\d+⟧|(?:{CAP_WORD})(?:\s(?:of\s|the\s|de\s|von\s|van\s)?"
    rf"(?:{CAP_WORD})){{0,3}}))"
)
DESCRIPTOR = (
    r"(?:(?:\p{Lu}[\p{L}]*|⟦[PF]\d+⟧)[’']s\s+(?:[\p{Ll}-]+\s+){0,3}?[\p{Ll}-]+,?\s+)?"
    r"(?:\p{Lu}{2,}\s+(?=\p{Ll}))?(?:(?!(?:the|a|an|in|of|on|at|for|to|and|with|his|her|their|its|new|role|part|by|from|"
    r"quoted|reported|per|well|such|usual|seen|shown|told|noted|if|though|soon|long|much)\b)"
    r"[\p{Ll}\d-]+\s){0,3}"
)
PAREN = r"(?:\s*\([^)]{1,80}\))?"
# "Rupert Grint, 11, will play ...": an age in apposition.
AGE = r"(?:,\s+\d{1,3}(?=,))?"
# "their bookish friend, Hermione Granger": a description in apposition before the name.
APPOSED = r"(?:(?:his|her|their|its|the|a|an)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+,\s+)"

AS_CHARACTER = regex.compile(
    rf"(?P<p>{P}){PAREN},?\s+\(?(?i:as)\s+(?:{APPOSED}|(?:the\s+)?{DESCRIPTOR}){CHARACTER}"
)
KNOWN_FOR_ROLE = regex.compile(
    rf"(?P<p>{P})[^;]{{0,60}}?\bknown\s+(?:best\s+)?for\s+(?:(?:his|her|their)\s+)?(?:\w+\s+)?"
    rf"roles?\s+as\s+{CHARACTER}"
)
KNOWN_FOR_WORK = regex.compile(rf"(?P<p>{P})[^;]{{0,60}}?\bknown\s+(?:best\s+)?for\s+(?P<f>{F})")
# "Tamsin Roe, the Bristol-born actor who carried X, returns as ...": an apposition.
APPOSITION = (
    r"(?:,\s+(?:the|a|an)\s+(?:[^,;⟦]|⟦P\d+⟧){1,80}(?:⟦F\d+⟧[”\"’']?[^,;⟦]{0,20})?,[”\"’']?)?"
)
PLAYS = regex.compile(
    rf"(?P<p>{P}){PAREN}{AGE}{APPOSITION},?\s+(?:(?:who|will|would|is|was|has|had|also|set|to|be|been|signed|on|"
    r"going|slated|in|talks|negotiating|now|then|reportedly|currently|already)\s+)*"
    r"(?i:play|plays|played|playing|portray|portrays|portrayed|portraying|voice|voices|voiced|"
    r"voicing|star\s+as|stars\s+as|starring\s+as|starred\s+as|co-stars?\s+as|appears?\s+as|"
    r"cast\s+as|(?:is\s+|are\s+)?(?:also\s+)?back\s+as|reprises?\s+(?:his|her|their)\s+role\s+as|reprising\s+(?:his|her|their)\s+role\s+as|"
    r"returns?\s+(?:to\s+the\s+fold\s+)?as|returning\s+as|take\s+on\s+the\s+role\s+of|tackle\s+the\s+role\s+of|"
    r"turns?\s+up\s+as|shows?\s+up\s+as|"
    r"suit\s+up\s+as|"
    # A review's praise names the part: "Claire Foy excels as Neil's stoic wife, Janet".
    r"(?:excels?|excelled|shines?|shone|impresses|impressed|dazzles|dazzled|sparkles|"
    r"(?:is|was)\s+(?:also\s+|equally\s+|quite\s+|very\s+|simply\s+)?(?:excellent|terrific|"
    r"superb|great|wonderful|brilliant|fine|solid|memorable|marvell?ous|outstanding|effective|"
    r"convincing|moving|perfect|compelling|strong|impressive|fantastic|riveting|heartbreaking|"
    r"hilarious|chilling|good|magnetic|mesmerising|mesmerizing|luminous)|"
    # "Inès Belkacem, remarkable as Yasmina": praise in apposition.
    r",\s+(?:remarkable|superb|excellent|terrific|brilliant|wonderful|outstanding|memorable|"
    r"moving|magnetic|luminous|unforgettable|riveting)"
    r")\s+as)\s+"
    rf"(?:the\s+)?(?:{APPOSED}|{DESCRIPTOR}){CHARACTER}"
)
VOICE_TO = regex.compile(
    rf"(?P<p>{P})\s+(?:\w+\s+){{0,3}}?lends?\s+(?:his|her|their)\s+voices?\s+to\s+{DESCRIPTOR}{CHARACTER}"
)
# "Kenyon is Ray Coulter, a salvage man working the wrecks": a full name, then what the
# part is.
IS_NAMED_ROLE = regex.compile(
    rf"(?P<p>{P})\s+is\s+(?P<c>{HONORIFIC}?(?:{CAP_WORD})(?:\s(?:{CAP_WORD})){{1,2}}|⟦P\d+⟧),\s+"
    r"(?:a|an|the)\s+\p{Ll}"
)
IS_CHARACTER = regex.compile(rf"(?P<p>{P})\s+(?:is|will\s+be)\s+{DESCRIPTOR}{CHARACTER}")
PLAYED_BY = regex.compile(
    rf"{CHARACTER},?\s+(?:who\s+is\s+|is\s+|will\s+be\s+|was\s+)?"
    rf"(?:(?:the|a|an)\s+(?:[\p{{Ll}}-]+\s+){{0,3}}?)?(?:played|portrayed|voiced)\s+by\s+"
    rf"(?:[\p{{L}}-]+\s+){{0,4}}?(?P<p>{P})(?!,?\s+and\s+{P},?\s+respectively)"
)
# "Isha and Shiva, played by Alia Bhatt and Ranbir Kapoor respectively".
RESPECTIVELY = regex.compile(
    rf"(?P<roles>(?:{CAP_WORD})(?:\s(?:{CAP_WORD})){{0,2}}(?:,\s+(?:{CAP_WORD})(?:\s(?:{CAP_WORD})){{0,2}})*"
    rf",?\s+and\s+(?:{CAP_WORD})(?:\s(?:{CAP_WORD})){{0,2}}),?\s+(?:played|portrayed|voiced)\s+by\s+"
    rf"(?P<people>{P}(?:(?:,\s+|,?\s+and\s+){P})+),?\s+respectively"
)
# "Bill Skarsgård ("It") and Maika Monroe play Mickey and Jules": two or more actors and as
# many roles, paired in order (the "respectively" is understood).
PAIRED_ROLE = rf"(?:{HONORIFIC}?(?:{CAP_WORD})(?:\s(?:{CAP_WORD})){{0,2}}|⟦P\d+⟧)"
PAIRED_ROLE_NAME = regex.compile(PAIRED_ROLE)
PEOPLE_PLAY_ROLES = regex.compile(
    rf"(?P<people>{P}{PAREN}(?:,\s+{P}{PAREN})*,?\s+and\s+{P}{PAREN}),?\s+"
    r"(?:(?:will|would|also|who|now|respectively)\s+)*"
    r"(?:play|portray|voice|star\s+as|are\s+cast\s+as|have\s+been\s+cast\s+as|"
    r"are\s+(?:back|returning)\s+(?:voicing|playing|as)|return\s+as|reprise\s+their\s+roles\s+as)\s+"
    rf"(?P<roles>{PAIRED_ROLE}(?:,\s+{PAIRED_ROLE})*,?\s+and\s+{PAIRED_ROLE})(?![\p{{L}}\d])"
)
# "Margot Robbie's Harley Quinn": an actor's possessive before a role name.
ACTOR_POSSESSIVE_ROLE = regex.compile(
    rf"(?P<p>{P})[’']s\s+(?P<c>(?:{CAP_WORD})(?:\s(?:{CAP_WORD})){{0,2}})(?=[\s,.;:)]|$)(?!\s+⟦)"
    # "Jackson's Unbreakable villain": the name qualifies the role noun after it.
    r"(?!\s+(?:villain|character|hero|heroine|role|alter\s+ego|persona|sidekick)\b)"
)
# "the Akshay Kumar-starrer Pad Man".
STARRER = regex.compile(rf"(?P<p>{P})[-–]starrer\s+(?P<f>{F})")
ROLE_OF = regex.compile(
    rf"(?P<p>{P})\s+(?:(?:has|have|had|is|was|will|also|been|just|now|then|reportedly|officially|"
    r"to|be)\s+)*(?:snagged|landed|won|nabbed|got|earned|secured|scored|took|taken|take|up\s+for|"
    r"offered|play|plays|played|in\s+talks\s+for|eyed\s+for|considered\s+for)\s+(?:the\s+)?"
    rf"(?:\w+\s+)?(?:role|part)\s+of\s+(?:the\s+)?{CHARACTER}"
    rf"|(?P<p2>{P})[’'‘]s\s+(?:\w+\s+)?(?:performance|turn)\s+as\s+{CHARACTER}"
)
# "Takako (Setsuko Hara, another Ozu regular)": what follows the comma describes the actor.
CHARACTER_PAREN_ACTOR = regex.compile(rf"{CHARACTER}\s+\((?P<p>{P})(?:,[^()]{{1,60}})?\)")
DESCRIBED_PAREN_ACTOR = regex.compile(rf"(?<=[\p{{Ll}}]\s)\((?P<p>{P})\)")
ACTOR_PAREN_WORK = regex.compile(
    rf"(?P<p>{P})\s+\([“\"‘']?(?P<w>{F}|\p{{Lu}}[^()“”\"]{{1,50}}?)[”\"’']?\)"
)

LIST_ITEM = rf"{P}{PAREN}(?:\s+\(?as\s+(?:the\s+)?{DESCRIPTOR}(?:{HONORIFIC}?(?:⟦[PF]\d+⟧|(?:{CAP_WORD})(?:\s(?:{CAP_WORD})){{0,3}}))\)?)?"
PERSON_LIST = (
    rf"{LIST_ITEM}(?:(?:,\s+|,?\s+and\s+|,?\s+as\s+well\s+as\s+|,?\s+plus\s+){LIST_ITEM})*"
)
CAST_TRIGGER_BEFORE = regex.compile(
    r"\b(?i:starring|stars|co-starring|co-stars|featuring|features|alongside|with|including|"
    r"includes|include|joined\s+by|opposite|cast\s+of|stars?\s+are|in\s+the\s+cast\s+by|"
    r"(?:that|who)\s+appear\s+are|appearances\s+(?:by|from)|"
    r"role\s+for|replaced\s+by)\s+"
    r"(?:(?:the\s+)?(?:[\p{Ll}-]+\s+){0,3}?(?:stars?|actors?|actresses|leads?|cast\s+members?|"
    r"names|likes\s+of)\s+|(?:the\s+)?(?:previously\s+|recently\s+|newly\s+)?"
    r"(?:reported|announced|confirmed|rumored|rumoured|mentioned)\s+)?"
    rf"(?P<list>{PERSON_LIST})"
)
CAST_TRIGGER_AFTER = regex.compile(
    rf"(?P<list>{PERSON_LIST}),?\s+(?:(?:are|were|is|will|would|have|has|had|all|also|both|now|"
    r"set|to|be|been|still|reportedly|officially|negotiating|in\s+talks|expected|going|"
    r"rumored|rumoured|might|may|could)\s+)*(?:star|stars|starring|return|returning|"
    r"co-stars?|co-starring|appear|in\s+undisclosed\s+roles|round\s+out|join|joins|joined|"
    r"plays|played(?!\s+by)|portrays|portrayed(?!\s+by)|portray|"
    r"signed\s+on|board|boarded|lead|headline|reprise|reprising|will\s+be\s+reprising|play|"
    r"testing\s+for|screen-testing|circling|reunite|up\s+for)\b"
    r"(?!\s+(?:on\s+)?to\s+(?:direct|helm|write|co-write|produce|score|executive))"
)
# Not "the actress Brennan had spotted in Berlin": there the name opens a relative clause.
ROLE_NOUN_PERSON = regex.compile(
    rf"\b(?:actor|actress|star|co-star|newcomer)\s+(?:and\s+\w+\s+)?(?P<p>{P})"
    r"(?!\s+(?:had|has|have|would|once|first|later|then)\s+\p{Ll})"
)
JOINED = regex.compile(
    rf"(?P<p>{P})(?:,[^,;]{{0,90}},)?\s+(?:has\s+|have\s+|had\s+|officially\s+|recently\s+)*"
    r"(?:joined|boarded|signed\s+on|was\s+cast|has\s+been\s+cast|been\s+added|was\s+added|"
    r"snagged|landed|won|nabbed|scored|secured)\b"
    r"(?!\s+(?:on\s+)?to\s+(?:direct|helm|write|co-write|produce|score|executive))"
)

DIRECTED_BY = regex.compile(
    rf"\b(?i:directed|helmed)(?:,[^,]{{1,40}},)?\s+by\s+(?:\p{{Lu}}\p{{L}}+[’']s\s+)?"
    rf"(?:(?P<first>\p{{Lu}}\p{{Ll}}+)\s+and\s+)?"
    rf"(?P<p>{P})(?:\s+and\s+(?P<p2>{P}))?"
)
# "co-directed by three women – Li Shaohong, Joan Chen, and Sylvia Chang"; "directed by A, B
# and C".
DIRECTED_BY_LIST = regex.compile(
    r"\b(?i:directed|helmed)\s+by\s+(?:(?:[\p{L}\d-]+\s+){1,3}[–—:-]\s+)?"
    rf"(?P<p>{P}),\s+(?P<p2>{P})(?:,?\s+and\s+(?P<p3>{P})|,\s+(?P<p3>{P}),?\s+and\s+(?P<p4>{P}))"
    rf"|\b(?i:directed|helmed)\s+by\s+(?:[\p{{L}}\d-]+\s+){{1,3}}[–—:-]\s+(?P<p>{P})\s+and\s+"
    rf"(?P<p2>{P})"
)
DIRECTOR_NOUN = regex.compile(
    r"(?<!(?i:artistic|festival|managing|creative|executive|casting|music|art|programme|program|"
    r"general|technical|marketing|photography|fellow|another|other|series|franchise|original|"
    r"former|late)\s)"
    rf"\b(?i:director|filmmaker|helmer|dir\.)\s+(?P<p>{P})(?:[’']s\s+(?:[\p{{Ll}}-]+\s+){{0,3}}(?P<f>{F}))?"
)
WILL_DIRECT = regex.compile(
    rf"(?P<p>{P})(?:,[^,]{{1,60}},)?\s+(?:\w+\s+){{0,5}}?to\s+(?:direct|helm)\b"
    rf"|(?:hired|tapped|chosen|picked|signed|enlisted|brought\s+on)\s+[^.;]{{0,50}}?(?P<p2>{P})\s+to\s+(?:direct|helm)\b"
    rf"|(?P<p3>{P})(?:,[^,]{{1,60}},)?\s+(?:will|is\s+to|would|shall)\s+(?:also\s+)?(?:direct|helm)\b"
    rf"|(?P<p3>{P})\s+co-direct(?:s|ed)?\s+with\s+(?P<p2>{P})"
    rf"|(?P<p4>{P}){PAREN}\s+(?:directed|helmed|directs|helms|co-directed)\s+"
    r"(?:the\s+(?:[\p{Ll}-]+\s+){0,3}(?:film|movie|feature|drama|comedy|thriller|documentary)\s+)?"
    rf"[“\"‘']?(?P<f>{F})"
)
# "Patty Jenkins will replace Michelle MacLaren as Wonder Woman movie director"; "MacLaren
# has been replaced by Patty Jenkins" (the caller checks that MacLaren is the director).
REPLACES_DIRECTOR = regex.compile(
    rf"(?P<p>{P})\s+(?:(?:will|has|had|is|to|set\s+to)\s+)*(?:replace|replaces|replaced|"
    rf"replacing|succeed|succeeds|succeeded)\s+{P}\s+as\s+(?:the\s+)?(?:{F}\s+)?"
    r"(?:[\p{Ll}-]+\s+){0,2}(?:director|helmer|filmmaker)\b"
    rf"|(?P<replaced>{P})\s+(?:(?:has|had|have|was|is|will|already|been|be)\s+)*"
    rf"(?:replaced|succeeded)\s+(?:as\s+director\s+)?by\s+(?P<p2>{P})"
)
DIRECTING_GIG = regex.compile(
    rf"(?P<p>{P})[’'‘]s\s+(?:\w+\s+)?(?:directing|directorial)\s+(?:gig|debut|effort|job|outing|venture)"
    rf"|(?P<f>{F})\s+(?:will|is|was)\s+(?:\w+\s+){{0,2}}be\s+(?P<p2>{P})[’']s\s+(?:\w+\s+){{0,2}}(?:feature\s+)?film\s+as\s+(?:a\s+)?director"
)
# "Anthony Mann directs this average noir", "Bradley Cooper directs, co-writes and stars":
# the present tense with no title after it is about the film the section or sentence is about.
DIRECTS_THIS = regex.compile(
    rf"(?P<p>{P})\s+(?:directs|helms|co-directs)\b(?!\s+(?:the\s+\w+\s+)?{F})"
)
# "a film by Hirokazu Kore-eda", "a family drama set in 1970s Rome by Italy's Emanuele Crialese".
FILM_BY = regex.compile(
    rf"\b(?i:film|movie|drama|comedy|thriller|documentary|biopic|feature|western|musical|"
    rf"noir|romance|fantasy)\s+(?:(?!(?:produced|written|distributed|released|acquired|bought|"
    rf"financed|backed|owned|made|loved|seen|watched|hated|adored|book|novel|story|comic|play|"
    rf"memoir|song|album|series|show)\b)[^\s,;.⟦]+\s+){{0,6}}?by\s+"
    rf"(?:\p{{Lu}}\p{{L}}+[’']s\s+)?(?P<p>{P})(?:\s+and\s+(?P<p2>{P}))?"
)
# A festival line-up's idiom: "Chile's Tomás Echeverría returns to the Lido with F", "France's
# Claire Aubertin presents F", "director X competes with F"; "F, the second feature from
# Taiwan's X".
LINEUP_DIRECTOR = regex.compile(
    r"(?:\b\p{Lu}\p{L}+[’']s|\b(?i:director|filmmaker|auteur))\s+"
    rf"(?P<p>{P})\s+(?:returns\s+(?:to\s+(?:the\s+)?\p{{Lu}}\p{{L}}+\s+)?with|presents|competes\s+with|"
    rf"brings|unveils|premieres)\s+(?:the\s+(?:[\p{{Ll}}-]+\s+){{1,3}})?[“\"‘']?(?P<f>{F})"
    rf"|(?P<f2>{F})[”\"’']?(?:\s+\([^()]{{1,60}}\))?,\s+(?:the|her|his|their)\s+"
    r"(?:debut|first|second|third|fourth|fifth|new|latest)\s+(?:feature|film)\s+(?:from|by)\s+"
    r"(?:(?:the\s+)?(?:\p{Lu}[\p{L}-]+\s+){0,2}(?:director|filmmaker)\s+)?"
    rf"(?:\p{{Lu}}\p{{L}}+[’']s\s+)?(?P<p2>{P})"
)
# "Jordan Vale's werewolf thriller Wolfsbane Hill", "Omar Fadel's drama 'Harvest of Ash'": a
# person's possessive before a genre noun and a title (the caller checks that the person is
# not known as an actor).
OWNER_OF_GENRE_TITLE = regex.compile(
    rf"(?P<p>{P})[’']s\s+(?:(?:new|latest|upcoming|long-awaited|acclaimed|[\p{{Ll}}-]+)\s+){{0,3}}"
    r"(?i:film|movie|thriller|drama|comedy|horror|western|documentary|biopic|musical|romance|"
    r"epic|fantasy|satire|noir|feature|debut|adaptation|chiller|action\s+comedy|"
    r"romantic\s+comedy)\s+"
    rf"[“\"‘']?(?P<f>{F})"
)
# A director's own earlier work, named with the film it is: "Vale's previous picture for the
# studio, Cold Open", "Kim's previous film, the 2019 crime comedy 'Two-Faced Tuesday'",
# "Srisuk's latest, 'The Ferryman's Daughter'", "who made the 2023 original, Cold Reckoning",
# "Arriaga previously co-directed the stop-motion short Hopscotch", "Deadwater, Roland
# Pryce's 1989 remake". The caller checks that the person is a director.
EARLIER_DIRECTED = regex.compile(
    rf"(?P<p>{P})[’']s\s+(?:(?:previous|last|latest|earlier|first|second|third|debut|breakout|"
    r"new|next)\s*)+(?:(?:feature|film|picture|movie|outing|effort)\s+)?(?:for\s+[^,]{1,30})?,\s+"
    rf"(?:(?:the|a|an|his|her|their)\s+(?:{D}\s+)?(?:[\p{{Ll}}-]+\s+){{0,3}})?[“\"‘']?"
    rf"(?P<f>{F})"
    rf"|(?P<p2>{P}),?\s+who\s+(?:also\s+|previously\s+|earlier\s+)?(?:made|directed|helmed|co-directed)\s+"
    rf"(?:(?:the|a|an|his|her|their)\s+(?:{D}\s+)?(?:[\p{{Ll}}-]+\s+){{0,3}}(?:\p{{Lu}}\p{{Ll}}+\s+)?"
    rf"(?:original|film|feature|short|documentary|comedy|drama|thriller)?,?\s*)?[“\"‘']?(?P<f2>{F})"
    rf"|(?P<p3>{P})\s+(?:previously|earlier|also|once)\s+(?:made|directed|helmed|co-directed)\s+"
    r"(?:the\s+(?:[\p{Ll}-]+\s+){0,3})?[“\"‘']?"
    rf"(?P<f3>{F})"
    rf"|(?P<f4>{F})[”\"’']?(?:\s+\({D}\))?,\s+(?P<p4>{P})[’']s\s+(?:{D}\s+)?"
    r"(?:remake|debut|last\s+film|first\s+film|final\s+film|breakout)"
)
# "Rhys Callaghan remade the film in English as 'Low Water'": the remake is the remaker's.
REMADE_AS = regex.compile(
    rf"(?P<p>{P})\s+(?:later\s+)?remade\s+(?:the\s+film|it|the\s+story|{F})\s+"
    rf"(?:[^,.;⟦]{{0,40}}\s+)?as\s+[“\"‘']?(?P<f>{F})"
)
# "Dan Berk ("X") and Robert Olsen ("Y"), the writers and directors of "Villains"".
DIRECTORS_OF = regex.compile(
    rf"(?P<p>{P}){PAREN}(?:\s+and\s+(?P<p2>{P}){PAREN})?,\s+(?:the\s+)?(?:(?:co-)?writers?\s+and\s+)?"
    rf"(?:co-)?directors?\s+of\s+(?P<f>{F})"
)
# "a jury chaired by Turkish director Emre Kaya": a director, of no film the article names.
JURY_HEAD = regex.compile(
    r"\b(?i:chaired|headed|presided\s+over|led|president|chair|chairs|head)\s+(?:by\s+)?"
    r"(?:[\p{L}-]+\s+){0,3}$"
)
# "The jury, presided over by the Belgian actress X, also included the Argentine director Y":
# a jury's members are named by their trade, not by a part or a job on a film here.
JURY_SENTENCE = regex.compile(
    r"\b(?i:jury|juries|jurors?)\b[^.]{0,120}?\b(?:presided|president|headed|chaired|included|"
    r"includes|including|comprising|comprises|composed|members?|sat|sits|served|serves)\b"
)
HYPHEN_DIRECTED = regex.compile(rf"(?P<p>{P})-(?:directed|helmed)")
WROTE_AND_DIRECTED = regex.compile(
    rf"(?P<p>{P})\s+(?:also\s+)?(?:co-)?(?:wrote|writes|penned)\s+and\s+(?:co-)?(?:directed|directs|helmed)\s+(?P<f>{F})"
)
WRITTEN_BY = regex.compile(
    rf"\b(?i:written|co-written|penned|scripted)(?:,[^,]{{1,40}},)?\s+by\s+(?P<p>{P})(?:\s+and\s+(?P<p2>{P}))?"
    rf"|\b(?i:screenplay|script)\s+(?:(?:is|was)\s+)?by\s+(?P<p3>{P})(?:\s+and\s+(?P<p4>{P}))?"
)
DIRECTED_FROM_SCRIPT = regex.compile(
    rf"(?P<p>{P})\s+(?:co-)?directed\s+(?P<f>{F})\s+from\s+(?:(?:his|her|their)\s+own\s+(?:script|screenplay)"
    rf"|an?\s+(?:script|screenplay)\s+(?:she|he|they)\s+(?:co-)?wrote(?:\s+with\s+(?P<p2>{P}))?)"
)
WROTE_SCRIPT = regex.compile(
    rf"(?P<p>{P})\s+(?:also\s+)?(?:co-wrote|wrote|co-writes|writes|penned|scripted)\s+(?:the\s+)?"
    rf"(?:(?:screenplay|script)(?:\s+for\s+(?P<f>{F}))?(?:\s+(?:with|alongside)\s+(?P<p2>{P}))?|(?P<f2>{F}))"
)
NOT_CURRENT = regex.compile(
    r"\b(?:at\s+one\s+point|originally|previously|formerly|dropp(?:ed|ing)|exit(?:ed|ing)|"
    r"left\s+the|stepped\s+down|step\s+down|departed|replac\w+|no\s+longer|instead\s+of|"
    r"other\s+than|passed\s+on|walked\s+away|was\s+once|had\s+been)\b",
    regex.IGNORECASE,
)
NOT_CAST = regex.compile(
    r"\b(?:not\s+(?:yet\s+)?been\s+cast|yet\s+to\s+be\s+cast|still\s+require\s+casting|"
    r"has\s+not\s+been\s+filled|lost\s+the\s+role|passed\s+on|turned\s+down|give\s+up)\b",
    regex.IGNORECASE,
)
AFTER_LIST_NOT_CAST = regex.compile(
    r"\s+(?:now|having|being|attached|directing|confirmed|returning\s+to\s+direct|to\s+direct|"
    r"on\s+board|behind\s+the\s+camera)\b"
)
