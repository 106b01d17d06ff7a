"""Partner countries named in a cell: by ISO code, English name or local name, whatever the case."""

from council_prep.importers.values import CellProblem, as_text, words
from council_prep.store import Store


class PartnerMatcher:
    """Finds a partner's code from what a file calls the country; refuses a name it does not know."""

    def __init__(self, store: Store):
        partners = store.partners.find()
        self._codes: dict[str, str] = {}
        for partner in partners:
            for name in (partner.code, partner.name, partner.name_local):
                if name:
                    self._codes[words(name)] = partner.code
        self._known = [p.name for p in partners]

    def code(self, value: object) -> str:
        text = as_text(value).strip()
        code = self._codes.get(words(text))
        if code is None:
            raise CellProblem(f"partner '{text}' is unknown; use a country name or code such as "
                              f"{', '.join(self._known[:6])}")
        return code
