use super::*;
use crate::field::Fr;
use crate::lasso::memory_checking::lookups::LookupLeaves;
use crate::poly::DensePolynomial;
use crate::transcript::Transcript;
use ark_ff::{AdditiveGroup, Field};
use ark_std::{rand::Rng, test_rng};

/// The tuple columns `(a, v_1..v_k, t)` of one multiset, as field vectors.
#[derive(Clone)]
pub(super) struct Columns {
    pub(super) a: Vec<Fr>,
    pub(super) v: Vec<Vec<Fr>>,
    pub(super) t: Vec<Fr>,
}

impl Columns {
    pub(super) fn evals(&self, r: &[Fr]) -> TupleEvals<Fr> {
        let e = |c: &Vec<Fr>| DensePolynomial::new(c.clone()).evaluate(r);
        TupleEvals::new(e(&self.a), self.v.iter().map(e).collect(), e(&self.t))
    }

    pub(super) fn leaves(&self, fp: &Fingerprint<Fr>) -> Vec<Fr> {
        fp.leaves_vec(self.a.len(), self.v.len(), |i, v| {
            for (x, c) in v.iter_mut().zip(&self.v) {
                *x = c[i];
            }
            (self.a[i], self.t[i])
        })
    }
}

/// The setup of a check of memories by products.
fn setup(sizes: &[(usize, usize)], fingerprint: Fingerprint<Fr>) -> CheckSetup<Fr> {
    CheckSetup {
        sizes: sizes.to_vec(),
        lookup_sizes: Vec::new(),
        fingerprint,
    }
}

/// One memory: (init, read, write, final).
pub(super) type Memory = [Columns; 4];

fn f(x: u64) -> Fr {
    Fr::from(x)
}

/// A read-only memory of `2^m` random cells read at `2^n` random addresses (Lasso style).
pub(super) fn read_only(m: usize, n: usize, rng: &mut impl Rng) -> Memory {
    read_only_vec(m, n, 1, rng)
}

/// A read-only memory whose cells hold `k` random values each: `k` tables read at the same
/// addresses with shared counts (Surge's folded chunk memory).
fn read_only_vec(m: usize, n: usize, k: usize, rng: &mut impl Rng) -> Memory {
    let tables: Vec<Vec<u64>> = (0..k)
        .map(|_| (0..1u64 << m).map(|_| rng.gen::<u32>() as u64).collect())
        .collect();
    let addrs: Vec<usize> = (0..1 << n).map(|_| rng.gen_range(0..1 << m)).collect();
    let mut counts = vec![0u64; 1 << m];
    let mut read_t = Vec::new();
    for a in &addrs {
        read_t.push(f(counts[*a]));
        counts[*a] += 1;
    }
    let cells: Vec<Fr> = (0..1u64 << m).map(f).collect();
    let values: Vec<Vec<Fr>> = tables
        .iter()
        .map(|tab| tab.iter().map(|v| f(*v)).collect())
        .collect();
    let a: Vec<Fr> = addrs.iter().map(|a| f(*a as u64)).collect();
    let v: Vec<Vec<Fr>> = tables
        .iter()
        .map(|tab| addrs.iter().map(|a| f(tab[*a])).collect())
        .collect();
    [
        Columns {
            a: cells.clone(),
            v: values.clone(),
            t: vec![Fr::ZERO; 1 << m],
        },
        Columns {
            a: a.clone(),
            v: v.clone(),
            t: read_t.clone(),
        },
        Columns {
            a,
            v,
            t: read_t.iter().map(|t| *t + Fr::ONE).collect(),
        },
        Columns {
            a: cells,
            v: values,
            t: counts.into_iter().map(f).collect(),
        },
    ]
}

