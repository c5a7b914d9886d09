"""Rule 4: a post-only phrase («басқарма басшысы», «сала жетекшісі») → the person holding it.

Split from :mod:`kg.extract.reporters` (which resolves who speaks): :func:`find_post`
matches the phrase against the posts found earlier, checking that the words before the
title fit the post's organisation; a generic noun for the body («кәсіпорын басшысы») is
read by :func:`_generic_holder`.
"""

from __future__ import annotations

from kg.extract.speaker_context import WORD, Context
from kg.model import Post
from kg.normalise.org_keys import KEY_CUT
from kg.normalise.translit import slug

_OBLIQUE = ("да", "де", "та", "те", "ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді",
            "ты", "ті", "мен", "пен", "бен", "ан", "ен")
_ADVERBS = frozenset({"бүгін", "кеше", "биыл", "сондай", "ақ", "сонымен", "қатар", "сонда", "ал",
                      "бұл", "осы", "ол", "және", "мұнда", "тағы", "әрі", "кейін", "соңында"})
LOCALITY = frozenset({"облыс", "облыстық", "аудан", "аудандық", "қала", "қалалық", "ауыл",
                      "ауылдық", "өңір", "өңірлік", "республикалық"})


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

