"""The application: start-up, the main window and its menus, the open database's life cycle
(open, verify, back up, restore, close) and the team server's change feed."""
