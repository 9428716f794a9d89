"""What Relais says and the facts it says it with: the catalogs' renderer and the knowledge module.

Read by all three processes (the action server, Rasa's Telegram channel, the web server and console),
so it sits below them and imports none of them (import-linter contracts in `pyproject.toml`).
"""
