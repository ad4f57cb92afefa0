//! The `senda` binary as an operator meets it: clear one-line failures at start.

use std::process::Command;

fn senda(args: &[&str], database_url: &str) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_senda"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "off")
        .output()
        .expect("run senda");
    (output.status.success(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn an_unreachable_database_exits_non_zero_naming_database_url() {
    let (ok, stderr) = senda(&["migrate"], "postgres://senda:secret@127.0.0.1:1/senda");
    assert!(!ok);
    let line = stderr.lines().find(|l| l.starts_with("senda: ")).expect(&stderr);
    assert!(line.contains("DATABASE_URL"), "{line}");
    assert!(!line.contains("secret"), "the password is never printed: {line}");
}

#[test]
fn an_unwritable_sqlite_location_exits_non_zero_naming_the_cause() {
    let (ok, stderr) = senda(&["migrate"], "sqlite:///proc/senda-cannot-write-here/senda.db");
    assert!(!ok);
    assert!(stderr.contains("senda: "), "{stderr}");
    assert!(stderr.contains("/proc/senda-cannot-write-here"), "{stderr}");
}

#[test]
fn an_unknown_database_scheme_is_refused() {
    let (ok, stderr) = senda(&["migrate"], "mysql://localhost/senda");
    assert!(!ok);
    assert!(stderr.contains("DATABASE_URL must start with sqlite:// or postgres://"), "{stderr}");
}

#[test]
fn migrate_creates_and_migrates_a_new_sqlite_file() {
    let dir = std::env::temp_dir().join(format!("senda_bin_{}", std::process::id()));
    let url = format!("sqlite://{}/data/senda.db", dir.display());
    let (ok, stderr) = senda(&["migrate"], &url);
    assert!(ok, "{stderr}");
    assert!(dir.join("data/senda.db").exists());
    let _ = std::fs::remove_dir_all(dir);
}

/// The last admin's lost second step is reset on the server, with a reason.
#[test]
fn the_admin_command_resets_a_second_factor_with_a_reason() {
    use std::io::Write;
    let dir = std::env::temp_dir().join(format!("senda_bin_reset_{}", std::process::id()));
    let url = format!("sqlite://{}/senda.db", dir.display());
    let mut create = Command::new(env!("CARGO_BIN_EXE_senda"))
        .args(["admin", "create", "--email", "ana@example.pe", "--name", "Ana Torres"])
        .env("DATABASE_URL", &url)
        .env("RUST_LOG", "off")
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("run senda");
    create.stdin.take().unwrap().write_all(b"una frase larga de prueba\n").unwrap();
    assert!(create.wait().unwrap().success());
    let reset = |email: &str, reason: &str| {
        senda(&["admin", "reset-second-factor", "--email", email, "--reason", reason], &url)
    };
    let (ok, stderr) = reset("nadie@example.pe", "perdió su teléfono");
    assert!(!ok && stderr.contains("no account has that email"), "{stderr}");
    let (ok, stderr) = reset("ana@example.pe", "perdido");
    assert!(!ok && stderr.contains("--reason"), "{stderr}");
    let (ok, stderr) = reset("ana@example.pe", "perdió su teléfono y sus códigos");
    assert!(ok, "{stderr}");
    let _ = std::fs::remove_dir_all(dir);
}
