"""accdesk: the core of a desktop workplace for agency account managers (no Qt here)."""

__version__ = "0.1.0"
