//! JSON parsed strictly: a key given twice in one object is refused with its path, where
//! serde_json's own `Value` would silently keep the last (`"version": 2, "version": 1`
//! would read as version 1).

use crate::FormatError;
use serde::de::{DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::fmt;

/// One step of a JSON path.
enum Step {
    Key(String),
    Index(usize),
}

/// The path to a repeated key, innermost step first, filled in while the error goes up.
type Found = RefCell<Option<Vec<Step>>>;

/// Parses `text` as one JSON value, refusing a repeated key with the key's JSON path.
pub(crate) fn parse(text: &str) -> Result<Value, FormatError> {
    let found = Found::default();
    let mut reader = serde_json::Deserializer::from_str(text);
    let parsed = Strict(&found)
        .deserialize(&mut reader)
        .and_then(|value| reader.end().map(|()| value));
    parsed.map_err(|e| match found.take() {
        Some(steps) => FormatError::invalid(
            &path_of(steps),
            format!(
                "the key appears twice in its object (again at line {}, column {}); a key may appear once",
                e.line(),
                e.column()
            ),
        ),
        None => FormatError::Syntax {
            line: e.line(),
            column: e.column(),
            message: syntax_message(&e),
        },
    })
}

/// serde_json's message without its trailing " at line L column C", which the error
/// already carries.
fn syntax_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

fn path_of(steps: Vec<Step>) -> String {
    let mut path = String::new();
    for step in steps.into_iter().rev() {
        match step {
            Step::Key(key) if path.is_empty() => path = key,
            Step::Key(key) => {
                path.push('.');
                path.push_str(&key);
            }
            Step::Index(i) => path.push_str(&format!("[{i}]")),
        }
    }
    path
}

/// Builds a `Value` as serde_json does, but fails on a repeated key. The path is not
/// tracked on the way down (that would cost an allocation per value): each level adds
/// its step to `Found` as the error passes through it.
struct Strict<'a>(&'a Found);

impl Strict<'_> {
    fn add(&self, step: Step) {
        if let Some(steps) = self.0.borrow_mut().as_mut() {
            steps.push(step);
        }
    }
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, reader: D) -> Result<Value, D::Error> {
        reader.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            match seq.next_element_seed(Strict(self.0)) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => return Ok(Value::Array(items)),
                Err(e) => {
                    self.add(Step::Index(items.len()));
                    return Err(e);
                }
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                *self.0.borrow_mut() = Some(vec![Step::Key(key)]);
                return Err(A::Error::custom("repeated key"));
            }
            match map.next_value_seed(Strict(self.0)) {
                Ok(value) => {
                    object.insert(key, value);
                }
                Err(e) => {
                    self.add(Step::Key(key));
                    return Err(e);
                }
            }
        }
        Ok(Value::Object(object))
    }
}
