//! The runtime catalogue and the regions, read from `catalogue.json` embedded at build time.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

use super::time::{parse_duration, Timestamp};

/// One runtime identifier (a major language release) and its lifecycle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Runtime {
    /// `python3.9`: what `Runtime` holds in the API.
    pub id: String,
    /// `python:3.9`: the prefix of a runtime version's display name.
    pub name: String,
    pub os: String,
    pub architectures: Vec<String>,
    /// When Lambda launched it: before then it is an unknown identifier.
    pub released: Timestamp,
    pub deprecation: Timestamp,
    pub block_function_create: Timestamp,
    pub block_function_update: Timestamp,
    /// Runtime version numbers released everywhere before the session starts, ascending.
    pub versions: Vec<u32>,
}

impl Runtime {
    /// `python:3.9.v14`
    pub fn version_name(&self, number: u32) -> String {
        format!("{}.v{number}", self.name)
    }

    pub fn supports(&self, architecture: &str) -> bool {
        self.architectures.iter().any(|a| a == architecture)
    }
}

/// How long a rollout's phases last by default ([choice]: AWS publishes no figures).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RolloutTiming {
    /// Between the start of one region and the next in stagger order.
    pub region_stagger: i64,
    /// From the start of phase 1 in a region to the start of phase 2 there.
    pub phase1: i64,
    /// Over how long phase 2 moves a region's remaining Auto function versions.
    pub phase2_window: i64,
}

/// A runtime of the catalogue (`python3.9`, `nodejs20.x`, ...), by its place in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RuntimeId(pub(crate) u16);

impl RuntimeId {
    /// Its place in the catalogue: for per-runtime tables and colour palettes.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A region of the catalogue, by its place in the stagger order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RegionId(pub(crate) u8);

impl std::ops::Index<RegionId> for Catalogue {
    type Output = str;
    /// Ids come only from this catalogue.
    fn index(&self, id: RegionId) -> &str {
        &self.regions[id.0 as usize]
    }
}

impl std::ops::Index<RuntimeId> for Catalogue {
    type Output = Runtime;
    /// Ids come only from this catalogue (the built-in one is shared by every state).
    fn index(&self, id: RuntimeId) -> &Runtime {
        &self.runtimes[id.index()]
    }
}

#[derive(Debug, PartialEq)]
pub struct Catalogue {
    pub runtimes: Vec<Runtime>,
    /// In rollout stagger order: a release reaches `regions[0]` first.
    pub regions: Vec<String>,
    pub rollout: RolloutTiming,
}

#[derive(Deserialize)]
struct RawRuntime {
    id: String,
    name: String,
    os: String,
    architectures: Vec<String>,
    deprecation: String,
    block_function_create: String,
    block_function_update: String,
    released: String,
    versions: Vec<u32>,
}

#[derive(Deserialize)]
struct RawRollout {
    region_stagger: String,
    phase1: String,
    phase2_window: String,
}

#[derive(Deserialize)]
struct RawCatalogue {
    regions: Vec<String>,
    rollout: RawRollout,
    runtimes: Vec<RawRuntime>,
}

impl Catalogue {
    pub fn parse(json: &str) -> Result<Catalogue, String> {
        let raw: RawCatalogue = serde_json::from_str(json).map_err(|e| format!("catalogue: {e}"))?;
        let date = |s: &str| Timestamp::parse_rfc3339(s).map_err(|e| format!("catalogue: {e}"));
        let mut runtimes = Vec::with_capacity(raw.runtimes.len());
        for r in raw.runtimes {
            if r.versions.is_empty() || r.versions.windows(2).any(|w| w[0] >= w[1]) {
                return Err(format!("catalogue: {} needs ascending runtime version numbers", r.id));
            }
            runtimes.push(Runtime {
                released: date(&r.released)?,
                deprecation: date(&r.deprecation)?,
                block_function_create: date(&r.block_function_create)?,
                block_function_update: date(&r.block_function_update)?,
                id: r.id,
                name: r.name,
                os: r.os,
                architectures: r.architectures,
                versions: r.versions,
            });
        }
        if raw.regions.is_empty() {
            return Err("catalogue: no regions".into());
        }
        Ok(Catalogue {
            runtimes,
            regions: raw.regions,
            rollout: RolloutTiming {
                region_stagger: parse_duration(&raw.rollout.region_stagger)?,
                phase1: parse_duration(&raw.rollout.phase1)?,
                phase2_window: parse_duration(&raw.rollout.phase2_window)?,
            },
        })
    }

