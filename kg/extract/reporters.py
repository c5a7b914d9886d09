"""Who reported a figure (spec §3): speaker resolution, indirect speech, «X-тың айтуынша».

This module resolves *who* speaks; :mod:`kg.extract.quotes` finds the spans of
direct speech and calls back here. Everything is regex over the article text
plus the people (with mention offsets) and posts found by earlier stages.

* :func:`find_indirect` — rule 2: a sentence ending in a speech verb whose
  subject (a person in the nominative, or a post-only phrase) is in the sentence.
* :func:`kg.extract.according.find_according` — rule 3: «X-тың айтуынша …» (its own
  module).
* :func:`resolve_back` — rule 5: a pronoun or dropped subject is the subject of
  the closest preceding sentence (else the most recent person mentioned).
* :func:`find_post` — rule 4: a post-only phrase → the person holding it.
* :func:`attribute_figures` — sets ``Figure.reporter_key`` from the quotes.

>>> from kg.model import Mention
>>> text = "Аудан әкімі Серік Бекетов биыл 12 мектеп жөнделгенін айтты."
>>> p = Person(key="serik-beketov", name="Серік Бекетов",
...            mentions=[Mention(start=12, end=25, text="Серік Бекетов", label="PERSON")])
>>> ctx = Context.build(text, [], [p], [])
>>> [(q.speaker_key, q.kind) for q in find_indirect(ctx)]
[('serik-beketov', 'indirect')]
>>> fig = Figure(start=31, end=33, text="12")
>>> attribute_figures(text, [], [fig], find_indirect(ctx))
>>> fig.reporter_key
'serik-beketov'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.model import Figure, Person, Post, Quote, Sentence
from kg.normalise.morph import GENITIVE
from kg.normalise.org_resolver import KEY_CUT
from kg.normalise.translit import slug

WORD = re.compile(r"[^\W\d_]+")
_SENT_END = re.compile(r"[.!?…]+(?=[\s«\"“„–—-]|$)|\n+")

#: speech verbs that may close a sentence of indirect speech (rule 2)
SPEECH_VERBS = (
    r"айтты|айтады|айтып (?:өтті|берді)|атап (?:өтті|өтеді|көрсетті|көрсетеді|айтты)|баса айтты"
    r"|мәлімдеді|мәлімдейді|мәлімдеме жасады|хабарлады|хабарлайды|баяндады|баяндайды"
    r"|жеткізді|жеткізеді|тоқталды|тоқталып өтті|тоқталады|деді|дейді|еске (?:салды|салады|түсірді)"
    r"|мәлім етті|мәлімет берді|ақпарат берді|түсіндірді|түсіндіреді|түсіндіріп (?:өтті|берді)"
    r"|атады|жариялады|растады|нақтылады|түйіндеді|қорытындылады|ескертті|сөз етті"
    r"|тілге тиек етті|назар аударды|пікір білдірді|айтып кетті|сендірді|мақтанышпен айтты"
    r"|айтқан|атап өткен|мәлімдеген|хабарлаған|жеткізген|тоқталған|деген"
)
_VERB = re.compile(
    rf"(?<![^\W\d_])(?:{SPEECH_VERBS})(?:\s+(?:еді|болатын))?(?![^\W\d_])", re.I)
_PARTICIPLE_END = re.compile(r"(?:айтқан|атап өткен|мәлімдеген|хабарлаған|жеткізген|тоқталған|деген)$")
#: words that point back to the last speaker: pronouns and «the rapporteur», «the speaker»
PRONOUNS = frozenset({"ол", "оның", "спикер", "спикердің", "баяндамашы", "баяндамашының"})
_DAT = ("ға", "ге", "қа", "ке", "на", "не", "а", "е")
_ACC = ("ны", "ні", "ды", "ді", "ты", "ті")
_ACTIVE_PART = re.compile(r"(?P<root>.{3,}?)(?:ған|ген|қан|кен|атын|етін|йтын|йтін)")
_POSTPOSITIONS = frozenset({"туралы", "жайлы", "жөнінде", "сияқты", "секілді", "үшін", "атындағы",
                           "арқылы", "бастаған", "басқарған", "бастауымен", "қатысуымен"})
_OBLIQUE = ("да", "де", "та", "те", "ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді",
            "ты", "ті", "мен", "пен", "бен", "ан", "ен")
_ADVERBS = frozenset({"бүгін", "кеше", "биыл", "сондай", "ақ", "сонымен", "қатар", "сонда", "ал",
                      "бұл", "осы", "ол", "және", "мұнда", "тағы", "әрі", "кейін", "соңында"})
LOCALITY = frozenset({"облыс", "облыстық", "аудан", "аудандық", "қала", "қалалық", "ауыл",
                      "ауылдық", "өңір", "өңірлік", "республикалық"})


@dataclass(frozen=True)
class Hit:
    """A person mention: ``end`` is the end of the whole word (case ending included)."""

    start: int
    end: int
    key: str
    case: str  # nom | gen | dat | acc | obl


def word_case(word: str, tokens: frozenset[str]) -> str:
    """The case of an inflected name ``word`` given the name's tokens (lower case).

    >>> toks = frozenset({"бақытжан", "сағынтаев", "ляна"})
    >>> [word_case(w, toks) for w in ("Сағынтаев", "Сағынтаевтың", "Сағынтаевқа", "Ляна")]
    ['nom', 'gen', 'dat', 'nom']
    """
    w = word.lower()
    if w in tokens:
        return "nom"
    for t in sorted(tokens, key=len, reverse=True):
        if len(t) >= 3 and w.startswith(t):
            return _suffix_case(w[len(t):])
    if w.endswith(GENITIVE):
        return "gen"
    if w.endswith(("ға", "ге", "қа", "ке", "ына", "іне")):
        return "dat"
    return "nom"


def _suffix_case(rest: str) -> str:
    if not rest:
        return "nom"
    if rest in GENITIVE:
        return "gen"
    if rest in _DAT:
        return "dat"
    if rest in _ACC:
        return "acc"
    return "obl"


def _word_end(text: str, i: int) -> int:
    while i < len(text) and (text[i].isalpha() or (text[i] == "-" and i + 1 < len(text)
                                                   and text[i + 1].isalpha())):
        i += 1
    return i


def split_sentences(text: str) -> list[Sentence]:
    """A fallback sentence splitter (used when the pipeline passes no sentences).

    >>> [s.end for s in split_sentences("Бір. Б.Сапарбаев келді.\\nЕкі")]
    [4, 23, 27]
    """
    out: list[Sentence] = []
    start, para = 0, 0
    for m in _SENT_END.finditer(text):
        if m.group().startswith(".") and m.start() >= 1 and text[m.start() - 1].isupper() and (
                m.start() < 2 or not text[m.start() - 2].isalpha()):
            continue  # an initial: «Б.Сапарбаев», «Б. Сапарбаев»
        end = m.end() if not m.group().startswith("\n") else m.start()
        if text[start:end].strip():
            s0 = start + len(text[start:end]) - len(text[start:end].lstrip())
            out.append(Sentence(start=s0, end=end, index=len(out), paragraph=para))
        para += m.group().count("\n")
        start = m.end()
    if text[start:].strip():
        s0 = start + len(text[start:]) - len(text[start:].lstrip())
        out.append(Sentence(start=s0, end=len(text), index=len(out), paragraph=para))
    return out


@dataclass
class Context:
    """An article prepared for speaker resolution (built once per article)."""

    text: str
    sentences: list[Sentence]
    hits: list[Hit]
    posts: list[Post]
    masked: list[tuple[int, int]] = field(default_factory=list)  # other quotes' contents

    @classmethod
    def build(cls, text: str, sentences: list[Sentence], people: list[Person],
              posts: list[Post]) -> Context:
        hits: list[Hit] = []
        for p in people:
            tokens = frozenset(w.lower() for w in WORD.findall(p.name))
            for m in p.mentions:
                end = _word_end(text, m.end)
                words = WORD.findall(text[m.start:end])
                if words:
                    hits.append(Hit(m.start, end, p.key, word_case(words[-1], tokens)))
        hits.sort(key=lambda h: (h.start, -h.end))
        sents = sorted(sentences, key=lambda s: s.start) or split_sentences(text)
        return cls(text, sents, hits, list(posts))

    def sentence_at(self, pos: int) -> tuple[int, int]:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s.start, s.end
        return pos, pos

    def is_masked(self, a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in self.masked)

    def nominative(self, a: int, b: int) -> list[Hit]:
        return [h for h in self.hits if a <= h.start and h.end <= b and h.case == "nom"
                and not self.is_masked(h.start, h.end)]


def _active_participle_after(text: str, pos: int) -> bool:
    """Whether the word after ``pos`` makes the preceding name a non-subject: an active
    participle («Тоқаев жариялаған …») or a postposition («Асанов туралы»)."""
    m = WORD.match(text, pos + len(text[pos:]) - len(text[pos:].lstrip()))
    if not m:
        return False
    if m.group().lower() in _POSTPOSITIONS:
        return True
    pm = _ACTIVE_PART.fullmatch(m.group().lower())
    return bool(pm) and not pm.group("root").endswith(("л", "н"))


def subject(ctx: Context, a: int, b: int) -> str | None:
    """The subject of ``text[a:b]``: the first nominative person that does not head a
    relative clause («Тоқаев жариялаған …»), else a post-only phrase, else «X-ке сөз берілді».
    """
    noms = ctx.nominative(a, b)
    free = [h for h in noms if not _active_participle_after(ctx.text, h.end)]
    if free:
        return free[0].key
    post = find_post(ctx, a, b, pos=a)
    if post:
        return post
    for h in ctx.hits:
        if a <= h.start < b and h.case == "dat" and re.match(r"\s+сөз (?:берілді|тиді)",
                                                               ctx.text[h.end:]):
            return h.key
    return None


_VOICED = {"қ": "ғ", "к": "г", "п": "б", "q": "g", "k": "g", "p": "b"}


def _tok_match(a: str, b: str) -> bool:
    """Same word up to a case/possessive ending, with the stem-final қ/ғ, к/г, п/б
    alternation («орталық» ~ «орталығының»)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 3 or abs(len(a) - len(b)) > 6:
        return False
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short) or long_.startswith(short[:-1] + _VOICED.get(short[-1], "#")):
        return True
    # a possessive post «министрі» against a case form of the bare noun «министрдің»
    bare = short[:-2] if short.endswith(("сы", "сі")) else short[:-1] if short.endswith(
        ("ы", "і")) else ""
    return len(bare) >= 4 and long_.startswith(bare) and long_[len(bare):len(bare) + 1] not in "ыі"



