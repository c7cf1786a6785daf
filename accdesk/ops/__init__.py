"""Use cases: one function per user action or query, each owning its transaction."""
