"""The words every Relais process shares: languages, text folding, links, the parse keys.

Standard library only, so the web server, the action server and Rasa's components can all
import it without loading an NLU or ML library (checked by import-linter in `make lint`).
"""
