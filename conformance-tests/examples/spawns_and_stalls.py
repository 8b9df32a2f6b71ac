#!/usr/bin/env python3
"""A server for the kit's own process tests: it starts a child process, opens its port, and then never
reads or answers anything. The kit must still stop both it and its child, even on Ctrl-C.

    python3 spawns_and_stalls.py PORT
"""
import socket
import subprocess
import sys
import time

child = subprocess.Popen(["sleep", "300"])
listener = socket.socket()
listener.bind(("127.0.0.1", int(sys.argv[1])))
listener.listen(64)
print(f"spawns_and_stalls: child pid {child.pid}, listening on port {sys.argv[1]}", flush=True)
time.sleep(300)
