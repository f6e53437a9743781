//! Every file of `pkg/` renamed `<stem>.<hash>.<ext>` by its content, and the
//! names rewritten where the files refer to each other, so that a browser may
//! keep each file for a year and a new build never meets an old file.
//!
//! The files refer to each other: the glue imports the loader and loads the
//! main module, the loader imports the glue and fetches the chunks. The WASM
//! files, which name no other file, are named by their content first; the
//! glue by its content naming the main module, together with the loader as
//! the splitter wrote it and every other file's name (the loader names the
//! glue, so the glue's name cannot cover the loader's); the loader by its
//! content once it names them all; the glue's imports then name the loader. The main module imports the loader's functions under the
//! placeholder `LOADER_LINK`, which stays as the key of the glue's import
//! object: a module name in WASM is a key, not an address, so no WASM file
//! changes after it is named (and its compressed size does not depend on a
//! hash).

use crate::front::{Parts, OUTPUT_NAME};
use crate::{Context, Result};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// The loader's name as the splitter writes it: 22 characters of placeholder,
/// the length of a hash (`hash`).
pub const LOADER_LINK: &str = "./__wasm_split.______________________.js";

/// 128 bits of SHA-256 in URL-safe base64 without padding: 22 characters.
pub fn hash(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&Sha256::digest(bytes)[..16])
}

/// `stem.ext` → `stem.<hash>.ext`.
fn hashed(name: &str, bytes: &[u8]) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{}.{ext}", hash(bytes)),
        None => format!("{name}.{}", hash(bytes)),
    }
}

