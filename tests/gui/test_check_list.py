"""A check-box list of thousands of choices (a meeting's law changes offered as links), driven by keys and clicks."""

from council_prep.gui.fields import CheckListField
from tests.gui import check_lists


def field(qtbot, choices, commits: list[list]) -> CheckListField:
    editor: CheckListField = CheckListField(lambda: commits.append(editor.value()[0]), choices)
    qtbot.addWidget(editor.widget)
    editor.widget.resize(400, 200)
    editor.widget.show()
    qtbot.waitExposed(editor.widget)
    return editor


def test_a_box_ticked_among_thousands_is_saved_in_the_order_offered(qtbot):
    commits: list[list] = []
    editor = field(qtbot, [(n, f"PE · Law change {n}") for n in range(3000)], commits)
    editor.set_value([2999, 5, 12345])  # a value no longer offered is not shown
    assert editor.value()[0] == [5, 2999] and commits == []  # shown by the program: nothing to save
    check_lists.toggle(qtbot, editor.widget, 0)
    assert commits == [[0, 5, 2999]]
    check_lists.toggle(qtbot, editor.widget, 5)
    assert commits[-1] == [0, 2999]
    assert [check_lists.is_checked(editor.widget, row) for row in (0, 5, 2999)] == [True, False, True]

    editor.set_choices([(n, f"PE · Law change {n}") for n in range(1000, 3000)])  # law changes went
    assert editor.value()[0] == [2999]
    assert check_lists.texts(editor.widget)[0] == "PE · Law change 1000"


def test_a_read_only_list_refuses_the_space_key(qtbot):
    commits: list[list] = []
    editor = field(qtbot, [("child_labor", "Child labor"), ("minimum_wages", "Minimum wages")], commits)
    editor.set_value(["minimum_wages"])
    editor.set_read_only(True)
    check_lists.toggle(qtbot, editor.widget, 0)
    assert editor.value()[0] == ["minimum_wages"] and commits == []
    editor.set_read_only(False)
    check_lists.toggle(qtbot, editor.widget, 0)
    assert commits == [["child_labor", "minimum_wages"]]
