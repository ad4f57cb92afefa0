//! Every integration test, in one binary: one build and one link instead of one per area, and
//! one pool of threads for all of them. Each area is a module named after it; the tests through
//! the real router run again on PostgreSQL with `SENDA_TEST_ENGINE=postgres` (`scripts/test`
//! names them).

mod common;

mod architecture;
mod binary;
mod mail;
mod storage;

// Through the real router.
mod accounts;
mod alerts;
mod applications;
mod authorization;
mod casework;
mod fairs;
mod http;
mod interviews;
mod seekers;
mod vacancies;