def find_post(ctx: Context, a: int, b: int, pos: int, nominative: bool = True,
              end_at: int | None = None) -> str | None:
    """The holder of a post-only phrase in ``text[a:b]`` («дейді басқарма басшысының
    орынбасары» → the person whose post position ends the same way), else None.
    With ``nominative`` the last word must carry no case ending."""
    words = _akim_alias([(m.start() + a, m.end() + a, m.group().lower())
                         for m in WORD.finditer(ctx.text[a:b])])
    best: list[tuple[int, int, Post]] = []
    for post in ctx.posts:
        toks = [w.lower() for w in WORD.findall(post.position)]
        if not toks:
            continue
        org = set(slug(post.organisation_key or "").split("-"))
        if post.mention is not None:
            org |= set(slug(ctx.text[post.mention.start:post.mention.end]).split("-"))
            # the words before the post name its body («Департамент басшысы X»; a long name's
            # key is cut short, «…-avtom-8e442c7a», so its last words are read from the text)
            if not post.organisation_key or len(post.organisation_key) >= KEY_CUT:
                sa, _ = ctx.sentence_at(post.mention.start)
                before = WORD.findall(ctx.text[min(sa, post.mention.start):post.mention.start])
                org |= {slug(w) for w in before[-6:]}
        for j, (ws, we, w) in enumerate(words):
            if end_at is not None and we != end_at:
                continue
            if not (w == toks[-1] or (nominative and toks[-1].startswith(w)
                                        and len(w) >= max(3, len(toks[-1]) - 3))
                    or (not nominative and _tok_match(w, toks[-1]))):
                continue
            k = 1
            while k < len(toks) and j - k >= 0 and _tok_match(words[j - k][2], toks[-1 - k]):
                k += 1
            if j - k >= 0:
                mod_s, _, mod = words[j - k]
                if _is_modifier(mod) and org - {"", "x"}:
                    ms = slug(mod)
                    if not any(_tok_match(ms, o) or _slug_stem(ms, o) for o in org if o):
                        continue
            best.append((k, ws, post))
    if not best:
        return _generic_holder(ctx, words, pos, nominative, end_at)
    top = max(k for k, _, _ in best)
    keys = [p.person_key for k, _, p in best if k == top]
    if len(set(keys)) > 1:  # ambiguous: the one mentioned most recently before pos
        recent = [h.key for h in ctx.hits if h.end <= pos and h.key in keys]
        return recent[-1] if recent else None
    return keys[0]


