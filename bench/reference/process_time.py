#!/usr/bin/env python3
"""Runs a command N times and prints `WALL_MS CPU_MS` per run: the median wall-clock time, and the
mean CPU time (user + system of the command and its children), which does not move when other work
shares the machine. Usage: process_time.py N COMMAND ARGS...  (output of the command is discarded)
"""
import resource
import statistics
import subprocess
import sys
import time

runs, command = int(sys.argv[1]), sys.argv[2:]
walls = []
for _ in range(runs):
    start = time.perf_counter()
    status = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    walls.append(time.perf_counter() - start)
    if status not in range(6):
        sys.exit(f"process_time.py: {command[0]} exited {status}")
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{statistics.median(walls) * 1000:.1f} {(usage.ru_utime + usage.ru_stime) * 1000 / runs:.1f}")
