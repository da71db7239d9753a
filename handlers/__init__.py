"""Adapters: the command line, the console chat, Telegram and Slack, each a thin edge over ``bot``."""
