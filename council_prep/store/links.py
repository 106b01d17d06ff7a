"""Relations held in link tables rather than in a record's own row: which list field of which kind
each table holds, and the tables the change log identifies by the records they refer to.

A link table's first key column is its owner's: the record whose list field it holds, so a link's
uid in the change log ("owner uid:other uid") names the record a view should refresh.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    owner: str  # the kind whose records hold the list ("project")
    field: str  # the list field ("law_change_ids")
    table: str  # the link table ("project_law_changes")
    own: str  # its column holding the owner's id
    other: str  # its column holding the linked record's id


LINKS: tuple[Link, ...] = (
    Link("agenda_item", "law_change_ids", "agenda_law_changes", "agenda_item_id", "law_change_id"),
    Link("agenda_item", "submission_ids", "agenda_submissions", "agenda_item_id", "submission_id"),
    Link("agenda_item", "speaker_ids", "agenda_speakers", "agenda_item_id", "person_id"),
    Link("commitment", "agenda_item_ids", "agenda_commitments", "commitment_id", "agenda_item_id"),
    Link("project", "agenda_item_ids", "agenda_projects", "project_id", "agenda_item_id"),
    Link("project", "law_change_ids", "project_law_changes", "project_id", "law_change_id"),
)
# A person's photo, one row per person, kept apart so that lists of people never load images.
PHOTO_TABLE = "person_photos"

LINK_TABLES: tuple[str, ...] = tuple(link.table for link in LINKS)
# Tables whose rows have no uid of their own: logged under the uids of the records they refer to.
# (owner kind first.)
OWNED_TABLES: dict[str, str] = {**{link.table: link.owner for link in LINKS}, PHOTO_TABLE: "person"}
RELATION_FIELDS = frozenset(link.field for link in LINKS)


def links_of(kind: str) -> tuple[Link, ...]:
    return tuple(link for link in LINKS if link.owner == kind)
