//! The field names of a JSON answer, to compare with what its viewer may be given: a field
//! added to a type later shows up here and fails the test until someone decides who sees it.

use std::collections::BTreeSet;

/// Every field of `value` as a path: `a.b` for an object inside an object, `a[].b` inside a
/// list, and an enum's variant as the key serde gives it (`person.Shared.full_name`).
pub fn field_names(value: &serde_json::Value) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    walk(value, "", &mut names);
    names
}

fn walk(value: &serde_json::Value, at: &str, names: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(fields) => {
            for (key, inner) in fields {
                let path = if at.is_empty() { key.clone() } else { format!("{at}.{key}") };
                names.insert(path.clone());
                walk(inner, &path, names);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                walk(item, &format!("{at}[]"), names);
            }
        }
        _ => {}
    }
}

/// The set of `names`, to compare with [`field_names`].
pub fn allowed(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|name| name.to_string()).collect()
}
