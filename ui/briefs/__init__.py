"""The task-brief editor: sections, the fields table, preview, history and exports."""
