#!/usr/bin/env python3
"""Runs a command and prints `items / CPU seconds` (user + system of the command and its children).

CPU time, like `openssl speed` (which times user CPU by default), so a figure per core does not
move when other work shares the machine. With --wall first, `items / wall seconds` instead: the
rate a user waits for, for a command that uses several cores.
Usage: cpu_rate.py [--wall] ITEMS OUT_FILE COMMAND ARGS...
Standard output of the command goes to OUT_FILE; the exit statuses 0–5 (verdicts, sandbox included) are accepted.
"""
import resource
import subprocess
import sys
import time

arguments = sys.argv[1:]
wall = arguments[:1] == ["--wall"]
if wall:
    arguments = arguments[1:]
items, out_path, command = int(arguments[0]), arguments[1], arguments[2:]
start = time.monotonic()
with open(out_path, "wb") as out:
    status = subprocess.run(command, stdout=out).returncode
elapsed = time.monotonic() - start
if status not in range(6):
    sys.exit(f"cpu_rate.py: {command[0]} exited {status}")
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{items / (elapsed if wall else usage.ru_utime + usage.ru_stime):.0f}")
