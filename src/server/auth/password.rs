//! Password hashing with argon2id (PHC strings), off the async threads and rationed: at most
//! `concurrency` hashes run at once (each takes the configured memory), at most `queue` wait,
//! and anything beyond is turned away at once — a flood of sign-ins cannot exhaust memory.

use argon2::password_hash::{rand_core::OsRng, Output, PasswordHash, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashError {
    /// Too many password checks are under way: try again in a moment (HTTP 429).
    Busy,
    Internal,
}

/// The outcome of checking a password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub matches: bool,
    /// A new hash with today's parameters, when the stored one was made with weaker ones.
    pub rehashed: Option<String>,
}

pub struct Passwords {
    params: Params,
    running: Arc<Semaphore>,
    waiting: Arc<Semaphore>,
    /// argon2's working memory, one buffer per running hash, allocated once and reused. A
    /// fresh allocation per hash let the allocator keep freed buffers on every blocking
    /// thread: 360 MiB after a burst of 100 sign-ins, against 2 × 19 MiB of real need.
    memory: Arc<Mutex<Vec<Vec<Block>>>>,
    /// A real hash of nothing anyone knows, checked when the email is unknown so that the
    /// answer takes as long as for a real account: timing tells nothing.
    dummy: String,
}

impl Passwords {
    pub fn new(memory_kib: u32, iterations: u32, concurrency: usize, queue: usize) -> anyhow::Result<Passwords> {
        let params = Params::new(memory_kib, iterations, 1, None)
            .map_err(|e| anyhow::anyhow!("invalid argon2 parameters (SENDA_ARGON2_*): {e}"))?;
        let concurrency = concurrency.max(1);
        let mut scratch = vec![Block::default(); params.block_count()];
        let dummy = hash_with(&params, "senda: the password of no account", &mut scratch)
            .map_err(|_| anyhow::anyhow!("argon2 cannot hash with these parameters"))?;
        let mut buffers = vec![scratch];
        buffers.resize_with(concurrency, || vec![Block::default(); params.block_count()]);
        Ok(Passwords {
            params,
            running: Arc::new(Semaphore::new(concurrency)),
            waiting: Arc::new(Semaphore::new(concurrency + queue)),
            memory: Arc::new(Mutex::new(buffers)),
            dummy,
        })
    }

    /// Runs one hashing job with a working buffer when a turn comes, or refuses at once when
    /// the queue is full.
    async fn ration<T: Send + 'static>(
        &self,
        job: impl FnOnce(&Params, &mut Vec<Block>) -> T + Send + 'static,
    ) -> Result<T, HashError> {
        let _in_line = self.waiting.clone().try_acquire_owned().map_err(|_| HashError::Busy)?;
        let _turn = self.running.clone().acquire_owned().await.map_err(|_| HashError::Internal)?;
        // A turn guarantees a free buffer: there are as many as turns.
        let mut buffer = self.memory.lock().map_err(|_| HashError::Internal)?.pop().ok_or(HashError::Internal)?;
        let params = self.params.clone();
        let (result, buffer) = tokio::task::spawn_blocking(move || {
            let result = job(&params, &mut buffer);
            (result, buffer)
        })
        .await
        .map_err(|_| HashError::Internal)?;
        self.memory.lock().map_err(|_| HashError::Internal)?.push(buffer);
        Ok(result)
    }

    pub async fn hash(&self, password: &str) -> Result<String, HashError> {
        let password = password.to_string();
        self.ration(move |params, memory| hash_with(params, &password, memory)).await?
    }

    /// Checks `password` against `stored`, or against the dummy hash when there is no account.
    pub async fn verify(&self, password: &str, stored: Option<&str>) -> Result<Verdict, HashError> {
        let password = password.to_string();
        let known = stored.is_some();
        let stored = stored.unwrap_or(&self.dummy).to_string();
        self.ration(move |params, memory| {
            let Ok(parsed) = PasswordHash::new(&stored) else {
                return Verdict { matches: false, rehashed: None };
            };
            // The check runs whether or not the account exists: that is what makes both answers
            // take the same time. Only then does an unknown account turn it into a no.
            let matches = check(&parsed, &password, memory) && known;
            let rehashed =
                (matches && weaker_than(&parsed, params)).then(|| hash_with(params, &password, memory).ok()).flatten();
            Verdict { matches, rehashed }
        })
        .await
    }
}

fn argon2id(params: &Params) -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
}

/// A new argon2id hash of `password` in PHC string format, computed in `memory`.
fn hash_with(params: &Params, password: &str, memory: &mut Vec<Block>) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    let mut salt_bytes = [0u8; 64];
    let salt_raw = salt.decode_b64(&mut salt_bytes).map_err(|_| HashError::Internal)?;
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    fit(memory, params);
    argon2id(params)
        .hash_password_into_with_memory(password.as_bytes(), salt_raw, &mut out, memory.as_mut_slice())
        .map_err(|_| HashError::Internal)?;
    let output = Output::new(&out).map_err(|_| HashError::Internal)?;
    Ok(format!(
        "$argon2id$v=19$m={},t={},p={}${}${output}",
        params.m_cost(),
        params.t_cost(),
        params.p_cost(),
        salt.as_str()
    ))
}

