"""Local development without a public URL: fetch Telegram updates and forward them to our webhook.

Run `python -m channels.telegram_polling` (or `make telegram-polling`) beside `make run`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import httpx
from telegram import Bot
from telegram.error import TelegramError

from bot.privacy import install_log_redaction
from bot.settings import Environment, get_settings

logger = logging.getLogger(__name__)
POLL_TIMEOUT_S = 25


async def forward_updates(bot: Bot, webhook: str, secret: str, *, once: bool = False) -> int:
    """Long-poll getUpdates and POST each update to the webhook exactly as Telegram would."""
    await bot.delete_webhook()  # getUpdates is refused while a webhook is set
    offset, forwarded = 0, 0
    async with httpx.AsyncClient(timeout=30) as client:
        while True:
            try:
                updates = await bot.get_updates(
                    offset=offset, timeout=0 if once else POLL_TIMEOUT_S
                )
            except TelegramError as error:
                logger.warning("telegram polling: %s; trying again", type(error).__name__)
                await asyncio.sleep(5)
                continue
            for update in updates:
                reply = await client.post(
                    webhook,
                    json=update.to_dict(),
                    headers={"X-Telegram-Bot-Api-Secret-Token": secret},
                )
                if reply.status_code >= 500:
                    break  # not acknowledged: fetch it again next time
                offset, forwarded = update.update_id + 1, forwarded + 1
            if once:
                return forwarded


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    install_log_redaction()  # getUpdates' URL holds the bot token
    settings = get_settings()
    if settings.environment is Environment.PRODUCTION:
        raise SystemExit("Polling is for local development; production uses the webhook.")
    if not settings.telegram_configured or not settings.telegram_secret_configured:
        raise SystemExit(
            "Set TELEGRAM_BOT_TOKEN and TELEGRAM_SECRET_TOKEN in .env first (see the README)."
        )
    bot = Bot(settings.telegram_bot_token.get_secret_value(), base_url=settings.telegram_api_url)
    webhook = f"http://{settings.rasa_host}:{settings.rasa_port}/webhooks/telegram/webhook"
    print(f"Forwarding Telegram updates to {webhook}. Press Ctrl+C to stop.")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(
            forward_updates(bot, webhook, settings.telegram_secret_token.get_secret_value())
        )


if __name__ == "__main__":
    main()