/// A read-write memory (Spice style): cycle `i` reads cell `a_i` and writes a new value there
/// with timestamp `i + 1`.
pub(super) fn read_write(m: usize, n: usize, rng: &mut impl Rng) -> Memory {
    let init: Vec<u64> = (0..1u64 << m).map(|_| rng.gen::<u16>() as u64).collect();
    let mut vals = init.clone();
    let mut ts = vec![0u64; 1 << m];
    let (mut ra, mut rv, mut rt, mut wv, mut wt) = (vec![], vec![], vec![], vec![], vec![]);
    for i in 0..1u64 << n {
        let a = rng.gen_range(0..1usize << m);
        ra.push(f(a as u64));
        rv.push(f(vals[a]));
        rt.push(f(ts[a]));
        vals[a] = rng.gen::<u16>() as u64;
        ts[a] = i + 1;
        wv.push(f(vals[a]));
        wt.push(f(i + 1));
    }
    let cells: Vec<Fr> = (0..1u64 << m).map(f).collect();
    [
        Columns {
            a: cells.clone(),
            v: vec![init.into_iter().map(f).collect()],
            t: vec![Fr::ZERO; 1 << m],
        },
        Columns {
            a: ra.clone(),
            v: vec![rv],
            t: rt,
        },
        Columns {
            a: ra,
            v: vec![wv],
            t: wt,
        },
        Columns {
            a: cells,
            v: vec![vals.into_iter().map(f).collect()],
            t: ts.into_iter().map(f).collect(),
        },
    ]
}

/// Proves and verifies, with the caller's leaf checks against the true columns.
fn run(
    memories: &[Memory],
    tamper: impl Fn(&mut MemoryCheckingProof<Fr>),
) -> Result<(), MemoryCheckingError> {
    let sizes: Vec<(usize, usize)> = memories
        .iter()
        .map(|mem| {
            (
                mem[1].a.len().trailing_zeros() as usize,
                mem[0].a.len().trailing_zeros() as usize,
            )
        })
        .collect();
    let mut t = Transcript::new(b"mc-test");
    let fp = Fingerprint::<Fr>::draw(&mut t);
    let rw = memories
        .iter()
        .map(|mem| (mem[1].leaves(&fp), mem[2].leaves(&fp)))
        .collect();
    let inf = memories
        .iter()
        .map(|mem| (mem[0].leaves(&fp), mem[3].leaves(&fp)))
        .collect();
    let (mut proof, openings) = prove(CheckLeaves::new(rw, inf), &mut t);

    let mut t = Transcript::new(b"mc-test");
    let fp = Fingerprint::<Fr>::draw(&mut t);
    tamper(&mut proof);
    let claims = verify(&setup(&sizes, fp), &proof, &mut t)?;
    assert_eq!(claims.r_cycle, openings.r_cycle);
    assert_eq!(claims.read, openings.read);
    let at = |k: usize, points: &[Vec<Fr>]| -> Vec<TupleEvals<Fr>> {
        memories
            .iter()
            .zip(points)
            .map(|(mem, r)| mem[k].evals(r))
            .collect()
    };
    claims.check_cycle_side(&at(1, &claims.r_cycle), &at(2, &claims.r_cycle))?;
    claims.check_memory_side(&at(0, &claims.r_mem), &at(3, &claims.r_mem))
}

#[test]
fn memory_checking_completeness_read_only_and_read_write() {
    let mut rng = test_rng();
    for (m, n) in [(0, 0), (2, 5), (4, 3), (3, 3)] {
        let mems: Vec<Memory> = (0..3).map(|_| read_only(m, n, &mut rng)).collect();
        assert_eq!(run(&mems, |_| {}), Ok(()), "read-only m = {m}, n = {n}");
        let mems: Vec<Memory> = (0..2).map(|_| read_write(m, n, &mut rng)).collect();
        assert_eq!(run(&mems, |_| {}), Ok(()), "read-write m = {m}, n = {n}");
    }
}

/// Memories of different sizes share one grand product; each gets its own points.
#[test]
fn memory_checking_of_memories_of_different_sizes() {
    let mut rng = test_rng();
    let mems = vec![
        read_write(2, 5, &mut rng),
        read_only(4, 3, &mut rng),
        read_write(0, 1, &mut rng),
    ];
    assert_eq!(run(&mems, |_| {}), Ok(()));
    let mut bad = mems.clone();
    bad[1][3].t[5] += Fr::ONE;
    assert_eq!(
        run(&bad, |_| {}),
        Err(MemoryCheckingError::MultisetMismatch { memory: 1 })
    );
}

