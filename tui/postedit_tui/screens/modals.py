"""Small questions: quit with unsaved changes, resume an interrupted session."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from postedit.editing.journal import Resumable


class ChoiceScreen(ModalScreen[str | None]):
    """A question with a row of buttons; the answer is the pressed button's id, None for
    ``cancel``. Subclasses give the question and ``CHOICES`` (id, label, variant), and bind
    keys to ``answer('ID')``."""

    CHOICES: tuple[tuple[str, str, str], ...] = ()

    def question(self) -> str:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question(), classes="question")
            with Horizontal(classes="buttons"):
                for answer, label, variant in self.CHOICES:
                    yield Button(label, id=answer, variant=variant)  # type: ignore[arg-type]

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)


class QuitScreen(ChoiceScreen):
    """Unsaved changes: save and quit, quit without saving, or stay."""

    BINDINGS = [
        Binding("s", "answer('save')", "Save and quit"),
        Binding("d", "answer('discard')", "Quit without saving"),
        Binding("escape,c", "answer(None)", "Cancel"),
    ]
    CHOICES = (("save", "Save and quit (s)", "primary"), ("discard", "Discard (d)", "error"),
               ("cancel", "Cancel (esc)", "default"))

    def question(self) -> str:
        return "There are unsaved changes."


class ResumeScreen(ModalScreen[bool]):
    """A journal of an earlier session on this article exists: resume it?"""

    BINDINGS = [
        Binding("y", "answer(True)", "Resume"),
        Binding("n,escape", "answer(False)", "Start afresh"),
    ]

    def __init__(self, resumable: Resumable) -> None:
        super().__init__()
        self.resumable = resumable

    def compose(self) -> ComposeResult:
        found = self.resumable
        state = "saved" if found.saved else "not saved"
        with Vertical(classes="dialog"):
            yield Label(f"An earlier review of this article ({found.actions} actions, {state}) "
                        f"was recorded in {found.path}. Resume it?", classes="question")
            with Horizontal(classes="buttons"):
                yield Button("Resume (y)", id="resume", variant="primary")
                yield Button("Start afresh (n)", id="fresh")

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "resume")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class SaveAsScreen(ModalScreen[str | None]):
    """Save to another path (the usual folder may be full or read-only)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Save the edited article and its provenance to:", classes="question")
            yield Input(value=self.current, id="path")
            with Horizontal(classes="buttons"):
                yield Button("Save (enter)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        path = self.query_one(Input).value.strip()
        self.dismiss((path or None) if event.button.id == "save" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
