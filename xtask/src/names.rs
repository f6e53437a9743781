//! Every file of `pkg/` renamed `<stem>.<hash>.<ext>` by its content, and the
//! names rewritten where the files refer to each other, so that a browser may
//! keep each file for a year and a new build never meets an old file.
//!
//! The files refer to each other: the glue imports the loader and loads the
//! main module, the loader imports the glue and fetches the chunks. The WASM
//! files, which name no other file, are named by their content first; the
//! glue by its content as wasm-bindgen wrote it (the loader names it); the
//! loader by its content once it names them; the glue's imports then name the
//! loader. The main module imports the loader's functions under the
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

    // Old name → new name, for every file but the loader (the glue's new
    // name is that of its content before the rewrite below).
    let mut renamed = BTreeMap::new();
    for entry in std::fs::read_dir(pkg).context(|| format!("reading {}", pkg.display()))? {
        let entry = entry.context(|| format!("reading {}", pkg.display()))?;
        let name = entry.file_name().to_string_lossy().to_string();
        if entry.path().is_file() && name != loader_file {
            let new = hashed(&name, &read(&name)?);
            renamed.insert(name, new);
        }
    }
    let rewrite = |text: &str| {
        renamed.iter().fold(text.to_string(), |text, (old, new)| {
            text.replace(&format!("./{old}"), &format!("./{new}"))
        })
    };

    let loader = if pkg.join(loader_file).exists() {
        let rewritten = rewrite(&text(loader_file)?);
        let name = format!("__wasm_split.{}.js", hash(rewritten.as_bytes()));
        write(&name, rewritten.as_bytes())?;
        remove(loader_file)?;
        Some(name)
    } else {
        None
    };

    for (old, new) in &renamed {
        if *old == glue {
            let mut rewritten = rewrite(&text(old)?).replace(
                &format!("{OUTPUT_NAME}_bg.wasm"),
                renamed_or_same(&renamed, &format!("{OUTPUT_NAME}.wasm")),
            );
            if let Some(loader) = &loader {
                rewritten = import_loader(&rewritten, loader)?;
            }
            write(new, rewritten.as_bytes())?;
            remove(old)?;
        } else {
            std::fs::rename(pkg.join(old), pkg.join(new)).context(|| format!("renaming {old}"))?;
        }
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

/// The new name of `name`, or `name` when it was not renamed.
fn renamed_or_same<'a>(renamed: &'a BTreeMap<String, String>, name: &'a str) -> &'a str {
    renamed.get(name).map_or(name, String::as_str)
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

    #[test]
    fn every_file_is_named_by_its_content_and_every_reference_follows() {
        let dir = crate::tests::TempDir::new("names");
        let pkg = dir.path();
        let loader = LOADER_LINK;
        let glue_text = format!(
            r#"import*as s from"{loader}";const i={{"{loader}":s}};new URL("cherga_bg.wasm",import.meta.url);"#
        );
        std::fs::write(pkg.join("cherga.js"), &glue_text).unwrap();
        let main_wasm = format!("\0asm imports {loader}");
        std::fs::write(pkg.join("cherga.wasm"), &main_wasm).unwrap();
        std::fs::write(pkg.join("cherga.css"), "body{}").unwrap();
        std::fs::write(pkg.join("chunk_1.wasm"), b"\0asm one").unwrap();
        std::fs::write(pkg.join("chunk_11.wasm"), b"\0asm eleven").unwrap();
        std::fs::write(
            pkg.join(loader),
            r#"import{initSync}from"./cherga.js";fetch(new URL("./chunk_1.wasm",import.meta.url));fetch(new URL("./chunk_11.wasm",import.meta.url));"#,
        )
        .unwrap();
        let parts = HashMap::from([("card_part_3".to_string(), vec!["chunk_1".to_string()])]);

        hash_names(pkg, &parts).unwrap();

        let all = names(pkg);
        assert_eq!(all.len(), 7, "{all:?}");
        assert!(!all.iter().any(|n| n.contains("______")), "{all:?}");
        let file = |prefix: &str, ext: &str| {
            all.iter()
                .find(|n| n.starts_with(prefix) && n.ends_with(ext))
                .unwrap_or_else(|| panic!("no {prefix}…{ext} in {all:?}"))
                .clone()
        };
        let (chunk, eleven) = (file("chunk_1.", ".wasm"), file("chunk_11.", ".wasm"));
        let (wasm, js) = (file("cherga.", ".wasm"), file("cherga.", ".js"));
        let loader_new = file("__wasm_split.", ".js");
        assert_eq!(chunk, format!("chunk_1.{}.wasm", hash(b"\0asm one")));
        assert_eq!(wasm, format!("cherga.{}.wasm", hash(main_wasm.as_bytes())));
        assert_eq!(js, format!("cherga.{}.js", hash(glue_text.as_bytes())));
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

        let glue_new = std::fs::read_to_string(pkg.join(&js)).unwrap();
        assert_eq!(
            glue_new,
            format!(
                r#"import*as s from"./{loader_new}";const i={{"{loader}":s}};new URL("{wasm}",import.meta.url);"#
            )
        );

        let manifest = file("__wasm_split_manifest.", ".json");
        let map: HashMap<String, Vec<String>> =
            serde_json::from_str(&std::fs::read_to_string(pkg.join(manifest)).unwrap()).unwrap();
        assert_eq!(
            map["card_part_3"],
            vec![chunk.trim_end_matches(".wasm").to_string()]
        );
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
