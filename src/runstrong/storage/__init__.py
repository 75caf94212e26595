"""The training log's storage: SQLAlchemy 2 rows and the repositories that map them to and from
domain objects (rows are not domain classes), with Alembic migrations shipped in the package.

Imported only by the commands that use the database (SQLAlchemy takes a while to load): `runstrong
plan` and the exports never load it. docs/formats.md, "Database", describes the tables.
"""
