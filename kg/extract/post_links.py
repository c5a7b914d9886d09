"""Posts: a person's position phrase linked to its organisation (or territory).

:func:`link_posts` reads the post written around each name (:func:`kg.extract.posts.find_post`)
and resolves the organisation it names: the organisation ending right before the position
words, else the place («Алматы қаласының әкімі» → «Алматы қаласы», spec §1), a bare head
(«Басқарма басшысы» → the article's басқарма), an institution («Қожалық басшысы»), a ministry
named by its minister. Split from :mod:`kg.extract.entities`.

>>> from kg.extract.entities import extract_entities
>>> text = ("Мәслихат депутаты, «Ақ бидай» агрофирмасының директоры Виктор Шевченко сөйледі. "
...         "Солтүстік Қазақстан облыстық мәслихаты жиналды.")
>>> ents = extract_entities(text, [], [])
>>> sorted((p.position, ents.name_of(p.organisation_key)) for p in ents.posts)
[('депутаты', 'Солтүстік Қазақстан облыстық мәслихаты'), ('директоры', '«Ақ бидай» агрофирмасы')]
"""

from __future__ import annotations

from kg.extract.posts import PostHit, find_post, position_before, role_in_speech
from kg.model import Mention, Place, Post
from kg.normalise.morph import GENITIVE
from kg.normalise.org_bounds import SCHOOL_HEADS
from kg.normalise.org_resolver import OrgResolver, _genitive
from kg.normalise.org_words import _TERRITORIAL, INSTITUTIONS, LEGAL_FORMS, institution_noun
from kg.normalise.orgs import bare_head_of, head_of, position_of
from kg.normalise.people import NameHit

Token = tuple[str, int, int]

def main_place(places: dict[str, Place], suffix: str) -> Place | None:
    cands = [p for p in places.values() if p.name.endswith(suffix)]
    return max(cands, key=lambda p: len(p.mentions), default=None)



#: the levels whose akim heads an akimat (issue 11: «Келес ауданының әкімі» → «Келес ауданы
#: әкімдігі»); a settlement's (кент) or rural okrug's akim heads «… әкімінің аппараты» instead,
#: listed only where the text writes it
_AKIMAT_LEVELS = frozenset({"ауданы", "қаласы", "облысы"})


def has_akimat(place_name: str) -> bool:
    """Whether an akim of this place implies the place's akimat as an organisation.

    >>> has_akimat("Зеренді ауданы"), has_akimat("Текелі қаласы"), has_akimat("Жамбыл облысы")
    (True, True, True)
    >>> has_akimat("Шідерті кенті"), has_akimat("Бесқауға ауылдық округі")
    (False, False)
    """
    return place_name.rsplit(" ", 1)[-1] in _AKIMAT_LEVELS


