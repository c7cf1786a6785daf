"""Where data lives: the database door, its files, backups and locks, the team server's
access rules, credentials and change feed, and the schema's migrations.

Nothing here knows about screens or use cases; `accdesk.ops` builds on it.
"""