/// Renames the files of `pkg` (not its folders: wasm-bindgen's `snippets/`
/// are imported by their own names) and writes the manifest of `parts`.
pub fn hash_names(pkg: &Path, parts: &Parts) -> Result<()> {
    let loader_file = LOADER_LINK.trim_start_matches("./");
    let glue = format!("{OUTPUT_NAME}.js");
    let read = |name: &str| std::fs::read(pkg.join(name)).context(|| format!("reading {name}"));
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(pkg.join(name), bytes).context(|| format!("writing {name}"))
    };
    let remove =
        |name: &str| std::fs::remove_file(pkg.join(name)).context(|| format!("removing {name}"));
    let text = |name: &str| String::from_utf8(read(name)?).context(|| name.to_string());

    // Old name → new name, for every file but the loader and the glue.
    let mut renamed = BTreeMap::new();
    for entry in std::fs::read_dir(pkg).context(|| format!("reading {}", pkg.display()))? {
        let entry = entry.context(|| format!("reading {}", pkg.display()))?;
        let name = entry.file_name().to_string_lossy().to_string();
        if entry.path().is_file() && name != loader_file && name != glue {
            let new = hashed(&name, &read(&name)?);
            renamed.insert(name, new);
        }
    }
    let rewrite = |text: &str, renamed: &BTreeMap<String, String>| {
        renamed.iter().fold(text.to_string(), |text, (old, new)| {
            text.replace(&format!("./{old}"), &format!("./{new}"))
        })
    };

    // The glue names the main module; its own name covers that, the loader
    // as the splitter wrote it and every other file's name: all that its
    // final content depends on but the loader's name, which depends on them.
    let loader_text = if pkg.join(loader_file).exists() {
        Some(text(loader_file)?)
    } else {
        None
    };
    let main_module = format!("{OUTPUT_NAME}.wasm");
    let glue_text = rewrite(&text(&glue)?, &renamed).replace(
        &format!("{OUTPUT_NAME}_bg.wasm"),
        renamed.get(&main_module).map_or(&main_module, |n| n),
    );
    let mut covered = glue_text.clone().into_bytes();
    covered.extend(loader_text.as_deref().unwrap_or_default().bytes());
    for new in renamed.values() {
        covered.extend(new.bytes());
    }
    let glue_name = hashed(&glue, &covered);
    renamed.insert(glue.clone(), glue_name.clone());

    let glue_text = match loader_text {
        Some(loader_text) => {
            let rewritten = rewrite(&loader_text, &renamed);
            let name = format!("__wasm_split.{}.js", hash(rewritten.as_bytes()));
            write(&name, rewritten.as_bytes())?;
            remove(loader_file)?;
            import_loader(&glue_text, &name)?
        }
        None => glue_text,
    };
    write(&glue_name, glue_text.as_bytes())?;
    remove(&glue)?;
    for (old, new) in renamed.iter().filter(|(old, _)| **old != glue) {
        std::fs::rename(pkg.join(old), pkg.join(new)).context(|| format!("renaming {old}"))?;
    }

    if !parts.is_empty() {
        let stems: BTreeMap<&String, Vec<String>> = parts
            .iter()
            .map(|(part, stems)| {
                let files = stems
                    .iter()
                    .map(|s| {
                        renamed
                            .get(&format!("{s}.wasm"))
                            .map(|n| n.trim_end_matches(".wasm").to_string())
                            .ok_or_else(|| format!("the manifest names {s}, which is not built"))
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok((part, files))
            })
            .collect::<Result<_>>()?;
        let json = serde_json::to_vec(&stems).context(|| "the manifest".into())?;
        write(&hashed("__wasm_split_manifest.json", &json), &json)?;
    }
    Ok(())
}

/// The glue with its `import … from` of the loader naming `loader` (the
/// import object's keys keep the placeholder, as the main module does).
fn import_loader(glue: &str, loader: &str) -> Result<String> {
    let mut out = glue.to_string();
    let mut found = false;
    for quote in ['"', '\''] {
        for from in ["from", "from "] {
            let old = format!("{from}{quote}{LOADER_LINK}{quote}");
            found |= out.contains(&old);
            out = out.replace(&old, &format!("{from}{quote}./{loader}{quote}"));
        }
    }
    if found {
        Ok(out)
    } else {
        Err("the glue does not import the chunks' loader".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn names(pkg: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(pkg)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_hash_has_the_placeholders_length() {
        assert_eq!(hash(b"cherga").len(), "______________________".len());
        assert_ne!(hash(b"a"), hash(b"b"));
    }

    /// A build as the splitter and wasm-bindgen leave it, with `chunk` as
    /// the first chunk's content; its names after `hash_names`.
    fn build(pkg: &Path, chunk: &[u8]) -> Vec<String> {
        let loader = LOADER_LINK;
        std::fs::write(
            pkg.join("cherga.js"),
            format!(
                r#"import*as s from"{loader}";const i={{"{loader}":s}};new URL("cherga_bg.wasm",import.meta.url);"#
            ),
        )
        .unwrap();
        std::fs::write(pkg.join("cherga.wasm"), format!("\0asm imports {loader}")).unwrap();
        std::fs::write(pkg.join("cherga.css"), "body{}").unwrap();
        std::fs::write(pkg.join("chunk_1.wasm"), chunk).unwrap();
        std::fs::write(pkg.join("chunk_11.wasm"), b"\0asm eleven").unwrap();
        std::fs::write(
            pkg.join(loader),
            r#"import{initSync}from"./cherga.js";fetch(new URL("./chunk_1.wasm",import.meta.url));fetch(new URL("./chunk_11.wasm",import.meta.url));"#,
        )
        .unwrap();
        let parts = HashMap::from([("card_part_3".to_string(), vec!["chunk_1".to_string()])]);
        hash_names(pkg, &parts).unwrap();
        names(pkg)
    }

    fn file(all: &[String], prefix: &str, ext: &str) -> String {
        all.iter()
            .find(|n| n.starts_with(prefix) && n.ends_with(ext))
            .unwrap_or_else(|| panic!("no {prefix}…{ext} in {all:?}"))
            .clone()
    }

    #[test]
    fn every_file_is_named_by_its_content_and_every_reference_follows() {
        let dir = crate::tests::TempDir::new("names");
        let pkg = dir.path();
        let all = build(pkg, b"\0asm one");

        assert_eq!(all.len(), 7, "{all:?}");
        assert!(!all.iter().any(|n| n.contains("______")), "{all:?}");
        let (chunk, eleven) = (
            file(&all, "chunk_1.", ".wasm"),
            file(&all, "chunk_11.", ".wasm"),
        );
        let (wasm, js) = (file(&all, "cherga.", ".wasm"), file(&all, "cherga.", ".js"));
        let loader_new = file(&all, "__wasm_split.", ".js");
        assert_eq!(chunk, format!("chunk_1.{}.wasm", hash(b"\0asm one")));
        let main_wasm = format!("\0asm imports {LOADER_LINK}");
        assert_eq!(wasm, format!("cherga.{}.wasm", hash(main_wasm.as_bytes())));
        assert_eq!(std::fs::read_to_string(pkg.join(&wasm)).unwrap(), main_wasm);

        let loader_text = std::fs::read_to_string(pkg.join(&loader_new)).unwrap();
        assert_eq!(
            loader_new,
            format!("__wasm_split.{}.js", hash(loader_text.as_bytes()))
        );
        for name in [&chunk, &eleven, &js] {
            assert!(
                loader_text.contains(&format!("\"./{name}\"")),
                "{name}: {loader_text}"
            );
        }

        let glue = std::fs::read_to_string(pkg.join(&js)).unwrap();
        assert_eq!(
            glue,
            format!(
                r#"import*as s from"./{loader_new}";const i={{"{LOADER_LINK}":s}};new URL("{wasm}",import.meta.url);"#
            )
        );

        let manifest = file(&all, "__wasm_split_manifest.", ".json");
        let map: HashMap<String, Vec<String>> =
            serde_json::from_str(&std::fs::read_to_string(pkg.join(manifest)).unwrap()).unwrap();
        assert_eq!(
            map["card_part_3"],
            vec![chunk.trim_end_matches(".wasm").to_string()]
        );
    }

    #[test]
    fn another_chunk_gives_the_glue_and_the_loader_other_names() {
        // The glue as wasm-bindgen writes it is the same in both builds; its
        // final content is not (it imports another loader), so neither may
        // its name be: a browser keeps a /pkg file for a year.
        let (one, two) = (
            crate::tests::TempDir::new("one"),
            crate::tests::TempDir::new("two"),
        );
        let first = build(one.path(), b"\0asm one");
        let second = build(two.path(), b"\0asm two");
        for (prefix, ext) in [
            ("cherga.", ".js"),
            ("__wasm_split.", ".js"),
            ("chunk_1.", ".wasm"),
        ] {
            assert_ne!(
                file(&first, prefix, ext),
                file(&second, prefix, ext),
                "{prefix}"
            );
        }
        for (prefix, ext) in [
            ("cherga.", ".wasm"),
            ("chunk_11.", ".wasm"),
            ("cherga.", ".css"),
        ] {
            assert_eq!(
                file(&first, prefix, ext),
                file(&second, prefix, ext),
                "{prefix}"
            );
        }
    }

    #[test]
    fn a_glue_that_does_not_import_the_loader_is_refused() {
        assert!(import_loader("const x = 1;", "__wasm_split.X.js").is_err());
        assert_eq!(
            import_loader(&format!("import * as a from '{LOADER_LINK}';"), "L.js").unwrap(),
            "import * as a from './L.js';"
        );
    }
}
