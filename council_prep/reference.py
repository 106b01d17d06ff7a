"""The reference data every store starts with: topics, agreements and partner countries."""


from council_prep.domain import Agreement, AgreementKind, Partner, Topic
from council_prep.resources_path import load_json
from council_prep.store import Store


def seed_reference(store: Store) -> int:
    """Add the bundled topics, agreements and partners the store lacks; returns how many were added."""
    added = 0
    with store.transaction():
        known_topics = {t.key for t in store.topics.find()}
        for row in load_json("reference", "topics.json"):
            if row["key"] not in known_topics:
                store.topics.add(Topic(key=row["key"], label=row["label"], group=row.get("group", "other"),
                                       description=row.get("description", ""), keywords=row.get("keywords", [])))
                added += 1
        known_agreements = {a.key for a in store.agreements.find()}
        for row in load_json("reference", "agreements.json"):
            if row["key"] not in known_agreements:
                store.agreements.add(Agreement(
                    key=row["key"], name=row["name"], short_name=row.get("short_name", ""),
                    kind=AgreementKind(row["kind"]), entered_into_force=row.get("entered_into_force"),
                    labor_body=row.get("labor_body") or "", labor_body_checked=bool(row.get("labor_body_checked")),
                ))
                added += 1
        known_partners = {p.code for p in store.partners.find()}
        for row in load_json("reference", "partners.json"):
            if row["code"] not in known_partners:
                store.partners.add(Partner(code=row["code"], name=row["name"], name_local=row.get("name_local", ""),
                                           agreement_keys=row.get("agreements", [])))
                added += 1
    return added