/// Whether `password` matches a stored hash, compared in constant time. argon2id hashes
/// (all Senda makes) are checked in `memory`; anything else the general way.
fn check(stored: &PasswordHash<'_>, password: &str, memory: &mut Vec<Block>) -> bool {
    let (Some(salt), Some(expected), Ok(params)) = (stored.salt, stored.hash, Params::try_from(stored)) else {
        return false;
    };
    if stored.algorithm.as_str() != "argon2id" || stored.version != Some(0x13) {
        return Argon2::default().verify_password(password.as_bytes(), stored).is_ok();
    }
    let mut salt_bytes = [0u8; 64];
    let Ok(salt_raw) = salt.decode_b64(&mut salt_bytes) else { return false };
    let mut out = vec![0u8; expected.len()];
    fit(memory, &params);
    if argon2id(&params)
        .hash_password_into_with_memory(password.as_bytes(), salt_raw, &mut out, memory.as_mut_slice())
        .is_err()
    {
        return false;
    }
    // `Output`'s equality is constant-time.
    Output::new(&out).is_ok_and(|computed| computed == expected)
}

/// Grows a working buffer for a stored hash made with more memory than today's setting.
fn fit(memory: &mut Vec<Block>, params: &Params) {
    if memory.len() < params.block_count() {
        memory.resize(params.block_count(), Block::default());
    }
}

/// Whether a stored hash was made with a weaker algorithm or parameters than `params`.
fn weaker_than(hash: &PasswordHash<'_>, params: &Params) -> bool {
    let Ok(stored) = Params::try_from(hash) else { return true };
    hash.algorithm.as_str() != "argon2id"
        || stored.m_cost() < params.m_cost()
        || stored.t_cost() < params.t_cost()
        || stored.p_cost() < params.p_cost()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Small costs keep the tests fast; the production cost is measured in bench/.
    fn passwords(memory_kib: u32) -> Passwords {
        Passwords::new(memory_kib, 2, 2, 4).unwrap()
    }

    #[tokio::test]
    async fn a_hash_is_argon2id_in_phc_format_and_verifies() {
        let passwords = passwords(1024);
        let hash = passwords.hash("mi clave de prueba").await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=1024,t=2,p=1$"), "{hash}");
        let verdict = passwords.verify("mi clave de prueba", Some(&hash)).await.unwrap();
        assert_eq!(verdict, Verdict { matches: true, rehashed: None });
        assert!(!passwords.verify("otra clave", Some(&hash)).await.unwrap().matches);
    }

    #[tokio::test]
    async fn the_same_password_hashes_differently_each_time() {
        let passwords = passwords(1024);
        assert_ne!(passwords.hash("repetida 123").await.unwrap(), passwords.hash("repetida 123").await.unwrap());
    }

    #[tokio::test]
    async fn an_unknown_account_never_matches_even_the_dummy_password() {
        let passwords = passwords(1024);
        let verdict = passwords.verify("senda: the password of no account", None).await.unwrap();
        assert!(!verdict.matches);
    }

    #[tokio::test]
    async fn a_hash_made_with_weaker_parameters_is_replaced_at_sign_in() {
        let old = passwords(1024).hash("clave antigua 1").await.unwrap();
        let verdict = passwords(2048).verify("clave antigua 1", Some(&old)).await.unwrap();
        assert!(verdict.matches);
        let new = verdict.rehashed.expect("rehashed");
        assert!(new.contains("m=2048"), "{new}");
        // A wrong password never triggers a rehash.
        assert_eq!(passwords(2048).verify("otra", Some(&old)).await.unwrap().rehashed, None);
    }

    #[tokio::test]
    async fn hashes_made_by_the_argon2_crate_itself_still_verify() {
        use argon2::password_hash::PasswordHasher;
        let salt = SaltString::generate(&mut OsRng);
        let params = Params::new(1024, 2, 1, None).unwrap();
        let stored = argon2id(&params).hash_password(b"clave de antes", &salt).unwrap().to_string();
        let passwords = passwords(1024);
        assert!(passwords.verify("clave de antes", Some(&stored)).await.unwrap().matches);
        assert!(!passwords.verify("clave de despues", Some(&stored)).await.unwrap().matches);
        // And the other way round: what Senda writes, the crate reads.
        let ours = passwords.hash("clave nueva 1").await.unwrap();
        assert!(Argon2::default().verify_password(b"clave nueva 1", &PasswordHash::new(&ours).unwrap()).is_ok());
    }

    #[tokio::test]
    async fn a_corrupt_stored_hash_is_a_non_match_not_a_crash() {
        assert!(!passwords(1024).verify("x", Some("not a phc string")).await.unwrap().matches);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_flood_beyond_the_queue_is_turned_away_at_once() {
        let passwords = Arc::new(Passwords::new(8 * 1024, 3, 1, 2).unwrap());
        let attempts: Vec<_> = (0..40)
            .map(|_| {
                let passwords = passwords.clone();
                tokio::spawn(async move { passwords.verify("intento", None).await })
            })
            .collect();
        let mut busy = 0;
        for attempt in attempts {
            if attempt.await.unwrap() == Err(HashError::Busy) {
                busy += 1;
            }
        }
        // One runs, two wait; most of the others are refused rather than queued without bound.
        assert!(busy >= 30, "only {busy} of 40 were turned away");
    }
}
