//! Determinism: the same commands and seed give the same state, however it is replayed.

use lambda_runtime_playground::model::api::*;
use lambda_runtime_playground::model::history::History;
use lambda_runtime_playground::model::time::{DAY, DEFAULT_CLOCK, HOUR};
use lambda_runtime_playground::model::*;

use crate::common::create_request;

const HOME: &str = "eu-south-1";

fn scripted(seed: u64) -> History {
    let mut h = History::with_snapshot_every(DEFAULT_CLOCK, seed, 3);
    let api = |request: Request| Command::Api { region: HOME.into(), request };
    let sim = |directive: Directive| Command::Sim { region: HOME.into(), directive };
    let _ = h.execute(api(Request::CreateFunction(create_request("f", "python3.9"))));
    let _ = h.execute(api(Request::CreateFunction(create_request("g", "nodejs18.x"))));
    let _ = h.execute(api(Request::Invoke(InvokeRequest { function_name: "f".into(), ..Default::default() })));
    let _ = h.execute(sim(Directive::Traffic { function: "g".into(), qualifier: None, per_minute: 3.5 }));
    let _ =
        h.execute(sim(Directive::Release { runtime: "python3.9".into(), regions: vec![], changes: vec!["x".into()] }));
    h.advance_to(DEFAULT_CLOCK.plus(HOUR));
    let _ = h.execute(api(Request::PublishVersion(PublishVersionRequest {
        function_name: "f".into(),
        ..Default::default()
    })));
    let _ = h.execute(sim(Directive::ReliesOn { function: "f".into(), behaviour: "x".into() }));
    let _ = h.execute(api(Request::UpdateFunctionCode(UpdateFunctionCodeRequest {
        function_name: "f".into(),
        zip_file: "f-v2.zip".into(),
        ..Default::default()
    })));
    h.advance_to(DEFAULT_CLOCK.plus(3 * DAY));
    let _ = h.execute(api(Request::Invoke(InvokeRequest { function_name: "f".into(), ..Default::default() })));
    h.advance_to(DEFAULT_CLOCK.plus(6 * DAY));
    h
}

#[test]
fn the_same_commands_give_the_same_state() {
    let a = scripted(7);
    let b = scripted(7);
    assert!(a.live() == b.live());
    let now = a.now();
    assert!(&a.state_at(now) == a.live(), "replay through snapshots");
    assert!(&a.replay_from_scratch(now) == a.live(), "replay from scratch");
    let middle = DEFAULT_CLOCK.plus(2 * DAY);
    assert!(a.state_at(middle) == a.replay_from_scratch(middle));
    assert!(&a.state_at(middle) != a.live());
    assert!(scripted(8).live() != a.live(), "the seed matters");
}
