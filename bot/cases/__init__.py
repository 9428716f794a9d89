"""Victims' case files: what the hotline needs to act, and nothing more (never an image)."""
