//! The session's only source of variety: SplitMix64 from the seed, so a replay draws the same values.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// `8f9c3d0e-...`: a RequestId shaped like Lambda's.
    pub fn uuid(&mut self) -> String {
        let (a, b) = (self.next_u64(), self.next_u64());
        let h = super::digest::hex(&[a.to_be_bytes(), b.to_be_bytes()].concat());
        // Version 4, variant 10xx: the first digit of the fourth group is 8, 9, a or b.
        let variant = b"89ab"[(a & 3) as usize] as char;
        format!("{}-{}-4{}-{variant}{}-{}", &h[0..8], &h[8..12], &h[13..16], &h[17..20], &h[20..32])
    }

    /// 32 lowercase hex digits: the tail of a log stream name.
    pub fn hex32(&mut self) -> String {
        let (a, b) = (self.next_u64(), self.next_u64());
        super::digest::hex(&[a.to_be_bytes(), b.to_be_bytes()].concat())
    }
}

/// The SplitMix64 finaliser: also a stable hash of a number.
// Inlined even where the model is built for size: background traffic draws one a minute.
#[inline(always)]
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A stable 64-bit hash of text (FNV-1a, then mixed): the same in every build and target.
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_values() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        assert_eq!(a.uuid(), b.uuid());
        assert_ne!(a.uuid(), Rng::new(8).uuid());
        let u = a.uuid();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert!("89ab".contains(&u[19..20]), "{u}");
        assert!((0..1000).all(|_| (0.0..1.0).contains(&a.unit())));
    }
}
