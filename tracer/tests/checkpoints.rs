//! Checkpoints: the shards of a run, each re-executed alone from its checkpoint, in any
//! order, give back the run's trace cycle for cycle and its end state.

mod asm;

use asm::*;
use jolt_common::{MemoryLayout, LOG_PAGE_WORDS, RAM_START};
use jolt_tracer::{
    checkpoints, resume, run, Bytecode, Checkpoint, EmulatorError, Execution, Program, RunConfig,
    ShardEnd, Trace,
};

fn config() -> RunConfig {
    RunConfig {
        layout: MemoryLayout {
            memory_size: 1 << 20,
            ..MemoryLayout::default()
        },
        max_cycles: 100_000,
        stack_guard: false,
    }
}

/// Stores a running sum as words and bytes (SB is a virtual sequence, so shard boundaries
/// fall inside sequences) into two pages far apart, `n` times, then exits with the sum.
fn busy(n: i32) -> Program {
    let far = RAM_START + (1 << 19);
    let mut code = vec![
        lui(5, far),
        addi(6, 0, n),
        addi(A0, 0, 0),
        // loop:
        add(A0, A0, 6),
        sw(A0, 5, 0),
        sb(A0, 5, 5),
        div(7, A0, 6),
        sw(7, 5, 8),
        addi(6, 6, -1),
        bne(6, 0, -24),
    ];
    code.extend(exit());
    program(&code, &[])
}

fn bytecode(program: &Program) -> Bytecode {
    Bytecode::for_run(program, &config(), &[]).unwrap()
}

/// The checkpoints of `program` with shards of `shard` cycles, and the run.
fn record(program: &Program, shard: u64) -> (Vec<Checkpoint>, Execution) {
    let mut all = Vec::new();
    let execution = checkpoints(
        program,
        &bytecode(program),
        &config(),
        (&[1, 2, 3], &[]),
        shard,
        |c| all.push(c),
    )
    .unwrap();
    (all, execution)
}

fn resume_one(program: &Program, checkpoint: &Checkpoint, shard: u64) -> (ShardEnd, Trace) {
    let mut trace = Trace::default();
    let end = resume(
        program,
        &bytecode(program),
        &config(),
        (&[1, 2, 3], &[]),
        checkpoint,
        shard,
        &mut trace,
    )
    .unwrap();
    (end, trace)
}

#[test]
fn shards_resumed_in_any_order_give_back_the_run() {
    let program = busy(200);
    let mut full = Trace::default();
    let whole = run(
        &program,
        &bytecode(&program),
        &config(),
        &[1, 2, 3],
        &mut full,
    )
    .unwrap();
    for shard in [1, 7, 64, 1000, 1 << 20] {
        let (all, execution) = record(&program, shard);
        assert_eq!(execution.io, whole.io);
        assert_eq!(execution.cycles, whole.cycles);
        assert_eq!(all.len() as u64, whole.cycles.div_ceil(shard));
        let mut traces = vec![Vec::new(); all.len()];
        for (i, checkpoint) in all.iter().enumerate().rev() {
            assert_eq!(checkpoint.cycle, i as u64 * shard);
            let (end, trace) = resume_one(&program, checkpoint, shard);
            match end {
                ShardEnd::Paused(next) => assert_eq!(&next, &all[i + 1]),
                ShardEnd::Halted(last) => {
                    assert_eq!(i, all.len() - 1, "only the last shard halts");
                    assert_eq!(last.io, whole.io);
                    assert_eq!(last.cycles, whole.cycles);
                    assert_eq!(last.memory.words(), whole.memory.words());
                }
            }
            traces[i] = trace.cycles;
        }
        assert_eq!(traces.concat(), full.cycles, "shards of {shard} cycles");
    }
}

#[test]
fn a_checkpoint_holds_only_the_written_pages() {
    let program = busy(50);
    let (all, _) = record(&program, 100);
    assert!(
        all[0].pages.is_empty(),
        "nothing written before the first cycle"
    );
    let last = all.last().unwrap();
    let pages: Vec<u32> = last.pages.iter().map(|(p, _)| *p).collect();
    assert_eq!(pages, vec![((RAM_START + (1 << 19)) / 4) >> LOG_PAGE_WORDS]);
    assert_eq!(last.pages[0].1.len(), 1 << LOG_PAGE_WORDS);
}

#[test]
fn checkpoints_round_trip_and_bad_ones_are_refused() {
    let program = busy(20);
    let (all, _) = record(&program, 30);
    let checkpoint = &all[2];
    let bytes = checkpoint.to_bytes();
    assert_eq!(&Checkpoint::from_bytes(&bytes).unwrap(), checkpoint);
    for bad in [&bytes[..bytes.len() - 1], &bytes[1..], b"JOLTCKP\x01"] {
        assert!(matches!(
            Checkpoint::from_bytes(bad),
            Err(EmulatorError::BadCheckpoint(_))
        ));
    }
    let refused = |c: Checkpoint| {
        resume(
            &program,
            &bytecode(&program),
            &config(),
            (&[1, 2, 3], &[]),
            &c,
            10,
            &mut Trace::default(),
        )
        .err()
    };
    let mut row = checkpoint.clone();
    row.row = u32::MAX;
    let mut page = checkpoint.clone();
    page.pages[0].0 = 0;
    let mut registers = checkpoint.clone();
    registers.registers.pop();
    for c in [row, page, registers] {
        assert!(matches!(refused(c), Some(EmulatorError::BadCheckpoint(_))));
    }
    assert!(matches!(
        checkpoints(
            &program,
            &bytecode(&program),
            &config(),
            (&[], &[]),
            0,
            |_| {}
        ),
        Err(EmulatorError::BadCheckpoint(_))
    ));
}

#[test]
fn a_run_past_its_cycle_bound_fails_in_the_shard_that_crosses_it() {
    let program = busy(1000);
    let bound = RunConfig {
        max_cycles: 500,
        ..config()
    };
    let bytecode = Bytecode::for_run(&program, &bound, &[]).unwrap();
    let mut seen = 0;
    let e = checkpoints(&program, &bytecode, &bound, (&[], &[]), 128, |_| seen += 1).unwrap_err();
    assert!(matches!(e, EmulatorError::MaxCycles { .. }), "{e}");
    assert_eq!(seen, 4);
}
