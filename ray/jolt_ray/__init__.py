"""Prove one run of an RV32IM program with its shards spread over a Ray cluster.

The driver is thin on purpose: the proof system is the `jolt` binary.

1. On the driver, ``jolt checkpoints`` runs the program once without a trace and writes the
   checkpoint at the start of every shard of ``2^k`` cycles.
2. One Ray task per shard runs ``jolt prove-shard`` on a worker (the ELF, the inputs and the
   checkpoint travel through Ray's object store), with a ``memory`` resource hint so that
   Ray places no more shards on a node than its memory holds. A worker that dies takes its
   ``jolt`` process with it, and Ray runs the task again elsewhere (``max_retries``).
3. On the driver, ``jolt assemble`` writes the shard proofs, in run order, into the proof
   file: the same bytes ``jolt prove`` writes on one machine, which ``jolt verify`` checks.

Every worker needs the same ``jolt`` binary (``--jolt``, default: ``jolt`` on its PATH).
"""

import ctypes
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

import ray

#: Bytes of memory a shard of 2^k cycles needs while it is proven (about 4.5 KB per cycle,
#: plus the key and the parameters).
BYTES_PER_CYCLE = 4608
BASE_BYTES = 512 << 20


def shard_memory(log_shard_cycles: int) -> int:
    """The memory resource hint of one shard of ``2^log_shard_cycles`` cycles."""
    return BASE_BYTES + BYTES_PER_CYCLE * (1 << log_shard_cycles)


def _die_with_parent() -> None:
    """Runs in the child before exec: it gets SIGKILL when the worker that started it dies."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    pr_set_pdeathsig = 1
    libc.prctl(pr_set_pdeathsig, signal.SIGKILL)


def _run(command: List[str]) -> str:
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        preexec_fn=_die_with_parent,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:2])} failed: {result.stderr.strip()}")
    return result.stdout


@dataclass
class Job:
    """What every step needs: the program, its inputs and how it is proven."""

    jolt: str
    elf: bytes
    input: bytes
    log_shard_cycles: int
    #: The bytes of the private input region (``jolt --private-input``); not in the proof.
    private_input: bytes = b""
    #: ``jolt`` flags of the run's bounds (``--max-cycles``, ``--memory-size``), for every step.
    bounds: List[str] = field(default_factory=list)
    #: ``jolt`` flags of the commitment parameters (``--scheme``, ``--ptau``, ...), for
    #: proving.
    params: List[str] = field(default_factory=list)

    def run_args(self, directory: Path) -> List[str]:
        """Writes the ELF and the inputs to ``directory``; returns the arguments naming them
        and the bounds."""
        elf = directory / "program.elf"
        elf.write_bytes(self.elf)
        args = [str(elf)]
        for flag, name, data in [
            ("--input", "input.bin", self.input),
            ("--private-input", "private-input.bin", self.private_input),
        ]:
            if data:
                path = directory / name
                path.write_bytes(data)
                args += [flag, str(path)]
        return args + self.bounds

    def shard_size(self) -> List[str]:
        return ["--shard-log-cycles", str(self.log_shard_cycles)]


@ray.remote(max_retries=3)
def prove_shard(job: Job, checkpoint: bytes) -> bytes:
    """Proves one shard on this worker; returns the shard proof file's bytes."""
    with tempfile.TemporaryDirectory(prefix="jolt-shard-") as tmp:
        directory = Path(tmp)
        checkpoint_path = directory / "shard.ckpt"
        checkpoint_path.write_bytes(checkpoint)
        output = directory / "shard.proof"
        _run(
            [job.jolt, "prove-shard", *job.run_args(directory), *job.shard_size(), *job.params]
            + ["--checkpoint", str(checkpoint_path), "-o", str(output)]
        )
        return output.read_bytes()


def prove(
    elf: Path,
    output: Path,
    input_path: Optional[Path] = None,
    log_shard_cycles: int = 20,
    jolt: str = "jolt",
    bounds: Optional[List[str]] = None,
    params: Optional[List[str]] = None,
    memory: Optional[int] = None,
    private_input_path: Optional[Path] = None,
) -> int:
    """Proves ``elf`` on the input file (and the private input file) across the connected Ray
    cluster and writes the proof file to ``output``; returns the number of shards. ``memory``
    overrides the per-shard memory hint (bytes)."""
    job = Job(
        jolt=jolt,
        elf=Path(elf).read_bytes(),
        input=Path(input_path).read_bytes() if input_path else b"",
        private_input=Path(private_input_path).read_bytes() if private_input_path else b"",
        log_shard_cycles=log_shard_cycles,
        bounds=list(bounds or []),
        params=list(params or []),
    )
    with tempfile.TemporaryDirectory(prefix="jolt-driver-") as tmp:
        directory = Path(tmp)
        args = job.run_args(directory)
        checkpoints = directory / "checkpoints"
        _run([jolt, "checkpoints", *args, *job.shard_size(), "-o", str(checkpoints)])
        paths = sorted(checkpoints.glob("shard-*.ckpt"))
        job_ref = ray.put(job)
        hint = memory if memory is not None else shard_memory(log_shard_cycles)
        tasks = [
            prove_shard.options(memory=hint).remote(job_ref, path.read_bytes()) for path in paths
        ]
        shard_files = []
        for i, proof in enumerate(ray.get(tasks)):
            path = directory / f"shard-{i:05}.proof"
            path.write_bytes(proof)
            shard_files.append(str(path))
        _run([jolt, "assemble", *args, *job.params, "--shards", *shard_files, "-o", str(output)])
    return len(paths)
