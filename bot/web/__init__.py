"""The web server on :8000: the chat page for victims (and, later, the staff console)."""
