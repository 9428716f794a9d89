"""What runs inside Rasa's server process besides the NLU components and the channels.

`python -m bot.rasa_server run [rasa run options]` starts it (`__main__.py`); `tracker_store.py` is the
SQL tracker store named in `endpoints.yml`, `log_privacy.py` keeps victims' words out of Rasa's logs.
These, `bot/components/` and `bot/channels/` are the only modules that import Rasa.
"""
