//! The browser app, from the `app` crate to the files in `target/site`.

use crate::{cargo, names, npm_tool, run, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The name of the bundle's files (`pkg/cherga.<hash>.js`, `.wasm`, `.css`):
/// the server looks for it (`server::http::assets`).
pub const OUTPUT_NAME: &str = "cherga";

/// `wasm-opt`'s passes: for size, with the producers and target-features
/// sections dropped (the name section goes without `-g`).
pub const WASM_OPT: [&str; 5] = [
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--strip-producers",
    "--strip-target-features",
];

/// Builds the app and lays out `target/site` anew.
pub fn site(root: &Path) -> Result<()> {
    run(
        cargo(root).args([
            "build",
            "--locked",
            "-p",
            "app",
            "-p",
            "office",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--no-default-features",
            // One build for both: the crates they share are built once.
            "--features",
            "app/csr,office/csr",
            "--profile",
            "wasm-release",
            // A folder of its own: this build and the server's run at once.
            "--target-dir",
            "target/front",
        ]),
        "cargo (the browser app)",
    )?;
    let input = root.join("target/front/wasm32-unknown-unknown/wasm-release/app.wasm");
    let site = root.join("target/site");
    let pkg = site.join("pkg");
    if site.exists() {
        std::fs::remove_dir_all(&site).context(|| format!("removing {}", site.display()))?;
    }
    std::fs::create_dir_all(&pkg).context(|| format!("creating {}", pkg.display()))?;

    let (main_module, mut wasm, parts) = split(&input, &pkg)?;
    bindgen(&main_module, &pkg)?;
    wasm.push(pkg.join(format!("{OUTPUT_NAME}.wasm")));
    optimise(root, &wasm)?;
    minify(root, &pkg)?;
    copy_dir(&root.join("public"), &site)?;
    names::hash_names(&pkg, &parts)?;
    crate::office::build(root, &pkg)?;
    crate::compress::precompress(&site)
}

/// The chunks each part loads: part function → file stems (`chunk_3`, …).
pub type Parts = std::collections::HashMap<String, Vec<String>>;

/// Splits `input` into the main module (returned, for wasm-bindgen) and the
/// parts' chunks (written to `pkg`, with the loader script).
fn split(input: &Path, pkg: &Path) -> Result<(PathBuf, Vec<PathBuf>, Parts)> {
    let bytes = std::fs::read(input).context(|| format!("reading {}", input.display()))?;
    let main_module = input.with_file_name("app_split.wasm");
    let main_js = format!("./{OUTPUT_NAME}.js");
    let mut options = wasm_split_cli_support::Options::new(&bytes);
    options.output_dir = pkg;
    options.main_out_path = &main_module;
    options.main_module = &main_js;
    options.link_name = names::LOADER_LINK;
    let split = wasm_split_cli_support::transform(options)
        .map_err(|e| format!("splitting the WASM: {e:#}"))?;
    Ok((main_module, split.split_modules, split.prefetch_map))
}

/// wasm-bindgen's glue for the main module, as its CLI makes it with
/// `--target web --keep-lld-exports --no-demangle --no-typescript`; the
/// module is then `pkg/cherga.wasm`.
fn bindgen(main_module: &Path, pkg: &Path) -> Result<()> {
    fn failed(e: impl std::fmt::Display) -> String {
        format!("wasm-bindgen: {e:#}")
    }
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(main_module)
        .web(true)
        .map_err(failed)?
        .keep_lld_exports(true)
        .demangle(false)
        .omit_default_module_path(false)
        .out_name(OUTPUT_NAME)
        .generate(pkg)
        .map_err(failed)?;
    let from = pkg.join(format!("{OUTPUT_NAME}_bg.wasm"));
    std::fs::rename(&from, pkg.join(format!("{OUTPUT_NAME}.wasm")))
        .context(|| format!("renaming {}", from.display()))
}

/// `wasm-opt` over each file in place, as many at once as there are cores.
pub fn optimise(root: &Path, files: &[PathBuf]) -> Result<()> {
    let wasm_opt = npm_tool(root, "wasm-opt")?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for batch in files.chunks(cores) {
        let children = batch
            .iter()
            .map(|file| {
                Command::new(&wasm_opt)
                    .args(WASM_OPT)
                    .arg(file)
                    .arg("-o")
                    .arg(file)
                    .spawn()
                    .context(|| "could not start wasm-opt".into())
            })
            .collect::<Result<Vec<_>>>()?;
        for (mut child, file) in children.into_iter().zip(batch) {
            let status = child.wait().context(|| "waiting for wasm-opt".into())?;
            if !status.success() {
                return Err(format!("wasm-opt failed on {} ({status})", file.display()));
            }
        }
    }
    Ok(())
}

/// The glue and the chunks' loader minified in place, and the stylesheet
/// minified into `pkg`.
fn minify(root: &Path, pkg: &Path) -> Result<()> {
    let esbuild = npm_tool(root, "esbuild")?;
    let loader = pkg.join(names::LOADER_LINK.trim_start_matches("./"));
    let glue = pkg.join(format!("{OUTPUT_NAME}.js"));
    for js in [glue, loader].iter().filter(|f| f.exists()) {
        run(
            Command::new(&esbuild)
                .arg(js)
                .args([
                    "--minify",
                    "--format=esm",
                    "--log-level=warning",
                    "--allow-overwrite",
                ])
                // wasm-bindgen names the loader once per import of it.
                .arg("--log-override:duplicate-object-key=silent")
                .arg(format!("--outfile={}", js.display())),
            "esbuild (the JS)",
        )?;
    }
    let css = pkg.join(format!("{OUTPUT_NAME}.css"));
    run(
        Command::new(&esbuild)
            .arg(root.join("style/main.css"))
            .args(["--minify", "--log-level=warning"])
            .arg(format!("--outfile={}", css.display())),
        "esbuild (the stylesheet)",
    )
}

/// Copies the files under `from` into `to`, folders included.
fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for entry in std::fs::read_dir(from).context(|| format!("reading {}", from.display()))? {
        let entry = entry.context(|| format!("reading {}", from.display()))?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target)
                .context(|| format!("creating {}", target.display()))?;
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .context(|| format!("copying to {}", target.display()))?;
        }
    }
    Ok(())
}
