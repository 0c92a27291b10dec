//! Every subtable of every built-in table: its MLE equals its materialized table on the whole
//! hypercube (and is multilinear), and subtable names are unique.

use std::collections::HashMap;

use jolt_instructions::check::check_subtable;
use jolt_instructions::{LookupId, Subtable};

/// Every distinct subtable the built-in tables use, by name.
fn all_subtables() -> Vec<Box<dyn Subtable>> {
    let mut seen = HashMap::new();
    for id in LookupId::ALL {
        for (subtable, _) in id.table().subtables() {
            seen.entry(subtable.name()).or_insert(subtable);
        }
    }
    let mut subtables: Vec<_> = seen.into_values().collect();
    subtables.sort_by_key(|s| s.name());
    subtables
}

#[test]
fn every_subtable_mle_equals_its_table() {
    let subtables = all_subtables();
    assert_eq!(
        subtables.len(),
        24,
        "{:?}",
        subtables.iter().map(|s| s.name()).collect::<Vec<_>>()
    );
    for subtable in subtables {
        check_subtable(subtable.as_ref()).unwrap();
    }
}

#[test]
fn subtables_with_the_same_name_are_the_same_table() {
    let mut tables: HashMap<&str, Vec<u64>> = HashMap::new();
    for id in LookupId::ALL {
        for (subtable, _) in id.table().subtables() {
            let entries = subtable.materialize();
            let first = tables
                .entry(subtable.name())
                .or_insert_with(|| entries.clone());
            assert!(
                *first == entries,
                "two different subtables are named {}",
                subtable.name()
            );
        }
    }
}

#[test]
fn shift_subtables_of_different_chunks_differ() {
    use jolt_instructions::subtables::{Sll, Srl};
    for i in 0..4 {
        for j in 0..4 {
            assert_eq!(Sll::new(i).name() == Sll::new(j).name(), i == j);
            assert_eq!(Srl::new(i).name() == Srl::new(j).name(), i == j);
            assert_eq!(
                Sll::new(i).materialize() == Sll::new(j).materialize(),
                i == j
            );
        }
    }
}

#[test]
#[should_panic(expected = "out of range")]
fn shift_subtable_past_the_last_chunk_panics() {
    jolt_instructions::subtables::Sll::new(4);
}
