"""`runstrong user ...`: the web app's accounts, made from the command line (the first admin),
and the recovery of one whose second factor is lost."""

from __future__ import annotations

import sys

import click

from runstrong.cli.base import Group
from runstrong.cli.options import current_settings
from runstrong.domain.errors import InputError


@click.group(
    "user",
    cls=Group,
    help=(
        "The web app's accounts (runstrong serve).\n\n"
        "Example: runstrong user add coach@example.org --admin"
    ),
    no_args_is_help=True,
)
def app() -> None:
    pass


@app.command()
@click.argument("email", metavar="EMAIL")
@click.option("--admin", is_flag=True, help="An administrator (users, not training data).")
@click.option("--coach", is_flag=True, help="A coach (invites athletes, sees those who accept).")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from standard input's first line (else it is asked on a terminal).",
)
def add(email: str, admin: bool, coach: bool, password_stdin: bool) -> None:
    """Make an account for EMAIL. The password is asked twice on a terminal, or read from
    standard input with --password-stdin; it never goes on the command line. Prints the
    account's id. From a script: printf '%s\\n' "$PASSWORD" | runstrong user add EMAIL
    --password-stdin

    Example: runstrong user add me@example.org --admin
    """
    from runstrong.account_service import Role, add_user, checked_email, checked_password

    checked_email(email, "EMAIL")
    if admin and coach:
        raise InputError("--coach", "", "an account is an administrator or a coach, not both")
    settings = current_settings()
    password = checked_password(_password(password_stdin), settings, "--password-stdin")
    role = Role.ADMIN if admin else Role.COACH if coach else Role.ATHLETE
    account = add_user(email, password, settings, role=role)
    click.echo(account.id)
    print(f"added {account.email} ({account.role})", file=sys.stderr)


@app.command("two-factor-off")
@click.argument("email", metavar="EMAIL")
def two_factor_off(email: str) -> None:
    """Remove the second factor of EMAIL's account (a lost phone, or a new server key) and sign
    out all its sessions and API tokens: its next log-in is by the password alone, and it can
    set up a second factor again (an administrator must, to use the administration API).

    Example: runstrong user two-factor-off me@example.org
    """
    from runstrong.second_factor_service import remove_second_factor

    remove_second_factor(email, current_settings())
    print(
        f"two-factor sign-in removed for {email.strip().lower()}; its sessions ended",
        file=sys.stderr,
    )


def _password(from_stdin: bool) -> str:
    if from_stdin:
        from runstrong.account_service import PASSWORD_MAX_CHARS

        line = sys.stdin.readline(PASSWORD_MAX_CHARS + 2)  # one more: too long is an error
        return line.removesuffix("\n").removesuffix("\r")
    if not sys.stdin.isatty():
        raise InputError("--password-stdin", "", "not given, and no terminal to ask on")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))
