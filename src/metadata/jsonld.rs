//! Walking JSON-LD: the objects of a block, whether it is one object, an array, an `@graph`,
//! or objects nested in properties (`mainEntity`, `author`, `publisher`).

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

#[cfg(test)]
mod tests {
    use super::*;

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
