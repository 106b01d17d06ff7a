"""The schema's migrations by name, in order: light enough to check at every start without sqlite-utils."""

MIGRATION_SET = "council_prep"
MIGRATION_NAMES = ("m001_records", "m002_search_index", "m003_identity_and_fields", "m004_change_log",
                   "m005_question_desk", "m006_officers_brief", "m007_change_origins", "m008_search_prefixes")
SCHEMA_VERSION = len(MIGRATION_NAMES)
