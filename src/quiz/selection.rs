//! Choosing questions.

use std::collections::HashSet;

use rand::{Rng, RngExt};

/// The next daily item for a channel: never one already used in the current
/// cycle, and never the item posted last, so a question never runs twice in a
/// row even across cycles. With the pool used up it falls back to repeats.
pub fn next_daily<'a>(
    pool: &[&'a str],
    used_this_cycle: &HashSet<&str>,
    last: Option<&str>,
    rng: &mut impl Rng,
) -> Option<&'a str> {
    let fresh = |id: &&str| !used_this_cycle.contains(id);
    let not_last = |id: &&str| Some(*id) != last;
    let tiers: [Vec<&'a str>; 3] = [
        pool.iter().copied().filter(|id| fresh(id) && not_last(id)).collect(),
        pool.iter().copied().filter(fresh).collect(),
        pool.iter().copied().filter(not_last).collect(),
    ];
    let from = tiers.into_iter().find(|t| !t.is_empty()).unwrap_or_else(|| pool.to_vec());
    (!from.is_empty()).then(|| from[rng.random_range(0..from.len())])
}

/// Whether a pool has started a new cycle: true when every item of
/// `pool` appears in `used`, so the caller should count from an empty set.
pub fn cycle_complete(pool: &[&str], used: &HashSet<&str>) -> bool {
    pool.iter().all(|id| used.contains(id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    #[test]
    fn daily_uses_the_whole_pool_before_repeating() {
        let pool = ["a", "b", "c", "d", "e"];
        let mut rng = StdRng::seed_from_u64(7);
        let mut used: HashSet<&str> = HashSet::new();
        let mut last = None;
        let mut order = Vec::new();
        for _ in 0..pool.len() * 20 {
            if cycle_complete(&pool, &used) {
                used.clear();
            }
            let id = next_daily(&pool, &used, last, &mut rng).expect("an item");
            assert!(!used.contains(id), "{id} repeated inside a cycle");
            assert_ne!(Some(id), last, "back to back");
            used.insert(id);
            last = Some(id);
            order.push(id);
        }
        for chunk in order.chunks(pool.len()) {
            let set: HashSet<_> = chunk.iter().collect();
            assert_eq!(set.len(), pool.len(), "each cycle covers the pool: {chunk:?}");
        }
    }
}
