//! The state tree: a binary Merkle tree of SHA-256 over `2^DEPTH` account slots.
//!
//! A leaf is `H(0x00 ‖ account)` and an inner node `H(0x01 ‖ left ‖ right)`; the prefixes keep
//! a leaf from ever being read as an inner node. A path lists the sibling of each node on the
//! way from a leaf up to the root, the leaf's sibling first; bit `l` of the leaf's index says
//! whether the node at level `l` is a right child.
//!
//! The host keeps the whole tree ([`MerkleTree`]). The guest sees only the touched leaves and
//! their paths and rebuilds just the part of the tree above them ([`PartialTree`]): enough to
//! check the old root and to compute the new one.

use alloc::collections::{BTreeMap, BTreeSet};
use alloc::vec::Vec;

use sha2::{Digest, Sha256};

use crate::Account;

/// Levels below the root: the tree has `2^DEPTH` account slots.
pub const DEPTH: usize = 16;
/// A SHA-256 digest.
pub type Hash = [u8; 32];
/// The siblings from a leaf up to the root.
pub type Path = [Hash; DEPTH];

/// The leaf of an account.
pub fn leaf_hash(account: &Account) -> Hash {
    Sha256::new()
        .chain_update([0x00])
        .chain_update(account.key)
        .chain_update(account.balance.to_le_bytes())
        .chain_update(account.nonce.to_le_bytes())
        .finalize()
        .into()
}

/// The parent of two nodes.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    Sha256::new()
        .chain_update([0x01])
        .chain_update(left)
        .chain_update(right)
        .finalize()
        .into()
}

/// The whole tree, every level stored (level 0: the leaves; level `DEPTH`: the root).
#[derive(Clone, Debug)]
pub struct MerkleTree {
    levels: Vec<Vec<Hash>>,
}

impl MerkleTree {
    /// The tree of `accounts` in slots `0..accounts.len()`, the other slots empty
    /// (`Account::default()`). Panics if there are more accounts than slots.
    pub fn new(accounts: &[Account]) -> Self {
        assert!(accounts.len() <= 1 << DEPTH, "more accounts than slots");
        let empty = leaf_hash(&Account::default());
        let mut leaves: Vec<Hash> = accounts.iter().map(leaf_hash).collect();
        leaves.resize(1 << DEPTH, empty);
        let mut levels = alloc::vec![leaves];
        for _ in 0..DEPTH {
            let below = levels.last().expect("at least the leaves");
            let above = below.chunks(2).map(|p| node_hash(&p[0], &p[1])).collect();
            levels.push(above);
        }
        Self { levels }
    }

    /// The root.
    pub fn root(&self) -> Hash {
        self.levels[DEPTH][0]
    }

    /// The path of slot `index`.
    pub fn path(&self, index: u32) -> Path {
        core::array::from_fn(|level| self.levels[level][((index >> level) ^ 1) as usize])
    }
}

/// The nodes of a tree on the paths of some leaves, keyed by (level, index in the level).
#[derive(Clone, Debug)]
pub struct PartialTree {
    nodes: BTreeMap<(usize, u32), Hash>,
    leaves: BTreeSet<u32>,
}

impl PartialTree {
    /// Checks that each `(index, leaf, path)` leads to `root` and keeps the nodes of the
    /// paths; `Err(index)` names the first leaf whose path does not.
    pub fn verified(root: &Hash, leaves: &[(u32, Hash, Path)]) -> Result<Self, u32> {
        let mut tree = Self {
            nodes: BTreeMap::new(),
            leaves: BTreeSet::new(),
        };
        for (index, leaf, path) in leaves {
            if *index >> DEPTH != 0 {
                return Err(*index);
            }
            let mut node = *leaf;
            for (level, sibling) in path.iter().enumerate() {
                let position = index >> level;
                tree.nodes.insert((level, position), node);
                tree.nodes.insert((level, position ^ 1), *sibling);
                node = if position & 1 == 0 {
                    node_hash(&node, sibling)
                } else {
                    node_hash(sibling, &node)
                };
            }
            if node != *root {
                return Err(*index);
            }
            tree.leaves.insert(*index);
        }
        Ok(tree)
    }

    /// Replaces leaves (each one checked by [`Self::verified`]) and returns the new root.
    pub fn update(&mut self, leaves: impl IntoIterator<Item = (u32, Hash)>) -> Hash {
        for (index, leaf) in leaves {
            assert!(self.leaves.contains(&index), "leaf {index} has no path");
            self.nodes.insert((0, index), leaf);
        }
        // Recompute level by level the parents of the changed nodes; every sibling they need
        // is on some path, so it is in `nodes`.
        let mut changed = self.leaves.clone();
        for level in 0..DEPTH {
            changed = changed
                .into_iter()
                .map(|position| {
                    let parent = position >> 1;
                    let left = self.nodes[&(level, parent << 1)];
                    let right = self.nodes[&(level, parent << 1 | 1)];
                    self.nodes
                        .insert((level + 1, parent), node_hash(&left, &right));
                    parent
                })
                .collect();
        }
        self.nodes[&(DEPTH, 0)]
    }
}
