"""What the victims' channels (the widget's socket relay, Telegram) check before Rasa sees anything."""