/// The leaves of one check's memories under `fp`.
pub(super) fn check_leaves(memories: &[Memory], fp: &Fingerprint<Fr>) -> CheckLeaves<'static, Fr> {
    CheckLeaves::new(
        memories
            .iter()
            .map(|mem| (mem[1].leaves(fp), mem[2].leaves(fp)))
            .collect(),
        memories
            .iter()
            .map(|mem| (mem[0].leaves(fp), mem[3].leaves(fp)))
            .collect(),
    )
}

pub(super) fn sizes_of(memories: &[Memory]) -> Vec<(usize, usize)> {
    memories
        .iter()
        .map(|mem| {
            (
                mem[1].a.len().trailing_zeros() as usize,
                mem[0].a.len().trailing_zeros() as usize,
            )
        })
        .collect()
}

/// Proves several checks (each with its own fingerprint) with one grand product and verifies
/// them, checking each check's leaf claims against its true columns. Returns the proof's
/// size and each check's outcome.
fn run_batch(
    checks: &[Vec<Memory>],
    tamper: impl Fn(&mut MemoryCheckingProof<Fr>),
) -> Result<(usize, Vec<Result<(), MemoryCheckingError>>), MemoryCheckingError> {
    let mut t = Transcript::new(b"mc-batch-test");
    let fps: Vec<Fingerprint<Fr>> = checks.iter().map(|_| Fingerprint::draw(&mut t)).collect();
    let leaves = checks
        .iter()
        .zip(&fps)
        .map(|(mems, fp)| check_leaves(mems, fp))
        .collect();
    let (mut proof, openings) = prove_batch(leaves, &mut t);
    let size = proof.compressed_size();

    let mut t = Transcript::new(b"mc-batch-test");
    let fps: Vec<Fingerprint<Fr>> = checks.iter().map(|_| Fingerprint::draw(&mut t)).collect();
    tamper(&mut proof);
    let sizes: Vec<Vec<(usize, usize)>> = checks.iter().map(|c| sizes_of(c)).collect();
    let statements: Vec<CheckStatement<'_, Fr>> = sizes
        .iter()
        .zip(&fps)
        .map(|(sizes, fp)| CheckStatement {
            lookup_sizes: &[],
            sizes,
            fingerprint: *fp,
        })
        .collect();
    let results = verify_batch(&statements, &proof, &mut t)?;
    let outcomes = results
        .into_iter()
        .zip(checks)
        .zip(&openings)
        .map(|((claims, memories), opening)| {
            let claims = claims?;
            assert_eq!(claims.r_cycle, opening.r_cycle);
            assert_eq!(claims.final_, opening.final_);
            let at = |k: usize, points: &[Vec<Fr>]| -> Vec<TupleEvals<Fr>> {
                memories
                    .iter()
                    .zip(points)
                    .map(|(mem, r)| mem[k].evals(r))
                    .collect()
            };
            claims.check_cycle_side(&at(1, &claims.r_cycle), &at(2, &claims.r_cycle))?;
            claims.check_memory_side(&at(0, &claims.r_mem), &at(3, &claims.r_mem))
        })
        .collect();
    Ok((size, outcomes))
}

