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

/// The object that a reference `{"@id": …}` points to: the first object with that `@id`
/// that says more than its id (Yoast and others put the article's author in the `@graph` as
/// a Person and refer to it by id).
pub fn resolve<'a>(
    blocks: &'a [Value],
    reference: &'a Map<String, Value>,
) -> &'a Map<String, Value> {
    let Some(id) = reference.get("@id").and_then(Value::as_str) else {
        return reference;
    };
    if reference.len() > 1 {
        return reference;
    }
    objects(blocks)
        .find(|object| object.len() > 1 && object.get("@id").and_then(Value::as_str) == Some(id))
        .unwrap_or(reference)
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
        let article = objects(&blocks).nth(1).unwrap();
        let author = article["author"].as_object().unwrap();
        assert_eq!(resolve(&blocks, author)["name"], "Ann Lee");
        let unknown = serde_json::json!({"@id": "#bob"});
        let unknown = unknown.as_object().unwrap();
        assert_eq!(resolve(&blocks, unknown), unknown);
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
