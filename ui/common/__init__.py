"""What every feature's panes share: the pane context, events, dialogs, undo commands,
forms, widgets, formats, translations and resources."""