/// Checks of different depths and fingerprints share one grand product: each verifies, a
/// wrong multiset fails its own check only, and the shared rounds make the batch smaller than
/// the separate proofs.
#[test]
fn checks_batched_in_one_grand_product() {
    let mut rng = test_rng();
    let checks = vec![
        vec![read_only(3, 6, &mut rng), read_only(3, 6, &mut rng)],
        vec![read_write(2, 5, &mut rng), read_only(4, 3, &mut rng)],
        vec![read_only_vec(2, 7, 3, &mut rng)],
    ];
    let (batched, outcomes) = run_batch(&checks, |_| {}).expect("the grand product verifies");
    assert_eq!(outcomes, vec![Ok(()), Ok(()), Ok(())]);
    let separate: usize = checks
        .iter()
        .map(|c| {
            run_batch(std::slice::from_ref(c), |_| {})
                .expect("verifies")
                .0
        })
        .sum();
    assert!(batched < separate, "{batched} ≥ {separate}");

    let mut bad = checks.clone();
    bad[1][1][3].t[2] += Fr::ONE;
    let (_, outcomes) = run_batch(&bad, |_| {}).expect("the grand product still verifies");
    assert_eq!(
        outcomes,
        vec![
            Ok(()),
            Err(MemoryCheckingError::MultisetMismatch { memory: 1 }),
            Ok(())
        ]
    );
}

/// A tampered shared grand product fails as a whole, and so does a statement that leaves a
/// check out or gives one no memory.
#[test]
fn batched_grand_product_rejects_tampering_and_wrong_statements() {
    let mut rng = test_rng();
    let checks = vec![
        vec![read_only(3, 5, &mut rng)],
        vec![read_write(2, 4, &mut rng)],
    ];
    for tamper in [
        |p: &mut MemoryCheckingProof<Fr>| p.grand_product.outputs[5] += Fr::ONE,
        |p: &mut MemoryCheckingProof<Fr>| p.grand_product.layers[3].right[3] += Fr::ONE,
        |p: &mut MemoryCheckingProof<Fr>| p.grand_product.layers[4].rounds.0[2].at_two += Fr::ONE,
    ] {
        let r = run_batch(&checks, tamper);
        assert!(
            matches!(r, Err(MemoryCheckingError::GrandProduct(_))),
            "{r:?}"
        );
    }
    let r = run_batch(&checks[..1], |_| {});
    assert!(r.is_ok());
    let mut t = Transcript::new(b"mc-batch-test");
    let fp = Fingerprint::<Fr>::draw(&mut t);
    let (proof, _) = prove_batch(vec![check_leaves(&checks[0], &fp)], &mut t);
    let sizes = sizes_of(&checks[0]);
    let statement = |sizes| CheckStatement {
        lookup_sizes: &[],
        sizes,
        fingerprint: fp,
    };
    let mut t = Transcript::new(b"mc-batch-test");
    assert_eq!(
        verify_batch(&[statement(&sizes), statement(&[])], &proof, &mut t),
        Err(MemoryCheckingError::NoMemories)
    );
    let mut t = Transcript::new(b"mc-batch-test");
    let r = verify_batch(&[statement(&sizes), statement(&sizes)], &proof, &mut t);
    assert!(
        matches!(r, Err(MemoryCheckingError::GrandProduct(_))),
        "{r:?}"
    );
}

#[test]
fn memory_checking_rejects_wrong_multisets() {
    let mut rng = test_rng();
    let honest: Vec<Memory> = (0..3).map(|_| read_only(3, 4, &mut rng)).collect();
    // Column 1 = read (write follows it), column 3 = final; field 0 = a, 1 = v, 2 = t.
    for (col, field) in [(1, 1), (1, 0), (1, 2), (3, 2), (0, 1)] {
        let mut mems = honest.clone();
        let target = &mut mems[1][col];
        let c = match field {
            0 => &mut target.a,
            1 => &mut target.v[0],
            _ => &mut target.t,
        };
        c[2] += Fr::ONE;
        if col == 1 {
            // The write tuple repeats the read's address and value, and its count + 1.
            mems[1][2] = Columns {
                a: mems[1][1].a.clone(),
                v: mems[1][1].v.clone(),
                t: mems[1][1].t.iter().map(|t| *t + Fr::ONE).collect(),
            };
        }
        assert_eq!(
            run(&mems, |_| {}),
            Err(MemoryCheckingError::MultisetMismatch { memory: 1 }),
            "{col} {field}"
        );
    }
    // A read that went to a cell with the wrong value, written back unchanged (read-write).
    let mut mems: Vec<Memory> = (0..2).map(|_| read_write(2, 4, &mut rng)).collect();
    mems[0][1].v[0][3] += Fr::ONE;
    assert_eq!(
        run(&mems, |_| {}),
        Err(MemoryCheckingError::MultisetMismatch { memory: 0 })
    );
}

