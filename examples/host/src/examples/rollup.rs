//! A rollup's state transition (guest: `examples/guests/rollup`). The host plays the
//! sequencer: it makes a random genesis state of a few accounts, has their owners sign a batch
//! of transfers, gives the guest the old root, the touched accounts with their Merkle paths and
//! the batch, and proves the guest's state transition. It computes the expected new root
//! natively with the same function and checks that the proven one equals it.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;
use rollup_guest::ed25519_dalek::{Signer, SigningKey};
use rollup_guest::merkle::{Hash, MerkleTree};
use rollup_guest::{Account, Status, Transfer, Witness};

use crate::{prove_and_verify, Error, Proven};

/// Accounts in the genesis state.
pub const ACCOUNTS: usize = 8;
/// The seed of the genesis state and of the batch.
pub const SEED: u64 = 2024;

/// The guest's arguments: the old root, the touched accounts with their paths, the transfers.
pub type Batch = (Hash, Vec<Witness>, Vec<Transfer>);
/// The guest's result: the new root and what became of each transfer.
pub type Outcome = (Hash, Vec<Status>);

/// The sequencer's view: every account, its owner's key and the whole tree.
pub struct Rollup {
    pub accounts: Vec<Account>,
    keys: Vec<SigningKey>,
    pub tree: MerkleTree,
}

impl Rollup {
    /// `count` accounts in slots `0..count`, with random keys and balances.
    pub fn genesis(count: usize, rng: &mut impl Rng) -> Self {
        let keys: Vec<SigningKey> = (0..count)
            .map(|_| SigningKey::from_bytes(&rng.gen()))
            .collect();
        let accounts: Vec<Account> = keys
            .iter()
            .map(|key| Account {
                key: key.verifying_key().to_bytes(),
                balance: rng.gen_range(1_000..1_000_000),
                nonce: 0,
            })
            .collect();
        let tree = MerkleTree::new(&accounts);
        Self {
            accounts,
            keys,
            tree,
        }
    }

    /// A transfer signed by the owner of `from` (any `signer` other than `from` forges it).
    pub fn sign(&self, signer: u32, from: u32, to: u32, amount: u64, nonce: u64) -> Transfer {
        let message = Transfer::message(from, to, amount, nonce);
        Transfer {
            from,
            to,
            amount,
            nonce,
            signature: self.keys[signer as usize].sign(&message),
        }
    }

    /// `count` valid transfers between random accounts, each with its sender's next nonce and
    /// at most a tenth of its genesis balance.
    pub fn random_transfers(&self, count: u32, rng: &mut impl Rng) -> Vec<Transfer> {
        let mut nonces = vec![0u64; self.accounts.len()];
        let slots = self.accounts.len() as u32;
        (0..count)
            .map(|_| {
                let from = rng.gen_range(0..slots);
                let to = (from + rng.gen_range(1..slots)) % slots;
                let amount = rng.gen_range(1..=self.accounts[from as usize].balance / 10);
                let nonce = nonces[from as usize];
                nonces[from as usize] += 1;
                self.sign(from, from, to, amount, nonce)
            })
            .collect()
    }

    /// The guest's arguments for `transfers`: the current root, and each account the
    /// transfers name, once, with its path.
    pub fn batch(&self, transfers: Vec<Transfer>) -> Batch {
        let mut touched: Vec<u32> = transfers.iter().flat_map(|t| [t.from, t.to]).collect();
        touched.sort_unstable();
        touched.dedup();
        let witnesses = touched
            .into_iter()
            .map(|index| Witness {
                index,
                account: self
                    .accounts
                    .get(index as usize)
                    .copied()
                    .unwrap_or_default(),
                path: self.tree.path(index),
            })
            .collect();
        (self.tree.root(), witnesses, transfers)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Proves a batch of `transfers` random transfers over a random genesis state and checks the
/// proven new root against the native one.
pub fn run(transfers: u32) -> Result<Proven<Outcome>, Error> {
    let mut rng = ChaCha20Rng::seed_from_u64(SEED);
    let rollup = Rollup::genesis(ACCOUNTS, &mut rng);
    let batch = rollup.batch(rollup.random_transfers(transfers, &mut rng));
    let (old_root, witnesses, transfers) = batch.clone();
    println!(
        "old root {}: {} transfers touching {} accounts",
        hex(&old_root),
        transfers.len(),
        witnesses.len()
    );
    let expected = rollup_guest::apply_batch(old_root, witnesses, transfers);
    let proven = prove_and_verify(
        rollup_guest::compile_apply_batch,
        &batch,
        |output: Option<&Outcome>| match output {
            Some((root, statuses)) => format!("new root {}: {statuses:?}", hex(root)),
            None => "the batch is malformed: the guest panicked".to_string(),
        },
    )?;
    if proven.output.as_ref() != Some(&expected) {
        return Err(Error::Mismatch { what: "state root" });
    }
    println!("the proven new root is the one computed natively");
    Ok(proven)
}
