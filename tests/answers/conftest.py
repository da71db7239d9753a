"""Fixtures the answer tests share."""

from __future__ import annotations

import pytest

from bot.service import BriefingService
from tests.answers.helpers import ADMIN, STORY


@pytest.fixture
def loaded(service: BriefingService) -> BriefingService:
    service.load_text(ADMIN, STORY)
    return service
