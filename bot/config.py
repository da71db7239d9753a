"""Settings, read once from the environment and ``.env`` by the entry points."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.errors import ConfigError

ADMIN_PLATFORMS = ("telegram", "slack", "console")


class Settings(BaseSettings):
    """Every setting of the bot; names are the public interface (README, ``.env.example``)."""

    model_config = SettingsConfigDict(
        env_file=".env", extra="ignore", populate_by_name=True, env_ignore_empty=True
    )

    db_path: Path = Field(Path("data/briefbot.db"), alias="BRIEFBOT_DB_PATH")
    articles_dir: Path = Field(Path("data/articles"), alias="BRIEFBOT_ARTICLES_DIR")
    admins: Annotated[frozenset[str], NoDecode] = Field(frozenset(), alias="BRIEFBOT_ADMINS")
    timezone: str = Field("UTC", alias="BRIEFBOT_TIMEZONE")
    page_size: int = Field(3, ge=1, le=20, alias="BRIEFBOT_PAGE_SIZE")
    max_question_chars: int = Field(1000, ge=10, le=100_000, alias="BRIEFBOT_MAX_QUESTION_CHARS")
    max_upload_bytes: int = Field(5 * 1024 * 1024, ge=1024, alias="BRIEFBOT_MAX_UPLOAD_BYTES")
    max_article_bytes: int = Field(2 * 1024 * 1024, ge=1024, alias="BRIEFBOT_MAX_ARTICLE_BYTES")
    max_paragraphs: int = Field(2000, ge=1, alias="BRIEFBOT_MAX_PARAGRAPHS")
    allow_private_urls: bool = Field(False, alias="BRIEFBOT_ALLOW_PRIVATE_URLS")
    feed_interval_minutes: float = Field(15.0, gt=0, alias="BRIEFBOT_FEED_INTERVAL_MINUTES")
    digest_limit: int = Field(10, ge=1, le=50, alias="BRIEFBOT_DIGEST_LIMIT")
    digest_send_empty: bool = Field(False, alias="BRIEFBOT_DIGEST_SEND_EMPTY")
    digest_interval_seconds: float = Field(60.0, gt=0, le=3600, alias="BRIEFBOT_DIGEST_INTERVAL_SECONDS")
    questions_per_minute: int = Field(20, ge=1, alias="BRIEFBOT_QUESTIONS_PER_MINUTE")
    max_subscriptions_per_chat: int = Field(10, ge=1, alias="BRIEFBOT_MAX_SUBSCRIPTIONS_PER_CHAT")
    log_level: str = Field("INFO", alias="BRIEFBOT_LOG_LEVEL")
    database_url: SecretStr | None = Field(None, alias="BRIEFBOT_DATABASE_URL")
    database_pool_size: int = Field(10, ge=1, le=1000, alias="BRIEFBOT_DATABASE_POOL_SIZE")
    metrics_port: int | None = Field(None, ge=0, le=65535, alias="BRIEFBOT_METRICS_PORT")
    metrics_host: str = Field("127.0.0.1", alias="BRIEFBOT_METRICS_HOST")
    log_json: bool = Field(False, alias="BRIEFBOT_LOG_JSON")

    telegram_bot_token: SecretStr | None = Field(None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_base_url: str = Field("https://api.telegram.org/bot", alias="TELEGRAM_API_BASE_URL")
    telegram_file_base_url: str = Field("https://api.telegram.org/file/bot", alias="TELEGRAM_FILE_BASE_URL")
    telegram_webhook_url: str | None = Field(None, alias="TELEGRAM_WEBHOOK_URL")
    telegram_webhook_secret: SecretStr | None = Field(None, alias="TELEGRAM_WEBHOOK_SECRET")
    telegram_webhook_port: int = Field(8443, ge=1, le=65535, alias="TELEGRAM_WEBHOOK_PORT")

    slack_bot_token: SecretStr | None = Field(None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(None, alias="SLACK_APP_TOKEN")
    slack_api_base_url: str = Field("https://slack.com/api/", alias="SLACK_API_BASE_URL")
    slack_port: int = Field(3000, ge=1, le=65535, alias="SLACK_PORT")
    slack_host: str = Field("0.0.0.0", alias="SLACK_HOST")

    @field_validator("admins", mode="before")
    @classmethod
    def _split_admins(cls, value: object) -> object:
        """Accept ``telegram:42,slack:U1`` as operators write it; reject entries without a platform."""
        if isinstance(value, str):
            value = frozenset(filter(None, map(str.strip, value.split(","))))
        if isinstance(value, frozenset | set | list | tuple):
            for entry in value:
                platform, _, user_id = str(entry).partition(":")
                if platform not in ADMIN_PLATFORMS or not user_id:
                    raise ValueError(f"'{entry}' is not platform:user_id (e.g. telegram:123456)")
                if platform == "telegram" and not user_id.lstrip("-").isdigit():
                    raise ValueError(f"'{entry}': Telegram admins are numeric user ids, not usernames")
            return frozenset(str(e) for e in value)
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        """Reject a time zone that is not an IANA name."""
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not an IANA time zone such as Europe/Baku") from None
        return value

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: SecretStr | None) -> SecretStr | None:
        """Only PostgreSQL URLs are accepted; leave it unset for the SQLite store at BRIEFBOT_DB_PATH."""
        if value is not None and not value.get_secret_value().startswith(("postgresql://", "postgres://")):
            raise ValueError("expected postgresql://user:password@host:5432/dbname (unset it to use SQLite)")
        return value

    @field_validator("telegram_api_base_url", "telegram_file_base_url", "slack_api_base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        """Platform base URLs must be http(s)."""
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"'{value}' is not an http(s) URL")
        return value

    @property
    def enabled_adapters(self) -> tuple[str, ...]:
        """The chat platforms whose credentials are configured."""
        adapters = []
        if self.telegram_bot_token:
            adapters.append("telegram")
        if self.slack_bot_token:
            adapters.append("slack")
        return tuple(adapters)


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning a bad value into one ``ConfigError`` line naming the setting."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else "settings"
        field = Settings.model_fields.get(name)
        alias = field.alias if field and field.alias else name
        message = str(first["msg"]).removeprefix("Value error, ")
        raise ConfigError(f"Bad setting {alias}: {message}") from None
