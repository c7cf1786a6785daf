"""The manager's day: the requests inbox, quick capture, today's plan, the working calendar
and response statistics."""
