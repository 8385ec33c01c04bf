//! Aliases: CreateAlias, GetAlias, UpdateAlias, ListAliases, DeleteAlias, and what an alias
//! qualifier means elsewhere (reads answer for its primary version; Invoke routes by weight).
//! Messages and status codes as LAMBDA.md records them ("Aliases and weighted routing").

use crate::order::Map;

use super::{EventKind, EventScope, Lambda};
use crate::api::*;
use crate::arn::function_arn;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::function::{Alias, Qualifier, VersionId};

/// `(?!^[0-9]+$)([a-zA-Z0-9-_]+)`, 1 to 128 characters.
fn check_name(name: &str) -> ApiResult<()> {
    let pattern = name.is_empty()
        || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        || name.bytes().all(|b| b.is_ascii_digit());
    if pattern {
        return Err(ApiError::validation(
            name,
            "name",
            "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)",
        ));
    }
    if name.chars().count() > 128 {
        return Err(ApiError::validation(name, "name", "Member must have length less than or equal to 128"));
    }
    Ok(())
}

/// The weights' range, checked with the request's other constraints: `{2=2.0}` is how the
/// service prints the map (Java's).
fn check_weights(routing: &Option<AliasRoutingConfiguration>) -> ApiResult<()> {
    let Some(r) = routing else { return Ok(()) };
    if r.additional_version_weights.values().any(|w| !(0.0..=1.0).contains(w)) {
        let shown: Vec<String> =
            r.additional_version_weights.iter().map(|(k, w)| format!("{k}={}", java_double(*w))).collect();
        return Err(ApiError::validation(
            &format!("{{{}}}", shown.join(", ")),
            "routingConfig.additionalVersionWeights",
            "Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]",
        ));
    }
    Ok(())
}

/// A double as Java prints it: `2.0`, `0.05`.
fn java_double(w: f64) -> String {
    if w.fract() == 0.0 && w.abs() < 1e7 {
        crate::decimal::fixed(w, 1)
    } else {
        crate::decimal::shortest(w)
    }
}

impl Lambda {
    fn alias_arn(region: &str, function: &str, alias: &str) -> String {
        function_arn(region, function, Some(alias))
    }

    /// The function's `$LATEST` and key for an alias operation.
    pub(super) fn alias_function(&self, region: &str, name: &str) -> ApiResult<(VersionId, (String, String))> {
        let latest = self.resolve(region, name, None)?;
        let v = &self.store[latest];
        Ok((latest, (v.region.clone(), v.function_name.clone())))
    }

    /// `$LATEST` or an existing published version of the function, for an alias to point at.
    pub(super) fn alias_target(&self, key: &(String, String), version: &str) -> ApiResult<Qualifier> {
        let not_found =
            || ApiError::not_found(format!("Function not found: {}", function_arn(&key.0, &key.1, Some(version))));
        let q = Qualifier::parse(version).ok_or_else(not_found)?;
        match q {
            Qualifier::Latest => Ok(q),
            Qualifier::Version(n) => {
                let f = self.store.functions.get(key).ok_or_else(not_found)?;
                f.published.contains_key(&n).then_some(q).ok_or_else(not_found)
            }
        }
    }

    /// The routing an alias with this primary may have: one extra published version, not the
    /// primary, of the same execution role.
    fn alias_routing(
        &self,
        key: &(String, String),
        primary: Qualifier,
        routing: &Option<AliasRoutingConfiguration>,
    ) -> ApiResult<Option<(u32, f64)>> {
        let Some(r) = routing else { return Ok(None) };
        let weights = &r.additional_version_weights;
        if weights.len() > 1 {
            return Err(ApiError::invalid_parameter(
                "Number of items in AdditionalVersionWeights cannot be greater than 1",
            ));
        }
        let Some((extra, &weight)) = weights.iter().next() else { return Ok(None) };
        if primary == Qualifier::Latest {
            return Err(ApiError::invalid_parameter(
                "$LATEST is not supported for an alias pointing to more than 1 version",
            ));
        }
        if Qualifier::parse(extra) == Some(primary) {
            return Err(ApiError::invalid_parameter(format!(
                "Invalid function version {extra}. Function version {extra} is already included in routing configuration."
            )));
        }
        let Qualifier::Version(n) = self.alias_target(key, extra)? else {
            return Err(ApiError::invalid_parameter(
                "$LATEST is not supported for an alias pointing to more than 1 version",
            ));
        };
        let f = &self.store.functions[key];
        let role = |q: Qualifier| match q {
            Qualifier::Latest => Some(&self.store[f.latest].config.role),
            Qualifier::Version(v) => f.published.get(&v).map(|&id| &self.store[id].config.role),
        };
        if role(primary) != role(Qualifier::Version(n)) {
            return Err(ApiError::invalid_parameter(
                "Specified versions must be associated with the same execution role",
            ));
        }
        Ok(Some((n, weight)))
    }

