"""The tests' SMTP server: aiosmtpd on 127.0.0.1:PORT. Each message it
accepts is written to DIR as one JSON file (envelope, subject, the text and
HTML parts, the attachments), decoded by Python's e-mail parser. It prints
"ready" once it listens and stops when its standard input closes.

    python smtp_sink.py PORT DIR [--fail-first N --fail-code CODE]

--fail-first N answers the first N recipients with CODE (451: try later,
550: refused) instead of accepting them.
"""

import argparse
import email
import email.policy
import itertools
import json
import os
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, out, fail_first, fail_code):
        self.out = out
        self.count = itertools.count()
        self.fail_left = fail_first
        self.fail_code = fail_code

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.fail_left > 0:
            self.fail_left -= 1
            word = "try again later" if self.fail_code < 500 else "mailbox unavailable"
            return f"{self.fail_code} {word}"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        out = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "subject": str(msg["subject"]),
            "text": None,
            "html": None,
            "attachments": [],
        }
        for part in msg.walk():
            if part.is_multipart():
                continue
            kind = part.get_content_type()
            content = part.get_content()
            if isinstance(content, bytes):
                content = content.decode("utf-8", "replace")
            if part.get_content_disposition() == "attachment":
                out["attachments"].append(
                    {"filename": part.get_filename(), "content_type": kind, "content": content}
                )
            elif kind == "text/plain":
                out["text"] = content
            elif kind == "text/html":
                out["html"] = content
        n = next(self.count)
        tmp = os.path.join(self.out, f".{n:05}.tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False)
        os.rename(tmp, os.path.join(self.out, f"{n:05}.json"))
        return "250 Message accepted"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("port", type=int)
    p.add_argument("dir")
    p.add_argument("--fail-first", type=int, default=0)
    p.add_argument("--fail-code", type=int, default=451)
    a = p.parse_args()
    controller = Controller(Sink(a.dir, a.fail_first, a.fail_code), hostname="127.0.0.1", port=a.port)
    controller.start()
    print("ready", flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
