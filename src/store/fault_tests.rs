//! A full disk during a save: the order file is untouched, no temp file is left, the message says
//! what to do, and the same save succeeds once there is room again.

use super::atomic::{Sink, open_private, stale_temp_files};
use super::{Store, StoreError};
use crate::domain::{FieldKey, FieldValue, Order, OrderFields};
use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// A temp file on a disk with room for 100 bytes: then `StorageFull`, like ENOSPC.
struct FullDisk {
    file: Box<dyn Sink>,
    room: usize,
}

impl Write for FullDisk {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.room == 0 {
            return Err(io::Error::from(io::ErrorKind::StorageFull));
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        self.file.write(&buf[..n])
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Sink for FullDisk {
    fn sync_all(&mut self) -> io::Result<()> {
        self.file.sync_all()
    }
}

fn full_disk(temp: &Path) -> io::Result<Box<dyn Sink>> {
    Ok(Box::new(FullDisk {
        file: open_private(temp)?,
        room: 100,
    }))
}

#[test]
fn a_full_disk_leaves_the_order_as_it_was_and_a_retry_saves()
-> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let (mut store, _) = Store::open(dir.path())?;
    let mut fields = OrderFields::default();
    fields.set(FieldKey::OrderName, FieldValue::Text("before".into()));
    let mut order = Order::new(store.new_id(), fields, jiff::Timestamp::UNIX_EPOCH);
    store.create(order.clone())?;
    let path = store.orders_dir().join(format!("{}.json", order.id));
    let before = fs::read(&path)?;

    order.fields.order_name = "after".into();
    store.open_temp = full_disk;
    let err = store.save(&order).err().ok_or("the save should fail")?;
    let StoreError::Write { source, .. } = &err else {
        return Err(format!("not a write error: {err:?}").into());
    };
    assert_eq!(source.kind(), io::ErrorKind::StorageFull);
    let message = err.to_string();
    assert!(message.contains("free some space"), "{message}");
    assert!(message.contains("edit is kept"), "{message}");
    assert_eq!(fs::read(&path)?, before, "the order file is untouched");
    assert!(
        stale_temp_files(&store.orders_dir()).is_empty(),
        "no temp file is left"
    );
    assert_eq!(
        store.get(&order.id)?.revision,
        1,
        "the store still holds what is on disk"
    );

    // Space freed: the same edit, still in memory, saves.
    store.open_temp = open_private;
    store.save(&order)?;
    let (reopened, notices) = Store::open(dir.path())?;
    assert!(notices.is_empty(), "{notices:?}");
    let saved = reopened.get(&order.id)?;
    assert_eq!(
        (saved.revision, saved.order.fields.order_name.as_str()),
        (2, "after")
    );
    Ok(())
}