def link_posts(text: str, sent_toks: list[list[tuple[str, int, int]]], hits: list[NameHit],
           owner: dict[int, str], resolver: OrgResolver, places: dict[str, Place]
           ) -> list[Post]:
    posts: dict[tuple[str, str, str | None], Post] = {}
    dropped: set[str] = set()  # units named only in a post («… бөлімінің меңгерушісі»)
    for toks in sent_toks:
        if not toks:
            continue
        s0, s1 = toks[0][1], toks[-1][2]
        for h in sorted(hits, key=lambda x: not x.full):
            if not (s0 <= h.start < s1) or h.start not in owner:
                continue
            if not h.full and any(p.person_key == owner[h.start] for p in posts.values()):
                continue  # «өңір басшысы Б.Сапарбаев» repeats a post given in full
            first, last = h.first, h.last
            if first < 0:  # a name from NER: its tokens by offset
                inside = [k for k, (_, a, b) in enumerate(toks) if h.start <= a and b <= h.end]
                first, last = (inside[0], inside[-1]) if inside else (-1, -1)
            if first < 0 or toks[first][1] != h.start:
                continue
            ph = find_post(toks, first, last)
            if ph is None:
                continue
            ph, org_key = _unit_in_post(text, toks, ph, resolver, dropped)
            if org_key is None:
                ph, org_key = _company_unit(text, toks, ph, resolver, dropped)
            if org_key is None:
                org_key = _post_org(toks, ph, resolver, places)
            ph, org_key = _commission_post(text, toks, ph, org_key, resolver, dropped)
            bare = bare_head_of(toks[ph.org_end][0]) if ph.org_end >= 0 else None
            if bare is not None:  # «Бөлім басшысы Name-ның айтуынша»: the unit she heads
                held = [p.organisation_key for p in posts.values()
                        if p.person_key == owner[h.start] and p.position == ph.position
                        and p.organisation_key in resolver.heads(bare)]
                org_key = held[0] if held else org_key
            if org_key is None:
                ph, org_key = _academic_unit(text, toks, ph, resolver)
            if org_key is None:
                ph, org_key = _implied_body(toks, ph, list(posts.values()), resolver, s0)
            while ph is not None:
                key = (owner[h.start], ph.position, org_key)
                if key not in posts:
                    a, b = min(ph.start, h.start), max(ph.end, h.end)  # post and name
                    posts[key] = Post(person_key=owner[h.start], position=ph.position,
                                      organisation_key=org_key,
                                      mention=Mention(a, b, text[a:b], "POSITION", "rules"))
                ph = _chained_post(toks, ph, org_key, resolver, first)
                if ph is not None:
                    org_key = _post_org(toks, ph, resolver, places)
        _speech_role(text, toks, hits, owner, resolver, posts)
    used = {p.organisation_key for p in posts.values()}
    for key in dropped - used:
        org = resolver.orgs.get(key)
        if org is not None and len(org.mentions) == 1:
            del resolver.orgs[key]
    return list(posts.values())


def _post_org(toks: list[Token], ph: PostHit, resolver: OrgResolver,
              places: dict[str, Place]) -> str | None:
    """The organisation (or place) key a post phrase names; None where it names none."""
    org_key = None
    if ph.org_end >= 0:
        org_key = resolver.org_ending_at(toks[ph.org_end][2])
        if org_key is None:
            place = next((p for p in places.values() if any(
                m.end == toks[ph.org_end][2] for m in p.mentions)), None)
            if place is None and ph.territory:
                place = main_place(places, ph.territory)
            if place is None and toks[ph.org_end][0].lower() in ("партия", "партияның"):
                org_key = resolver.find_by_head("партиясы")
            if place is not None:
                org_key = place.key
                if "прокурор" in ph.position.lower():  # «Балқаш қаласының прокуроры»
                    org_key = resolver.office_of(place.name, "прокуратурасы") or org_key
                if any(position_of(w) == "әкімі" for w in ph.position.split()) and \
                        has_akimat(place.name):  # «… әкімі» → akimat
                    resolver.add_akimat(place.name)
            bare = bare_head_of(toks[ph.org_end][0])
            if org_key is None and bare is not None:  # «Басқарма басшысы Name»
                adj = toks[ph.org_end - 1][0].lower() if ph.org_end > 0 else ""
                org_key = resolver.nearest_with_head(  # «облыстық филиал төрағасы»
                    bare, ph.start, adj if adj in _TERRITORIAL else None)
            noun = institution_noun(toks[ph.org_end][0]) if org_key is None else None
            if noun is not None:  # «Қожалық басшысы Name»: the one the article named
                org_key = next(filter(None, (
                    resolver.nearest_with_head(head, ph.start) for head in INSTITUTIONS[noun])),
                    None) or resolver.quoted_kind(noun)  # «Мектеп директоры» of «"… мектеп" КММ»
            if org_key is None and ph.position.split()[-1].lower() in (
                    "министрі", "вице-министрі"):
                org_key = resolver.ministry_named_by(toks[ph.org_end][0])
    return org_key


#: a place's territory word in the genitive, before its akim's post
_PLACE_GEN = ("ауданының", "қаласының", "облысының", "округінің", "ауылының", "кентінің")


