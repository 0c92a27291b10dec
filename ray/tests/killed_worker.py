"""Proves a run on a local Ray cluster (a head and two worker nodes, as processes on this
machine) and kills the worker process of one shard in the middle of its proof: Ray runs the
shard again and the proof is complete.

    python ray/tests/killed_worker.py --jolt BIN --elf ELF --output PROOF --shard-log-cycles k
        [--input FILE] [--max-cycles N] [--memory-mb M]

Prints one JSON object: the shards and the pid of the killed worker.
"""

import argparse
import json
import os
import re
import signal
import sys
import threading
import time
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PACKAGE))

import ray  # noqa: E402
from ray.cluster_utils import Cluster  # noqa: E402

import jolt_ray  # noqa: E402


def shard_provers():
    """``(pid, parent pid)`` of every running ``jolt prove-shard`` process."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().split(b"\0")
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        if len(cmdline) > 1 and cmdline[1] == b"prove-shard":
            parent = re.search(r"PPid:\s+(\d+)", status)
            if parent:
                yield int(entry), int(parent.group(1))


def kill_one_worker(killed, stop):
    """Kills the Ray worker process of the first shard seen being proven."""
    while not stop.is_set():
        for prover, worker in shard_provers():
            # Let the shard get under way before its worker dies.
            time.sleep(0.3)
            if not Path(f"/proc/{prover}").exists():
                continue
            os.kill(worker, signal.SIGKILL)
            killed.append(worker)
            return
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jolt", required=True)
    parser.add_argument("--elf", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--shard-log-cycles", type=int, required=True)
    parser.add_argument("--input")
    parser.add_argument("--max-cycles")
    parser.add_argument("--memory-mb", type=int, default=256, help="memory hint per shard")
    args = parser.parse_args()

    cluster = Cluster(
        initialize_head=True,
        head_node_args={"num_cpus": 0, "include_dashboard": False},
    )
    for _ in range(2):
        cluster.add_node(num_cpus=1)
    ray.init(
        address=cluster.address,
        include_dashboard=False,
        runtime_env={"py_modules": [str(PACKAGE / "jolt_ray")]},
    )
    killed, stop = [], threading.Event()
    killer = threading.Thread(target=kill_one_worker, args=(killed, stop))
    killer.start()
    try:
        shards = jolt_ray.prove(
            Path(args.elf),
            Path(args.output),
            input_path=Path(args.input) if args.input else None,
            log_shard_cycles=args.shard_log_cycles,
            jolt=args.jolt,
            bounds=["--max-cycles", args.max_cycles] if args.max_cycles else [],
            memory=args.memory_mb << 20,
        )
    finally:
        stop.set()
        killer.join()
        ray.shutdown()
        cluster.shutdown()
    print(json.dumps({"shards": shards, "killed_worker": killed[0] if killed else None}))
    return 0 if killed else 1


if __name__ == "__main__":
    sys.exit(main())
