//! The estimated cost of a call from an editable per-model price table (USD per million tokens,
//! kept as integer micro-dollars so sums are exact). A model matches the longest priced name it
//! starts with, ignoring a router's vendor prefix: `openai/gpt-4o-mini-2024-07-18` → `gpt-4o-mini`.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::client::Usage;

/// One row of the price table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ModelPrice {
    pub model: String,
    /// Micro-dollars per million prompt tokens (0.15 USD → 150000).
    #[ts(type = "number")]
    pub input_micro_usd_per_mtok: i64,
    #[ts(type = "number")]
    pub output_micro_usd_per_mtok: i64,
}

/// The price row that applies to `model`, if any.
pub fn price_for<'a>(model: &str, table: &'a [ModelPrice]) -> Option<&'a ModelPrice> {
    let bare = model
        .rsplit('/')
        .next()
        .unwrap_or(model)
        .to_ascii_lowercase();
    table
        .iter()
        .filter(|p| {
            let name = p.model.to_ascii_lowercase();
            let name = name.rsplit('/').next().unwrap_or(&name).to_string();
            bare == name
                || (bare.starts_with(&name)
                    && matches!(bare.as_bytes().get(name.len()), Some(b'-' | b':' | b'@')))
        })
        .max_by_key(|p| p.model.len())
}

/// Micro-dollars for `usage` at `price`, rounded to the nearest micro-dollar.
pub fn cost_micro_usd(usage: &Usage, price: &ModelPrice) -> i64 {
    let micro = i128::from(usage.prompt_tokens) * i128::from(price.input_micro_usd_per_mtok)
        + i128::from(usage.completion_tokens) * i128::from(price.output_micro_usd_per_mtok);
    ((micro + 500_000) / 1_000_000) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(model: &str, i: i64, o: i64) -> ModelPrice {
        ModelPrice {
            model: model.into(),
            input_micro_usd_per_mtok: i,
            output_micro_usd_per_mtok: o,
        }
    }

    #[test]
    fn longest_prefix_wins_and_vendor_prefixes_are_ignored() {
        let table = [
            p("gpt-4o", 2_500_000, 10_000_000),
            p("gpt-4o-mini", 150_000, 600_000),
        ];
        assert_eq!(
            price_for("gpt-4o-mini-2024-07-18", &table).unwrap().model,
            "gpt-4o-mini"
        );
        assert_eq!(price_for("openai/gpt-4o", &table).unwrap().model, "gpt-4o");
        assert_eq!(
            price_for("GPT-4o-2024-08-06", &table).unwrap().model,
            "gpt-4o"
        );
        assert!(price_for("gpt-4oo", &table).is_none());
        assert!(price_for("llama3.1:8b", &table).is_none());
    }

    #[test]
    fn cost_is_exact_in_micro_dollars() {
        let price = p("gpt-4o-mini", 150_000, 600_000);
        let usage = Usage {
            prompt_tokens: 1_000_000,
            completion_tokens: 500_000,
            estimated: false,
        };
        assert_eq!(cost_micro_usd(&usage, &price), 150_000 + 300_000);
        let small = Usage {
            prompt_tokens: 3,
            completion_tokens: 1,
            estimated: false,
        };
        assert_eq!(cost_micro_usd(&small, &price), 1); // 0.45 + 0.6 = 1.05 µ$
    }
}
