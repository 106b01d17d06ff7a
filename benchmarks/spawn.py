"""Runs a command and reports its wall time and its own peak memory on stderr's last line.

    python benchmarks/spawn.py COMMAND [ARGS...]

On Linux a process's peak resident memory (`ru_maxrss`) starts from the memory of the process that
started it: a command started straight from a benchmark that has built a large store in memory
would report that store's memory as its own. Started from this small process instead, it reports
its own peak (this process's few megabytes are the floor, below any Python program's own).
"""

import json
import os
import sys
import time

began = time.perf_counter()
child = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ)
_, status, usage = os.wait4(child, 0)
seconds = time.perf_counter() - began
print(json.dumps({"spawn": {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024,
                            "cpu_seconds": usage.ru_utime + usage.ru_stime}}), file=sys.stderr)
sys.exit(os.waitstatus_to_exitcode(status))
