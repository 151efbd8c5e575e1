"""An aiosmtpd handler for the mail tests: a Maildir like aiosmtpd.handlers.Mailbox, but it refuses
recipients the way real servers do — `bounce…@` permanently (550), `later…@` for now (451) — and
waits SMTP_DELAY_SECS before accepting a message's data (a slow server)."""
import asyncio
import os

from aiosmtpd.handlers import Mailbox


class Picky(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("bounce"):
            return "550 5.1.1 <%s>: no such mailbox" % address
        if address.startswith("later"):
            return "451 4.3.0 <%s>: try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        delay = float(os.environ.get("SMTP_DELAY_SECS", "0"))
        if delay > 0:
            await asyncio.sleep(delay)
        return await super().handle_DATA(server, session, envelope)
