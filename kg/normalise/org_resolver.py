"""Merging one article's organisation mentions into canonical organisations.

Split from :mod:`kg.normalise.orgs` (which finds the mentions): cross-article
keys, variant matching («БҚО» = «Батыс Қазақстан облысы», «облыстық» =
«облысы», «кеңес» = «кеңесі»), vague references and parent links.
"""

from __future__ import annotations

import re

from kg.normalise.morph import GENITIVE
from kg.normalise.org_bounds import opens_no_name
from kg.normalise.org_keys import (
    KEY_CUT,  # noqa: F401  (re-exported: kg.normalise.org_resolver is the front)
    QUOTED,
    _cmp,
    _compatible,
    _head_word,
    _quoted,
    _rank,
    _territory,
    _variant,
    _without_legal_forms,
    _words,
    org_key,
)
from kg.normalise.org_words import (
    _TERRITORIAL,
    HEADS,
    LEGAL_FORMS,
    SUBUNIT_HEADS,
    TOP_HEADS,
    state_head_acts,
)
from kg.normalise.orgs import BARE_HEADS, OrgHit, bare_head_of, head_of

__all__ = ["OrgResolver", "org_key"]


def _anaphoric(h: OrgHit) -> bool:
    """The parent of ``h`` is a bare head in the genitive («Комитеттің», «Департаменттің»)."""
    p = h.parent
    return (p is not None and p.vague and " " not in p.name and bare_head_of(p.name) is not None
            and p.name.lower().endswith(GENITIVE))


#: «"AMANAT" партиясының Наурызбай аудандық филиалы» → «"AMANAT" партиясы Наурызбай …»
_PARTY_GEN_BRANCH = re.compile(r"(партиясы)ның\s+(\S+(?:\s+\S+)?\s+(?:облыстық|қалалық|аудандық)\s+филиалы)$")
#: a party's district or city branch, and an oblast branch
_LOCAL_BRANCH = re.compile(r"^(.+ партиясы) \S+(?: \S+)? (?:аудандық|қалалық) филиалы$")
#: a bare territory's akimat, the start of a name: «аудан әкімдігінің … бөлімі»
_BARE_AKIMAT = re.compile(r"^(аудан|қала|облыс)(?:дық|лық|тық)? (?=әкімдіг)", re.IGNORECASE)
#: an oblast written before a district's or city's akimat only locates it: «Ақтөбе облысы
#: Шалқар ауданы әкімдігінің … бөлімі» is «Шалқар ауданы әкімдігінің … бөлімі»
_CAP = r"[А-ЯӘІҢҒҮҰҚӨҺ][\w-]*"
_OBLAST_BEFORE_AKIMAT = re.compile(
    rf"^(?:{_CAP} ){{1,2}}облысы (?=(?:{_CAP} ){{1,2}}(?:ауданы|қаласы) әкімдіг)")
_OBLAST_BRANCH = re.compile(r" облыстық филиалы$")
#: first words of a national body's name: never a local akimat's unit
_NATIONAL = frozenset({"қазақстан", "қазақстанның", "қр", "республикалық", "ұлттық"})


def _genitive(name: str) -> str | None:
    """«… комитеті» → «… комитетінің» (a possessive head takes -ның/-нің), else None."""
    last = name.split()[-1]
    if last.endswith("ы"):
        return f"{name}ның"
    if last.endswith("і"):
        return f"{name}нің"
    return None


