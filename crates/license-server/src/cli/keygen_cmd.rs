//! `keygen --out PATH`: a new Ed25519 signing key. The private key is written as PKCS#8 PEM,
//! readable by the owner only, and never over an existing file (losing the old key would orphan
//! every app that embeds its public half). The public key, printed on stdout, goes into the app.
use std::io::Write;
use std::path::Path;

use instagrowth_license::{generate_signing_key, public_key_base64, signing_key_to_pem};

use crate::error::ServerError;

pub fn run(out: &Path) -> Result<(), ServerError> {
    let key = generate_signing_key();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(out).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            ServerError::Invalid(format!(
                "{} already exists: keygen never overwrites a key (every app built with its public key depends on it)",
                out.display()
            ))
        } else {
            ServerError::Invalid(format!("cannot create {}: {e}", out.display()))
        }
    })?;
    file.write_all(signing_key_to_pem(&key).as_bytes())?;
    file.sync_all()?;
    println!("{}", public_key_base64(&key.verifying_key()));
    eprintln!(
        "private key written to {}; the line above is the public key to embed in the app",
        out.display()
    );
    Ok(())
}
