//! The create-function form.

use yew::prelude::*;

use super::lifecycle_warning;
use crate::model::api::{CreateFunctionRequest, FunctionCode};
use crate::model::catalogue::Catalogue;
use crate::model::{Request, Timestamp};
use crate::ui::forms::{api, on_select, on_text};
use crate::ui::state::{use_dispatch, Action, Origin};

/// The role every function of the playground's one account runs as.
const ROLE: &str = "arn:aws:iam::123456789012:role/lambda-role";

/// The handler a new function of this runtime family gets.
fn default_handler(runtime: &str) -> &'static str {
    match runtime {
        r if r.starts_with("nodejs") => "index.handler",
        r if r.starts_with("java") => "example.Handler::handleRequest",
        r if r.starts_with("dotnet") => "Function::Function.Function::FunctionHandler",
        r if r.starts_with("provided") => "bootstrap",
        _ => "lambda_function.lambda_handler",
    }
}

#[derive(Properties, PartialEq)]
pub struct CreateProps {
    /// The day it is: which runtimes are deprecated.
    pub today: Timestamp,
    /// The console's region, the form's first choice.
    pub region: AttrValue,
}

#[component]
pub fn CreateFunction(props: &CreateProps) -> Html {
    let dispatch = use_dispatch();
    let name = use_state(|| "my-function".to_string());
    let runtime = use_state(|| "python3.9".to_string());
    let arch = use_state(|| "x86_64".to_string());
    let region = use_state(|| props.region.to_string());
    let catalogue = Catalogue::builtin();
    let now = props.today;
    let warning = catalogue.runtime(&runtime).and_then(|r| lifecycle_warning(r, now));
    let onsubmit = {
        let (name, runtime, arch, region) = (name.clone(), runtime.clone(), arch.clone(), region.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let request = Request::CreateFunction(CreateFunctionRequest {
                function_name: (*name).clone(),
                runtime: Some((*runtime).clone()),
                role: ROLE.into(),
                handler: Some(default_handler(&runtime).into()),
                code: FunctionCode { zip_file: format!("{}.zip", *name) },
                architectures: Some(vec![(*arch).clone()]),
                ..Default::default()
            });
            dispatch.dispatch(Action::Do { lines: vec![api(&region, request)], origin: Origin::Inspector });
        })
    };
    html! {
        <form class="form create" {onsubmit} aria-label="Create function">
            <h3>{"Create function"}</h3>
            <label>{"Function name"}<input value={(*name).clone()} oninput={on_text(&name)} data-testid="create-name" /></label>
            <label>{"Runtime"}
                <select onchange={on_select(&runtime)} data-testid="create-runtime">
                    // What Lambda offers that day: launched, and not yet retired.
                    for r in catalogue.runtimes.iter().filter(|r| r.released <= now && now < r.block_function_update) {
                        <option value={r.id.clone()} selected={*runtime == r.id}>
                            {if now >= r.deprecation { format!("{} (deprecated)", r.id) } else { r.id.clone() }}
                        </option>
                    }
                </select>
            </label>
            if let Some(w) = warning { <p class="warning" role="note">{w}</p> }
            <fieldset class="inline">
                <legend>{"Architecture"}</legend>
                for a in ["x86_64", "arm64"] {
                    <label class="radio"><input type="radio" name="create-arch" value={a} checked={*arch == a}
                        onchange={let arch = arch.clone(); Callback::from(move |_| arch.set(a.to_string()))} />{a}</label>
                }
            </fieldset>
            <label>{"Region"}
                <select onchange={on_select(&region)}>
                    for r in &catalogue.regions {
                        <option value={r.clone()} selected={*region == *r}>{r.clone()}</option>
                    }
                </select>
            </label>
            <div class="form-actions">
                <button type="submit" class="primary" data-testid="create-submit">{"Create function"}</button>
            </div>
        </form>
    }
}
