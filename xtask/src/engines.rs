//! Firefox and WebKit (Safari's engine) for `cargo xtask test`: their installs (only
//! when missing), the browser tests (`wasm-bindgen-test`) in headless Firefox, and the
//! cross-engine end-to-end suite (`tests/engines/`) against dist/.

use crate::{cmd, output_of, root, run, Result, WASM_TARGET};
use std::env;
use std::path::{Path, PathBuf};

const FIREFOX: &str = "/usr/bin/firefox-esr";
const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
const XVFB_RUN: &str = "/usr/bin/xvfb-run";

/// `~/.cargo/bin/geckodriver` (or under `$CARGO_HOME`), where `cargo install` puts it.
fn geckodriver() -> PathBuf {
    env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env::var("HOME").unwrap_or_default()).join(".cargo"))
        .join("bin/geckodriver")
}

/// Debian's firefox-esr, webkit2gtk-driver and xvfb (apt-get when root, else the
/// command to run), and geckodriver from crates.io, each only when missing.
pub(crate) fn ensure() -> Result {
    let packages: Vec<&str> = [
        (FIREFOX, "firefox-esr"),
        (WEBKIT_DRIVER, "webkit2gtk-driver"),
        (XVFB_RUN, "xvfb"),
    ]
    .into_iter()
    .filter(|(binary, _)| !Path::new(binary).exists())
    .map(|(_, package)| package)
    .collect();
    if !packages.is_empty() {
        let install = format!(
            "apt-get update && apt-get install -y {}",
            packages.join(" ")
        );
        if output_of("id", &["-u"]).as_deref() == Some("0") {
            run(cmd("sh").args(["-c", &format!("DEBIAN_FRONTEND=noninteractive {install}")]))?;
        } else {
            return Err(format!("the cross-engine tests need Firefox ESR, WebKitWebDriver and Xvfb; install them with:\n    sudo sh -c '{install}'"));
        }
    }
    if !geckodriver().exists() {
        run(cmd("cargo").args(["install", "geckodriver", "--locked"]))?;
    }
    Ok(())
}

/// The wasm-bindgen browser tests again, in headless Firefox (already built for Chromium).
pub(crate) fn wasm_tests_in_firefox() -> Result {
    run(cmd("cargo")
        .args(["test", "-p", "goosebumps", "--target", WASM_TARGET])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env_remove("CHROMEDRIVER")
        .env("GECKODRIVER", geckodriver())
        .env(
            "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
            root().join("tests/webdriver-firefox.json"),
        )
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))
}

/// The end-to-end suite in Firefox and WebKit, against dist/ (node's test runner).
pub(crate) fn suite() -> Result {
    run(cmd("node")
        .args(["--test", "--test-reporter=spec", "tests/engines/run.mjs"])
        .env("GECKODRIVER", geckodriver()))
}