#: head titles a generic phrase may use («сала жетекшісі», «кәсіпорын басшысы») and their
#: nominative possessive forms
_HEADS = {"басшы": "басшысы", "жетекші": "жетекшісі", "директор": "директоры",
          "бастығ": "бастығы", "меңгеруші": "меңгерушісі", "төраға": "төрағасы"}
_DEPARTMENT = ("basqarma", "bolim", "departament", "komitet", "ministrl", "inspeksiia",
               "agenttig", "qyzmet")
_COMPANY = ("jss", "aq", "kasiporn", "kompaniia", "mkk", "shjq", "seriktestig", "korporasiia",
            "zauyt", "kombinat")
#: generic nouns for the body a head heads → slug prefixes one of its organisation's words
#: must have (the noun itself otherwise: «музей басшысы» → an organisation named …музейі)
_GENERIC = {"сала": _DEPARTMENT, "ведомство": _DEPARTMENT, "кәсіпорын": _COMPANY,
            "компания": _COMPANY, "серіктестік": _COMPANY, "мекеме": None, "ұйым": None,
            "орталық": ("ortalyq",), "музей": ("muzei",), "қорық-музей": ("muzei",),
            "аурухана": ("aurukhana", "auruhana"), "мектеп": ("mektep",), "колледж": ("kolledj",),
            "қожалық": ("qojalyq",), "шаруашылық": ("qojalyq", "saruasylyq")}


