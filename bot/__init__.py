"""Relais: the Rasa project (domain, dialogue data, NLU components, channels, web)."""
