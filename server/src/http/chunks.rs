//! The page chunks of the split build (`cargo xtask site`). The bundle's
//! script imports a loader script, `__wasm_split.<hash>.js`, which fetches each
//! WASM chunk by a relative name when a page that needs it opens. The shell
//! names them all so that the service worker can keep them for offline use.

use std::collections::HashMap;
use std::path::Path;

/// The loader and chunks of the build whose script is `pkg/<js>`, as `/pkg/…`
/// paths; `None` for a build without chunks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunks {
    /// `/pkg/__wasm_split.<hash>.js`
    pub loader: String,
    /// `/pkg/chunk_<n>.<hash>.wasm`, `/pkg/split_<part>.<hash>.wasm`
    pub wasm: Vec<String>,
    /// The chunks each part loads, by the name of its `#[lazy]` function (see
    /// `app::pages::lazy::PARTS`), from the splitter's manifest.
    pub parts: HashMap<String, Vec<String>>,
}

impl Chunks {
    /// Reads the names from the built files themselves, so that files left by
    /// an earlier build in the same folder are never listed.
    pub fn find(pkg: &Path, js: &str) -> Option<Self> {
        let script = std::fs::read_to_string(pkg.join(js)).ok()?;
        let loader = names(&script, "__wasm_split.", ".js").into_iter().next()?;
        let text = std::fs::read_to_string(pkg.join(&loader)).ok()?;
        let mut wasm: Vec<String> = names(&text, "./", ".wasm")
            .into_iter()
            .map(|n| format!("/pkg/{}", n.trim_start_matches("./")))
            .collect();
        wasm.sort();
        wasm.dedup();
        let parts = parts(pkg, &wasm).unwrap_or_default();
        Some(Chunks {
            loader: format!("/pkg/{loader}"),
            wasm,
            parts,
        })
    }
}

/// The splitter's manifest (`__wasm_split_manifest.<hash>.json`: the file
/// stems each split function loads) of the build whose chunks are `wasm`, by
/// part name without the splitter's numeric suffix.
fn parts(pkg: &Path, wasm: &[String]) -> Option<HashMap<String, Vec<String>>> {
    std::fs::read_dir(pkg).ok()?.flatten().find_map(|entry| {
        let name = entry.file_name().to_string_lossy().to_string();
        if !(name.starts_with("__wasm_split_manifest.") && name.ends_with(".json")) {
            return None;
        }
        let text = std::fs::read_to_string(entry.path()).ok()?;
        let manifest: HashMap<String, Vec<String>> = serde_json::from_str(&text).ok()?;
        manifest
            .into_iter()
            .map(|(function, stems)| {
                let part = function
                    .rsplit_once('_')
                    .filter(|(_, n)| n.bytes().all(|b| b.is_ascii_digit()))
                    .map_or(function.as_str(), |(p, _)| p)
                    .to_string();
                let files: Vec<String> = stems.iter().map(|s| format!("/pkg/{s}.wasm")).collect();
                // A manifest left by an earlier build names other files.
                files
                    .iter()
                    .all(|f| wasm.contains(f))
                    .then_some((part, files))
            })
            .collect()
    })
}

/// Every file name in `text` that starts with `start` and ends with `end`
/// (letters, digits, `_`, `-` and `.` only: a hashed name), in order.
fn names(text: &str, start: &str, end: &str) -> Vec<String> {
    let is_name = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
    text.match_indices(start)
        .filter_map(|(i, _)| {
            let rest = &text[i..];
            let len = start.len()
                + rest[start.len()..]
                    .find(|c: char| !is_name(c))
                    .unwrap_or(rest.len() - start.len());
            let name = &rest[..len];
            (name.ends_with(end) && name.len() > start.len() + end.len()).then(|| name.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_hashed_file_names_with_the_given_ends() {
        let loader = r#"import { initSync } from "./cherga.Ab-1.js";
            fetch(new URL("./chunk_5.X_y-Z.wasm", import.meta.url));
            fetch(new URL("./split_card_part_17.Q9.wasm", import.meta.url)); // "./.wasm""#;
        assert_eq!(
            names(loader, "./", ".wasm"),
            ["./chunk_5.X_y-Z.wasm", "./split_card_part_17.Q9.wasm"]
        );
        assert_eq!(names(loader, "./", ".js"), ["./cherga.Ab-1.js"]);
        assert!(names("no files here", "./", ".wasm").is_empty());
    }

    #[test]
    fn chunks_are_read_from_the_current_build_only() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let pkg = dir.path();
        std::fs::write(
            pkg.join("cherga.new.js"),
            "import * as s from './__wasm_split.L2.js';",
        )?;
        std::fs::write(
            pkg.join("__wasm_split.L2.js"),
            r#"fetch(new URL("./chunk_2.b.wasm", u)); fetch(new URL("./chunk_1.a.wasm", u)); fetch(new URL("./chunk_1.a.wasm", u));"#,
        )?;
        std::fs::write(
            pkg.join("__wasm_split_manifest.m2.json"),
            r#"{"card_part_1731": ["chunk_1.a"], "booking_part_63": ["chunk_1.a", "chunk_2.b"]}"#,
        )?;
        // Left by an earlier build: never listed.
        std::fs::write(pkg.join("__wasm_split.L1.js"), r#""./chunk_9.old.wasm""#)?;
        std::fs::write(pkg.join("chunk_9.old.wasm"), "")?;
        std::fs::write(
            pkg.join("__wasm_split_manifest.m1.json"),
            r#"{"card_part_99": ["chunk_9.old"]}"#,
        )?;
        let parts = HashMap::from([
            (
                "card_part".to_string(),
                vec!["/pkg/chunk_1.a.wasm".to_string()],
            ),
            (
                "booking_part".to_string(),
                vec![
                    "/pkg/chunk_1.a.wasm".to_string(),
                    "/pkg/chunk_2.b.wasm".to_string(),
                ],
            ),
        ]);
        assert_eq!(
            Chunks::find(pkg, "cherga.new.js"),
            Some(Chunks {
                loader: "/pkg/__wasm_split.L2.js".into(),
                wasm: vec!["/pkg/chunk_1.a.wasm".into(), "/pkg/chunk_2.b.wasm".into()],
                parts,
            })
        );
        // A build without chunks, or a missing loader.
        std::fs::write(pkg.join("cherga.plain.js"), "export default init;")?;
        assert_eq!(Chunks::find(pkg, "cherga.plain.js"), None);
        std::fs::write(pkg.join("cherga.lost.js"), "from './__wasm_split.gone.js'")?;
        assert_eq!(Chunks::find(pkg, "cherga.lost.js"), None);
        Ok(())
    }
}