def _generic_holder(ctx: Context, words: list[tuple[int, int, str]], pos: int,
                    nominative: bool, end_at: int | None) -> str | None:
    """«Сала жетекшісі», «Кәсіпорын басшысы», «Музей директорының»: a head named by a generic
    noun for the body. The holder is the one person named before ``pos`` who heads a body of
    that kind; none, or two, give None.

    >>> from kg.model import Mention, Post
    >>> text = "Басқарманың басшысы Ержан Қасымов келді. Сала жетекшісі 9 ауыл туралы айтты."
    >>> posts = [Post("qasymov", "басшысы", "energetika-basqarmasy", Mention(12, 33, "", "POSITION"))]
    >>> ctx = Context.build(text, [], [], posts)
    >>> find_post(ctx, 41, 56, pos=41)
    'qasymov'
    """
    for j in range(1, len(words)):
        (_, _, gen), (_, we, w) = words[j - 1], words[j]
        if end_at is not None and we != end_at:
            continue
        stem = next((s for s in _HEADS if w.startswith(s) and len(w) - len(s) <= 7), None)
        if gen not in _GENERIC or stem is None or (nominative and w != _HEADS[stem]):
            continue
        kinds = _GENERIC[gen]
        keys = set()
        for post in ctx.posts:
            title = (WORD.findall(post.position.lower()) or [""])[-1]
            if title not in _HEADS.values() or post.mention is None or post.mention.start >= pos:
                continue
            # the body's words: its key (cut short when long) and the words before the post
            sa, _ = ctx.sentence_at(post.mention.start)
            sa = max([min(sa, post.mention.start)]
                     + [h.end for h in ctx.hits if sa <= h.end <= post.mention.start])
            before = WORD.findall(ctx.text[sa:post.mention.start])[-8:]
            org = {o for o in slug(post.organisation_key or "").split("-") if o}
            org |= {slug(x) for x in before}
            if kinds is None:
                if org & {"akimdigi", "akimdiginin"}:
                    continue
            elif not any(o.startswith(kinds) for o in org):
                continue
            keys.add(post.person_key)
        return keys.pop() if len(keys) == 1 else None
    return None


