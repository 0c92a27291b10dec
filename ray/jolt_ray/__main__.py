"""``python -m jolt_ray``: prove a run across a Ray cluster (see the package documentation).

    python -m jolt_ray ELF -o PROOF [--input FILE] [--private-input FILE] [--shard-log-cycles k]
        [--address auto]
        [--jolt PATH] [--memory-gb G] [-- extra jolt flags: bounds, then --params ...]
"""

import argparse
import sys
import time

import ray

from . import prove, shard_memory


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m jolt_ray", description=__doc__.splitlines()[0])
    parser.add_argument("elf", help="the RV32IM ELF to prove")
    parser.add_argument("-o", "--output", required=True, help="the proof file to write")
    parser.add_argument("--input", help="the input file")
    parser.add_argument("--private-input", help="the private input file (not in the proof)")
    parser.add_argument("--shard-log-cycles", type=int, default=20, metavar="k")
    parser.add_argument("--address", default="auto", help="the Ray cluster (default: auto)")
    parser.add_argument("--jolt", default="jolt", help="the jolt binary on every worker")
    parser.add_argument("--memory-gb", type=float, help="memory hint per shard (GB)")
    parser.add_argument("--max-cycles", help="the run's cycle bound (jolt --max-cycles)")
    parser.add_argument("--memory-size", help="the guest's RAM (jolt --memory-size)")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        help="a jolt commitment-parameter flag, e.g. --param=--scheme=dory (repeatable)",
    )
    args = parser.parse_args()
    bounds = []
    if args.max_cycles:
        bounds += ["--max-cycles", args.max_cycles]
    if args.memory_size:
        bounds += ["--memory-size", args.memory_size]
    ray.init(address=args.address, include_dashboard=False)
    start = time.time()
    shards = prove(
        args.elf,
        args.output,
        input_path=args.input,
        private_input_path=args.private_input,
        log_shard_cycles=args.shard_log_cycles,
        jolt=args.jolt,
        bounds=bounds,
        params=args.param,
        memory=int(args.memory_gb * 2**30) if args.memory_gb else None,
    )
    hint = args.memory_gb or shard_memory(args.shard_log_cycles) / 2**30
    print(
        f"{shards} shards proven on the cluster in {time.time() - start:.1f} s "
        f"({hint:.1f} GB hint each); proof written to {args.output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
