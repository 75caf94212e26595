"""Click command and group classes: the help and usage conventions of every runstrong command.

Imports nothing but click, so that building the command tree costs (almost) nothing.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import click

# Help uses the terminal's width, up to this many columns (Click's own default stops at 80).
CONTEXT_SETTINGS = {"max_content_width": 120}


class Command(click.Command):
    """In a group's list, a command is summed up by its help's whole first paragraph."""

    def get_short_help_str(self, limit: int = 45) -> str:
        # Click cuts the summary at the first sentence and at `limit` characters, with "...".
        if self.short_help or not self.help:
            return super().get_short_help_str(limit)
        first = inspect.cleandoc(self.help).partition("\n\n")[0]
        return " ".join(first.split())


class Group(Command, click.Group):
    """Sub-commands listed in the order they were added. Called alone, the group prints its
    help on stdout and exits with code 2."""

    command_class = Command
    group_class = type  # sub-groups are Groups too

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            click.echo(ctx.get_help(), color=ctx.color)
            ctx.exit(2)
        return super().parse_args(ctx, args)


class LazyGroup(Group):
    """A group whose sub-commands are imported when first asked for, from "module:attribute"
    paths in `lazy`, so that `runstrong plan` never loads the export or library commands."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*super().list_commands(ctx), *(n for n in self.lazy if n not in self.commands)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            module, _, attribute = self.lazy[cmd_name].partition(":")
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)
