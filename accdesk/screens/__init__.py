"""What each pane of the window shows, with every rule it needs already decided.

A screen model is read in one call, in the core, so that a test or the command line sees
exactly what the window would: the queue's scores on the agency's own calendar and their
explanations, which requests are late or due soon, which managers are over capacity, the
day's plan with its minutes as numbers. Panes only lay these out and turn a person's
actions into operations. `dependencies` says which kinds of change each screen shows.
"""
