"""Relais' own tables (cases, audit, staff), beside Rasa's tracker store in the same database."""
