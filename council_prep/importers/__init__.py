"""Spreadsheets and CSV files into the store: read, validate every row, plan, then write all or nothing."""

from council_prep.importers.enforcement import plan_figure_import
from council_prep.importers.errors import ImportRejected, UnreadableFileError
from council_prep.importers.law_changes import plan_law_change_import
from council_prep.importers.plan import ImportPlan, apply_import
from council_prep.importers.projects import plan_project_import
from council_prep.importers.questions import plan_question_import

__all__ = [
    "ImportPlan", "ImportRejected", "UnreadableFileError", "apply_import", "plan_figure_import",
    "plan_law_change_import", "plan_project_import", "plan_question_import",
]