#[test]
fn memory_checking_rejects_tampered_proof() {
    let mut rng = test_rng();
    let mems: Vec<Memory> = (0..2).map(|_| read_only(3, 4, &mut rng)).collect();
    let r = run(&mems, |p| p.grand_product.outputs[1] += Fr::ONE);
    assert!(
        matches!(r, Err(MemoryCheckingError::GrandProduct(_))),
        "{r:?}"
    );
    let r = run(&mems, |p| p.grand_product.layers[1].left[0] += Fr::ONE);
    assert!(
        matches!(r, Err(MemoryCheckingError::GrandProduct(_))),
        "{r:?}"
    );
    let r = run(&mems, |p| {
        p.grand_product.outputs.pop();
    });
    assert!(
        matches!(r, Err(MemoryCheckingError::GrandProduct(_))),
        "{r:?}"
    );
}

#[test]
fn memory_checking_leaf_checks_catch_wrong_tuples() {
    let mut rng = test_rng();
    let mems: Vec<Memory> = (0..2).map(|_| read_only(3, 4, &mut rng)).collect();
    let mut t = Transcript::new(b"mc-test");
    let fp = Fingerprint::<Fr>::draw(&mut t);
    let rw = mems
        .iter()
        .map(|mem| (mem[1].leaves(&fp), mem[2].leaves(&fp)))
        .collect();
    let inf = mems
        .iter()
        .map(|mem| (mem[0].leaves(&fp), mem[3].leaves(&fp)))
        .collect();
    let (proof, _) = prove(CheckLeaves::new(rw, inf), &mut t);
    let mut t = Transcript::new(b"mc-test");
    let fp = Fingerprint::<Fr>::draw(&mut t);
    let claims = verify(&setup(&[(4, 3); 2], fp), &proof, &mut t).unwrap();
    let at = |k: usize, points: &[Vec<Fr>]| -> Vec<TupleEvals<Fr>> {
        mems.iter()
            .zip(points)
            .map(|(mem, r)| mem[k].evals(r))
            .collect()
    };
    let (mut read, write) = (at(1, &claims.r_cycle), at(2, &claims.r_cycle));
    read[1].t += Fr::ONE;
    assert_eq!(
        claims.check_cycle_side(&read, &write),
        Err(MemoryCheckingError::LeafMismatch {
            multiset: Multiset::Read,
            memory: 1
        })
    );
    let (init, mut fin) = (at(0, &claims.r_mem), at(3, &claims.r_mem));
    fin[0].v[0] += Fr::ONE;
    assert_eq!(
        claims.check_memory_side(&init, &fin),
        Err(MemoryCheckingError::LeafMismatch {
            multiset: Multiset::Final,
            memory: 0
        })
    );
    assert!(matches!(
        claims.check_memory_side(&init[..1], &fin),
        Err(MemoryCheckingError::TupleCount { .. })
    ));
    let mut t = Transcript::new(b"mc-test");
    assert_eq!(
        verify(&setup(&[], fp), &proof, &mut t),
        Err(MemoryCheckingError::NoMemories)
    );
}

