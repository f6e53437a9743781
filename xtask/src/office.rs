//! The office's screens (the console, the kiosk, the board): the `office`
//! crate's WASM (built together with the app, `front::site`), its glue and
//! its stylesheet, put into `pkg` named by their own content. They are
//! named after the app's files, so that no change of the office's code
//! renames an applicant's file; the server finds them by their stem
//! (`server::http::assets`).

use crate::front::optimise;
use crate::names::hash;
use crate::{npm_tool, run, Context, Result};
use std::path::Path;
use std::process::Command;

/// The stem of the office's files (`pkg/office.<hash>.js`, `.wasm`, `.css`).
pub const OFFICE_NAME: &str = "office";

/// Builds the office's files into `pkg`.
pub fn build(root: &Path, pkg: &Path) -> Result<()> {
    let input = root.join("target/front/wasm32-unknown-unknown/wasm-release/office.wasm");
    let out = root.join("target/front/office-pkg");
    if out.exists() {
        std::fs::remove_dir_all(&out).context(|| format!("removing {}", out.display()))?;
    }
    std::fs::create_dir_all(&out).context(|| format!("creating {}", out.display()))?;
    let linked = std::fs::read(&input).context(|| format!("reading {}", input.display()))?;
    let plain = out.join("office_plain.wasm");
    std::fs::write(&plain, without_relocations(&linked)?)
        .context(|| format!("writing {}", plain.display()))?;
    // The page names the module (`init({ module_or_path })`): the glue
    // names no other file, so each file's name covers its content alone.
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&plain)
        .web(true)
        .map_err(|e| format!("wasm-bindgen (office): {e:#}"))?
        .omit_default_module_path(true)
        .out_name(OFFICE_NAME)
        .generate(&out)
        .map_err(|e| format!("wasm-bindgen (office): {e:#}"))?;
    if out.join("snippets").exists() {
        return Err("the office's glue imports snippets, which are not named by content".into());
    }
    let wasm = out.join(format!("{OFFICE_NAME}.wasm"));
    std::fs::rename(out.join(format!("{OFFICE_NAME}_bg.wasm")), &wasm)
        .context(|| "renaming the office's WASM".into())?;
    optimise(root, std::slice::from_ref(&wasm))?;
    let esbuild = npm_tool(root, "esbuild")?;
    let js = out.join(format!("{OFFICE_NAME}.js"));
    run(
        Command::new(&esbuild)
            .arg(&js)
            .args([
                "--minify",
                "--format=esm",
                "--log-level=warning",
                "--allow-overwrite",
            ])
            .arg(format!("--outfile={}", js.display())),
        "esbuild (the office's JS)",
    )?;
    run(
        Command::new(&esbuild)
            .arg(root.join("style/office.css"))
            .args(["--minify", "--log-level=warning"])
            .arg(format!(
                "--outfile={}",
                out.join(format!("{OFFICE_NAME}.css")).display()
            )),
        "esbuild (the office's stylesheet)",
    )?;
    for ext in ["js", "wasm", "css"] {
        let from = out.join(format!("{OFFICE_NAME}.{ext}"));
        let bytes = std::fs::read(&from).context(|| format!("reading {}", from.display()))?;
        let to = pkg.join(format!("{OFFICE_NAME}.{}.{ext}", hash(&bytes)));
        std::fs::write(&to, bytes).context(|| format!("writing {}", to.display()))?;
    }
    Ok(())
}

/// `wasm` without its custom sections `linking` and `reloc.*`: the workspace
/// links every WASM with its relocations for the app's split
/// (`.cargo/config.toml`), which the office's module does not need and
/// `wasm-opt` cannot handle.
pub fn without_relocations(wasm: &[u8]) -> Result<Vec<u8>> {
    fn leb(bytes: &[u8], at: &mut usize) -> Result<usize> {
        let (mut value, mut shift) = (0usize, 0u32);
        loop {
            let byte = *bytes.get(*at).ok_or("a WASM section runs past the end")?;
            *at += 1;
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
            if shift > 28 {
                return Err("a WASM size is too long".into());
            }
        }
    }
    let header = wasm.get(..8).ok_or("not a WASM module")?;
    if &header[..4] != b"\0asm" {
        return Err("not a WASM module".into());
    }
    let mut out = header.to_vec();
    let mut at = 8;
    while at < wasm.len() {
        let start = at;
        let id = wasm[at];
        at += 1;
        let size = leb(wasm, &mut at)?;
        let body = at;
        let end = body.checked_add(size).filter(|e| *e <= wasm.len());
        let end = end.ok_or("a WASM section runs past the end")?;
        let name = if id == 0 {
            let mut n = body;
            let len = leb(wasm, &mut n)?;
            wasm.get(n..n + len).unwrap_or_default()
        } else {
            &[]
        };
        if !(name == b"linking" || name.starts_with(b"reloc.")) {
            out.extend_from_slice(&wasm[start..end]);
        }
        at = end;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn custom(name: &str, body: &[u8]) -> Vec<u8> {
        let mut content = vec![name.len() as u8];
        content.extend_from_slice(name.as_bytes());
        content.extend_from_slice(body);
        let mut section = vec![0, content.len() as u8];
        section.extend(content);
        section
    }

    #[test]
    fn relocations_go_and_the_rest_stays() {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        let types = [1u8, 4, 1, 0x60, 0, 0];
        wasm.extend_from_slice(&types);
        wasm.extend(custom("linking", &[2, 8]));
        wasm.extend(custom("reloc.CODE", &[1, 2, 3]));
        wasm.extend(custom("name", &[9]));
        let mut expected = b"\0asm\x01\0\0\0".to_vec();
        expected.extend_from_slice(&types);
        expected.extend(custom("name", &[9]));
        assert_eq!(without_relocations(&wasm), Ok(expected));
        assert!(without_relocations(b"\0asm").is_err());
        let mut cut = b"\0asm\x01\0\0\0".to_vec();
        cut.extend_from_slice(&[1, 9, 0]);
        assert!(without_relocations(&cut).is_err());
    }
}
