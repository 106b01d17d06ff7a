"""add_many: the fast path the large-store benchmark uses, all or nothing, searchable afterwards."""

import pytest

from council_prep.domain import LawChange, Question, ValidationError
from council_prep.store import Store, StoreError
from council_prep.store.bulk import add_many


def test_add_many_inserts_and_indexes(store: Store):
    added = add_many(store.law_changes, (LawChange(partner_code="PE", title=f"Decree {n} on wages")
                                         for n in range(1200)))
    assert added == 1200 == store.law_changes.count()
    assert len(store.law_changes.select_ids(text="decree wages")) == 1200
    assert store.search("Decree 1199")[0].kind == "law_change"


def test_add_many_is_all_or_nothing(store: Store):
    good = [LawChange(partner_code="PE", title="Fine") for _ in range(10)]
    with pytest.raises(ValidationError):
        add_many(store.law_changes, [*good, LawChange(partner_code="PE", title="")])
    with pytest.raises(StoreError):
        add_many(store.questions, [Question(meeting_id=999, text="No such meeting")])
    assert store.law_changes.count() == 0 and store.questions.count() == 0


def test_labels_for_pickers(store: Store):
    from council_prep.store.views import labels

    add_many(store.law_changes, [LawChange(partner_code=code, title=title)
                                 for code, title in [("PE", "b law"), ("PE", "A decree"), ("CO", "C rule")]])
    assert [title for _, title in labels(store.law_changes, "title", partner_code="PE")] == ["A decree", "b law"]
    with pytest.raises(ValueError):
        labels(store.law_changes, "no_such_column")
