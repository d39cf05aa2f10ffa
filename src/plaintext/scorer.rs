//! Scoring feature rows with the trees of [`super::model`].
//!
//! Every line of a dump goes through all the trees, so the walk is most of the cleaner's
//! time. The generated table is laid out for reading, not walking: here each node is 16
//! bytes, and a leaf leads to itself, so that every tree is walked the same number of steps
//! with no branch on the way (the steps of different trees then overlap in the processor).
//! A line reaches the same leaves as a walk of the table, and they are added in tree order,
//! so the log-odds are the same to the bit.

use super::model::{Node, BASELINE, NODES, ROOTS};
use std::sync::LazyLock;

/// A node laid out for walking: a split goes to `children[1]` when the row's value is not
/// `<=` its threshold; a leaf goes to itself either way and holds its value in `threshold`.
#[derive(Debug, Clone, Copy)]
struct Step {
    threshold: f64,
    feature: u32,
    children: [u32; 2],
}

/// The trees laid out for walking.
#[derive(Debug)]
struct Forest {
    steps: Vec<Step>,
    roots: Vec<u32>,
    /// Steps from a root to its deepest leaf, over all trees.
    depth: usize,
}

/// Where a walk of the generated table would stop without reaching a leaf (a child index out
/// of the table): a leaf that adds nothing. The generated table has none; a test checks it.
const NOWHERE: Step = Step {
    threshold: 0.0,
    feature: 0,
    children: [0, 0],
};

fn forest() -> Forest {
    let nowhere = NODES.len() as u32;
    let child = |index: usize| {
        if index < NODES.len() {
            index as u32
        } else {
            nowhere
        }
    };
    let mut steps: Vec<Step> = NODES
        .iter()
        .enumerate()
        .map(|(index, node)| match *node {
            Node::Split(feature, threshold, left, right) => Step {
                threshold,
                // a feature past the row reads as 0, as in a walk of the table
                feature: u32::try_from(feature).unwrap_or(u32::MAX),
                children: [child(left), child(right)],
            },
            Node::Leaf(value) => Step {
                threshold: value,
                feature: 0,
                children: [index as u32; 2],
            },
        })
        .collect();
    steps.push(Step {
        children: [nowhere; 2],
        ..NOWHERE
    });
    let roots: Vec<u32> = ROOTS.iter().map(|&root| child(root)).collect();
    let depth = roots
        .iter()
        .map(|&root| depth_below(&steps, root, 0))
        .max()
        .unwrap_or(0);
    Forest {
        steps,
        roots,
        depth,
    }
}

/// Steps from `index` to its deepest leaf (a node that leads only to itself).
fn depth_below(steps: &[Step], index: u32, depth: usize) -> usize {
    let step = steps[index as usize];
    // a table with a cycle would have no deepest leaf; no tree is this deep
    if step.children == [index; 2] || depth > steps.len() {
        return depth;
    }
    step.children
        .iter()
        .map(|&child| depth_below(steps, child, depth + 1))
        .max()
        .unwrap_or(depth)
}

static FOREST: LazyLock<Forest> = LazyLock::new(forest);

/// Trees walked side by side: their steps do not wait on each other.
const LANES: usize = 8;

/// The model's log-odds that the line of `row` is article text.
pub fn log_odds(row: &[f64]) -> f64 {
    let forest = &*FOREST;
    let steps = forest.steps.as_slice();
    let nowhere = steps.len() - 1;
    let walk = |index: &mut usize| {
        let step = steps[*index];
        let value = row.get(step.feature as usize).copied().unwrap_or(0.0);
        #[allow(clippy::neg_cmp_op_on_partial_ord)]
        let right = !(value <= step.threshold);
        *index = step.children[usize::from(right)] as usize;
    };
    let mut total = BASELINE;
    // the leaves are added in tree order, as a walk of the table adds them
    let mut add = |index: usize| {
        // the node a broken table points past adds nothing, as a walk that stops there
        if index != nowhere {
            total += steps[index].threshold;
        }
    };
    let mut roots = forest.roots.chunks_exact(LANES);
    for lanes in roots.by_ref() {
        let mut indices: [usize; LANES] = std::array::from_fn(|k| lanes[k] as usize);
        for _ in 0..forest.depth {
            indices.iter_mut().for_each(walk);
        }
        indices.into_iter().for_each(&mut add);
    }
    for &root in roots.remainder() {
        let mut index = root as usize;
        for _ in 0..forest.depth {
            walk(&mut index);
        }
        add(index);
    }
    total
}

/// The model's probability that the line of `row` is article text.
pub fn probability(row: &[f64]) -> f64 {
    1.0 / (1.0 + (-log_odds(row)).exp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plaintext::features::FEATURE_COUNT;

    /// A walk of the generated table, node by node.
    fn walked_log_odds(row: &[f64]) -> f64 {
        let mut total = BASELINE;
        for &root in ROOTS {
            let mut index = root;
            loop {
                match NODES.get(index) {
                    Some(&Node::Split(feature, threshold, left, right)) => {
                        let value = row.get(feature).copied().unwrap_or(0.0);
                        index = if value <= threshold { left } else { right };
                    }
                    Some(&Node::Leaf(value)) => {
                        total += value;
                        break;
                    }
                    None => break,
                }
            }
        }
        total
    }

    #[test]
    fn every_child_is_in_the_table_and_trees_are_shallow() {
        for node in NODES {
            if let Node::Split(feature, _, left, right) = *node {
                assert!(feature < FEATURE_COUNT);
                assert!(left < NODES.len() && right < NODES.len());
            }
        }
        assert!((1..=16).contains(&FOREST.depth), "{}", FOREST.depth);
    }

    #[test]
    fn the_laid_out_trees_score_like_a_walk_of_the_table() {
        // rows around every threshold: below, at and above it, and NaN
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut random = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let thresholds: Vec<(usize, f64)> = NODES
            .iter()
            .filter_map(|node| match *node {
                Node::Split(feature, threshold, _, _) => Some((feature, threshold)),
                Node::Leaf(_) => None,
            })
            .collect();
        for case in 0..3000 {
            let mut row = vec![0.0; FEATURE_COUNT];
            for value in row.iter_mut() {
                *value = (random() % 1000) as f64 / 250.0;
            }
            for _ in 0..20 {
                let (feature, threshold) = thresholds[random() as usize % thresholds.len()];
                row[feature] = match random() % 4 {
                    0 => threshold,
                    1 => threshold + 1e-9,
                    2 => threshold - 1e-9,
                    _ if case % 50 == 0 => f64::NAN,
                    _ => threshold * 2.0,
                };
            }
            let (laid_out, walked) = (log_odds(&row), walked_log_odds(&row));
            assert_eq!(laid_out.to_bits(), walked.to_bits(), "{row:?}");
        }
        // a short row reads missing features as 0
        assert_eq!(
            log_odds(&[1.0; 10]).to_bits(),
            walked_log_odds(&[1.0; 10]).to_bits()
        );
    }
}
