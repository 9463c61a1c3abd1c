//! The JSON document as the platforms read it: a tree of [`Value`]s that keeps only what a JSON Feed member can
//! be ([`Role`]), with the items apart ([`Items`]), capped at `max_entries`.
//!
//! Natively serde_json fills it through serde ([`read_native`]); in the browser the engine's `JSON.parse` does,
//! and `src/web/` copies the result. Both follow the same roles, so the mapping sees the same tree.

use std::borrow::Cow;

/// A JSON value, where the mapping can read it. Strings borrow from the text when they need no unescaping.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    Number(f64),
    Text(Cow<'a, str>),
    List(Vec<Value<'a>>),
    /// Members in order; a repeated name is kept twice, and the last one wins when read (as in `JSON.parse`).
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
    /// An array or object where no JSON Feed member holds one: read past, not kept.
    Skipped,
}

/// The named members of an object, found in one pass; a repeated name gives its last value, as in JavaScript.
pub(crate) fn pick<'m, 'a, const N: usize>(
    members: &'m [(Cow<'a, str>, Value<'a>)],
    names: [&str; N],
) -> [&'m Value<'a>; N] {
    let mut found = [&NULL; N];
    for (name, value) in members {
        if let Some(slot) = names
            .iter()
            .position(|n| *n == name)
            .and_then(|i| found.get_mut(i))
        {
            *slot = value;
        }
    }
    found
}

/// What a missing member reads as.
static NULL: Value<'static> = Value::Null;

/// Where a value sits in a JSON Feed: what of it is kept. `All` keeps everything (a `Feed` object, options).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Role {
    Root,
    Items,
    Item,
    People,
    Person,
    Tags,
    /// A member that holds a string (or a number).
    Leaf,
    /// A member no one reads.
    Skip,
    /// Everything: the browser's copies of `Feed` objects and options.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    All,
}

/// The members of the root object that the mapping reads, in the order `map` takes them: one list for both,
/// so the tree never drops a member the mapping wants.
pub(crate) const FEED_MEMBERS: [&str; 11] = [
    "version",
    "title",
    "description",
    "home_page_url",
    "feed_url",
    "icon",
    "favicon",
    "language",
    "authors",
    "author",
    "items",
];

/// The members of an item that the mapping reads, in the order `map` takes them.
pub(crate) const ITEM_MEMBERS: [&str; 14] = [
    "id",
    "url",
    "external_url",
    "title",
    "summary",
    "content_html",
    "content_text",
    "date_published",
    "date_modified",
    "authors",
    "author",
    "tags",
    "image",
    "banner_image",
];

impl Role {
    /// The role of the member `name` of an object in this role.
    pub(crate) fn member(self, name: &str) -> Role {
        match (self, name) {
            (Role::All, _) => Role::All,
            (Role::Root, "items") => Role::Items,
            (Role::Root | Role::Item, "authors") => Role::People,
            (Role::Root | Role::Item, "author") => Role::Person,
            (Role::Item, "tags") => Role::Tags,
            (Role::Root, name) if FEED_MEMBERS.contains(&name) => Role::Leaf,
            (Role::Item, name) if ITEM_MEMBERS.contains(&name) => Role::Leaf,
            (Role::Person, "name" | "url") => Role::Leaf,
            _ => Role::Skip,
        }
    }

    /// The role of an array's values, when an array in this role is kept.
    pub(crate) fn values(self) -> Option<Role> {
        match self {
            Role::All => Some(Role::All),
            Role::People => Some(Role::Person),
            Role::Tags => Some(Role::Leaf),
            // A string of tags is a tag, so `tags` may be a string: its own role reads one.
            _ => None,
        }
    }

    /// Whether an object in this role keeps its members.
    pub(crate) fn keeps_members(self) -> bool {
        matches!(self, Role::Root | Role::Item | Role::Person | Role::All)
    }
}

/// The `items` array, kept apart from the tree: the objects (at most `max_entries`) with their indices, the indices
/// of values that are not objects (at most `max_warnings`, and a count of the rest), and how many objects came
/// after the cap. A hostile array of a million `1`s costs a count, not a million slots.
#[derive(Debug, Default)]
pub(crate) struct Items<'a> {
    /// Whether the root has an `items` array (else the tree holds what it has instead).
    pub(crate) found: bool,
    pub(crate) kept: Vec<(usize, Value<'a>)>,
    pub(crate) skipped: Vec<usize>,
    pub(crate) skipped_more: usize,
    pub(crate) extra: usize,
    max_entries: usize,
    max_warnings: usize,
}

impl<'a> Items<'a> {
    pub(crate) fn new(max_entries: usize, max_warnings: usize) -> Self {
        Items {
            max_entries,
            max_warnings,
            ..Items::default()
        }
    }

