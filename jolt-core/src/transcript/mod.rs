//! Fiat–Shamir transcript over merlin (STROBE/Keccak), with typed appends and challenges.
//!
//! Two capability traits say what a piece of code does with the transcript:
//! [`Absorb`] (the prover's messages go in) and [`Sample`] (challenges come out).
//! [`Transcript`] implements both. Every label is a constant in [`labels`].
//!
//! Encodings: a field element is absorbed as its 32-byte little-endian canonical form; a
//! group element as its compressed ark-serialize form; a `u64` with merlin's `append_u64`.
//! A challenge field element is 64 bytes from merlin reduced modulo `p`
//! (statistical distance from uniform `< 2^-250`).
//!
//! # Soundness
//! Everything the verifier has not chosen itself must be absorbed before the challenges that
//! depend on it are drawn; each protocol module documents what it absorbs.

pub mod labels;

use crate::field::JoltField;
use ark_serialize::CanonicalSerialize;

/// A value that knows how to absorb itself into a transcript.
pub trait AppendToTranscript {
    /// Absorbs `self` under `label`.
    fn append_to_transcript<T: Absorb + ?Sized>(&self, label: &'static [u8], transcript: &mut T);
}

/// The absorbing capability: the prover's messages go into the transcript.
pub trait Absorb {
    /// Absorbs raw bytes.
    fn append_bytes(&mut self, label: &'static [u8], bytes: &[u8]);

    /// Absorbs a `u64`.
    fn append_u64(&mut self, label: &'static [u8], x: u64);

    /// Absorbs a field element.
    fn append_scalar<F: JoltField>(&mut self, label: &'static [u8], x: &F) {
        self.append_bytes(label, &scalar_bytes(x));
    }

    /// Absorbs a vector of field elements (one message; merlin frames its length).
    fn append_scalars<F: JoltField>(&mut self, label: &'static [u8], xs: &[F]) {
        let mut bytes = Vec::with_capacity(32 * xs.len());
        for x in xs {
            bytes.extend_from_slice(&scalar_bytes(x));
        }
        self.append_bytes(label, &bytes);
    }

    /// Absorbs a group element (or any ark-serializable value) in compressed form.
    fn append_serializable<S: CanonicalSerialize>(&mut self, label: &'static [u8], x: &S) {
        let mut bytes = Vec::with_capacity(x.compressed_size());
        // Writing into a Vec cannot fail.
        let _ = x.serialize_compressed(&mut bytes);
        self.append_bytes(label, &bytes);
    }

    /// Absorbs a value implementing [`AppendToTranscript`].
    fn append<A: AppendToTranscript + ?Sized>(&mut self, label: &'static [u8], x: &A) {
        x.append_to_transcript(label, self);
    }
}

/// The sampling capability: challenges come out of the transcript.
pub trait Sample {
    /// Fills `out` with challenge bytes.
    fn challenge_bytes(&mut self, label: &'static [u8], out: &mut [u8]);

    /// A challenge field element from 64 bytes.
    fn challenge_scalar<F: JoltField>(&mut self, label: &'static [u8]) -> F {
        let mut buf = [0u8; 64];
        self.challenge_bytes(label, &mut buf);
        F::from_le_bytes_mod_order(&buf)
    }

    /// `n` challenge field elements.
    fn challenge_vector<F: JoltField>(&mut self, label: &'static [u8], n: usize) -> Vec<F> {
        (0..n).map(|_| self.challenge_scalar(label)).collect()
    }

    /// `[1, ρ, ρ^2, …, ρ^{n-1}]` for one challenge `ρ`.
    fn challenge_powers<F: JoltField>(&mut self, label: &'static [u8], n: usize) -> Vec<F> {
        let rho: F = self.challenge_scalar(label);
        let mut powers = Vec::with_capacity(n);
        let mut acc = F::ONE;
        for _ in 0..n {
            powers.push(acc);
            acc *= rho;
        }
        powers
    }
}

fn scalar_bytes<F: JoltField>(x: &F) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(32);
    // Writing into a Vec cannot fail.
    let _ = x.serialize_uncompressed(&mut bytes);
    bytes
}

/// The Fiat–Shamir transcript: a merlin transcript with a domain separator.
#[derive(Clone)]
pub struct Transcript {
    inner: merlin::Transcript,
}

impl Transcript {
    /// A fresh transcript for the protocol named `domain`.
    pub fn new(domain: &'static [u8]) -> Self {
        Self {
            inner: merlin::Transcript::new(domain),
        }
    }
}

impl Absorb for Transcript {
    fn append_bytes(&mut self, label: &'static [u8], bytes: &[u8]) {
        self.inner.append_message(label, bytes);
    }

    fn append_u64(&mut self, label: &'static [u8], x: u64) {
        self.inner.append_u64(label, x);
    }
}

impl Sample for Transcript {
    fn challenge_bytes(&mut self, label: &'static [u8], out: &mut [u8]) {
        self.inner.challenge_bytes(label, out);
    }
}

impl<F: JoltField> AppendToTranscript for F {
    fn append_to_transcript<T: Absorb + ?Sized>(&self, label: &'static [u8], t: &mut T) {
        t.append_scalar(label, self);
    }
}

impl AppendToTranscript for ark_bn254::G1Affine {
    fn append_to_transcript<T: Absorb + ?Sized>(&self, label: &'static [u8], t: &mut T) {
        t.append_serializable(label, self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Fr;

    #[test]
    fn transcripts_are_deterministic_and_bind_messages() {
        let run = |x: u64| {
            let mut t = Transcript::new(b"test");
            t.append_scalar(labels::CLAIM, &Fr::from(x));
            t.append_u64(labels::NUM_VARS, 3);
            t.challenge_scalar::<Fr>(labels::CHALLENGE)
        };
        assert_eq!(run(1), run(1));
        assert_ne!(run(1), run(2));
        let mut t = Transcript::new(b"test");
        let v: Vec<Fr> = t.challenge_vector(labels::CHALLENGE, 3);
        assert_ne!(v[0], v[1]);
        let p: Vec<Fr> = t.challenge_powers(labels::CHALLENGE, 3);
        assert_eq!(p[0], Fr::from(1u64));
        assert_eq!(p[2], p[1] * p[1]);
    }
}

#[cfg(test)]
mod golden {
    use super::*;
    use crate::field::Fr;
    use ark_serialize::CanonicalSerialize;

    /// Golden bytes: a change of the transcript's encoding or of merlin must be deliberate.
    #[test]
    fn golden_challenge() {
        let mut t = Transcript::new(b"jolt-core golden");
        t.append_u64(labels::NUM_VARS, 20);
        t.append_scalar(labels::CLAIM, &Fr::from(123_456_789u64));
        t.append_scalars(labels::SUMCHECK_CLAIMS, &[Fr::from(1u64), -Fr::from(1u64)]);
        let c: Fr = t.challenge_scalar(labels::CHALLENGE);
        let mut bytes = Vec::new();
        c.serialize_compressed(&mut bytes).unwrap();
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            "2e0d11f4c1ded5e6186178e7185bdb5c373f4015fd8ca334e9c3008f9e48600d"
        );
    }
}
