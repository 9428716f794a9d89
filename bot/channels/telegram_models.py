"""The Telegram updates Relais has handled, so a redelivery is recognised even after a restart."""

from __future__ import annotations

import sqlalchemy as sa

from bot.storage.base import Base, now


class HandledUpdate(Base):
    __tablename__ = "telegram_updates"

    update_id = sa.Column(sa.BigInteger, primary_key=True, autoincrement=False)
    received_at = sa.Column(sa.Float, nullable=False, default=now, index=True)
