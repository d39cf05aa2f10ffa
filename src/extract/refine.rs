//! Trimming the region around the article's core: outside the best-scored container, only
//! blocks that read like content stay.

use super::dom::{FlatDom, Kind, NO_PARENT};
use crate::vocab::BLOCK_TAGS;

/// Outside-core blocks with at least this many characters and little link text are content.
pub const OUTSIDE_CORE_MIN_CHARS: usize = 80;

/// … and at most this share of link text.
pub const OUTSIDE_CORE_MAX_LINK_DENSITY: f32 = 0.3;

/// Drops the text of blocks inside `region` but outside every core subtree that do not read
/// like content.
pub fn trim_outside_core(dom: &FlatDom, dropped: &mut [bool], region: usize, core: &[usize]) {
    let end = dom.nodes[region].end;
    let in_core = |index: usize| core.iter().any(|&c| index >= c && index < dom.nodes[c].end);
    // For each text node: its block (nearest block-level ancestor within the region) and
    // whether it is inside a link.
    let mut block_of: Vec<(usize, usize, bool)> = Vec::new();
    let mut chars = std::collections::HashMap::<usize, (u32, u32)>::new();
    for index in region..end {
        if dropped[index] {
            continue;
        }
        let Kind::Text(_) = dom.nodes[index].kind else { continue };
        if dom.text_chars[index] == 0 || in_core(index) {
            continue;
        }
        let mut ancestor = dom.nodes[index].parent;
        let mut in_link = false;
        let mut block = region;
        while ancestor != NO_PARENT && ancestor >= region {
            if let Some(tag) = dom.nodes[ancestor].tag() {
                if tag == "a" {
                    in_link = true;
                }
                if BLOCK_TAGS.contains(&tag) {
                    block = ancestor;
                    break;
                }
            }
            if ancestor == region {
                break;
            }
            ancestor = dom.nodes[ancestor].parent;
        }
        let entry = chars.entry(block).or_default();
        entry.0 += dom.text_chars[index];
        if in_link {
            entry.1 += dom.text_chars[index];
        }
        block_of.push((index, block, in_link));
    }
    for (text_node, block, _) in block_of {
        let (total, links) = chars[&block];
        let density = links as f32 / total.max(1) as f32;
        let good = total as usize >= OUTSIDE_CORE_MIN_CHARS && density <= OUTSIDE_CORE_MAX_LINK_DENSITY;
        if !good {
            dropped[text_node] = true;
        }
    }
}
