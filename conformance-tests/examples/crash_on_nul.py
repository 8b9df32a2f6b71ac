#!/usr/bin/env python3
"""A deliberately broken student server for the conformance kit's examples.

It serves files from a root, one connection at a time, and has the bug many first servers have: it
percent-decodes the path and hands it straight to open(). A request for /x%00.txt makes open() raise
"ValueError: embedded null byte", nothing catches it, and the whole server dies with a traceback.

    python3 crash_on_nul.py PORT ROOT
"""
import os
import socket
import sys
from urllib.parse import unquote

TYPES = {".html": "text/html", ".txt": "text/plain", ".png": "image/png", ".jpg": "image/jpeg", ".gif": "image/gif"}


def respond(conn, status, body, content_type="text/plain"):
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    conn.sendall(head.encode("latin-1") + body)


def serve(conn, root):
    request = conn.recv(65536).decode("latin-1")
    parts = request.split("\r\n", 1)[0].split(" ")
    if len(parts) != 3 or parts[0] != "GET":
        respond(conn, "400 Bad Request", b"bad request\n")
        return
    path = unquote(parts[1].split("?", 1)[0])
    if path.endswith("/"):
        path += "index.html"
    full = os.path.join(root, path.lstrip("/"))
    try:
        with open(full, "rb") as f:  # the bug: a NUL byte in the path raises ValueError, not OSError
            body = f.read()
    except OSError:
        respond(conn, "404 Not Found", b"not found\n")
        return
    respond(conn, "200 OK", body, TYPES.get(os.path.splitext(full)[1], "application/octet-stream"))


def main():
    port, root = int(sys.argv[1]), sys.argv[2]
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(16)
    print(f"crash_on_nul: serving {root} on port {port}", flush=True)
    while True:
        conn, _ = listener.accept()
        with conn:
            serve(conn, root)


if __name__ == "__main__":
    main()
