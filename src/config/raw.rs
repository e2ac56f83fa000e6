//! The serde mirror of rules.toml: exactly the keys a user may write, kebab-case, unknown keys
//! refused, and a [`Spanned`] on every value so `validate` can point at it.
//!
//! Everything the user may omit is an `Option` here, *including* keys that are required:
//! whether `left` is required depends on the rule's `kind`, and a missing key is reported by
//! `validate` together with every other problem instead of stopping serde at the first one.
//! Enumerations (`kind`, `severity`, `rates`) are plain strings for the same reason: validate
//! parses them and can suggest the nearest valid word.
//!
//! docs/rules.md documents every key; keep the two in step.

use std::collections::BTreeMap;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use toml::Spanned;

/// A whole rules.toml.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawRules {
    /// Globs, relative to rules.toml's folder, naming the sources `check` reads by default.
    pub sources: Option<Spanned<Vec<Spanned<String>>>>,
    pub currency: Option<RawCurrency>,
    pub tolerance: Option<RawTolerance>,
    /// `[[source]]`: metadata for one source file.
    #[serde(default)]
    pub source: Vec<RawSource>,
    /// `[[metric]]`: a quantity to compare across sources.
    #[serde(default)]
    pub metric: Vec<RawMetric>,
    /// `[[rule]]`: a relation between metrics.
    #[serde(default)]
    pub rule: Vec<RawRule>,
    /// `[[claim]]`: one claim linked or ignored by hand.
    #[serde(default)]
    pub claim: Vec<RawClaim>,
}

/// `[currency]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawCurrency {
    pub base: Option<Spanned<String>>,
    pub dollar: Option<Spanned<String>>,
    pub rates: Option<Spanned<String>>,
    /// Currency code → units of base per unit, as a decimal string.
    pub fixed: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
}

/// `[tolerance]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawTolerance {
    pub default: Option<Spanned<String>>,
    pub hedged: Option<Spanned<String>>,
    pub conversion: Option<Spanned<String>>,
}

/// `[[source]]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawSource {
    pub path: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
    pub published: Option<Spanned<RawDate>>,
    pub url: Option<Spanned<String>>,
}

/// `[[metric]]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawMetric {
    pub id: Option<Spanned<String>>,
    pub label: Option<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
    pub unit: Option<Spanned<String>>,
    pub near: Option<Spanned<Vec<Spanned<String>>>>,
    pub also: Option<Spanned<Vec<Spanned<String>>>>,
    pub not: Option<Spanned<Vec<Spanned<String>>>>,
    pub not_sentence: Option<Spanned<Vec<Spanned<String>>>>,
    pub tolerance: Option<Spanned<String>>,
    pub hedged: Option<Spanned<String>>,
    pub severity: Option<Spanned<String>>,
    pub within_source: Option<Spanned<bool>>,
    pub share: Option<Spanned<bool>>,
    pub units: Option<Spanned<Vec<Spanned<String>>>>,
    pub min: Option<Spanned<String>>,
    pub max: Option<Spanned<String>>,
    pub exclude_hedges: Option<Spanned<Vec<Spanned<String>>>>,
    pub sources: Option<Spanned<Vec<Spanned<String>>>>,
    pub changes: Option<Spanned<bool>>,
    pub window: Option<Spanned<i64>>,
}

/// `[[claim]]`: one claim fixed by hand.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawClaim {
    pub source: Option<Spanned<String>>,
    pub text: Option<Spanned<String>>,
    pub occurrence: Option<Spanned<i64>>,
    pub at: Option<Spanned<String>>,
    pub metric: Option<Spanned<String>>,
    pub ignore: Option<Spanned<bool>>,
    pub reason: Option<Spanned<String>>,
}

/// `[[rule]]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawRule {
    pub id: Option<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
    pub left: Option<Spanned<String>>,
    pub right: Option<Spanned<String>>,
    pub parts: Option<Spanned<Vec<Spanned<String>>>>,
    pub total: Option<Spanned<String>>,
    pub tolerance: Option<Spanned<String>>,
    pub severity: Option<Spanned<String>>,
}

/// A date as written: a TOML date (`2025-02-22`) or, for convenience, a string holding one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawDate {
    Toml(toml::value::Datetime),
    Text(String),
}

impl<'de> Deserialize<'de> for RawDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawDate;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date such as 2025-02-22")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<RawDate, E> {
                Ok(RawDate::Text(s.to_owned()))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<RawDate, A::Error> {
                // TOML datetimes reach serde as a one-entry map; let toml's own impl read it.
                toml::value::Datetime::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawDate::Toml)
            }
        }
        d.deserialize_any(V)
    }
}

/// The keys serde accepts for the struct `T`, in declaration order, as written in TOML.
///
/// Taken from serde's own derive output (the `fields` argument of `deserialize_struct`), so
/// the list used for "unknown key, did you mean" can never drift from the structs above.
pub fn keys_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Probe<'a>(&'a mut &'static [&'static str]);
    impl<'de> Deserializer<'de> for Probe<'_> {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            _visitor: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("probe"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Probe(&mut fields));
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_come_from_serde_in_kebab_case() {
        assert_eq!(
            keys_of::<RawRules>(),
            ["sources", "currency", "tolerance", "source", "metric", "rule", "claim"]
        );
        assert!(keys_of::<RawMetric>().contains(&"within-source"));
        assert_eq!(keys_of::<RawTolerance>(), ["default", "hedged", "conversion"]);
    }

    #[test]
    fn the_mirror_reads_a_full_file_in_one_go() {
        let raw: RawRules = toml::from_str(
            r#"
            sources = ["seeds/*.txt"]
            [currency]
            fixed = { UAH = "0.024" }
            [[source]]
            path = "a.txt"
            published = 2025-02-22
            [[metric]]
            id = "m"
            within-source = false
            "#,
        )
        .unwrap();
        assert_eq!(raw.sources.unwrap().into_inner()[0].get_ref(), "seeds/*.txt");
        let fixed = raw.currency.unwrap().fixed.unwrap();
        assert_eq!(fixed.values().next().unwrap().get_ref(), "0.024");
        assert!(matches!(raw.source[0].published.as_ref().unwrap().get_ref(), RawDate::Toml(_)));
        assert_eq!(raw.metric[0].within_source.as_ref().map(|b| *b.get_ref()), Some(false));
        let err = toml::from_str::<RawRules>("[[metric]]\nlable = 'x'\n").unwrap_err();
        assert!(err.message().contains("unknown field `lable`"), "{err}");
    }
}