#[test]
fn fingerprint_is_horner_in_gamma() {
    let mut t = Transcript::new(b"mc-test");
    let fp = Fingerprint::<Fr>::draw(&mut t);
    let (g, tau) = (fp.gamma, fp.tau);
    let (a, t, v) = (f(7), f(3), [f(11), f(13), f(17)]);
    // k = 1: the classic a·γ² + v·γ + t − τ.
    assert_eq!(fp.h(a, &v[..1], t), a * g * g + v[0] * g + t - tau);
    assert_eq!(fp.of(&TupleEvals::single(a, v[0], t)), fp.h(a, &v[..1], t));
    // k = 3: a·γ⁴ + v_1·γ³ + v_2·γ² + v_3·γ + t − τ.
    let g2 = g * g;
    assert_eq!(
        fp.h(a, &v, t),
        a * g2 * g2 + v[0] * g2 * g + v[1] * g2 + v[2] * g + t - tau
    );
    // k = 0: a·γ + t − τ.
    assert_eq!(fp.h(a, &[], t), a * g + t - tau);
    // Shifting t shifts h (what provers use to derive write/final leaves).
    assert_eq!(fp.h(a, &v, t + Fr::ONE), fp.h(a, &v, t) + Fr::ONE);
    // leaves_vec agrees with h across block boundaries.
    let len = (1 << 10) + 5;
    let leaves = fp.leaves_vec(len, 2, |i, v| {
        v[0] = f(i as u64);
        v[1] = f(2 * i as u64);
        (f(3 * i as u64), f(1))
    });
    for i in [0, 1, 1023, 1024, len - 1] {
        assert_eq!(
            leaves[i],
            fp.h(f(3 * i as u64), &[f(i as u64), f(2 * i as u64)], f(1)),
            "leaf {i}"
        );
    }
}

#[test]
fn memory_checking_vector_memories() {
    let mut rng = test_rng();
    for (m, n, k) in [(0, 0, 2), (2, 5, 3), (4, 3, 14), (3, 3, 0)] {
        let mut mems: Vec<Memory> = (0..2).map(|_| read_only_vec(m, n, k, &mut rng)).collect();
        mems.push(read_only(m, n, &mut rng));
        assert_eq!(run(&mems, |_| {}), Ok(()), "m = {m}, n = {n}, k = {k}");
    }
    let honest: Vec<Memory> = (0..3).map(|_| read_only_vec(3, 4, 5, &mut rng)).collect();
    // A wrong value in one table of the folded memory, read and written back consistently.
    for j in [0, 2, 4] {
        let mut mems = honest.clone();
        mems[2][1].v[j][5] += Fr::ONE;
        mems[2][2].v[j][5] += Fr::ONE;
        assert_eq!(
            run(&mems, |_| {}),
            Err(MemoryCheckingError::MultisetMismatch { memory: 2 }),
            "table {j}"
        );
    }
    // Swapping two tables' values in the reads (same multiset of field elements per cell,
    // different tuples) is caught too.
    let mut mems = honest.clone();
    for c in [1, 2] {
        mems[0][c].v.swap(1, 3);
    }
    assert_eq!(
        run(&mems, |_| {}),
        Err(MemoryCheckingError::MultisetMismatch { memory: 0 })
    );
}

#[test]
fn memory_checking_rejects_inconsistent_widths() {
    let mut rng = test_rng();
    let mems: Vec<Memory> = (0..2).map(|_| read_only_vec(3, 4, 3, &mut rng)).collect();
    let mut t = Transcript::new(b"mc-test");
    let fp = Fingerprint::<Fr>::draw(&mut t);
    let rw = mems
        .iter()
        .map(|mem| (mem[1].leaves(&fp), mem[2].leaves(&fp)))
        .collect();
    let inf = mems
        .iter()
        .map(|mem| (mem[0].leaves(&fp), mem[3].leaves(&fp)))
        .collect();
    let (proof, _) = prove(CheckLeaves::new(rw, inf), &mut t);
    let mut t = Transcript::new(b"mc-test");
    let fp = Fingerprint::<Fr>::draw(&mut t);
    let claims = verify(&setup(&[(4, 3); 2], fp), &proof, &mut t).unwrap();
    let at = |k: usize, points: &[Vec<Fr>]| -> Vec<TupleEvals<Fr>> {
        mems.iter()
            .zip(points)
            .map(|(mem, r)| mem[k].evals(r))
            .collect()
    };
    let (read, mut write) = (at(1, &claims.r_cycle), at(2, &claims.r_cycle));
    assert_eq!(claims.check_cycle_side(&read, &write), Ok(()));
    write[1].v.pop();
    assert_eq!(
        claims.check_cycle_side(&read, &write),
        Err(MemoryCheckingError::TupleWidth {
            multiset: Multiset::Write,
            memory: 1,
            expected: 3,
            got: 2
        })
    );
    let (init, mut fin) = (at(0, &claims.r_mem), at(3, &claims.r_mem));
    fin[0].v.push(Fr::ZERO);
    assert!(matches!(
        claims.check_memory_side(&init, &fin),
        Err(MemoryCheckingError::TupleWidth { .. })
    ));
}

