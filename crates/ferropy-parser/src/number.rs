//! Numeric literal text -> constant value (ints are exact and unbounded).

use crate::ast::Constant;

/// Multiply-add into base-1e9 limbs (least significant first).
fn mul_add(limbs: &mut Vec<u32>, mul: u32, add: u32) {
    let mut carry = add as u64;
    for l in limbs.iter_mut() {
        let v = *l as u64 * mul as u64 + carry;
        *l = (v % 1_000_000_000) as u32;
        carry = v / 1_000_000_000;
    }
    while carry > 0 {
        limbs.push((carry % 1_000_000_000) as u32);
        carry /= 1_000_000_000;
    }
}

fn limbs_to_string(limbs: &[u32]) -> String {
    let mut s = String::new();
    let mut it = limbs.iter().rev();
    match it.next() {
        Some(top) => s.push_str(&top.to_string()),
        None => return "0".into(),
    }
    for l in it {
        s.push_str(&format!("{:09}", l));
    }
    s
}

pub fn parse_number(text: &str) -> Result<Constant, String> {
    let clean: String = if text.contains('_') { text.chars().filter(|&c| c != '_').collect() } else { text.to_string() };
    let lower = clean.to_ascii_lowercase();
    if let Some(imag) = lower.strip_suffix('j') {
        let f: f64 = imag.parse().map_err(|_| "invalid imaginary literal".to_string())?;
        return Ok(Constant::Complex(f));
    }
    let radix = if lower.starts_with("0x") {
        16
    } else if lower.starts_with("0o") {
        8
    } else if lower.starts_with("0b") {
        2
    } else {
        10
    };
    if radix != 10 {
        let digits = &lower[2..];
        if let Ok(v) = u64::from_str_radix(digits, radix) {
            return Ok(Constant::Int(v.to_string()));
        }
        let mut limbs: Vec<u32> = Vec::new();
        for c in digits.chars() {
            let d = c.to_digit(radix).ok_or_else(|| "invalid literal".to_string())?;
            mul_add(&mut limbs, radix, d);
        }
        return Ok(Constant::Int(limbs_to_string(&limbs)));
    }
    if lower.contains(['.', 'e']) {
        let f: f64 = lower.parse().map_err(|_| "invalid decimal literal".to_string())?;
        return Ok(Constant::Float(f));
    }
    let trimmed = lower.trim_start_matches('0');
    if trimmed.len() > 4300 {
        return Err(format!(
            "Exceeds the limit (4300 digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversions.",
            trimmed.len()
        ));
    }
    Ok(Constant::Int(if trimmed.is_empty() { "0".into() } else { trimmed.to_string() }))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn big_hex() {
        assert_eq!(parse_number("0xffffffffffffffffffff").unwrap(), Constant::Int("1208925819614629174706175".into()));
        assert_eq!(parse_number("1_000").unwrap(), Constant::Int("1000".into()));
        assert_eq!(parse_number("00").unwrap(), Constant::Int("0".into()));
    }
}
