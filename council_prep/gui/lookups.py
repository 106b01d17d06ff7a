"""Names for codes and keys (partner 'PE' -> 'Peru'), read once per store: reference data rarely changes."""

from dataclasses import dataclass

from council_prep.domain import Agreement, Partner, Topic
from council_prep.store import Store


@dataclass(frozen=True)
class Lookups:
    partners: dict[str, Partner]
    topics: dict[str, Topic]
    agreements: dict[str, Agreement]

    @classmethod
    def read(cls, store: Store) -> "Lookups":
        return cls(
            partners={p.code: p for p in sorted(store.partners.find(), key=lambda p: p.name.casefold())},
            topics={t.key: t for t in store.topics.find()},
            agreements={a.key: a for a in sorted(store.agreements.find(), key=lambda a: a.display_name.casefold())},
        )

    def partner(self, code: str) -> str:
        found = self.partners.get(code)
        return found.name if found else code

    def topic(self, key: str | None) -> str:
        if not key:
            return ""
        found = self.topics.get(key)
        return found.label if found else key

    def topic_list(self, keys: list[str]) -> str:
        return ", ".join(self.topic(k) for k in keys)

    def agreement(self, key: str) -> str:
        found = self.agreements.get(key)
        return found.display_name if found else key