    /// The catalogue compiled into the crate.
    pub fn builtin() -> &'static Catalogue {
        static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
        // The file ships inside the crate and a unit test parses it: this cannot fail at run time.
        CATALOGUE.get_or_init(|| Catalogue::parse(include_str!("catalogue.json")).expect("built-in catalogue"))
    }

    pub fn runtime(&self, id: &str) -> Option<&Runtime> {
        self.runtimes.iter().find(|r| r.id == id)
    }

    pub fn runtime_index(&self, id: &str) -> Option<RuntimeId> {
        self.runtimes.iter().position(|r| r.id == id).map(|i| RuntimeId(i as u16))
    }

    /// Every runtime with its id, in catalogue order.
    pub fn runtime_ids(&self) -> impl Iterator<Item = (RuntimeId, &Runtime)> {
        self.runtimes.iter().enumerate().map(|(i, r)| (RuntimeId(i as u16), r))
    }

    pub fn region_id(&self, region: &str) -> Option<RegionId> {
        self.regions.iter().position(|r| r == region).map(|i| RegionId(i as u8))
    }

    pub fn has_region(&self, region: &str) -> bool {
        self.regions.iter().any(|r| r == region)
    }

    /// `[nodejs18.x, nodejs20.x, ...]` as in AWS's enum validation message: the runtimes a
    /// function can be created with at `now` (launched, and not blocked for creation).
    pub fn runtime_enum(&self, now: Timestamp) -> String {
        let ids: Vec<&str> = self
            .runtimes
            .iter()
            .filter(|r| r.released <= now && now < r.block_function_create)
            .map(|r| r.id.as_str())
            .collect();
        format!("[{}]", ids.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalogue_has_the_issue_runtimes_and_regions() {
        let c = Catalogue::builtin();
        for id in [
            "nodejs18.x",
            "nodejs20.x",
            "nodejs22.x",
            "python3.9",
            "python3.11",
            "python3.12",
            "python3.13",
            "java17",
            "java21",
            "dotnet8",
            "ruby3.3",
            "provided.al2",
            "provided.al2023",
        ] {
            let r = c.runtime(id).unwrap_or_else(|| panic!("{id} missing"));
            assert!(r.supports("x86_64") && r.supports("arm64"), "{id}");
            assert!(
                r.deprecation <= r.block_function_create && r.block_function_create <= r.block_function_update,
                "{id}"
            );
        }
        for region in ["us-east-1", "us-west-2", "eu-west-1", "eu-south-1", "ap-southeast-2"] {
            assert!(c.has_region(region), "{region}");
        }
    }

    #[test]
    fn python39_is_at_v14_as_in_the_launch_post() {
        let r = Catalogue::builtin().runtime("python3.9").unwrap();
        assert_eq!(r.version_name(*r.versions.last().unwrap()), "python:3.9.v14");
        assert_eq!(Catalogue::builtin().runtime("provided.al2023").unwrap().version_name(3), "provided:al2023.v3");
    }

    #[test]
    fn rejects_a_broken_catalogue() {
        assert!(Catalogue::parse("{").is_err());
        let bad = r#"{"regions":["us-east-1"],"rollout":{"region_stagger":"1d","phase1":"1d","phase2_window":"1d"},
            "runtimes":[{"id":"x","name":"x:1","os":"o","architectures":["x86_64"],"released":"2019-01-01","deprecation":"2020-01-01",
            "block_function_create":"2020-01-01","block_function_update":"2020-01-01","versions":[3,2]}]}"#;
        assert!(Catalogue::parse(bad).unwrap_err().contains("ascending"));
    }
}
