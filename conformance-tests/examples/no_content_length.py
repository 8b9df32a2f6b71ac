#!/usr/bin/env python3
"""A deliberately broken student server for the conformance kit's examples.

It is Python's own http.server with one change: it never sends Content-Length, so every body is
delimited by closing the connection (HTTP/1.0 style). Browsers cope; persistent connections, pipelining
and HEAD do not.

    python3 no_content_length.py PORT ROOT
"""
import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


class NoLengthHandler(SimpleHTTPRequestHandler):
    def send_header(self, keyword, value):
        if keyword.lower() != "content-length":  # the bug
            super().send_header(keyword, value)


def main():
    port, root = int(sys.argv[1]), sys.argv[2]
    handler = functools.partial(NoLengthHandler, directory=root)
    with ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"no_content_length: serving {root} on port {port}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
