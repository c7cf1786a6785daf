"""Pure planning logic: plain values in, plain values out; no database, no Qt."""
