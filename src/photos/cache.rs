//! The photo cache in the data folder: content-addressed (a picture is kept once, named
//! by the SHA-256 of its bytes, however many addresses serve it), each address noted by
//! the hash of the address pointing at its picture. Every file is written to a temp file
//! and renamed into place, so a reader never sees a partial file; past its cap in bytes
//! the least recently used pictures go first.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};

/// Temp files left by a process that was killed mid-write are cleared after this long.
const STALE: Duration = Duration::from_secs(600);

/// A cache folder holding at most `cap` bytes of pictures.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    cap: u64,
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Cache {
    /// The cache in `dir` (made when first written), holding at most `cap` bytes.
    pub fn new(dir: impl Into<PathBuf>, cap: u64) -> Cache {
        Cache {
            dir: dir.into(),
            cap,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn blob(&self, hash: &str) -> PathBuf {
        self.dir.join("blobs").join(hash)
    }

    fn index(&self, url: &str) -> PathBuf {
        self.dir.join("urls").join(hex(url.as_bytes()))
    }

    /// The picture kept for `url`, if any (and it counts as used now).
    pub fn get(&self, url: &str) -> Option<Vec<u8>> {
        let hash = fs::read_to_string(self.index(url)).ok()?;
        let path = self.blob(hash.trim());
        let bytes = fs::read(&path).ok()?;
        // A picture whose bytes are not what its name says is no picture of ours.
        if hex(&bytes) != hash.trim() {
            let _ = fs::remove_file(&path);
            return None;
        }
        if let Ok(f) = fs::File::options().append(true).open(&path) {
            let _ = f.set_modified(SystemTime::now());
        }
        Some(bytes)
    }

    /// Keep `bytes` as the picture at `url`, then make room under the cap.
    pub fn put(&self, url: &str, bytes: &[u8]) -> io::Result<()> {
        let hash = hex(bytes);
        let blob = self.blob(&hash);
        if !blob.exists() {
            write_atomic(&blob, bytes)?;
        }
        write_atomic(&self.index(url), hash.as_bytes())?;
        self.trim(&blob)
    }

    /// Remove the least recently used pictures until the rest fit the cap (`keep` stays),
    /// and temp files a killed process left.
    fn trim(&self, keep: &Path) -> io::Result<()> {
        let mut files: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
        let now = SystemTime::now();
        for e in fs::read_dir(self.dir.join("blobs"))?.flatten() {
            let Ok(meta) = e.metadata() else { continue };
            let when = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            if e.file_name().to_string_lossy().starts_with(".tmp") {
                if now.duration_since(when).is_ok_and(|d| d > STALE) {
                    let _ = fs::remove_file(e.path());
                }
                continue;
            }
            files.push((when, meta.len(), e.path()));
        }
        let mut total: u64 = files.iter().map(|f| f.1).sum();
        files.sort();
        for (_, len, path) in files {
            if total <= self.cap {
                break;
            }
            if path != keep && fs::remove_file(&path).is_ok() {
                total -= len;
            }
        }
        Ok(())
    }

    /// Bytes of pictures kept now.
    pub fn size(&self) -> u64 {
        fs::read_dir(self.dir.join("blobs"))
            .map(|d| {
                d.flatten()
                    .filter_map(|e| e.metadata().ok())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    }
}

/// Write `bytes` to `path` through a temp file in the same folder, renamed into place.
fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".tmp").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_by_content_and_drops_the_oldest_past_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let c = Cache::new(dir.path(), 250);
        c.put("http://a/1.jpg", &[1; 100]).unwrap();
        c.put("http://b/same.jpg", &[1; 100]).unwrap();
        assert_eq!(c.size(), 100, "the same bytes are kept once");
        assert_eq!(c.get("http://b/same.jpg").unwrap(), vec![1; 100]);
        let old = SystemTime::now() - Duration::from_secs(3600);
        let blob = c.blob(&hex(&[1; 100]));
        fs::File::options()
            .append(true)
            .open(&blob)
            .unwrap()
            .set_modified(old)
            .unwrap();
        c.put("http://a/2.jpg", &[2; 100]).unwrap();
        c.put("http://a/3.jpg", &[3; 100]).unwrap();
        assert!(c.size() <= 250);
        assert!(c.get("http://a/1.jpg").is_none(), "the oldest went first");
        assert!(c.get("http://a/3.jpg").is_some() && c.get("http://a/2.jpg").is_some());
        assert!(c.get("http://nowhere").is_none());
    }

    #[test]
    fn a_damaged_picture_is_not_served() {
        let dir = tempfile::tempdir().unwrap();
        let c = Cache::new(dir.path(), 1 << 20);
        c.put("http://a/1.jpg", b"abc").unwrap();
        fs::write(c.blob(&hex(b"abc")), b"ab").unwrap();
        assert!(c.get("http://a/1.jpg").is_none());
    }
}
