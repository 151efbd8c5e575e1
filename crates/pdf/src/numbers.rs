//! Writing chart numbers ("12,400", "3.4 %") and choosing round axis ticks.

use crate::model::ValueFormat;

/// A value label: Integer "12,345"; Number with as many decimals as its size needs; Percent one
/// decimal ("3.4 %" for 0.034).
pub(crate) fn format_value(v: f64, format: ValueFormat) -> String {
    match format {
        ValueFormat::Integer => group(v, 0),
        ValueFormat::Percent => format!("{} %", group(v * 100.0, 1)),
        ValueFormat::Number => {
            let a = v.abs();
            let decimals = if a >= 100.0 {
                0
            } else if a >= 10.0 {
                1
            } else {
                2
            };
            trim_zeros(group(v, decimals))
        }
    }
}

/// An axis tick, with as many decimals as the tick step needs (so 2.5 % and 5 % read alike).
pub(crate) fn format_tick(v: f64, step: f64, format: ValueFormat) -> String {
    let (v, step) = match format {
        ValueFormat::Percent => (v * 100.0, step * 100.0),
        _ => (v, step),
    };
    let decimals = (0..=3)
        .find(|&d| {
            let scaled = step * 10f64.powi(d);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(3) as usize;
    let decimals = if format == ValueFormat::Integer {
        0
    } else {
        decimals
    };
    let text = group(v, decimals);
    match format {
        ValueFormat::Percent => format!("{text} %"),
        _ => text,
    }
}

/// `v` with `decimals` decimals and a comma between thousands.
fn group(v: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, v);
    let (sign, digits) = match text.strip_prefix('-') {
        // "-0" and "-0.0" are just zero.
        Some(rest) if rest.chars().any(|c| c.is_ascii_digit() && c != '0') => ("-", rest),
        Some(rest) => ("", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::with_capacity(text.len() + int.len() / 3 + 1);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

fn trim_zeros(text: String) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// Round axis bounds and step covering `[lo, hi]`, with about `ticks` intervals. Zero is always
/// on the axis when the data does not cross it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scale {
    pub(crate) min: f64,
    pub(crate) max: f64,
    pub(crate) step: f64,
}

impl Scale {
    pub(crate) fn new(lo: f64, hi: f64, ticks: usize) -> Scale {
        let (mut lo, mut hi) = if lo.is_finite() && hi.is_finite() && lo <= hi {
            (lo, hi)
        } else {
            (0.0, 1.0)
        };
        lo = lo.min(0.0);
        hi = hi.max(0.0);
        if hi <= lo {
            hi = lo + 1.0;
        }
        let rough = (hi - lo) / ticks.max(1) as f64;
        let magnitude = 10f64.powf(rough.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .iter()
            .map(|m| m * magnitude)
            .find(|s| *s >= rough * (1.0 - 1e-9))
            .unwrap_or(10.0 * magnitude);
        Scale {
            min: (lo / step).floor() * step,
            max: (hi / step).ceil() * step,
            step,
        }
    }

    /// The tick values from min to max.
    pub(crate) fn ticks(&self) -> Vec<f64> {
        let count = ((self.max - self.min) / self.step).round() as usize;
        (0..=count.min(50))
            .map(|i| self.min + i as f64 * self.step)
            .collect()
    }

    /// Where `v` falls, 0 at min, 1 at max.
    pub(crate) fn fraction(&self, v: f64) -> f32 {
        ((v - self.min) / (self.max - self.min)) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_naturally() {
        assert_eq!(format_value(0.034, ValueFormat::Percent), "3.4 %");
        assert_eq!(format_value(0.1, ValueFormat::Percent), "10.0 %");
        assert_eq!(format_value(12345.4, ValueFormat::Integer), "12,345");
        assert_eq!(format_value(-1234567.0, ValueFormat::Integer), "-1,234,567");
        assert_eq!(format_value(1234.56, ValueFormat::Number), "1,235");
        assert_eq!(format_value(12.0, ValueFormat::Number), "12");
        assert_eq!(format_value(12.34, ValueFormat::Number), "12.3");
        assert_eq!(format_value(0.426, ValueFormat::Number), "0.43");
        assert_eq!(format_value(-0.0001, ValueFormat::Integer), "0");
    }

    #[test]
    fn ticks_are_round() {
        let s = Scale::new(3.0, 97.0, 5);
        assert_eq!((s.min, s.max, s.step), (0.0, 100.0, 20.0));
        let s = Scale::new(0.012, 0.061, 5);
        assert_eq!(s.min, 0.0);
        assert!((s.step - 0.02).abs() < 1e-12 && (s.max - 0.08).abs() < 1e-12);
        assert_eq!(format_tick(0.02, s.step, ValueFormat::Percent), "2 %");
        assert_eq!(format_tick(0.025, 0.025, ValueFormat::Percent), "2.5 %");
        assert_eq!(format_tick(15000.0, 5000.0, ValueFormat::Integer), "15,000");
        let flat = Scale::new(5.0, 5.0, 5);
        assert!(flat.max >= 5.0 && flat.min == 0.0);
        let neg = Scale::new(-30.0, 20.0, 5);
        assert!(neg.min <= -30.0 && neg.max >= 20.0);
        assert_eq!(Scale::new(f64::NAN, 1.0, 5).min, 0.0);
        assert_eq!(Scale::new(0.0, 100.0, 5).ticks().len(), 6);
    }
}