/// The integer fingerprint (digit tables, no multiplication) equals `h` on edge and random
/// tuples, and its computed leaves are those values.
#[test]
fn integer_fingerprint_equals_h() {
    let mut rng = test_rng();
    let fp = Fingerprint::<Fr>::draw(&mut Transcript::new(b"integer fingerprint"));
    let ifp = fp.integers();
    let mut tuples = vec![
        (0u64, 0u64, 0u64),
        (31, u64::from(u32::MAX), 1 << 22),
        (u64::MAX, 1, u64::MAX),
    ];
    tuples.extend((0..64).map(|_| {
        (
            rng.gen::<u64>() >> 32,
            rng.gen::<u64>(),
            rng.gen::<u64>() >> 8,
        )
    }));
    for &(a, v, t) in &tuples {
        assert_eq!(ifp.h(a, v, t), fp.h(f(a), &[f(v)], f(t)), "{a} {v} {t}");
    }
    let leaves = ifp.computed(tuples.len(), |i| tuples[i]).to_vec();
    let expected: Vec<Fr> = tuples.iter().map(|&(a, v, t)| ifp.h(a, v, t)).collect();
    assert_eq!(leaves, expected);
}

/// Integer leaves summed unreduced equal `h` of the same tuples, for widths 0 to 16, extreme
/// and random integers, across block boundaries.
#[test]
fn integer_leaves_equal_h() {
    let mut rng = test_rng();
    let fp = Fingerprint::<Fr>::draw(&mut Transcript::new(b"integer leaves"));
    for width in [0usize, 1, 3, 16] {
        let len = (1 << 10) + 3;
        let value = |i: usize, j: usize| match (i + j) % 4 {
            0 => u64::MAX,
            1 => 0,
            _ => (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ j as u64,
        };
        let leaves = fp.integer_leaves_vec(len, width, |i, v| {
            for (j, x) in v.iter_mut().enumerate() {
                *x = value(i, j);
            }
            (value(i, width), value(i, width + 1))
        });
        for i in [0, 1, 2, 1023, 1024, len - 1]
            .into_iter()
            .chain([rng.gen_range(0..len)])
        {
            let v: Vec<Fr> = (0..width).map(|j| f(value(i, j))).collect();
            let expected = fp.h(f(value(i, width)), &v, f(value(i, width + 1)));
            assert_eq!(leaves[i], expected, "width {width}, leaf {i}");
        }
    }
}

/// Proves read-only memories by sums of fractions, as a check of lookups only and beside a
/// check of read-write memories (one GKR), and verifies them, checking the claims against
/// the true columns: the reads' and the table's tuples, and the multiplicities (the read
/// counts' final column).
fn run_lookups(
    lookups: &[Memory],
    multiplicities: impl Fn(usize) -> Vec<Fr>,
    read_write: &[Memory],
) -> Result<(), MemoryCheckingError> {
    let untimed = |c: &Columns| Columns {
        t: vec![Fr::ZERO; c.a.len()],
        ..c.clone()
    };
    let mut t = Transcript::new(b"mc-lookup-test");
    let (fp, fp_rw) = (Fingerprint::<Fr>::draw(&mut t), Fingerprint::draw(&mut t));
    let lookup_leaves = |fp: &Fingerprint<Fr>| -> Vec<LookupLeaves<'static, Fr>> {
        lookups
            .iter()
            .enumerate()
            .map(|(k, mem)| LookupLeaves {
                reads: untimed(&mem[1]).leaves(fp).into(),
                table: untimed(&mem[0]).leaves(fp).into(),
                multiplicities: multiplicities(k).into(),
            })
            .collect()
    };
    let mut checks = vec![CheckLeaves::lookups(lookup_leaves(&fp))];
    if !read_write.is_empty() {
        checks.push(check_leaves(read_write, &fp_rw));
    }
    let (proof, openings) = prove_batch(checks, &mut t);

    let mut t = Transcript::new(b"mc-lookup-test");
    let (fp, fp_rw) = (Fingerprint::<Fr>::draw(&mut t), Fingerprint::draw(&mut t));
    let lookup_sizes = sizes_of(lookups);
    let rw_sizes = sizes_of(read_write);
    let mut statements = vec![CheckStatement {
        sizes: &[],
        lookup_sizes: &lookup_sizes,
        fingerprint: fp,
    }];
    if !read_write.is_empty() {
        statements.push(CheckStatement {
            sizes: &rw_sizes,
            lookup_sizes: &[],
            fingerprint: fp_rw,
        });
    }
    let mut results = verify_batch(&statements, &proof, &mut t)?.into_iter();
    let claims = results.next().expect("the lookups' check")?.lookups;
    assert_eq!(claims.openings, openings[0].lookups);
    let at = |k: usize, points: &[Vec<Fr>]| -> Vec<(Fr, Vec<Fr>)> {
        lookups
            .iter()
            .zip(points)
            .map(|(mem, r)| {
                let e = mem[k].evals(r);
                (e.a, e.v)
            })
            .collect()
    };
    claims.check_reads(&at(1, &claims.openings.r_read))?;
    claims.check_table(&at(0, &claims.openings.r_table))?;
    for (k, (m, r)) in claims
        .multiplicities()
        .iter()
        .zip(&claims.openings.r_table)
        .enumerate()
    {
        assert_eq!(*m, DensePolynomial::new(multiplicities(k)).evaluate(r));
    }
    results.try_for_each(|r| r.map(|_| ()))
}