def _chained_post(toks: list[Token], ph: PostHit, org_key: str | None, resolver: OrgResolver,
                  first: int) -> PostHit | None:
    """«Мәслихат депутаты, «Ақ бидай» агрофирмасының директоры Name», «ҚР Парламенті
    Мәжілісінің депутаты, … фракциясының мүшесі Name»: a second post before the first one's
    organisation, after a comma."""
    if ph.start >= toks[first][1]:
        return None  # a post after the name: no chain
    start = ph.start
    org = resolver.orgs.get(org_key) if org_key is not None else None
    starts = [m.start for m in org.mentions if m.end == toks[ph.org_end][2]] \
        if org is not None and ph.org_end >= 0 else []
    if starts:
        start = min(starts)
    elif ph.org_end >= 1 and toks[ph.org_end][0].lower() in ("аудан", "облыс", "қала", "ауыл"):
        start = toks[ph.org_end][1]  # «филиалының төрағасы, аудан әкімі Name»
    elif ph.org_end >= 1 and bare_head_of(toks[ph.org_end][0]) is not None:
        k = ph.org_end  # «филиалының төрағасы, аудандық мәслихат хатшысы Name»
        while k - 1 >= 0 and ph.org_end - k < 2 and toks[k - 1][0].lower() in _TERRITORIAL:
            k -= 1
        start = toks[k][1]
    elif ph.org_end >= 1 and toks[ph.org_end][0].lower().startswith(_PLACE_GEN):
        # a place's akim («…, Мақат ауданының әкімі Name»): the place's name starts the post
        k = ph.org_end
        while k - 1 >= 0 and ph.org_end - k < 3 and toks[k - 1][0][:1].isupper():
            k -= 1
        start = toks[k][1]
    i = next((k for k, t in enumerate(toks) if t[1] == start), None)
    if i is None or i < 2 or toks[i - 1][0] != ",":
        return None
    found = position_before(toks, i - 1)
    if found is None:
        return None
    a, b, words = found
    return PostHit(words, toks[a][1], toks[b][2], a - 1 if a > 0 else -1, None)


#: unit heads in the genitive and the posts that head a unit inside a body
_UNIT_GEN = ("бөлімінің", "бөлімшесінің", "секторының", "амбулаториясының", "пунктінің")
_UNIT_HEADS = ("меңгерушісі", "жетекшісі")
#: a hospital's units, whose heads hold a post in the article's one hospital
_CLINIC_UNITS = ("бөлімшесінің", "амбулаториясының", "пунктінің")


#: a university's units: «педагогика факультетінің деканы», «студенттер кеңесінің төрағасы»
_ACADEMIC_UNITS = ("факультетінің", "кафедрасының", "деканатының", "институтының")
_COUNCIL_OF = ("студенттер", "студенттік", "жастар", "ғылыми")


def _academic_unit(text: str, toks: list[Token], ph: PostHit,
                   resolver: OrgResolver) -> tuple[PostHit, str | None]:
    """«Педагогика факультетінің деканы Name» in an article about one university: a post in
    the university, the unit written into the position (as :func:`_unit_in_post`)."""
    j = ph.org_end
    if j < 1 or " " in ph.position:
        return ph, None
    unit = toks[j][0].lower()
    if unit not in _ACADEMIC_UNITS and not (
            unit == "кеңесінің" and toks[j - 1][0].lower() in _COUNCIL_OF):
        return ph, None
    k = j
    while k - 1 >= 0 and j - k < 3 and toks[k - 1][0][:1].islower() and \
            toks[k - 1][0].isalpha() and not toks[k - 1][0].endswith(GENITIVE) and \
            toks[k - 1][0] not in ("мен", "пен", "бен", "және", "деді", "дейді", "деп"):
        k -= 1
    if k == j:
        return ph, None
    schools = {key for head in SCHOOL_HEADS for key in resolver.heads(head)}
    if len(schools) != 1:
        return ph, None
    start = toks[k][1]
    return PostHit(text[start:ph.end], start, ph.end, -1, ph.territory), schools.pop()


#: posts that are held in the article's one school when no body is written
_TEACHERS = ("мұғалімі", "мұғалімдері")
#: a company named by its short form before one of its units: «компания кәсіподақ комитетінің»
_COMPANY_WORDS = ("компания", "компанияның", "кәсіпорын", "кәсіпорынның", "серіктестік",
                  "серіктестіктің")
