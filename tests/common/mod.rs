//! A small driver over the model's API for the story tests.
#![allow(dead_code)]

use lambda_runtime_playground::model::api::*;
use lambda_runtime_playground::model::history::Output;
use lambda_runtime_playground::model::time::{Timestamp, DEFAULT_CLOCK};
use lambda_runtime_playground::model::*;

pub const ROLE: &str = "arn:aws:iam::123456789012:role/lambda-role";

pub struct Driver {
    pub lambda: Lambda,
    pub region: String,
}

impl Driver {
    pub fn new(region: &str) -> Driver {
        Driver { lambda: Lambda::new(DEFAULT_CLOCK, 42), region: region.to_string() }
    }

    pub fn at(&self, region: &str) -> Driver {
        Driver { lambda: self.lambda.clone(), region: region.to_string() }
    }

    pub fn call(&mut self, request: Request) -> ApiResult<Response> {
        let command = Command::Api { region: self.region.clone(), request };
        self.lambda.apply(&command).map(|o| match o {
            Output::Api(r) => r,
            Output::Sim(_) => unreachable!(),
        })
    }

    pub fn sim(&mut self, directive: Directive) -> ApiResult<serde_json::Value> {
        let command = Command::Sim { region: self.region.clone(), directive };
        self.lambda.apply(&command).map(|o| match o {
            Output::Sim(v) => serde_json::to_value(v).expect("sim outputs are JSON"),
            Output::Api(_) => unreachable!(),
        })
    }

    pub fn in_region(&mut self, region: &str) -> &mut Self {
        self.region = region.to_string();
        self
    }

    pub fn create(&mut self, name: &str, runtime: &str) -> FunctionConfiguration {
        match self.call(Request::CreateFunction(create_request(name, runtime))) {
            Ok(Response::Function(c)) => *c,
            other => panic!("create {name}: {other:?}"),
        }
    }

    pub fn update_code(&mut self, name: &str, zip: &str) -> FunctionConfiguration {
        match self.call(Request::UpdateFunctionCode(UpdateFunctionCodeRequest {
            function_name: name.into(),
            zip_file: zip.into(),
            ..Default::default()
        })) {
            Ok(Response::Function(c)) => *c,
            other => panic!("update {name}: {other:?}"),
        }
    }

    pub fn publish(&mut self, name: &str) -> FunctionConfiguration {
        match self
            .call(Request::PublishVersion(PublishVersionRequest { function_name: name.into(), ..Default::default() }))
        {
            Ok(Response::Function(c)) => *c,
            other => panic!("publish {name}: {other:?}"),
        }
    }

    pub fn put_mode(
        &mut self,
        name: &str,
        qualifier: Option<&str>,
        mode: &str,
        arn: Option<&str>,
    ) -> ApiResult<Response> {
        self.call(Request::PutRuntimeManagementConfig(PutRuntimeManagementConfigRequest {
            function_name: name.into(),
            qualifier: qualifier.map(Into::into),
            update_runtime_on: mode.into(),
            runtime_version_arn: arn.map(Into::into),
        }))
    }

    pub fn invoke(&mut self, name: &str, qualifier: Option<&str>) -> InvokeResponse {
        match self.call(Request::Invoke(InvokeRequest {
            function_name: name.into(),
            qualifier: qualifier.map(Into::into),
            log_type: Some("Tail".into()),
            ..Default::default()
        })) {
            Ok(Response::Invoke(r)) => r,
            other => panic!("invoke {name}: {other:?}"),
        }
    }

    /// The runtime version a function version runs now, e.g. `python:3.9.v14`.
    pub fn version_of(&self, name: &str, qualifier: Option<&str>) -> String {
        let id = self.lambda.resolve(&self.region, name, qualifier).expect("function exists");
        self.lambda.runtime_version_name(id).expect("a version of this state")
    }

    pub fn advance(&mut self, ms: i64) {
        let t = self.lambda.now().plus(ms);
        self.lambda.advance_to(t);
    }

    pub fn release(&mut self, runtime: &str, changes: &[&str]) -> serde_json::Value {
        self.sim(Directive::Release {
            runtime: runtime.into(),
            regions: vec![],
            changes: changes.iter().map(|c| c.to_string()).collect(),
        })
        .expect("release")
    }

    pub fn relies_on(&mut self, name: &str, behaviour: &str) {
        self.sim(Directive::ReliesOn { function: name.into(), behaviour: behaviour.into() }).expect("relies-on");
    }

    pub fn now(&self) -> Timestamp {
        self.lambda.now()
    }
}

/// A CreateFunction request with the defaults the tests share.
pub fn create_request(name: &str, runtime: &str) -> CreateFunctionRequest {
    CreateFunctionRequest {
        function_name: name.into(),
        runtime: Some(runtime.into()),
        role: ROLE.into(),
        handler: Some("app.handler".into()),
        code: FunctionCode { zip_file: format!("{name}-v1.zip") },
        ..Default::default()
    }
}

/// Decodes a `LogResult` (base64 of the invocation's log tail).
pub fn decode_log(b64: &str) -> String {
    let bytes = lambda_runtime_playground::model::digest::python_b64decode(b64).expect("base64");
    String::from_utf8(bytes).expect("utf-8 log")
}
