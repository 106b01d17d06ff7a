"""The reference data every store starts with: topics, agreements and partner countries."""

import json
from typing import Any

from council_prep.domain import Agreement, AgreementKind, Partner, Topic
from council_prep.resources_path import resource
from council_prep.store import Store


def _load(name: str) -> list[dict[str, Any]]:
    return json.loads(resource("reference", f"{name}.json").read_text(encoding="utf-8"))


def seed_reference(store: Store) -> int:
    """Add the bundled topics, agreements and partners the store lacks; returns how many were added."""
    added = 0
    with store.transaction():
        known_topics = {t.key for t in store.topics.find()}
        for row in _load("topics"):
            if row["key"] not in known_topics:
                store.topics.add(Topic(key=row["key"], label=row["label"], group=row.get("group", "other"),
                                       description=row.get("description", ""), keywords=row.get("keywords", [])))
                added += 1
        known_agreements = {a.key for a in store.agreements.find()}
        for row in _load("agreements"):
            if row["key"] not in known_agreements:
                store.agreements.add(Agreement(
                    key=row["key"], name=row["name"], short_name=row.get("short_name", ""),
                    kind=AgreementKind(row["kind"]), entered_into_force=row.get("entered_into_force"),
                    labor_body=row.get("labor_body") or "", labor_body_checked=bool(row.get("labor_body_checked")),
                ))
                added += 1
        known_partners = {p.code for p in store.partners.find()}
        for row in _load("partners"):
            if row["code"] not in known_partners:
                store.partners.add(Partner(code=row["code"], name=row["name"], name_local=row.get("name_local", ""),
                                           agreement_keys=row.get("agreements", [])))
                added += 1
    return added