/// Honest lookups verify, alone and beside read-write memories, for tables of one cell up,
/// reads of one up, and tables of several values per cell.
#[test]
fn lookups_completeness() {
    let mut rng = test_rng();
    for (m, n, k) in [(0, 0, 1), (2, 5, 1), (4, 3, 2), (3, 3, 3)] {
        let mems: Vec<Memory> = (0..2).map(|_| read_only_vec(m, n, k, &mut rng)).collect();
        let counts = |i: usize| mems[i][3].t.clone();
        assert_eq!(run_lookups(&mems, counts, &[]), Ok(()), "m = {m}, n = {n}");
        let rw = vec![read_write(m, n, &mut rng)];
        assert_eq!(run_lookups(&mems, counts, &rw), Ok(()), "with read-write");
    }
}

/// A read of a value the table does not hold, a read of an address beyond the table, and
/// multiplicities that do not count the reads are rejected as lookup mismatches of the
/// memory they touch.
#[test]
fn lookups_reject_reads_outside_the_table_and_wrong_multiplicities() {
    let mut rng = test_rng();
    let mems: Vec<Memory> = (0..2).map(|_| read_only(3, 5, &mut rng)).collect();
    let counts = |i: usize| mems[i][3].t.clone();
    let mut bad = mems.clone();
    bad[1][1].v[0][7] += Fr::ONE;
    assert_eq!(
        run_lookups(&bad, counts, &[]),
        Err(MemoryCheckingError::LookupMismatch { memory: 1 })
    );
    let mut bad = mems.clone();
    bad[0][1].a[2] = Fr::from(8u64);
    assert_eq!(
        run_lookups(&bad, counts, &[]),
        Err(MemoryCheckingError::LookupMismatch { memory: 0 })
    );
    let shifted = |i: usize| {
        let mut c = mems[i][3].t.clone();
        if i == 1 {
            c[0] += Fr::ONE;
            c[1] -= Fr::ONE;
        }
        c
    };
    assert_eq!(
        run_lookups(&mems, shifted, &[]),
        Err(MemoryCheckingError::LookupMismatch { memory: 1 })
    );
}
