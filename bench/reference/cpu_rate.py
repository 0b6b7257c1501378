#!/usr/bin/env python3
"""Runs a command and prints `items / CPU seconds` (user + system of the command and its children).

CPU time, like `openssl speed` (which times user CPU by default), so a figure per core does not
move when other work shares the machine. Usage: cpu_rate.py ITEMS OUT_FILE COMMAND ARGS...
Standard output of the command goes to OUT_FILE; the exit statuses 0–5 (verdicts, sandbox included) are accepted.
"""
import resource
import subprocess
import sys

items, out_path, command = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
with open(out_path, "wb") as out:
    status = subprocess.run(command, stdout=out).returncode
if status not in range(6):
    sys.exit(f"cpu_rate.py: {command[0]} exited {status}")
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{items / (usage.ru_utime + usage.ru_stime):.0f}")
