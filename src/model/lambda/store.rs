//! Functions and their versions, as stored: every version the session made (deleted ones keep
//! their history for the timeline) by `VersionId`, and the live functions by region and name.

use crate::order::Map;
use std::ops::{Index, IndexMut};
use std::rc::Rc;

use crate::function::{Function, FunctionVersion, VersionId};

/// Versions are shared between a state and its snapshots (history keeps up to 16) until one of
/// them changes a version: a snapshot costs a pointer per version it did not touch.
#[derive(Clone, Debug, Default)]
pub(super) struct Store {
    versions: Vec<Rc<FunctionVersion>>,
    /// (region, name) to the function.
    pub(super) functions: Map<(String, String), Function>,
    /// The last version number of each deleted function, by (region, name): a function created
    /// again under that name numbers on from it.
    pub(super) retired: Map<(String, String), u32>,
    /// Counts mutable accesses to versions; `stamps[i]` is its value at version i's last one.
    /// What the UI compares to skip unchanged rows and lanes. Not part of the state: a replay
    /// in other steps reaches the same state with other counts.
    clock: u64,
    stamps: Vec<u64>,
}

/// The versions and functions, not the change counters.
impl PartialEq for Store {
    fn eq(&self, other: &Store) -> bool {
        self.versions == other.versions && self.functions == other.functions && self.retired == other.retired
    }
}

impl Store {
    pub(super) fn push(&mut self, v: FunctionVersion) -> VersionId {
        // [choice] u32 ids: no session comes near four billion versions (commands are bounded).
        let id = VersionId(self.versions.len() as u32);
        self.versions.push(Rc::new(v));
        self.clock += 1;
        self.stamps.push(self.clock);
        id
    }

    /// Access for changes nothing on screen shows (healthy background invocations being
    /// counted, an environment kept warm): the version keeps its stamp.
    pub(super) fn quiet_mut(&mut self, id: VersionId) -> &mut FunctionVersion {
        Rc::make_mut(&mut self.versions[id.0 as usize])
    }

    /// Stamps a version as changed without changing it (an event about it was recorded).
    pub(super) fn touch(&mut self, id: VersionId) {
        let _ = &mut self[id];
    }

    /// Changes since the session began: moves whenever any version changed.
    pub(super) fn clock(&self) -> u64 {
        self.clock
    }

    pub(super) fn stamp(&self, id: VersionId) -> Option<u64> {
        self.stamps.get(id.0 as usize).copied()
    }

    pub(super) fn get(&self, id: VersionId) -> Option<&FunctionVersion> {
        self.versions.get(id.0 as usize).map(Rc::as_ref)
    }

    pub(super) fn len(&self) -> usize {
        self.versions.len()
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = (VersionId, &FunctionVersion)> {
        self.versions.iter().enumerate().map(|(i, v)| (VersionId(i as u32), v.as_ref()))
    }

    pub(super) fn function_of(&self, id: VersionId) -> Option<&Function> {
        let v = self.get(id)?;
        self.functions.get(&(v.region.clone(), v.function_name.clone()))
    }

    pub(super) fn function_mut(&mut self, id: VersionId) -> Option<&mut Function> {
        let v = self.get(id)?;
        let key = (v.region.clone(), v.function_name.clone());
        self.functions.get_mut(&key)
    }
}

/// Ids inside the model come from this store: indexing by one cannot miss.
impl Index<VersionId> for Store {
    type Output = FunctionVersion;
    fn index(&self, id: VersionId) -> &FunctionVersion {
        &self.versions[id.0 as usize]
    }
}

/// Every mutable access stamps the version as changed: no change can forget to.
impl IndexMut<VersionId> for Store {
    fn index_mut(&mut self, id: VersionId) -> &mut FunctionVersion {
        self.clock += 1;
        self.stamps[id.0 as usize] = self.clock;
        Rc::make_mut(&mut self.versions[id.0 as usize])
    }
}
