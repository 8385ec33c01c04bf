//! Functions and their versions, as stored: every version the session made (deleted ones keep
//! their history for the timeline) by `VersionId`, and the live functions by region and name.

use std::collections::BTreeMap;
use std::ops::{Index, IndexMut};

use crate::model::function::{Function, FunctionVersion, VersionId};

#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Store {
    versions: Vec<FunctionVersion>,
    /// (region, name) to the function.
    pub(super) functions: BTreeMap<(String, String), Function>,
}

impl Store {
    pub(super) fn push(&mut self, v: FunctionVersion) -> VersionId {
        // [choice] u32 ids: no session comes near four billion versions (commands are bounded).
        let id = VersionId(self.versions.len() as u32);
        self.versions.push(v);
        id
    }

    pub(super) fn get(&self, id: VersionId) -> Option<&FunctionVersion> {
        self.versions.get(id.0 as usize)
    }

    pub(super) fn len(&self) -> usize {
        self.versions.len()
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = (VersionId, &FunctionVersion)> {
        self.versions.iter().enumerate().map(|(i, v)| (VersionId(i as u32), v))
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

impl IndexMut<VersionId> for Store {
    fn index_mut(&mut self, id: VersionId) -> &mut FunctionVersion {
        &mut self.versions[id.0 as usize]
    }
}
