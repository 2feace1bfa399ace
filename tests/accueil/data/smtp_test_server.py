#!/usr/bin/python3
"""A real SMTP server on 127.0.0.1 for the accueil_mail_* tests (aiosmtpd, Debian
package python3-aiosmtpd), and a reader of what it received.

  smtp_test_server.py serve MAILDIR [--user U --password P] [--hang-on-data]
                     [--tls starttls|ssl --cert-dir DIR]
      Listens on a free port of 127.0.0.1 and prints "READY <port>" once it accepts.
      Messages go to the Maildir MAILDIR, the SMTP envelope to MAILDIR/envelopes.jsonl.
      Recipients whose local part starts with "refuse" get 550. With --user, AUTH
      PLAIN/LOGIN is offered (without TLS) and other credentials get 535.
      --hang-on-data never answers the final "." (a server that stops mid-way).
      --tls offers STARTTLS, or speaks TLS from the first byte (ssl), with a self-signed
      certificate for 127.0.0.1 made by openssl in DIR (DIR/cert.pem is its own CA).
  smtp_test_server.py dump MAILDIR
      Prints a JSON array of the received messages, parsed by Python's email package:
      decoded headers, raw headers, charset, transfer encoding, decoded body.
"""
import argparse
import asyncio
import email
import email.policy
import json
import mailbox
import os
import sys


def certificate(directory):
    import ssl
    import subprocess
    os.makedirs(directory, exist_ok=True)
    cert = os.path.join(directory, "cert.pem")
    key = os.path.join(directory, "key.pem")
    if not os.path.exists(cert):
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                        "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def serve(args):
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
    tls = certificate(args.cert_dir) if args.tls else None

    box = mailbox.Maildir(args.maildir, create=True)

    class Sink:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.split("@")[0].startswith("refuse"):
                return "550 5.1.1 <%s>: mailbox unavailable" % address
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            if args.hang_on_data:
                await asyncio.sleep(3600)
            key = box.add(envelope.original_content or envelope.content)
            with open(os.path.join(args.maildir, "envelopes.jsonl"), "a") as f:
                f.write(json.dumps({"key": key, "mail_from": envelope.mail_from,
                                    "rcpt_tos": envelope.rcpt_tos,
                                    "login": (session.login_data or b"").decode()
                                    if isinstance(session.login_data, bytes) else None}) + "\n")
            return "250 Message accepted for delivery"

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == args.user
              and auth_data.password.decode() == args.password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    def factory():
        options = {}
        if args.tls == "starttls":
            options = {"tls_context": tls, "require_starttls": False}
        if args.user:
            return SMTP(Sink(), authenticator=authenticator, auth_require_tls=False,
                        auth_required=True, **options)
        return SMTP(Sink(), **options)

    parent = os.getppid()

    async def orphan_guard():
        # The test that started us may die without killing us (crash, abort): follow it.
        while os.getppid() == parent:
            await asyncio.sleep(0.5)
        os._exit(0)

    async def main():
        loop = asyncio.get_running_loop()
        asyncio.ensure_future(orphan_guard())
        server = await loop.create_server(factory, "127.0.0.1", 0,
                                          ssl=tls if args.tls == "ssl" else None)
        port = server.sockets[0].getsockname()[1]
        print("READY %d" % port, flush=True)
        await server.serve_forever()

    asyncio.run(main())


def dump(args):
    box = mailbox.Maildir(args.maildir, create=False)
    envelopes = {}
    path = os.path.join(args.maildir, "envelopes.jsonl")
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                e = json.loads(line)
                envelopes[e["key"]] = e
    out = []
    for key in sorted(box.keys()):
        raw = box.get_bytes(key)
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        rawheaders = email.message_from_bytes(raw, policy=email.policy.compat32)
        out.append({
            "headers": {k: str(parsed[k]) for k in parsed.keys()},
            "raw_headers": {k: str(rawheaders[k]) for k in rawheaders.keys()},
            "content_type": parsed.get_content_type(),
            "charset": parsed.get_content_charset(),
            "transfer_encoding": str(parsed.get("Content-Transfer-Encoding", "")),
            "body": parsed.get_content(),
            "envelope": envelopes.get(key, {}),
        })
    json.dump(out, sys.stdout, ensure_ascii=True)


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve")
    s.add_argument("maildir")
    s.add_argument("--user")
    s.add_argument("--password")
    s.add_argument("--hang-on-data", action="store_true")
    s.add_argument("--tls", choices=["starttls", "ssl"])
    s.add_argument("--cert-dir")
    d = sub.add_parser("dump")
    d.add_argument("maildir")
    args = parser.parse_args()
    serve(args) if args.command == "serve" else dump(args)


if __name__ == "__main__":
    main()
