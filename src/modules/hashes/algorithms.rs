//! The hash algorithms behind the hash objects, from the RustCrypto crates (MD5, SHA-1,
//! SHA-2, SHA-3/SHAKE) and `blake2b_simd`/`blake2s_simd` (BLAKE2 with every parameter of
//! its specification, which `hashlib.blake2b`/`blake2s` expose).
use sha2::Digest;
use sha3::digest::{ExtendableOutput, Update, XofReader};

/// A running hash.
#[derive(Clone)]
pub(crate) enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(blake2b_simd::State),
    Blake2s(blake2s_simd::State),
}

impl State {
    pub(crate) fn update(&mut self, data: &[u8]) {
        match self {
            State::Md5(h) => Digest::update(h, data),
            State::Sha1(h) => Digest::update(h, data),
            State::Sha224(h) => Digest::update(h, data),
            State::Sha256(h) => Digest::update(h, data),
            State::Sha384(h) => Digest::update(h, data),
            State::Sha512(h) => Digest::update(h, data),
            State::Sha3_224(h) => Digest::update(h, data),
            State::Sha3_256(h) => Digest::update(h, data),
            State::Sha3_384(h) => Digest::update(h, data),
            State::Sha3_512(h) => Digest::update(h, data),
            State::Shake128(h) => Update::update(h, data),
            State::Shake256(h) => Update::update(h, data),
            State::Blake2b(h) => {
                h.update(data);
            }
            State::Blake2s(h) => {
                h.update(data);
            }
        }
    }

    /// The digest of what was hashed so far (the state goes on); `length` bytes for SHAKE.
    pub(crate) fn digest(&self, length: usize) -> Vec<u8> {
        fn xof(reader: &mut impl XofReader, length: usize) -> Vec<u8> {
            let mut out = vec![0u8; length];
            reader.read(&mut out);
            out
        }
        match self {
            State::Md5(h) => h.clone().finalize().to_vec(),
            State::Sha1(h) => h.clone().finalize().to_vec(),
            State::Sha224(h) => h.clone().finalize().to_vec(),
            State::Sha256(h) => h.clone().finalize().to_vec(),
            State::Sha384(h) => h.clone().finalize().to_vec(),
            State::Sha512(h) => h.clone().finalize().to_vec(),
            State::Sha3_224(h) => h.clone().finalize().to_vec(),
            State::Sha3_256(h) => h.clone().finalize().to_vec(),
            State::Sha3_384(h) => h.clone().finalize().to_vec(),
            State::Sha3_512(h) => h.clone().finalize().to_vec(),
            State::Shake128(h) => xof(&mut h.clone().finalize_xof(), length),
            State::Shake256(h) => xof(&mut h.clone().finalize_xof(), length),
            State::Blake2b(h) => h.finalize().as_bytes().to_vec(),
            State::Blake2s(h) => h.finalize().as_bytes().to_vec(),
        }
    }
}

/// What Python shows of an algorithm: `name`, `digest_size`, `block_size`.
#[derive(Clone, Copy)]
pub(crate) struct Info {
    pub name: &'static str,
    pub digest_size: usize,
    pub block_size: usize,
}

const fn info(name: &'static str, digest_size: usize, block_size: usize) -> Info {
    Info { name, digest_size, block_size }
}

pub(crate) const MD5: Info = info("md5", 16, 64);
pub(crate) const SHA1: Info = info("sha1", 20, 64);
pub(crate) const SHA224: Info = info("sha224", 28, 64);
pub(crate) const SHA256: Info = info("sha256", 32, 64);
pub(crate) const SHA384: Info = info("sha384", 48, 128);
pub(crate) const SHA512: Info = info("sha512", 64, 128);
pub(crate) const SHA3_224: Info = info("sha3_224", 28, 144);
pub(crate) const SHA3_256: Info = info("sha3_256", 32, 136);
pub(crate) const SHA3_384: Info = info("sha3_384", 48, 104);
pub(crate) const SHA3_512: Info = info("sha3_512", 64, 72);
pub(crate) const SHAKE128: Info = info("shake_128", 0, 168);
pub(crate) const SHAKE256: Info = info("shake_256", 0, 136);
pub(crate) const BLAKE2B: Info = info("blake2b", 64, 128);
pub(crate) const BLAKE2S: Info = info("blake2s", 32, 64);

/// A fresh state for a fixed-size algorithm (BLAKE2 states are made from parameters).
pub(crate) fn new_state(which: &Info) -> Option<State> {
    Some(match which.name {
        "md5" => State::Md5(Digest::new()),
        "sha1" => State::Sha1(Digest::new()),
        "sha224" => State::Sha224(Digest::new()),
        "sha256" => State::Sha256(Digest::new()),
        "sha384" => State::Sha384(Digest::new()),
        "sha512" => State::Sha512(Digest::new()),
        "sha3_224" => State::Sha3_224(Digest::new()),
        "sha3_256" => State::Sha3_256(Digest::new()),
        "sha3_384" => State::Sha3_384(Digest::new()),
        "sha3_512" => State::Sha3_512(Digest::new()),
        "shake_128" => State::Shake128(Default::default()),
        "shake_256" => State::Shake256(Default::default()),
        _ => return None,
    })
}
