//! Walking JSON-LD: the objects of a block, whether it is one object, an array, an `@graph`,
//! or objects nested in properties (`mainEntity`, `author`, `publisher`).

use std::cell::OnceCell;

use rustc_hash::FxHashMap;
use serde_json::{Map, Value};

/// Every object in the blocks, outermost first, in document order.
pub fn objects(blocks: &[Value]) -> impl Iterator<Item = &Map<String, Value>> {
    let mut stack: Vec<&Value> = blocks.iter().rev().collect();
    std::iter::from_fn(move || {
        while let Some(value) = stack.pop() {
            match value {
                Value::Object(object) => {
                    stack.extend(
                        object
                            .values()
                            .rev()
                            .filter(|v| v.is_object() || v.is_array()),
                    );
                    return Some(object);
                }
                Value::Array(items) => stack.extend(items.iter().rev()),
                _ => {}
            }
        }
        None
    })
}

/// The objects that references `{"@id": …}` point to.
pub struct References<'a> {
    blocks: &'a [Value],
    /// Each `@id` with the object it names, found in one walk when a reference is first
    /// followed: a search of the blocks for each reference would cost a page with many
    /// objects and references (an `@graph` of thousands) all its objects per reference.
    by_id: OnceCell<FxHashMap<&'a str, &'a Map<String, Value>>>,
}

impl<'a> References<'a> {
    /// The references of `blocks`; nothing is walked until one is followed.
    pub fn new(blocks: &'a [Value]) -> References<'a> {
        References {
            blocks,
            by_id: OnceCell::new(),
        }
    }

    /// The object that a reference points to: the first object with that `@id` that says
    /// more than its id (Yoast and others put the article's author in the `@graph` as a
    /// Person and refer to it by id).
    pub fn resolve(&self, reference: &'a Map<String, Value>) -> &'a Map<String, Value> {
        let Some(id) = reference.get("@id").and_then(Value::as_str) else {
            return reference;
        };
        if reference.len() > 1 {
            return reference;
        }
        let by_id = self.by_id.get_or_init(|| {
            let mut by_id = FxHashMap::default();
            for object in objects(self.blocks).filter(|object| object.len() > 1) {
                if let Some(id) = object.get("@id").and_then(Value::as_str) {
                    by_id.entry(id).or_insert(object);
                }
            }
            by_id
        });
        by_id.get(id).copied().unwrap_or(reference)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_resolve_to_the_described_object() {
        let blocks: Vec<Value> = vec![serde_json::json!({"@graph": [
            {"@type": "Article", "author": {"@id": "#ann"}},
            {"@type": "Person", "@id": "#ann", "name": "Ann Lee"}
        ]})];
        let references = References::new(&blocks);
        let article = objects(&blocks).nth(1).unwrap();
        let author = article["author"].as_object().unwrap();
        assert_eq!(references.resolve(author)["name"], "Ann Lee");
        let unknown = serde_json::json!({"@id": "#bob"});
        let unknown = unknown.as_object().unwrap();
        assert_eq!(references.resolve(unknown), unknown);
    }

    #[test]
    fn graphs_arrays_and_nested_objects_are_walked_in_order() {
        let blocks: Vec<Value> = vec![
            serde_json::json!([{"@type": "WebSite", "name": "Site"}]),
            serde_json::json!({"@graph": [{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Ann"}}]}),
        ];
        let types: Vec<&str> = objects(&blocks)
            .filter_map(|object| object.get("@type")?.as_str())
            .collect();
        assert_eq!(types, ["WebSite", "NewsArticle", "Person"]);
    }
}
