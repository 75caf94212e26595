"""The framework's app class as runstrong uses it (web/app.py makes the app)."""

from __future__ import annotations

from litestar import Litestar
from litestar.plugins import PluginProtocol


class RunstrongApp(Litestar):
    """Litestar with msgspec's plugin only. Litestar adds its pydantic and attrs plugins to every
    app when those packages are installed; runstrong's bodies and answers are msgspec structs and
    dataclasses, and those plugins load pydantic (with its v1 layer), litestar's pydantic support
    and attrs into each worker at its start: 9 MB of its RSS."""

    @staticmethod
    def _get_default_plugins(plugins: list[PluginProtocol]) -> list[PluginProtocol]:
        from litestar.plugins.core import MsgspecDIPlugin

        return [*plugins, MsgspecDIPlugin()]
