//! The writer's view of the index files: tantivy's maps, let go of behind the reads. A
//! merge reads its segments through once, term by term and block by block, and every
//! page it touches stays counted in the process's resident memory until the merge
//! ends (two years imported: 120 of a 203 MB peak were mapped index pages). Each time
//! [`TRIM_BYTES`] more have been handed out, the pages of every file open here are
//! dropped from the process's map (`MADV_DONTNEED`): they stay in the page cache, and a
//! page read again is mapped again from it. Segment files are never changed once
//! written, so what is read after a trim is what was there before.

use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};

use tantivy::Directory;
use tantivy::HasLen;
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    DirectoryLock, FileHandle, Lock, MmapDirectory, OwnedBytes, WatchCallback, WatchHandle,
    WritePtr,
};

/// Bytes handed out between two trims.
pub const TRIM_BYTES: usize = 32 << 20;

/// An [`MmapDirectory`] whose maps are let go of behind the reads.
#[derive(Debug, Clone)]
pub struct DropBehind {
    inner: MmapDirectory,
    trimmer: Arc<Trimmer>,
}

#[derive(Debug, Default)]
struct Trimmer {
    /// Bytes handed out since the last trim.
    handed: AtomicUsize,
    /// The files open here (those still alive).
    open: Mutex<Vec<Weak<Mapped>>>,
    /// Trims so far (for tests).
    trims: AtomicUsize,
}

/// One file's whole map.
#[derive(Debug)]
struct Mapped {
    whole: OwnedBytes,
    trimmer: Arc<Trimmer>,
}

impl DropBehind {
    pub fn new(inner: MmapDirectory) -> DropBehind {
        DropBehind {
            inner,
            trimmer: Arc::default(),
        }
    }

    /// How many times the maps have been let go of.
    pub fn trims(&self) -> usize {
        self.trimmer.trims.load(Ordering::Relaxed)
    }
}

impl Trimmer {
    /// Counts `bytes` handed out; past [`TRIM_BYTES`], lets go of every open map.
    fn handed(&self, bytes: usize) {
        let before = self.handed.fetch_add(bytes, Ordering::Relaxed);
        if before + bytes < TRIM_BYTES {
            return;
        }
        self.handed.store(0, Ordering::Relaxed);
        let Ok(mut open) = self.open.lock() else {
            return;
        };
        open.retain(|m| match m.upgrade() {
            Some(m) => {
                let_go(m.whole.as_slice());
                true
            }
            None => false,
        });
        self.trims.fetch_add(1, Ordering::Relaxed);
    }
}

/// Drops the pages of a whole map from this process's page tables (Linux; elsewhere
/// nothing). Only for a map that starts on a page, as every file's map does.
fn let_go(map: &[u8]) {
    #[cfg(target_os = "linux")]
    {
        let at = map.as_ptr();
        if map.is_empty() || !(at as usize).is_multiple_of(4096) {
            return;
        }
        // SAFETY: `map` is a shared, read-only map of a file no one writes to (a
        // segment file is written once, before it is opened); MADV_DONTNEED on such a
        // map only unmaps its pages, and a later read maps the same bytes again from the
        // page cache or the file. No memory is freed that a reference points into.
        unsafe {
            libc::madvise(at as *mut libc::c_void, map.len(), libc::MADV_DONTNEED);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = map;
}

impl HasLen for Mapped {
    fn len(&self) -> usize {
        self.whole.len()
    }
}

impl FileHandle for Mapped {
    fn read_bytes(&self, range: Range<usize>) -> std::io::Result<OwnedBytes> {
        self.trimmer.handed(range.len());
        Ok(self.whole.slice(range))
    }
}

impl Directory for DropBehind {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        let handle = self.inner.get_file_handle(path)?;
        let whole = handle
            .read_bytes(0..handle.len())
            .map_err(|e| OpenReadError::wrap_io_error(e, path.to_path_buf()))?;
        let mapped = Arc::new(Mapped {
            whole,
            trimmer: self.trimmer.clone(),
        });
        if let Ok(mut open) = self.trimmer.open.lock() {
            open.push(Arc::downgrade(&mapped));
        }
        Ok(mapped)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn resident_kb(map: &[u8]) -> Option<usize> {
        // mincore says what is in the page cache, not what is mapped: read this
        // process's own map of the range instead, from /proc/self/smaps.
        let at = map.as_ptr() as usize;
        let smaps = std::fs::read_to_string("/proc/self/smaps").ok()?;
        let mut inside = false;
        for line in smaps.lines() {
            if let Some((range, _)) = line.split_once(' ')
                && let Some((a, b)) = range.split_once('-')
                && let (Ok(a), Ok(b)) = (usize::from_str_radix(a, 16), usize::from_str_radix(b, 16))
            {
                inside = a <= at && at < b;
                continue;
            }
            if inside && let Some(kb) = line.strip_prefix("Rss:") {
                return kb.trim().trim_end_matches(" kB").trim().parse().ok();
            }
        }
        None
    }

    #[test]
    fn reads_are_whole_and_the_map_is_let_go_of_behind_them() {
        let dir = tempfile::tempdir().unwrap();
        let len = TRIM_BYTES + (1 << 20);
        let body: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
        let mut w = std::fs::File::create(dir.path().join("seg.idx")).unwrap();
        w.write_all(&body).unwrap();
        drop(w);
        let d = DropBehind::new(MmapDirectory::open(dir.path()).unwrap());
        let file = d.get_file_handle(Path::new("seg.idx")).unwrap();
        let head = file.read_bytes(0..4096).unwrap();
        // Read the whole file through, as a merge does, in slices.
        let mut at = 0;
        while at < len {
            let end = (at + (1 << 20)).min(len);
            assert_eq!(file.read_bytes(at..end).unwrap().as_slice(), &body[at..end]);
            at = end;
        }
        assert_eq!(d.trims(), 1, "one trim past {TRIM_BYTES} bytes");
        if cfg!(target_os = "linux") {
            // Only what was read after the trim (the last MB or so) is still mapped.
            let kb = resident_kb(head.as_slice()).expect("the map in smaps");
            assert!(
                kb < 4096,
                "{kb} kB of the map still resident after the trim"
            );
        }
        // What was let go of reads back the same.
        assert_eq!(head.as_slice(), &body[..4096]);
        assert_eq!(file.read_bytes(0..len).unwrap().as_slice(), &body[..]);
    }
}
