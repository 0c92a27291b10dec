//! The rollup guest's state transition without proofs: the partial tree it rebuilds agrees
//! with the whole tree, bad transfers are rejected one by one (natively and in the emulator),
//! and a malformed batch panics.

use jolt_examples::examples::rollup::{Batch, Rollup};
use rand::SeedableRng;
use rand_chacha::ChaCha20Rng;
use rollup_guest::merkle::{leaf_hash, MerkleTree, PartialTree};
use rollup_guest::{apply_batch, Account, Status};

fn rollup() -> Rollup {
    Rollup::genesis(6, &mut ChaCha20Rng::seed_from_u64(7))
}

#[test]
fn the_partial_tree_computes_the_whole_trees_root() {
    let before = rollup();
    let touched = [0u32, 3, 4, 200, 65_535];
    let leaves: Vec<_> = touched
        .iter()
        .map(|&i| {
            let account = before.accounts.get(i as usize).copied().unwrap_or_default();
            (i, leaf_hash(&account), before.tree.path(i))
        })
        .collect();
    let mut partial = PartialTree::verified(&before.tree.root(), &leaves).unwrap();

    let mut after = vec![Account::default(); 1 << 16];
    after[..before.accounts.len()].copy_from_slice(&before.accounts);
    for (n, &i) in touched.iter().enumerate() {
        after[i as usize].balance += 10 * n as u64 + 1;
        after[i as usize].nonce += 1;
    }
    let root = partial.update(touched.iter().map(|&i| (i, leaf_hash(&after[i as usize]))));
    assert_eq!(root, MerkleTree::new(&after).root());

    let mut wrong = leaves.clone();
    wrong[2].2[5][0] ^= 1;
    assert_eq!(
        PartialTree::verified(&before.tree.root(), &wrong).err(),
        Some(4)
    );
}

/// A valid transfer, its replay, an overdraft, a forgery and an overflow-free valid one.
fn mixed_batch(rollup: &Rollup) -> Batch {
    let balance = rollup.accounts[1].balance;
    rollup.batch(vec![
        rollup.sign(1, 1, 2, 5, 0),
        rollup.sign(1, 1, 2, 5, 0),
        rollup.sign(1, 1, 3, balance, 1),
        rollup.sign(4, 3, 4, 1, 0),
        rollup.sign(2, 2, 1, 7, 0),
    ])
}

#[test]
fn bad_transfers_are_rejected_one_by_one() {
    let rollup = rollup();
    let (root, witnesses, transfers) = mixed_batch(&rollup);
    let expected = [
        Status::Applied,
        Status::BadNonce,
        Status::InsufficientBalance,
        Status::BadSignature,
        Status::Applied,
    ];
    let (new_root, statuses) = apply_batch(root, witnesses.clone(), transfers.clone());
    assert_eq!(statuses, expected);

    let mut after = rollup.accounts.clone();
    after[1].balance = after[1].balance - 5 + 7;
    after[1].nonce = 1;
    after[2].balance = after[2].balance + 5 - 7;
    after[2].nonce = 1;
    assert_eq!(new_root, MerkleTree::new(&after).root());

    let summary = rollup_guest::analyze_apply_batch(root, witnesses, transfers).unwrap();
    assert_eq!(summary.output, Some((new_root, expected.to_vec())));
}

#[test]
fn a_malformed_batch_panics() {
    let rollup = rollup();
    let (root, mut witnesses, transfers) = mixed_batch(&rollup);
    witnesses[0].account.balance += 1;
    let summary = rollup_guest::analyze_apply_batch(root, witnesses, transfers.clone()).unwrap();
    assert!(summary.panicked);
    let message = summary.panic_message.unwrap();
    assert!(
        message.contains("does not lead to the old root"),
        "{message}"
    );

    let (root, mut witnesses, _) = mixed_batch(&rollup);
    witnesses.retain(|w| w.index != 4);
    let summary = rollup_guest::analyze_apply_batch(root, witnesses, transfers).unwrap();
    let message = summary.panic_message.unwrap();
    assert!(message.contains("account 4 has no witness"), "{message}");
}
