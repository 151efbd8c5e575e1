//! The purchase-key alphabet and its check character.
//!
//! # Alphabet
//! Crockford's base 32: `0123456789ABCDEFGHJKMNPQRSTVWXYZ` — the digits and the letters without
//! I and L (read as 1), O (read as 0) and U (read as V, and keeps words out of keys). A character's
//! value is its position (0–31). Humans who type a look-alike get what they meant: O → 0,
//! I and L → 1, U → V; lower case is upper case.
//!
//! # Check character
//! The values are taken as elements of the field GF(32) (5-bit numbers; adding is XOR,
//! multiplying is modulo the primitive polynomial x⁵ + x² + 1). A key `d₀ … d₁₉` is valid when
//!
//! ```text
//! d₀·α¹⁹ + d₁·α¹⁸ + … + d₁₈·α + d₁₉ = 0        (α = 2, i.e. the polynomial x)
//! ```
//!
//! computed Horner-style, one character at a time: `s ← α·s + d`, starting from 0. The check
//! character `d₁₉` is therefore `α·s` after the 19 other characters. Seen as Damm's algorithm,
//! `s ∘ d = α·s + d` is a totally anti-symmetric quasigroup of order 32.
//!
//! Why it catches what it must:
//! - one wrong character at position `i` changes the sum by `e·αᵏ` with `e ≠ 0`, never 0 in a
//!   field;
//! - swapping unequal characters `a`, `b` at any two positions changes it by
//!   `(a + b)·(αᵏ + αʲ)`, which is 0 only if `αᵏ = αʲ`; α has order 31 and a key has 20
//!   positions, so that never happens — adjacent transpositions, jumps over one character and
//!   twin errors (`aa` → `bb`) included.
//!
//! Unlike a weighted sum modulo a prime (ISO 7064 MOD 37-36, Luhn mod N), every check value is
//! itself a key character, no alphabet letter is wasted and no extra symbol is needed. The unit
//! tests below check these claims exhaustively over the operation table.

/// Crockford's base-32 alphabet, value = index.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// x⁵ + x² + 1, primitive over GF(2).
const MODULUS: u8 = 0b10_0101;

/// α·v in GF(32).
fn times_alpha(v: u8) -> u8 {
    let shifted = v << 1;
    if shifted & 0b10_0000 != 0 {
        shifted ^ MODULUS
    } else {
        shifted
    }
}

/// One step of the check: `s ∘ d = α·s + d`.
fn step(s: u8, d: u8) -> u8 {
    times_alpha(s) ^ d
}

/// The value (0–31) of an upper- or lower-case alphabet character, or of a look-alike a person
/// may type for one (O → 0, I/L → 1, U → V).
pub fn value_of(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        'U' => 'V',
        other => other,
    };
    ALPHABET
        .iter()
        .position(|&a| char::from(a) == c)
        .map(|i| i as u8)
}

/// The character of a value (0–31).
pub fn char_of(v: u8) -> char {
    char::from(ALPHABET[usize::from(v & 31)])
}

/// The check value for the given values (each 0–31).
pub fn check_value(values: &[u8]) -> u8 {
    times_alpha(values.iter().fold(0, |s, &d| step(s, d)))
}

/// Whether values that end with their check value are consistent.
pub fn is_valid(values_with_check: &[u8]) -> bool {
    values_with_check.iter().fold(0, |s, &d| step(s, d)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alpha_has_order_31_so_weights_never_repeat_within_a_key() {
        let mut powers = vec![1u8];
        for _ in 1..31 {
            powers.push(times_alpha(*powers.last().unwrap()));
        }
        let mut sorted = powers.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 31, "α generates all 31 non-zero elements");
        assert_eq!(times_alpha(powers[30]), 1, "α³¹ = 1");
    }

    #[test]
    fn the_operation_is_a_totally_anti_symmetric_quasigroup() {
        for s in 0..32u8 {
            let row: Vec<u8> = (0..32).map(|d| step(s, d)).collect();
            let mut sorted = row.clone();
            sorted.sort();
            assert_eq!(
                sorted,
                (0..32).collect::<Vec<u8>>(),
                "row {s} is a permutation"
            );
            let column: Vec<u8> = (0..32).map(|t| step(t, s)).collect();
            let mut sorted = column;
            sorted.sort();
            assert_eq!(
                sorted,
                (0..32).collect::<Vec<u8>>(),
                "column {s} is a permutation"
            );
            for x in 0..32u8 {
                for y in 0..32u8 {
                    if x != y {
                        assert_ne!(
                            step(step(s, x), y),
                            step(step(s, y), x),
                            "s={s} x={x} y={y}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_single_substitution_and_every_transposition_is_caught_for_every_first_pair() {
        // Exhaustive over the first two characters (with the rest fixed): every key the pair
        // makes is valid; every one-character change and every swap of unequal characters at any
        // two positions is not.
        let tail: Vec<u8> = (0..17).map(|i| (i * 7 + 3) % 32).collect();
        for a in 0..32u8 {
            for b in 0..32u8 {
                let mut key = vec![a, b];
                key.extend(&tail);
                key.push(check_value(&key));
                assert!(is_valid(&key));
                for i in 0..20 {
                    for v in 0..32u8 {
                        if v != key[i] {
                            let mut typo = key.clone();
                            typo[i] = v;
                            assert!(!is_valid(&typo), "substitution at {i}");
                        }
                    }
                    for j in i + 1..20 {
                        if key[i] != key[j] {
                            let mut swapped = key.clone();
                            swapped.swap(i, j);
                            assert!(!is_valid(&swapped), "swap {i}<->{j}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn look_alikes_and_case_map_to_values() {
        assert_eq!(value_of('0'), Some(0));
        assert_eq!(value_of('O'), Some(0));
        assert_eq!(value_of('o'), Some(0));
        assert_eq!(value_of('I'), Some(1));
        assert_eq!(value_of('l'), Some(1));
        assert_eq!(value_of('U'), value_of('V'));
        assert_eq!(value_of('z'), Some(31));
        assert_eq!(value_of('*'), None);
        assert_eq!(value_of('é'), None);
        for v in 0..32 {
            assert_eq!(value_of(char_of(v)), Some(v));
        }
        for banned in ['I', 'L', 'O', 'U'] {
            assert!(!ALPHABET.contains(&(banned as u8)));
        }
    }
}
