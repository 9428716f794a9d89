"""Relais action server (rasa-sdk): one module per journey; every text comes from locales/."""
