//! Native tests: the committed JSON Schema of the post format
//! (`src/content/post.schema.json`) is the one the Rust types give, and every
//! bundled post follows it and names it (`"$schema"`), whatever posts the owner
//! has. The checker is tested on the seed post's own copy (`tests/fixtures/seed-post.json`).
#![cfg(not(target_arch = "wasm32"))]

use goosebumps::content::{self, post_schema, BUNDLED};
use serde_json::Value;

const SCHEMA: &str = "src/content/post.schema.json";

/// The seed post, a post that follows the schema.
const SEED_POST: &str = include_str!("fixtures/seed-post.json");

#[test]
fn the_committed_schema_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA);
    let schema = post_schema();
    if std::env::var_os("GOOSEBUMPS_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &schema).unwrap();
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == schema,
        "{SCHEMA} is not the schema of the post types any more: run \
         GOOSEBUMPS_UPDATE_SCHEMA=1 cargo test -p goosebumps --test content_schema"
    );
}

#[test]
fn the_schema_describes_the_fields_for_editors() {
    let schema: Value = serde_json::from_str(&post_schema()).unwrap();
    let person = &schema["definitions"]["Person"]["properties"]["name"];
    assert_eq!(person["description"], "The name shown on the card.");
    assert_eq!(schema["properties"]["draft"]["type"], "boolean");
    let codes = schema["definitions"]["CountryCode"]["enum"]
        .as_array()
        .unwrap();
    assert!(codes.contains(&Value::from("MT")));
    let required = schema["required"].as_array().unwrap();
    assert!(
        !required.contains(&Value::from("draft")) && !required.contains(&Value::from("$schema"))
    );
}

#[test]
fn every_bundled_post_follows_the_schema_and_names_it() {
    let schema: Value = serde_json::from_str(&post_schema()).unwrap();
    for (file, json) in BUNDLED {
        let post: Value = serde_json::from_str(json).unwrap();
        assert_eq!(post["$schema"], "../post.schema.json", "{file}");
        if let Err(why) = check(&schema, &schema, &post, "") {
            panic!("{file} does not follow the schema: {why}");
        }
    }
    // And the checker below takes a post that follows it, and refuses what the
    // schema refuses.
    let post: Value = serde_json::from_str(SEED_POST).unwrap();
    assert_eq!(check(&schema, &schema, &post, ""), Ok(()));
    let mut bad = post.clone();
    bad["person"]["country"]["code"] = "XX".into();
    assert!(check(&schema, &schema, &bad, "")
        .unwrap_err()
        .contains("person.country.code"));
    let mut bad = post.clone();
    bad["film"].as_object_mut().unwrap().remove("year");
    assert!(check(&schema, &schema, &bad, "")
        .unwrap_err()
        .contains("year"));
    let mut bad = post;
    bad["unknown"] = true.into();
    assert!(check(&schema, &schema, &bad, "").is_err());
    assert!(content::published_posts().is_ok());
}

/// A small JSON Schema (draft-07) checker for the keywords the post schema uses:
/// `$ref`, `type`, `enum`, `required`, `properties`, `additionalProperties: false`,
/// `items`, `allOf`, `oneOf`, `minimum`, `maximum`, `maxLength`, and `pattern` by anchors.
fn check(root: &Value, schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/definitions/");
        return check(root, &root["definitions"][name], value, at);
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let is = |t: &str| match t {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "boolean" => value.is_boolean(),
            "integer" => value.is_u64() || value.is_i64(),
            "number" => value.is_number(),
            "null" => value.is_null(),
            _ => false,
        };
        if !types.iter().any(|t| is(t)) {
            return Err(format!("{at}: not {types:?}"));
        }
    }
    if let Some(values) = schema["enum"].as_array() {
        if !values.contains(value) {
            return Err(format!("{at}: {value} is not one of the schema's values"));
        }
    }
    for all in schema["allOf"].as_array().into_iter().flatten() {
        check(root, all, value, at)?;
    }
    if let Some(one_of) = schema["oneOf"].as_array() {
        let matching = one_of
            .iter()
            .filter(|s| check(root, s, value, at).is_ok())
            .count();
        if matching != 1 {
            return Err(format!("{at}: matches {matching} of oneOf"));
        }
    }
    if let (Some(n), Some(min)) = (value.as_f64(), schema["minimum"].as_f64()) {
        if n < min {
            return Err(format!("{at}: below {min}"));
        }
    }
    if let (Some(n), Some(max)) = (value.as_f64(), schema["maximum"].as_f64()) {
        if n > max {
            return Err(format!("{at}: above {max}"));
        }
    }
    if let (Some(text), Some(max)) = (value.as_str(), schema["maxLength"].as_u64()) {
        if text.chars().count() as u64 > max {
            return Err(format!("{at}: longer than {max}"));
        }
    }
    if let Some(object) = value.as_object() {
        for field in schema["required"].as_array().into_iter().flatten() {
            let field = field.as_str().unwrap();
            if !object.contains_key(field) {
                return Err(format!("{at}: missing {field}"));
            }
        }
        let properties = schema["properties"].as_object();
        for (key, item) in object {
            let path = if at.is_empty() {
                key.clone()
            } else {
                format!("{at}.{key}")
            };
            match properties.and_then(|p| p.get(key)) {
                Some(property) => check(root, property, item, &path)?,
                None if schema["additionalProperties"] == Value::Bool(false) => {
                    return Err(format!("{path}: not in the schema"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(list)) = (schema.get("items"), value.as_array()) {
        for (i, item) in list.iter().enumerate() {
            check(root, items, item, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}
