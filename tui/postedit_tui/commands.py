"""Command palette entries for every key binding of the current screen."""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from postedit_tui.keys import in_full


class BindingCommands(Provider):
    """Offers each binding (by its description) as a command."""

    def _commands(self) -> list[tuple[str, str, str]]:
        seen: dict[str, tuple[str, str, str]] = {}
        for binding in getattr(self.screen, "BINDINGS", []):
            description = in_full(binding) if isinstance(binding, Binding) else ""
            if description and description not in seen:
                key = binding.key_display or binding.key
                seen[description] = (description, binding.action, key)
        return list(seen.values())

    async def discover(self) -> Hits:
        for description, action, key in self._commands():
            yield DiscoveryHit(description, partial(self.screen.run_action, action), help=key)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for description, action, key in self._commands():
            score = matcher.match(description)
            if score > 0:
                yield Hit(score, matcher.highlight(description),
                          partial(self.screen.run_action, action), help=key)
