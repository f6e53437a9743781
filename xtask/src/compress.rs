//! A `.br` (brotli, quality 11) and a `.gz` (gzip, best) beside every file of
//! the site, which the server sends to a browser that accepts them.

use crate::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Compresses every file under `site`, on as many threads as there are cores.
pub fn precompress(site: &Path) -> Result<()> {
    let mut files = Vec::new();
    collect(site, &mut files)?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_thread = files.len().div_ceil(cores).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(per_thread)
            .map(|batch| scope.spawn(move || batch.iter().try_for_each(|f| compress(f))))
            .collect();
        workers.into_iter().try_for_each(|w| {
            w.join()
                .unwrap_or_else(|_| Err("a compressor panicked".into()))
        })
    })
}

/// Every file under `dir` but the compressed ones.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).context(|| format!("reading {}", dir.display()))? {
        let path = entry
            .context(|| format!("reading {}", dir.display()))?
            .path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz")) {
            files.push(path);
        }
    }
    Ok(())
}

fn compress(file: &Path) -> Result<()> {
    let bytes = std::fs::read(file).context(|| format!("reading {}", file.display()))?;
    let beside = |ext: &str| {
        let mut name = file.as_os_str().to_owned();
        name.push(ext);
        PathBuf::from(name)
    };
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(&bytes)
        .and_then(|()| gzip.finish())
        .and_then(|gz| std::fs::write(beside(".gz"), gz))
        .context(|| format!("gzip of {}", file.display()))?;
    let mut brotli = Vec::new();
    brotli::BrotliCompress(
        &mut bytes.as_slice(),
        &mut brotli,
        &brotli::enc::BrotliEncoderParams::default(),
    )
    .and_then(|_| std::fs::write(beside(".br"), brotli))
    .context(|| format!("brotli of {}", file.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn each_file_gets_both_encodings_that_decode_to_it() {
        let dir = crate::tests::TempDir::new("compress");
        std::fs::create_dir(dir.path().join("pkg")).unwrap();
        let text = "Черга ".repeat(500);
        std::fs::write(dir.path().join("pkg/a.js"), &text).unwrap();
        std::fs::write(dir.path().join("sw.js"), "self").unwrap();

        precompress(dir.path()).unwrap();
        // A second run compresses the originals only, not their .br and .gz.
        precompress(dir.path()).unwrap();

        let mut names: Vec<String> = Vec::new();
        let mut all = Vec::new();
        collect(dir.path(), &mut all).unwrap();
        assert_eq!(all.len(), 2);
        for sub in ["", "pkg"] {
            for e in std::fs::read_dir(dir.path().join(sub)).unwrap() {
                names.push(e.unwrap().file_name().to_string_lossy().to_string());
            }
        }
        names.sort();
        assert_eq!(
            names,
            ["a.js", "a.js.br", "a.js.gz", "pkg", "sw.js", "sw.js.br", "sw.js.gz"]
        );

        let mut gunzipped = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(dir.path().join("pkg/a.js.gz")).unwrap())
            .read_to_string(&mut gunzipped)
            .unwrap();
        assert_eq!(gunzipped, text);
        let mut unbrotlied = String::new();
        brotli::Decompressor::new(
            std::fs::File::open(dir.path().join("pkg/a.js.br")).unwrap(),
            4096,
        )
        .read_to_string(&mut unbrotlied)
        .unwrap();
        assert_eq!(unbrotlied, text);
        assert!(
            std::fs::metadata(dir.path().join("pkg/a.js.br"))
                .unwrap()
                .len()
                < 200
        );
    }
}