    fn alias_configuration(region: &str, function: &str, name: &str, a: &Alias) -> AliasConfiguration {
        AliasConfiguration {
            alias_arn: Self::alias_arn(region, function, name),
            name: name.to_string(),
            function_version: a.function_version.to_string(),
            description: a.description.clone(),
            routing_config: a.routing.map(|(v, w)| AliasRoutingConfiguration {
                additional_version_weights: Map::from([(v.to_string(), w)]),
            }),
            revision_id: a.revision_id.clone(),
        }
    }

    pub(super) fn create_alias(&mut self, region: &str, r: &CreateAliasRequest) -> ApiResult<AliasConfiguration> {
        check_name(&r.name)?;
        check_weights(&r.routing_config)?;
        let (latest, key) = self.alias_function(region, &r.function_name)?;
        let primary = self.alias_target(&key, &r.function_version)?;
        let routing = self.alias_routing(&key, primary, &r.routing_config)?;
        if self.store.functions[&key].aliases.contains_key(&r.name) {
            return Err(ApiError::conflict(format!(
                "Alias already exists: {}",
                Self::alias_arn(&key.0, &key.1, &r.name)
            )));
        }
        let alias = Alias {
            function_version: primary,
            description: r.description.clone().unwrap_or_default(),
            routing,
            revision_id: self.rng.uuid(),
        };
        let out = Self::alias_configuration(&key.0, &key.1, &r.name, &alias);
        let detail = format!("CreateAlias: {}", routing_text(&alias));
        self.alias_event(&key, &r.name, &alias, detail);
        if let Some(f) = self.store.functions.get_mut(&key) {
            f.aliases.insert(r.name.clone(), alias);
        }
        self.store.touch(latest);
        self.retarget_traffic(&key);
        Ok(out)
    }

    /// Records an alias's routing from now on: the alias lane draws its band from these.
    pub(super) fn alias_event(&mut self, key: &(String, String), name: &str, a: &Alias, detail: String) {
        let kind = EventKind::AliasRouting {
            primary: a.function_version,
            extra: a.routing.map(|(n, w)| (n, super::events::share_ppm(w))),
        };
        let scope = EventScope::Alias { region: key.0.clone(), function_name: key.1.clone(), alias: name.to_string() };
        self.events.push(std::rc::Rc::new(super::Event { at: self.now, scope, kind, detail }));
    }

    pub(super) fn get_alias(&self, region: &str, r: &AliasRequest) -> ApiResult<AliasConfiguration> {
        let (_, key) = self.alias_function(region, &r.function_name)?;
        let a = self.store.functions[&key].aliases.get(&r.name).ok_or_else(|| {
            ApiError::not_found(format!("Cannot find alias arn: {}", Self::alias_arn(&key.0, &key.1, &r.name)))
        })?;
        Ok(Self::alias_configuration(&key.0, &key.1, &r.name, a))
    }

    /// Validation takes the new primary version when the update gives one (promoting the extra
    /// version and keeping the old primary as the extra is the usual step). Every update gets a
    /// new RevisionId, even one that changes nothing.
    pub(super) fn update_alias(&mut self, region: &str, r: &UpdateAliasRequest) -> ApiResult<AliasConfiguration> {
        check_weights(&r.routing_config)?;
        let (latest, key) = self.alias_function(region, &r.function_name)?;
        let current = self.store.functions[&key].aliases.get(&r.name).cloned().ok_or_else(|| {
            ApiError::not_found(format!("Alias not found: {}", Self::alias_arn(&key.0, &key.1, &r.name)))
        })?;
        if r.revision_id.as_ref().is_some_and(|given| *given != current.revision_id) {
            return Err(ApiError::new(
                ErrorCode::PreconditionFailedException,
                "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
            ));
        }
        let primary = match &r.function_version {
            Some(v) => self.alias_target(&key, v)?,
            None => current.function_version,
        };
        let routing = match &r.routing_config {
            Some(_) => self.alias_routing(&key, primary, &r.routing_config)?,
            None => {
                // The routing kept must still fit the (possibly new) primary.
                let kept = current.routing.map(|(v, w)| AliasRoutingConfiguration {
                    additional_version_weights: Map::from([(v.to_string(), w)]),
                });
                self.alias_routing(&key, primary, &kept)?
            }
        };
        let alias = Alias {
            function_version: primary,
            description: r.description.clone().unwrap_or(current.description),
            routing,
            revision_id: self.rng.uuid(),
        };
        let out = Self::alias_configuration(&key.0, &key.1, &r.name, &alias);
        if (alias.function_version, alias.routing) != (current.function_version, current.routing) {
            let detail = format!("UpdateAlias: {}", routing_text(&alias));
            self.alias_event(&key, &r.name, &alias, detail);
        }
        if let Some(f) = self.store.functions.get_mut(&key) {
            f.aliases.insert(r.name.clone(), alias);
        }
        self.store.touch(latest);
        self.retarget_traffic(&key);
        Ok(out)
    }

