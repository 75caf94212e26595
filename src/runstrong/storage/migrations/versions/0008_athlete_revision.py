"""A revision number per athlete (issue 16's answers kept per worker): `athletes.revision` goes
up, by triggers in the database, whenever a row of the athlete's data is written (profile and
plan versions, logs and their sets, niggle check-ins, runs, a coach's pins and links) or the
athlete's own row changes. A web worker keeps an answer (today's session, the history, the plan,
the calendar) under the revision it was made at and reads one integer to know it is current,
whoever wrote since: another worker, the command line, a migration.

Triggers, not the application, so that no writer can forget. SQLite fires them per row;
PostgreSQL per statement, with the changed rows as a transition table (a log POST of 12 sets is
one UPDATE of the athlete, not 12). SQLite drops a table's triggers with the table: a later
migration that copies a table (batch_alter_table) must make its triggers again
(tests/storage/test_revisions.py checks every one exists at the head).

Revision ID: 0008_athlete_revision
Revises: 0007_run_rpe
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_athlete_revision"
down_revision = "0007_run_rpe"
branch_labels = None
depends_on = None

# The tables of an athlete's data, with the column that names the athlete.
BY_ATHLETE = (
    "profile_versions",
    "plan_versions",
    "session_logs",
    "niggle_checkins",
    "runs",
    "session_pins",
    "athlete_access",
)
ATHLETE_COLUMNS = ("owner_id", "handle", "name", "units", "public_id")
OPERATIONS = ("insert", "update", "delete")


def upgrade() -> None:
    op.add_column(
        "athletes", sa.Column("revision", sa.Integer(), nullable=False, server_default="0")
    )
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_triggers()
    else:
        _postgresql_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in (*BY_ATHLETE, "set_logs"):
            for operation in OPERATIONS:
                op.execute(f"DROP TRIGGER IF EXISTS {_name(table, operation)}")
        op.execute("DROP TRIGGER IF EXISTS athletes_revision_on_update")
        with op.batch_alter_table("athletes") as batch:
            batch.drop_column("revision")
        return
    for table in (*BY_ATHLETE, "set_logs"):
        for operation in OPERATIONS:
            op.execute(f"DROP TRIGGER IF EXISTS {_name(table, operation)} ON {table}")
    op.execute("DROP TRIGGER IF EXISTS athletes_revision_on_update ON athletes")
    for function in ("athlete_revision_up", "athlete_revision_up_by_log", "athlete_revision_own"):
        op.execute(f"DROP FUNCTION IF EXISTS {function}()")
    op.drop_column("athletes", "revision")


def _name(table: str, operation: str) -> str:
    return f"{table}_revision_on_{operation}"


def _sqlite_triggers() -> None:
    bump = "UPDATE athletes SET revision = revision + 1 WHERE id = {}"
    for table in BY_ATHLETE:
        for operation, row in (("insert", "NEW"), ("update", "NEW"), ("delete", "OLD")):
            op.execute(
                f"CREATE TRIGGER {_name(table, operation)} AFTER {operation.upper()} ON {table} "
                f"BEGIN {bump.format(f'{row}.athlete_id')}; END"
            )
    for operation, row in (("insert", "NEW"), ("update", "NEW"), ("delete", "OLD")):
        by_log = f"(SELECT athlete_id FROM session_logs WHERE id = {row}.session_log_id)"
        op.execute(
            f"CREATE TRIGGER {_name('set_logs', operation)} AFTER {operation.upper()} "
            f"ON set_logs BEGIN {bump.format(by_log)}; END"
        )
    # Only when a column other than the revision is set: no trigger sets one of these, so
    # this one never fires itself.
    op.execute(
        "CREATE TRIGGER athletes_revision_on_update AFTER UPDATE OF "
        f"{', '.join(ATHLETE_COLUMNS)} ON athletes "
        f"BEGIN {bump.format('NEW.id')}; END"
    )


def _postgresql_triggers() -> None:
    op.execute(
        "CREATE FUNCTION athlete_revision_up() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "UPDATE athletes SET revision = revision + 1 "
        "WHERE id IN (SELECT DISTINCT athlete_id FROM changed); RETURN NULL; END $$"
    )
    op.execute(
        "CREATE FUNCTION athlete_revision_up_by_log() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN UPDATE athletes SET revision = revision + 1 WHERE id IN ("
        "SELECT DISTINCT s.athlete_id FROM session_logs s JOIN changed c "
        "ON s.id = c.session_log_id); RETURN NULL; END $$"
    )
    op.execute(
        "CREATE FUNCTION athlete_revision_own() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "NEW.revision := OLD.revision + 1; RETURN NEW; END $$"
    )
    functions = dict.fromkeys(BY_ATHLETE, "athlete_revision_up")
    functions["set_logs"] = "athlete_revision_up_by_log"
    for table, function in functions.items():
        for operation, rows in (("insert", "NEW"), ("update", "NEW"), ("delete", "OLD")):
            op.execute(
                f"CREATE TRIGGER {_name(table, operation)} AFTER {operation.upper()} ON {table} "
                f"REFERENCING {rows} TABLE AS changed FOR EACH STATEMENT "
                f"EXECUTE FUNCTION {function}()"
            )
    op.execute(
        "CREATE TRIGGER athletes_revision_on_update BEFORE UPDATE OF "
        f"{', '.join(ATHLETE_COLUMNS)} ON athletes FOR EACH ROW "
        "EXECUTE FUNCTION athlete_revision_own()"
    )