_COMPANY_FORMS = ("АҚ", "ЖШС", "КЕАҚ", "ЖАҚ")
#: a school named by its short form before one of its units
_SCHOOL_WORDS = ("мектептің",)


def _company_unit(text: str, toks: list[Token], ph: PostHit, resolver: OrgResolver,
                  dropped: set[str]) -> tuple[PostHit, str | None]:
    """«Name, компания кәсіподақ комитетінің төрағасы» in an article about one company: a
    post in the company, its unit written into the position («кәсіподақ комитетінің
    төрағасы»), as :func:`_unit_in_post` does for a unit after the body's own name."""
    j = ph.org_end
    if j < 1:
        return ph, None
    unit_key = resolver.org_ending_at(toks[j][2])
    k = next((m for m in range(j - 1, max(-1, j - 5), -1)
              if toks[m][0].lower() in _COMPANY_WORDS + _SCHOOL_WORDS), None)
    if k is None or unit_key is None and head_of(toks[j][0]) is None or any(
            not toks[m][0][:1].islower() for m in range(k + 1, j + 1)):
        return ph, None
    if toks[k][0].lower() in _SCHOOL_WORDS:  # «Мектептің қамқоршылық кеңесінің төрағасы»
        school = resolver.quoted_kind("мектеп")
        companies = [school] if school and school != unit_key else []
    else:
        companies = [key for key, o in resolver.orgs.items() if key != unit_key and (
            o.name.split()[-1] in _COMPANY_FORMS or o.name.split()[-1] == "компаниясы")]
    if len(companies) != 1:
        return ph, None
    if unit_key is not None:
        dropped.add(unit_key)
    start = toks[k + 1][1]
    return PostHit(text[start:ph.end], start, ph.end, -1, ph.territory), companies[0]


def _implied_body(toks: list[Token], ph: PostHit, posts: list[Post], resolver: OrgResolver,
                  s0: int) -> tuple[PostHit, str | None]:
    """The body of a post written with none, from the posts found before it (``s0``: the
    sentence's start): «(Бас) директордың … орынбасары» → the one director's body; «бас
    дәрігері Name1 мен оның … орынбасары Name2» → «бас дәрігерінің … орынбасары» of Name1's
    body; «информатика пәнінің мұғалімі» → the article's one school."""
    if ph.position.startswith(("бас директорының ", "директорының ")):
        chief = ph.position.split("директорының")[0] + "директоры"
        heads = {p.organisation_key for p in posts if p.position == chief and p.organisation_key}
        return ph, heads.pop() if len(heads) == 1 else None
    if ph.org_end >= 0 and toks[ph.org_end][0].lower() == "оның" and \
            ph.position.endswith("орынбасары"):
        chief = [p for p in posts if p.organisation_key and p.mention
                 and s0 <= p.mention.start < toks[ph.org_end][1]]
        own = _genitive(chief[-1].position) if chief else None  # «бас дәрігерінің»
        if own is not None:
            return PostHit(f"{own} {ph.position}", ph.start, ph.end, -1, ph.territory), \
                chief[-1].organisation_key
    if ph.position.split()[-1] in _TEACHERS:
        return ph, resolver.quoted_kind("мектеп")
    return ph, None


def _commission_post(text: str, toks: list[Token], ph: PostHit, org_key: str | None,
                     resolver: OrgResolver, dropped: set[str]) -> tuple[PostHit, str | None]:
    """«Аудандық мәслихаттың аграрлық мәселелер жөніндегі тұрақты комиссиясының төрағасы»:
    a standing commission's chair holds a post in the maslikhat, the commission written into
    the position (as a unit's head does in :func:`_unit_in_post`)."""
    org = resolver.orgs.get(org_key) if org_key else None
    if org is None or ph.org_end < 0 or not org.name.endswith("тұрақты комиссиясы") or \
            org.parent_key is None or not resolver.orgs[org.parent_key].name.endswith("мәслихаты"):
        return ph, org_key
    end = toks[ph.org_end][2]
    start = min((m.start for m in org.mentions if m.end == end), default=None)
    if start is None:
        return ph, org_key
    dropped.add(org.key)
    return PostHit(text[start:ph.end], start, ph.end, -1, ph.territory), org.parent_key


