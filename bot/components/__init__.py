"""Custom Rasa graph components; importable when a model loads."""
