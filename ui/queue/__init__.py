"""The project queue: its pane, table model, painted view and the new-project dialog."""
