"""Victims' channels that Rasa does not ship: Telegram on python-telegram-bot.

Rasa loads `bot.channels.telegram.TelegramInput` by module path from the generated
credentials.yml (bot/runtime_config.py) when TELEGRAM_TOKEN is set.
"""
