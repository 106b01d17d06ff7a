"""One spelling for every uid."""

import uuid

import pytest

from council_prep.domain.uids import normalise_uid

UID = "6f1c2a9e-8b3d-4e5f-a7b8-c9d0e1f2a3b4"


@pytest.mark.parametrize("written", [UID, UID.upper(), "{" + UID + "}", "urn:uuid:" + UID, "URN:UUID:{" + UID.upper()
                                     + "}", f"  {UID}\t", UID.replace("-", "")])
def test_every_spelling_of_a_uuid_is_one_uid(written: str) -> None:
    assert normalise_uid(written) == UID


@pytest.mark.parametrize("written", ["", "12345", "{" + UID, UID + "}", UID + "0", "urn:uuid:", "urn:" + UID,
                                     UID.replace("a", "g"), "{{" + UID + "}}"])
def test_what_is_not_a_uuid_is_refused_in_words(written: str) -> None:
    with pytest.raises(ValueError, match="is not a uid"):
        normalise_uid(written)


def test_a_fresh_uid_is_already_canonical() -> None:
    fresh = str(uuid.uuid4())
    assert normalise_uid(fresh) == fresh