class OrgResolver:
    """Merge one article's organisation mentions into canonical organisations.

    Variants merge when one's words (abbreviations expanded, leading generic
    modifiers dropped) end the other's («ішкі саясат басқармасы» → «Жамбыл
    облысы әкімдігінің ішкі саясат басқармасы»), or when both have the same
    quoted name and head («"Бақытты отбасы" орталығы»). The longest variant
    names the organisation. Vague mentions («облыс әкімдігі») join a named
    organisation with the same head or are dropped.

    >>> from kg.normalise.morph import tokenize
    >>> from kg.normalise.orgs import find_orgs
    >>> t = "Жамбыл облысы әкімдігінің ішкі саясат басқармасы. Облыс әкімдігі мен ішкі саясат басқармасы."
    >>> toks = tokenize(t)
    >>> r = OrgResolver(t, find_orgs(t, toks[:6]) + find_orgs(t, toks[7:]))
    >>> [(o.name, o.parent_key) for o in r.organisations()]
    [('Жамбыл облысы әкімдігінің ішкі саясат басқармасы', 'jambyl-oblysy-akimdigi'), ('Жамбыл облысы әкімдігі', None)]
    """

    def __init__(self, text: str, hits: list[OrgHit], mentions: list | None = None,
                 region: str | None = None, city: str | None = None,
                 district: str | None = None) -> None:
        from kg.model import Mention, Organisation
        from kg.normalise.translit import translit

        self._translit, self._Org, self._Mention = translit, Organisation, Mention
        self.text = text
        self.region, self.city, self.district = region, city, district
        self.orgs: dict[str, Organisation] = {}
        self.by_end: dict[int, str] = {}
        flat: list[OrgHit] = []
        seen: set[int] = set()
        for h in hits:
            p: OrgHit | None = h
            while p is not None and id(p) not in seen:
                seen.add(id(p))
                flat.append(p)
                p = p.parent
        for h in flat:
            self._place_bare_akimat(h)
        named = sorted((h for h in flat if not h.vague), key=_rank)
        canon: dict[int, str] = {}
        for h in named:
            name = _PARTY_GEN_BRANCH.sub(r"\1 \2", h.name)  # «партиясының X филиалы»
            name = _OBLAST_BEFORE_AKIMAT.sub("", name)  # «Ақтөбе облысы Шалқар ауданы әкімдігі»
            key = self._match(name)
            if key is None:
                key = org_key(name)
                self.orgs[key] = Organisation(key=key, name=name, latin=translit(name))
            canon[id(h)] = key
        for h in flat:
            if h.vague and h.parent is not None and not h.parent.vague:
                continue  # «Қытай Коммунистік партиясы Орталық комитеті»: the party's own body
            key = canon.get(id(h)) or self._vague(h)
            if key is None:
                continue
            canon[id(h)] = key
            org = self.orgs[key]
            org.mentions.append(Mention(h.start, h.end, text[h.start:h.end], "ORGANISATION",
                                        "rules"))
            self.by_end.setdefault(h.end, key)
        renames: dict[str, str] = {}
        for h in flat:
            key, pk = canon.get(id(h)), canon.get(id(h.parent)) if h.parent else None
            if key and pk and pk != key and self.orgs[key].parent_key is None:
                self.orgs[key].parent_key = pk
                if _anaphoric(h) and key not in renames:
                    renames[key] = pk
        for key, pk in renames.items():
            self._name_through(key, pk)
        for m in mentions or []:
            if getattr(m, "label", "") == "ORGANISATION" and not any(
                    s < m.end and m.start < e for o in self.orgs.values()
                    for s, e in ((x.start, x.end) for x in o.mentions)):
                words = m.text.split() or [""]
                cut = [i + 1 for i, w in enumerate(words[:-1]) if state_head_acts(w, words[i + 1])]
                words = words[max(cut, default=0):]  # «Елбасы Халықаралық … комитетінің»
                while len(words) > 2 and opens_no_name(words[0]):
                    words = words[1:]  # «Кеңеске аудандық ауруханасының»: a dative opens none
                head = head_of(words[-1])
                if head and len(words) >= 2:
                    self.add(" ".join(words[:-1] + [head]), m)

    def _name_through(self, key: str, parent_key: str) -> None:
        """«Комитеттің Қостанай облыстық инспекциясы» → «<the committee's name>-ның
        Қостанай облыстық инспекциясы»: a unit named through its parent, written in
        full (not for units of ministries, akimats and parties, nor for «бөлімі»)."""
        org, parent = self.orgs[key], self.orgs.get(parent_key)
        words = org.name.split()
        if parent is None or words[-1] in SUBUNIT_HEADS:
            return
        if words[-1] == "филиалы" and _words(parent.name)[-1] == "партиясы":
            name = f"{parent.name} {org.name}"  # «партияның Текелі қалалық филиалы»
        elif _words(parent.name)[-1] in TOP_HEADS:
            return
        else:
            genitive = _genitive(parent.name)
            if genitive is None:
                return
            name = f"{genitive} {org.name}"
        new_key = org_key(name)
        if new_key in self.orgs:
            return
        del self.orgs[key]
        org.key, org.name, org.latin = new_key, name, self._translit(name)
        self.orgs[new_key] = org
        for end, k in list(self.by_end.items()):
            if k == key:
                self.by_end[end] = new_key
        for other in self.orgs.values():
            if other.parent_key == key:
                other.parent_key = new_key

    def _match(self, name: str) -> str | None:
        short = self._short_unit(name)
        if short is not None:
            return short
        w, q = _cmp(name), _quoted(name)
        for key, org in self.orgs.items():
            ow = _cmp(org.name)
            if ow == w or len(w) >= 2 and ow[-len(w):] == w or _variant(w, ow) or _variant(ow, w):
                return key
            core = _without_legal_forms(ow)  # «"Ақмола облысының жұмыспен қамту орталығы" КММ»
            if len(core) < len(ow) and len(w) >= 2 and core[-len(w):] == w and w[-1] in HEADS:
                return key  # … = «жұмыспен қамту орталығы»
            if q and q == _quoted(org.name) and ow[-1] == w[-1] and _compatible(name, org.name):
                return key
        return None

    def _short_unit(self, name: str) -> str | None:
        """«Мемлекеттік корпорацияның аудандық бөлімі»: a unit named through its parent's
        short form; the article's one organisation with that parent word and that unit."""
        words = name.lower().split()
        if len(words) < 3 or not words[-3].endswith(GENITIVE) or words[-2] not in _TERRITORIAL:
            return None
        stem = next((words[-3][:-len(g)] for g in GENITIVE if words[-3].endswith(g)), "")
        if len(stem) < 5:
            return None
        tail = " ".join(words[-2:])
        keys = [k for k, o in self.orgs.items() if o.name.lower().endswith(tail)
                and stem in o.name.lower() and o.name.lower() != name.lower()]
        return keys[0] if len(keys) == 1 else None

    def _place_bare_akimat(self, h: OrgHit) -> None:
        """«аудан әкімдігінің ауыл шаруашылығы бөлімі» in an article about one district: the
        district's akimat and its unit, named («Қарабалық ауданы әкімдігінің …»); «Облыс
        әкімдігінің қаулысымен», «облыстық әкімдік»: the region's akimat."""
        m = _BARE_AKIMAT.match(h.name)
        if m is None:
            return
        place = {"аудан": self.district, "қала": self.city, "облыс": self.region}[
            m.group(1).lower()]
        if place is None:
            return
        h.name = f"{place} {h.name[m.end():]}"
        h.vague = False

    def _vague(self, h: OrgHit) -> str | None:
        head = BARE_HEADS.get(h.head, h.head)
        same = [k for k, o in self.orgs.items() if _words(o.name)[-1] == head]
        low = h.name.lower()
        for terr, place in (("облыс", self.region), ("қала", self.city),
                            ("аудан", self.district)):
            if terr in low:
                narrowed = [k for k in same if terr in self.orgs[k].name.lower()]
                adj = low.split()[0]
                if not narrowed and head == "мәслихаты" and place and len(low.split()) == 2 \
                        and adj in ("облыстық", "қалалық", "аудандық"):
                    # «аудандық мәслихаттың депутаты» in an article about one district
                    return self.add(f"{place.rsplit(' ', 1)[0]} {adj} мәслихаты")
                return narrowed[0] if len(narrowed) == 1 else None
        return same[0] if len(same) == 1 else None

    def quoted_kind(self, noun: str) -> str | None:
        """The article's one organisation whose quoted name ends in ``noun``: «Мектеп
        директоры» → «"№45 жалпы білім беретін мектеп" КММ»."""
        keys = [k for k, o in self.orgs.items() if (q := QUOTED.search(o.name)) and (
            last := q.group(1).lower().split()[-1:]) and (last == [noun] or last[0].startswith(
                f"{noun}-"))]  # «"Шиелі №5 мектеп-гимназиясы" КММ» is a мектеп too
        return keys[0] if len(keys) == 1 else None

    def heads(self, head: str) -> list[str]:
        """Keys of the organisations whose head is ``head`` (possessive or bare form)."""
        head = BARE_HEADS.get(head, head)
        return [k for k, o in self.orgs.items() if _head_word(o.name) == head]

    def ministry_named_by(self, word: str) -> str | None:
        """«Ауыл шаруашылығы вице-министрі»: the ministry the article names whose name
        ends in ``word`` before «министрлігі»."""
        low = word.lower()
        for key in self.heads("министрлігі"):
            words = self.orgs[key].name.lower().split()
            if len(words) >= 2 and words[-2] == low:
                return key
        return None

    def nearest_with_head(self, head: str, offset: int, adjective: str | None = None
                          ) -> str | None:
        """«Басқарма басшысы»: the organisation with this head mentioned last before ``offset``
        (or, of several, the one named more often than the others, already named before).

        With no mention before, the first one after (a lead that names the post first).
        ``adjective`` («облыстық филиал төрағасы»): only those whose name has it, where any do.
        """
        keys = self.heads(head)
        if adjective:
            kept = [k for k in keys if adjective in self.orgs[k].name.lower().split()]
            if not kept and any(set(self.orgs[k].name.lower().split()) & _TERRITORIAL
                                for k in keys):
                return None  # «аудандық мәслихат» is not the region's «облыстық мәслихаты»
            keys = kept or keys
        if len(keys) <= 1:
            return keys[0] if keys else None

        def last_before(k: str) -> int:
            return max((m.end for m in self.orgs[k].mentions if m.end <= offset), default=-1)
        counts = sorted((len(self.orgs[k].mentions), k) for k in keys)
        if counts[-1][0] > counts[-2][0] and last_before(counts[-1][1]) >= 0:
            return counts[-1][1]  # the article's own body, named before and more often
        best = max(keys, key=last_before)
        return best if last_before(best) >= 0 else None

    def link_akimats(self) -> None:
        """A regional or city department with no parent → the akimat of its territory.

        Only an akimat the article itself names (or implies: «Облыс әкімдігінің
        қаулысымен») becomes a parent: «облыстық/БҚО … басқармасы» → the one
        regional akimat, «Семей қаласы білім бөлімі» → «Семей қаласы әкімдігі»;
        a department with no territory in its name goes to the article's only akimat.
        """
        akimats = {k: o.name for k, o in self.orgs.items()
                   if _words(o.name)[-1:] == ["әкімдігі"] and "әкімдігінің" not in o.name}
        for key, org in self.orgs.items():
            core = _words(org.name)
            while len(core) > 1 and core[-1].upper() in LEGAL_FORMS:
                core = core[:-1]  # «"Ақсу қаласының … бөлімі" ММ»: the department, registered
            if org.parent_key is not None or core[-1:] not in (["басқармасы"], ["бөлімі"]):
                continue
            if org.name.split()[0].lower() in _NATIONAL:
                continue  # «Қазақстан мұсылмандары діни басқармасы»: a national body
            level, place = _territory(org.name)
            if level is None:
                cands = list(akimats)
            else:
                cands = [k for k, n in akimats.items() if level in n.split()
                         and (place is None or n.startswith(place))]
            if len(cands) == 1 and cands[0] != key:
                org.parent_key = cands[0]

    def add(self, name: str, mention: object | None = None) -> str:
        """Add (or find) an organisation by name; returns its key."""
        key = self._match(name)
        if key is None:
            key = org_key(name)
            self.orgs[key] = self._Org(key=key, name=name, latin=self._translit(name))
        if mention is not None:
            self.orgs[key].mentions.append(mention)  # type: ignore[arg-type]
        return key

    def add_akimat(self, place_name: str) -> str:
        """The akimat of a territory («Алматы қаласы» → «Алматы қаласы әкімдігі»)."""
        return self.add(f"{place_name} әкімдігі")

    def org_ending_at(self, end: int) -> str | None:
        """Key of the organisation whose mention ends at offset ``end``."""
        return self.by_end.get(end)

    def find_by_head(self, head: str) -> str | None:
        """The first top-level organisation with this head («партиясы»)."""
        return next((k for k, o in self.orgs.items()
                     if _words(o.name)[-1] == head and o.parent_key is None), None)

    def office_of(self, place_name: str, head: str) -> str | None:
        """The article's one body with this head in this place: «Балқаш қаласы»,
        «прокуратурасы» → «Балқаш қаласының прокуратурасы»."""
        first = place_name.split()[0].lower()
        keys = [k for k, o in self.orgs.items() if _words(o.name)[-1:] == [head]
                and _words(o.name)[:1] == [first]]
        return keys[0] if len(keys) == 1 else None

    def link_offices(self) -> None:
        """A city's or district's prosecutor's office → the region's, where the article names
        one («Балқаш қаласының прокуратурасы» is part of «Қарағанды облысы прокуратурасы»)."""
        offices = {k: o for k, o in self.orgs.items() if _words(o.name)[-1:] == ["прокуратурасы"]}
        regional = [k for k, o in offices.items() if re.search(r"облыс(?:ы|ының) прокуратурасы$",
                                                              o.name)]
        if len(regional) != 1:
            return
        for k, o in offices.items():
            if o.parent_key is None and k != regional[0] and re.search(
                    r"(?:қала|аудан)(?:сы|ы)(?:ның)? прокуратурасы$", o.name):
                o.parent_key = regional[0]

    def link_branches(self) -> None:
        """A party's district or city branch whose parent is the party → the same party's
        oblast branch, where the article names exactly one («"AMANAT" партиясы Текелі қалалық
        филиалы» is part of «"AMANAT" партиясы Жетісу облыстық филиалы»). A primary party
        organisation («"Теңіз Сервис" ЖШС бастауыш партия ұйымы») → the article's one local
        branch: it is the party's cell, not the company's unit."""
        local = [k for k, o in self.orgs.items() if _LOCAL_BRANCH.match(o.name)]
        for org in self.orgs.values():
            if org.name.endswith(" бастауыш партия ұйымы") and len(local) == 1:
                org.parent_key = local[0]
        for org in self.orgs.values():
            m = _LOCAL_BRANCH.match(org.name)
            if m is None or org.parent_key is None:
                continue
            party = self.orgs.get(org.parent_key)
            if party is None or party.name != m.group(1):
                continue
            oblast = [k for k, o in self.orgs.items() if o.name.startswith(m.group(1) + " ")
                      and _OBLAST_BRANCH.search(o.name)]
            if len(oblast) == 1:
                org.parent_key = oblast[0]

    def organisations(self) -> list:
        """Organisations in order of first mention (added ones last)."""
        return sorted(self.orgs.values(),
                      key=lambda o: min((m.start for m in o.mentions), default=10**9))
