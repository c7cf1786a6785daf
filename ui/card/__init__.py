"""The client card: profile, records (contacts, promises, loyalty, feedback, services), the
NPS chart and the team's up-sell matrix."""