    /// A new `items` array starts (a repeated `items` member replaces the earlier one, as in `JSON.parse`).
    pub(crate) fn start(&mut self) {
        *self = Items::new(self.max_entries, self.max_warnings);
        self.found = true;
    }

    /// Whether the value at `index` is to be read as an item (`object`: it is an object); counts it if not.
    pub(crate) fn admits(&mut self, index: usize, object: bool) -> bool {
        if !object {
            if self.skipped.len() < self.max_warnings {
                self.skipped.push(index);
            } else {
                self.skipped_more += 1;
            }
            false
        } else if self.kept.len() < self.max_entries {
            true
        } else {
            self.extra += 1;
            false
        }
    }

    pub(crate) fn keep(&mut self, index: usize, item: Value<'a>) {
        self.kept.push((index, item));
    }
}

/// The native reader's serde side: a seed that builds the tree from serde_json as the roles say.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod native {
    use std::borrow::Cow;
    use std::cell::RefCell;

    use serde::de::{
        self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
    };

    use super::{Items, Role, Value};

    /// Builds the value at a role; `items` collects the root's items.
    pub(crate) struct Build<'t, 'a> {
        pub(crate) role: Role,
        pub(crate) items: &'t RefCell<Items<'a>>,
    }

    impl<'t, 'a> Build<'t, 'a> {
        fn at(&self, role: Role) -> Build<'t, 'a> {
            Build {
                role,
                items: self.items,
            }
        }
    }

    impl<'de: 'a, 'a> DeserializeSeed<'de> for Build<'_, 'a> {
        type Value = Value<'a>;

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value<'a>, D::Error> {
            deserializer.deserialize_any(self)
        }
    }

    impl<'de: 'a, 'a> Visitor<'de> for Build<'_, 'a> {
        type Value = Value<'a>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON value")
        }

        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value<'a>, E> {
            Ok(Value::Bool(v))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value<'a>, E> {
            Ok(Value::Number(v as f64))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value<'a>, E> {
            Ok(Value::Number(v as f64))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value<'a>, E> {
            Ok(Value::Number(v))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Value<'a>, E> {
            Ok(Value::Text(Cow::Owned(v.to_owned())))
        }

        fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Value<'a>, E> {
            Ok(Value::Text(Cow::Borrowed(v)))
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<Value<'a>, E> {
            Ok(Value::Text(Cow::Owned(v)))
        }

        fn visit_unit<E: de::Error>(self) -> Result<Value<'a>, E> {
            Ok(Value::Null)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'a>, A::Error> {
            if self.role == Role::Items {
                self.items.borrow_mut().start();
                let mut index = 0;
                while let Some(item) = seq.next_element_seed(Item {
                    build: self.at(Role::Item),
                    index,
                })? {
                    if let Some(item) = item {
                        self.items.borrow_mut().keep(index, item);
                    }
                    index += 1;
                }
                return Ok(Value::List(Vec::new()));
            }
            let Some(role) = self.role.values() else {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                return Ok(Value::Skipped);
            };
            let mut values = Vec::new();
            while let Some(value) = seq.next_element_seed(self.at(role))? {
                values.push(value);
            }
            Ok(Value::List(values))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'a>, A::Error> {
            if !self.role.keeps_members() {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                return Ok(Value::Skipped);
            }
            let mut members = Vec::new();
            while let Some(name) = map.next_key::<Cow<'de, str>>()? {
                match self.role.member(&name) {
                    Role::Skip => {
                        map.next_value::<IgnoredAny>()?;
                    }
                    role => members.push((name, map.next_value_seed(self.at(role))?)),
                }
            }
            Ok(Value::Object(members))
        }
    }

    /// One value of the `items` array: read when it is an object to keep, else only counted.
    struct Item<'t, 'a> {
        build: Build<'t, 'a>,
        index: usize,
    }

    impl<'de: 'a, 'a> DeserializeSeed<'de> for Item<'_, 'a> {
        type Value = Option<Value<'a>>;

        fn deserialize<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_any(self)
        }
    }

    impl<'de: 'a, 'a> Visitor<'de> for Item<'_, 'a> {
        type Value = Option<Value<'a>>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an item")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            if self.build.items.borrow_mut().admits(self.index, true) {
                return self.build.visit_map(map).map(Some);
            }
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(None)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            self.build.items.borrow_mut().admits(self.index, false);
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }

        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            self.scalar()
        }

        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            self.scalar()
        }

        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            self.scalar()
        }

        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            self.scalar()
        }

        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            self.scalar()
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            self.scalar()
        }
    }

    impl Item<'_, '_> {
        fn scalar<T, E>(self) -> Result<Option<T>, E> {
            self.build.items.borrow_mut().admits(self.index, false);
            Ok(None)
        }
    }
}
