"""Posts: person — position title — organisation.

Kazakh puts the post before the name: «[organisation-GEN] [position] Name»
(«…филиалының атқарушы хатшысы Жеңіс Асанов», «Алматы қаласының әкімі
Бақытжан Сағынтаев», «Облыс әкімі Бердібек Сапарбаев»), or after it in
apposition: «Name, [organisation] [position]» and «Name – [position]».
The position string is the text's own form of the position words
(«атқарушы хатшысы», «басшысының орынбасары»).

>>> from kg.normalise.morph import tokenize
>>> toks = tokenize("Облыс әкімі Бердібек Сапарбаев")
>>> position_before(toks, 2)
(1, 1, 'әкімі')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.normalise.morph import GENITIVE
from kg.normalise.org_words import LEGAL_FORMS
from kg.normalise.orgs import position_of
from kg.normalise.places import is_place_word

Token = tuple[str, int, int]

#: words that may precede a position noun inside the position title
POSITION_MODIFIERS = frozenset("""атқарушы бірінші бас жауапты аға кіші жетекші басқарушы
құрметті тұрақты уақытша міндетін атқарушы штаттан тыс баспасөз ғылыми мемлекеттік еңбек""".split())
#: position titles whose first word is capitalised and not an organisation
TITLE_PREFIXES = frozenset({"Мемлекет", "Үкімет", "Ел", "ел", "Елбасы", "Парламент"})
#: generic territory words before «әкімі»/«басшысы»: the place comes from the article
TERRITORY = {"облыс": "облысы", "облысы": "облысы", "облыстың": "облысы", "өңір": "облысы",
             "өңірдің": "облысы", "қала": "қаласы", "қаланың": "қаласы", "аудан": "ауданы",
             "ауданның": "ауданы", "ауыл": "ауылы", "ауылдың": "ауылы"}


#: second words of two-word school subjects («қазақ тілі», «дене шынықтыру»)
_SUBJECT_HEADS = frozenset({"тілі", "әдебиеті", "тарихы", "шынықтыру", "тәрбиесі"})
#: military and police ranks and academic titles written in apposition between a post and a name
_RANKS = ("полковнигі", "полковник", "майоры", "майор", "капитаны", "генералы", "генерал",
          "лейтенанты", "лейтенант", "сержанты",
          # academic titles: «университетінің ректоры, профессор Name»
          "профессор", "профессоры", "доцент", "доценті", "академик", "академигі")


@dataclass(frozen=True)
class PostHit:
    """A position phrase attached to a name.

    ``org_end`` is the index of the token right before the position phrase
    (where an organisation or place name would end), or -1; ``territory`` is
    «облысы»/«қаласы»/… when the post is held over a generic territory.
    """

    position: str
    start: int
    end: int
    org_end: int
    territory: str | None = None


def _is_position_token(tok: str) -> bool:
    return position_of(tok) is not None or tok.lower() in POSITION_MODIFIERS


def _modifiers_start(toks: list[Token], i: int, floor: int = 0) -> int:
    """Index of the first of the position words and modifiers that end at ``toks[i]``."""
    while i - 1 >= floor and _is_position_token(toks[i - 1][0]):
        i -= 1
    return i


def position_before(toks: list[Token], first: int) -> tuple[int, int, str] | None:
    """The position phrase that ends right before token ``first``: (i, j, text).

    Only a phrase that ends in a nominative position noun counts
    («басшысының орынбасары», not «басшысының» alone).
    """
    j = first - 1
    if j < 0 or position_of(toks[j][0]) is None:
        return None
    if position_of(toks[j][0]) != toks[j][0].lower():
        return None  # the noun before a name is nominative: «төрағасы Name»
    i = _modifiers_start(toks, j)
    if i >= 2 and toks[i - 1][0] == "жөніндегі":
        k = i - 1  # «әлеуметтік даму жөніндегі директоры», «оқу ісі жөніндегі орынбасары»
        limit = 4  # «тәрбие жұмысы және әлеуметтік мәселелер жөніндегі»: «және» adds a field
        while k - 1 >= 0 and i - k < limit and toks[k - 1][0][:1].islower() and toks[k - 1][0] \
                .isalpha() and not toks[k - 1][0].endswith(GENITIVE):
            k -= 1
            if toks[k][0] == "және":
                limit = i - k + 3
        if toks[k][0] == "және":
            k += 1
        if k < i - 1:
            i = _modifiers_start(toks, k)
    if i >= 2 and toks[i - 1][0].lower() == "пәнінің" and toks[i - 2][0][:1].islower():
        i -= 2  # «информатика пәнінің мұғалімі»: the subject is part of the post
        if i >= 1 and toks[i][0].lower() in _SUBJECT_HEADS and toks[i - 1][0][:1].islower():
            i -= 1  # «қазақ тілі пәнінің мұғалімі»
    if i >= 2 and toks[i - 1][0].lower() == "басқарма" and toks[i][0].lower().startswith(
            "төраға") and (toks[i - 2][0] in LEGAL_FORMS or toks[i - 2][0] == "»"):
        i -= 1  # «"Батыс Энерго" АҚ басқарма төрағасының орынбасары»: the board's chair
    words = [t for t, _, _ in toks[i:j + 1]]
    if i >= 1 and toks[i - 1][0].lower() == "директордың" and j > i - 1:
        # «Бас директордың әлеуметтік мәселелер жөніндегі орынбасары»: the director's deputy,
        # written as the possessive post («бас директорының … орынбасары», as in gold)
        i, words = i - 1, ["директорының", *words]
        if i >= 1 and toks[i - 1][0].lower() == "бас":
            i, words = i - 1, ["бас", *words]
    text = " ".join(words)
    if i - 1 >= 0 and toks[i - 1][0] in TITLE_PREFIXES and toks[i - 1][0] != "ел":
        return i - 1, j, toks[i - 1][0] + " " + text
    return i, j, text


def position_after(toks: list[Token], last: int) -> tuple[int, int, str] | None:
    """A position phrase in apposition after the name ending at ``last``.

    «Name, [org] position» / «Name – position»: returns the span of the
    position words (the organisation, if any, lies between).

    >>> from kg.normalise.morph import tokenize
    >>> toks = tokenize("Жанар Дәулетбаева, облыстық білім басқармасы басшысының орынбасары:")
    >>> position_after(toks, 1)
    (6, 7, 'басшысының орынбасары')
    """
    k = last + 1
    if k >= len(toks) or toks[k][0] not in (",", "–", "-", "—", "("):
        return None  # «Name, post», «Name – post», «Name (post)»
    end = None
    for m in range(k + 1, min(len(toks), k + 20)):
        tok = toks[m][0]
        if tok in (".", ":", ";", "!", "?", "(", ")") or tok == "," and m > k + 1:
            break
        if position_of(tok) is not None and position_of(tok) == tok.lower():
            end = m
            nxt = toks[m + 1][0] if m + 1 < len(toks) else ""
            if not _is_position_token(nxt):
                break
    if end is None or _name_follows(toks, end + 1):
        return None  # «Name1-ді, Кеңес төрағасы Name2-ні»: the post is Name2's, before him
    i = _modifiers_start(toks, end, floor=k + 1)
    if i - 2 > k and toks[i - 1][0].lower() == "пәнінің" and toks[i - 2][0][:1].islower():
        i -= 2  # «Name – информатика пәнінің мұғалімі»: the subject is part of the post
    return i, end, " ".join(t for t, _, _ in toks[i:end + 1])


#: «… болып тағайындалды»: the verbs that give a name the post written after it
_APPOINTED = ("тағайындал", "сайлан", "бекітіл")


def _appointed(toks: list[Token], last: int) -> tuple[int, int, str] | None:
    """«Name Жаңақорған ауданы әкімінің орынбасары болып тағайындалды»: the post a name is
    appointed or elected to, written after it with no comma.

    >>> from kg.normalise.morph import tokenize
    >>> toks = tokenize("Ерлан Қасымов аудан әкімінің орынбасары болып тағайындалды")
    >>> _appointed(toks, 1)
    (3, 4, 'әкімінің орынбасары')
    """
    for m in range(last + 2, min(len(toks) - 1, last + 14)):
        tok = toks[m][0]
        if tok in (".", ",", ":", ";", "!", "?", "(", ")", "–", "—"):
            return None
        if tok.lower() != "болып":
            continue
        if not toks[m + 1][0].lower().startswith(_APPOINTED):
            return None
        j = m - 1
        if position_of(toks[j][0]) is None or position_of(toks[j][0]) != toks[j][0].lower():
            return None
        i = _modifiers_start(toks, j, floor=last + 1)
        return i, j, " ".join(t for t, _, _ in toks[i:j + 1])
    return None


def _name_follows(toks: list[Token], m: int) -> bool:
    """Whether a person's name starts at token ``m``: two capitalised words, or initials
    («Қ.Мәми»).

    >>> from kg.normalise.morph import tokenize
    >>> toks = tokenize("төрағасы Қайрат Мәмиді, төрағасы Қ.Мәмиді, төрағасы Астанада")
    >>> _name_follows(toks, 1), _name_follows(toks, 5), _name_follows(toks, 8)
    (True, True, False)
    """
    if m >= len(toks):
        return False
    word = toks[m][0]
    if re.match(r"^[А-ЯӘҒҚҢӨҰҮҺІЁ]\.[А-ЯӘҒҚҢӨҰҮҺІЁ]", word):
        return True
    nxt = toks[m + 1][0] if m + 1 < len(toks) else ""
    return (word[:1].isupper() and word.isalpha() and nxt[:1].isupper()
            and nxt.replace("-", "").isalpha() and not is_place_word(word))


def find_post(toks: list[Token], first: int, last: int) -> PostHit | None:
    """The post written around the name occupying tokens ``first``..``last``."""
    found = position_before(toks, first)
    if found is None and first > 0 and toks[first - 1][0].lower().endswith(_RANKS):
        # «Департамент бастығы, азаматтық қорғау полковнигі Name»: the post before the rank
        comma = next((k for k in range(first - 2, max(-1, first - 7), -1) if toks[k][0] == ","),
                     None)
        if comma is not None:
            found = position_before(toks, comma)
    after = False
    if found is None:
        found = position_after(toks, last) or _appointed(toks, last)
        after = True
    if found is None:
        return None
    i, j, text = found
    org_end = i - 1
    if after and org_end <= last + 1:
        org_end = -1
    territory = None
    if org_end >= 0:
        prev = toks[org_end][0]
        named = org_end > 0 and toks[org_end - 1][0][:1].isupper() and toks[org_end - 1][0] \
            not in TITLE_PREFIXES and (org_end > 1 or is_place_word(toks[org_end - 1][0]))
        if prev.lower() in TERRITORY and not named:  # «Жиынды облыс әкімінің …»: a sentence opener
            territory = TERRITORY[prev.lower()]
        elif prev in TITLE_PREFIXES or prev in (",", "–", "-", "—") and not after:
            org_end = -1
    return PostHit(text, toks[i][1], toks[j][2], org_end, territory)


def role_in_speech(toks: list[Token]) -> tuple[int, int, str, int] | None:
    """«… кеңес төрайымы ретінде …, – деп Name …»: a speaker naming their own post.

    Returns (first, last) token indices of the position words, the position,
    and the index of the dash that ends the quoted speech (the speaker's name
    follows it).

    >>> from kg.normalise.morph import tokenize
    >>> toks = tokenize("Бірлестік төрағасы ретінде айтарым бар, – деді Әлия Сейітова.")
    >>> role_in_speech(toks)
    (1, 1, 'төрағасы', 6)
    """
    for k, (tok, _, _) in enumerate(toks):
        if tok.lower() != "ретінде" or k == 0:
            continue
        j = k - 1
        if position_of(toks[j][0]) != toks[j][0].lower():
            continue
        dash = next((m for m in range(k + 1, len(toks) - 1) if toks[m][0] in ("–", "—", "-")
                     and toks[m + 1][0].lower().startswith(("деп", "деді", "дейді"))), None)
        if dash is None:
            continue
        i = j
        while i - 1 >= 0 and toks[i - 1][0].lower() in POSITION_MODIFIERS:
            i -= 1
        return i, j, " ".join(t for t, _, _ in toks[i:j + 1]), dash
    return None