def _unit_in_post(text: str, toks: list[tuple[str, int, int]], ph: PostHit,
                  resolver: OrgResolver, dropped: set[str]) -> tuple[PostHit, str | None]:
    """«… басқармасының тұрғын үй бағдарламалары бөлімінің меңгерушісі Name», «"…" ШЖҚ МКК
    хирургия бөлімшесінің меңгерушісі Name»: a unit's head (меңгерушісі, жетекшісі) inside a
    body holds a post in the body, the unit written into the position. Returns the post and,
    where no body is written («Хирургия бөлімшесінің меңгерушісі Name:»), the article's one
    hospital."""
    if ph.org_end < 0 or ph.position.split()[-1].lower() not in _UNIT_HEADS or \
            toks[ph.org_end][0].lower() not in _UNIT_GEN or " " in ph.position:
        return ph, None
    unit_key = resolver.org_ending_at(toks[ph.org_end][2])
    k, body = ph.org_end - 1, None
    # lowercase words, or a village's name right before a lowercase one («"…" ШЖҚ МКК
    # Қоңыркөл дәрігерлік амбулаториясының меңгерушісі»)
    while k >= 0 and ph.org_end - k <= 5 and (toks[k][0][:1].islower() or toks[k][0].isalpha(
            ) and k + 1 < ph.org_end and toks[k + 1][0][:1].islower()) and \
            resolver.org_ending_at(toks[k][2]) is None and toks[k][0] not in LEGAL_FORMS:
        bare = bare_head_of(toks[k][0]) if toks[k][0].endswith(GENITIVE) else None
        if bare is not None and k < ph.org_end - 1:  # «аурухананың хирургия бөлімшесінің …»
            body = resolver.nearest_with_head(bare, toks[k][1])
            break
        k -= 1
    if body is None and k == 0 and toks[0][0].isalpha() and toks[0][0][:1].isupper() and \
            toks[0][0] not in LEGAL_FORMS and resolver.org_ending_at(toks[0][2]) is None:
        k = -1  # «Хирургия бөлімшесінің …» opens the sentence
    if body is None:
        body = resolver.org_ending_at(toks[k][2]) if 0 <= k < ph.org_end - 1 else None
    found = None
    if body is None and toks[ph.org_end][0].lower() in _CLINIC_UNITS:
        # «Хирургия бөлімшесінің меңгерушісі Name:» in an article about one hospital
        clinics = [key for key, o in resolver.orgs.items() if "аурухана" in o.name.lower()]
        body = found = clinics[0] if len(clinics) == 1 else None
    if body is None or body == unit_key:
        return ph, None
    if unit_key is not None:
        dropped.add(unit_key)
    start = toks[k + 1][1]
    return PostHit(text[start:ph.end], start, ph.end, -1 if found else k, ph.territory), found


def _speech_role(text: str, toks: list[tuple[str, int, int]], hits: list[NameHit],
                 owner: dict[int, str], resolver: OrgResolver,
                 posts: dict[tuple[str, str, str | None], Post]) -> None:
    """«Кеңес төрайымы ретінде …, – деп Name …»: the speaker's own post."""
    found = role_in_speech(toks)
    if found is None:
        return
    i, j, position, dash = found
    speakers = {owner[h.start] for h in hits
                if h.start in owner and toks[dash][2] <= h.start < toks[-1][2] + 1}
    if len(speakers) != 1 or i == 0:
        return
    person = speakers.pop()
    if any(p.person_key == person for p in posts.values()):
        return
    before = toks[i - 1]
    org_key = resolver.org_ending_at(before[2])
    bare = bare_head_of(before[0])
    if org_key is None and bare is not None:
        org_key = resolver.nearest_with_head(bare, toks[-1][2])
    if org_key is None:
        return
    posts[(person, position, org_key)] = Post(
        person_key=person, position=position, organisation_key=org_key,
        mention=Mention(toks[i][1], toks[j][2], text[toks[i][1]:toks[j][2]], "POSITION", "rules"))


