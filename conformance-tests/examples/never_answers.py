#!/usr/bin/env python3
"""A deliberately broken server for the conformance kit's examples and its process tests: it starts a
child process, opens its port, and then never reads or answers anything (a server stuck in a loop, say).
Every case waits out its timeout; the kit must still stop both it and its child, even on Ctrl-C.

    python3 never_answers.py PORT
"""
import socket
import subprocess
import sys
import time

child = subprocess.Popen(["sleep", "300"])
listener = socket.socket()
listener.bind(("127.0.0.1", int(sys.argv[1])))
listener.listen(64)
print(f"never_answers: child pid {child.pid}, listening on port {sys.argv[1]}", flush=True)
time.sleep(300)
