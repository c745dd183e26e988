"""Widgets of the review screen."""

from postedit_tui.widgets.focus_pane import EvidencePane, FocusPane
from postedit_tui.widgets.segment_editor import SegmentEditor
from postedit_tui.widgets.segment_list import SegmentList
from postedit_tui.widgets.status_header import StatusHeader
from postedit_tui.widgets.suggestion_list import SuggestionList

__all__ = ["EvidencePane", "FocusPane", "SegmentEditor", "SegmentList", "StatusHeader", "SuggestionList"]
