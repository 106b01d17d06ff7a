"""Spreadsheets and CSV files into the store: read, validate every row, plan, then write all or nothing."""

from council_prep.importers.enforcement import plan_figure_import
from council_prep.importers.errors import ImportRejected, MappingUncertain, UnreadableFileError
from council_prep.importers.law_changes import plan_law_change_import
from council_prep.importers.mapping import ColumnMapping, MappingProposal, choose_columns, propose_mapping
from council_prep.importers.plan import ImportPlan, apply_import
from council_prep.importers.projects import plan_project_import
from council_prep.importers.questions import plan_question_import

__all__ = [
    "ColumnMapping", "ImportPlan", "ImportRejected", "MappingProposal", "MappingUncertain", "UnreadableFileError",
    "apply_import", "choose_columns", "plan_figure_import", "plan_law_change_import", "plan_project_import",
    "plan_question_import", "propose_mapping",
]
