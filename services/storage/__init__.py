"""Shared infrastructure: the SQLite file, its migrations, backups, export, and where it lives."""