    pub(super) fn list_aliases(&self, region: &str, r: &ListAliasesRequest) -> ApiResult<ListAliasesResponse> {
        let (_, key) = self.alias_function(region, &r.function_name)?;
        let f = &self.store.functions[&key];
        let mut aliases: Vec<AliasConfiguration> = f
            .aliases
            .iter()
            .filter(|(_, a)| {
                r.function_version.as_deref().is_none_or(|v| {
                    a.function_version.to_string() == v || a.routing.is_some_and(|(n, _)| n.to_string() == v)
                })
            })
            .map(|(name, a)| Self::alias_configuration(&key.0, &key.1, name, a))
            .collect();
        if let Some(max) = r.max_items {
            aliases.truncate(max as usize);
        }
        Ok(ListAliasesResponse { aliases })
    }

    /// Idempotent: deleting an alias that does not exist succeeds.
    pub(super) fn delete_alias(&mut self, region: &str, r: &AliasRequest) -> ApiResult<()> {
        let (latest, key) = self.alias_function(region, &r.function_name)?;
        if let Some(f) = self.store.functions.get_mut(&key) {
            if f.aliases.remove(&r.name).is_some() {
                let scope =
                    EventScope::Alias { region: key.0.clone(), function_name: key.1.clone(), alias: r.name.clone() };
                let event = super::Event { at: self.now, scope, kind: EventKind::AliasDeleted, detail: String::new() };
                self.events.push(std::rc::Rc::new(event));
                self.store.touch(latest);
                // Traffic through it stops with it.
                self.traffic.aliases.remove(&(key.0.clone(), key.1.clone(), r.name.clone()));
                self.retarget_traffic(&key);
            }
        }
        Ok(())
    }

    /// The aliases that route to published version `n` (primary or extra), by name.
    pub(super) fn aliases_referencing(&self, key: &(String, String), n: u32) -> Vec<String> {
        let Some(f) = self.store.functions.get(key) else { return Vec::new() };
        f.aliases
            .iter()
            .filter(|(_, a)| a.function_version == Qualifier::Version(n) || a.routing.is_some_and(|(v, _)| v == n))
            .map(|(name, _)| name.clone())
            .collect()
    }

    /// Which version an invocation through an alias runs: the extra one with its weight's
    /// probability, drawn from the session's generator (the same on every replay).
    pub(super) fn route(&mut self, key: &(String, String), alias: &str) -> Option<VersionId> {
        let f = self.store.functions.get(key)?;
        let a = f.aliases.get(alias)?;
        let primary = match a.function_version {
            Qualifier::Latest => f.latest,
            Qualifier::Version(n) => *f.published.get(&n)?,
        };
        let Some((extra, weight)) = a.routing else { return Some(primary) };
        let extra = f.published.get(&extra).copied();
        let draw = self.rng.unit();
        Some(match extra {
            Some(id) if draw < weight => id,
            _ => primary,
        })
    }
}

/// `version 1, 10% to version 2`: an alias's routing in an event's detail.
pub(super) fn routing_text(a: &Alias) -> String {
    match a.routing {
        Some((n, w)) => format!(
            "version {}, {}% to version {n}",
            a.function_version,
            crate::decimal::shortest((w * 1e4).round() / 1e2)
        ),
        None => format!("version {}", a.function_version),
    }
}

/// The alias a qualifier names, if it is not `$LATEST` or a version number.
pub(super) fn alias_name(qualifier: Option<&str>) -> Option<&str> {
    qualifier.filter(|q| Qualifier::parse(q).is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_weights() {
        assert!(check_name("live").is_ok() && check_name("2024-01-02").is_ok());
        let e = check_name("2024").unwrap_err();
        assert_eq!(e.code, ErrorCode::ValidationException);
        assert_eq!(java_double(2.0), "2.0");
        assert_eq!(java_double(0.05), "0.05");
    }
}