_TERRITORY = {"өңір": "облыс", "аймақ": "облыс", "облыс": "облыс", "қала": "қала",
              "аудан": "аудан", "ауыл": "ауыл"}
_HARMONY = str.maketrans("ыаұо", "ієүө")


def _akim_alias(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """«өңір басшысы», «облыс басшысының» name the akim: read them as «облыс әкімі(нің)».

    >>> [w for _, _, w in _akim_alias([(0, 4, "өңір"), (5, 15, "басшысының")])]
    ['облыс', 'әкімінің']
    """
    out = list(words)
    for j in range(1, len(out)):
        w, prev = out[j][2], out[j - 1][2]
        if prev in _TERRITORY and w.startswith("басшысы"):
            out[j - 1] = (*out[j - 1][:2], _TERRITORY[prev])
            out[j] = (*out[j][:2], "әкімі" + w[len("басшысы"):].translate(_HARMONY))
    return out


def _slug_stem(a: str, b: str) -> bool:
    """Two slugged words of one stem: «filialdyn» (филиалдың) ~ «filialy» (филиалы).

    >>> _slug_stem("filialdyn", "filialy"), _slug_stem("basqarma", "bolim")
    (True, False)
    """
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 5 and n >= min(len(a), len(b)) - 3


def _is_modifier(word: str) -> bool:
    """Whether ``word`` (lower case) before a post title belongs to it and so must fit
    the post's organisation: «Алматы әкімі», «басқарма басшысы», not «жиында әкім»."""
    if word in LOCALITY:
        return True
    return word not in _ADVERBS and not word.endswith(_OBLIQUE)


def resolve_back(ctx: Context, pos: int, window: int = 4, fallback: bool = True) -> str | None:
    """Rule 5: the person a pronoun or dropped subject at ``pos`` refers to.

    The subject of the closest preceding sentence (up to ``window`` sentences
    back), else (with ``fallback``) the most recent person mentioned before ``pos``.
    """
    prior = [s for s in ctx.sentences if s.start < pos][::-1][:window]
    for s in prior:
        key = subject(ctx, s.start, min(s.end, pos))
        if key:
            return key
    if not fallback:
        return None
    before = [h for h in ctx.hits if h.end <= pos and not ctx.is_masked(h.start, h.end)]
    return before[-1].key if before else None


def find_indirect(ctx: Context) -> list[Quote]:
    """Rule 2: «… Ақмарал Басирова биыл 25 мыңға жуық әйелдің … айтты.» — the whole
    sentence is the span; the subject must be a person (or a post) in the sentence.
    Tags of direct speech («…, – деді X») are left to :mod:`kg.extract.quotes`."""
    out: list[Quote] = []
    text = ctx.text
    for s in ctx.sentences:
        verbs = list(_VERB.finditer(text, s.start, s.end))
        if not verbs:
            continue
        m = verbs[-1]
        rest_a, rest_b = m.end(), s.end
        rest_words = WORD.findall(text[rest_a:rest_b])
        if _is_tag(text, m.start()):
            continue
        if len(rest_words) > 4 and not (len(rest_words) <= 9 and _ends_with_name(ctx, rest_b)):
            continue  # «… деп жеткізді Алматы қалалық мәслихатының депутаты Сәуле Ахметова.»
        if _PARTICIPLE_END.search(m.group().lower()):
            continue  # «айтқан» without еді/болатын is a participle, not a finite verb
        key: str | None
        if rest_words:
            noms = ctx.nominative(rest_a, rest_b)
            if noms:
                key = noms[0].key
            elif {w.lower() for w in rest_words} & PRONOUNS:
                key = resolve_back(ctx, s.start)
            else:  # «… деп жеткізді басқарма басшысы»: a post after the verb (rule 4)
                key = find_post(ctx, rest_a, rest_b, pos=rest_a)
            if key is None:
                continue
        else:
            key = subject(ctx, s.start, m.start())
            lead = [w.lower() for w in WORD.findall(text[s.start:m.start()])[:4]]
            if key is None and {"ол", "спикер"} & set(lead):  # «Сондай-ақ ол … атап өтті»
                key = resolve_back(ctx, s.start)
            if key is None and out and _dropped_subject(text, s.start, m.start()):
                key = _previous_speaker(ctx, s, out[-1])
            if key is None:
                continue
        out.append(Quote(start=s.start, end=s.end, speaker_key=key, kind="indirect"))
    return out


def _ends_with_name(ctx: Context, end: int) -> bool:
    """Whether a person's name in the nominative ends the sentence that ends at ``end``."""
    tail = ctx.text[:end].rstrip(" .!?»\"”")
    return any(h.end == len(tail) and h.case == "nom" for h in ctx.hits)


#: connectives that open a sentence continuing the last speaker's report
_GO_ON = ("сондай ақ", "сонымен қатар", "сонымен бірге", "бұдан бөлек", "бұған қоса",
          "одан бөлек", "сонымен", "қосымша")
_CLAUSE_OBJECT = re.compile(
    r"[^\W\d_]{2,}(?:ғанын|генін|қанын|кенін|атынын|етінін|йтынын|йтінін|ғандығын|гендігін"
    r"|қандығын|кендігін)(?:\s+(?:да|де|та|те))?\s*$", re.I)
#: nouns for bodies: a sentence with one of them in the nominative has a subject of its own
_BODY_SUBJECTS = frozenset("""басқарма басқармасы әкімдік әкімдігі бөлім бөлімі департамент
департаменті министрлік министрлігі комитет комитеті қызмет қызметі мекеме мекемесі ұйым ұйымы
компания компаниясы орталық орталығы палата палатасы кеңес кеңесі прокуратура полиция
сот инспекция инспекциясы агенттік агенттігі филиал филиалы""".split())


def _dropped_subject(text: str, a: int, verb: int) -> bool:
    """«Сондай-ақ ауданда 6 амбулатория жөнделгенін жеткізді.»: a sentence that goes on with
    a connective, reports a clause («…-ғанын») and names no subject of its own."""
    raw = WORD.findall(text[a:verb])
    if {"ЖШС", "АҚ", "ЖАҚ", "МКК"} & set(raw):
        return False
    words = [w.lower() for w in raw]
    lead = " ".join(words[:2])
    if not any(lead == c or lead.startswith(c + " ") or words[:1] == [c] for c in _GO_ON):
        return False
    return bool(_CLAUSE_OBJECT.search(text[a:verb])) and not set(words) & _BODY_SUBJECTS


def _previous_speaker(ctx: Context, s: Sentence, last: Quote) -> str | None:
    """The speaker of the sentence right before ``s`` in its paragraph, where that sentence
    is indirect speech (rule 5: a dropped subject is the person it refers to)."""
    prev = [x for x in ctx.sentences if x.end <= s.start]
    if not prev or prev[-1].paragraph != s.paragraph:
        return None
    if last.start == prev[-1].start and last.end == prev[-1].end:
        return last.speaker_key
    return None


def _is_tag(text: str, verb_start: int) -> bool:
    """Whether the speech verb at ``verb_start`` closes direct speech («…», – деді / , деп …)."""
    before = text[max(0, verb_start - 40):verb_start].rstrip()
    if before.lower().endswith("деп"):
        before = before[:-3].rstrip()
    elif not text[verb_start:verb_start + 5].lower().startswith(("деді", "дейді")):
        return False
    return before[-1:] in {",", "-", "–", "—", "―", "»", "\"", "”", "“"}


def attribute_figures(text: str, sentences: list[Sentence], figures: list[Figure],
                      quotes: list[Quote]) -> None:
    """Set ``reporter_key`` of each figure inside a quote whose speaker is known: the
    smallest such quote wins (a sentence of indirect speech inside a longer quotation
    names its own speaker). Figures outside every such quote are left untouched."""
    known = [q for q in quotes if q.speaker_key]
    for fig in figures:
        inside = [q for q in known if q.start <= fig.start < q.end]
        if inside:
            fig.reporter_key = min(inside, key=lambda q: q.end - q.start).speaker_key


__all__ = ["Context", "Hit", "attribute_figures", "find_indirect",
           "find_post", "resolve_back", "split_sentences", "subject", "word_case"]
