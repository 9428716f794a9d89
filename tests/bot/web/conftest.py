"""The real web app in the test process, with Rasa deliberately absent (a closed port)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.settings import load
from bot.web.app import create_app
from tests.conftest import free_port

HOTLINE = "https://www.hotline.example"
"""A hotline page allowed to embed the widget."""


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[TestClient]:
    """The web app on its own SQLite file, allowing HOTLINE; errors about Rasa must stay clear."""
    settings = replace(
        load(),
        rasa_port=free_port(),
        var_dir=tmp_path,
        database_url=f"sqlite:///{tmp_path}/r.db",
        widget_origins=(HOTLINE,),
    )
    async with TestClient(TestServer(create_app(settings))) as test_client:
        yield test_client
