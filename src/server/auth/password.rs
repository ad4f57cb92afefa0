//! Password hashing with argon2id (PHC strings), off the async threads and rationed: at most
//! `concurrency` hashes run at once (each takes the configured memory), at most `queue` wait,
//! and anything beyond is turned away at once — a flood of sign-ins cannot exhaust memory.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::Arc;
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
    /// A real hash of nothing anyone knows, checked when the email is unknown so that the
    /// answer takes as long as for a real account: timing tells nothing.
    dummy: String,
}

impl Passwords {
    pub fn new(memory_kib: u32, iterations: u32, concurrency: usize, queue: usize) -> anyhow::Result<Passwords> {
        let params = Params::new(memory_kib, iterations, 1, None)
            .map_err(|e| anyhow::anyhow!("invalid argon2 parameters (SENDA_ARGON2_*): {e}"))?;
        let dummy = hash_with(&params, "senda: the password of no account")
            .map_err(|_| anyhow::anyhow!("argon2 cannot hash with these parameters"))?;
        Ok(Passwords {
            params,
            running: Arc::new(Semaphore::new(concurrency.max(1))),
            waiting: Arc::new(Semaphore::new(concurrency.max(1) + queue)),
            dummy,
        })
    }

    /// Runs one hashing job when a turn comes, or refuses at once when the queue is full.
    async fn ration<T: Send + 'static>(&self, job: impl FnOnce(&Params) -> T + Send + 'static) -> Result<T, HashError> {
        let _in_line = self.waiting.clone().try_acquire_owned().map_err(|_| HashError::Busy)?;
        let _turn = self.running.clone().acquire_owned().await.map_err(|_| HashError::Internal)?;
        let params = self.params.clone();
        tokio::task::spawn_blocking(move || job(&params)).await.map_err(|_| HashError::Internal)
    }

    pub async fn hash(&self, password: &str) -> Result<String, HashError> {
        let password = password.to_string();
        self.ration(move |params| hash_with(params, &password)).await?
    }

    /// Checks `password` against `stored`, or against the dummy hash when there is no account.
    pub async fn verify(&self, password: &str, stored: Option<&str>) -> Result<Verdict, HashError> {
        let password = password.to_string();
        let known = stored.is_some();
        let stored = stored.unwrap_or(&self.dummy).to_string();
        self.ration(move |params| {
            let Ok(parsed) = PasswordHash::new(&stored) else {
                return Verdict { matches: false, rehashed: None };
            };
            // The check runs whether or not the account exists: that is what makes both answers
            // take the same time. Only then does an unknown account turn it into a no.
            let checked = Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok();
            let matches = checked && known;
            let rehashed =
                (matches && weaker_than(&parsed, params)).then(|| hash_with(params, &password).ok()).flatten();
            Verdict { matches, rehashed }
        })
        .await
    }
}

fn hash_with(params: &Params, password: &str) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|_| HashError::Internal)
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
