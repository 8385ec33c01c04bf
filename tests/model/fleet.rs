//! The fleet view's counts: how many function versions run each runtime version over time.
//! API-level: a chart's numbers are not a transcript.

use lambda_runtime_playground::app::Session;
use lambda_runtime_playground::model::query::{fleet, fleet_members};
use lambda_runtime_playground::model::time::DAY;

#[test]
fn the_fleet_moves_from_one_runtime_version_to_the_next_in_two_phases() {
    let mut s = Session::new();
    let mut script = String::from("sim region eu-south-1\n");
    for i in 1..=12 {
        script.push_str(&format!(
            "aws lambda create-function --function-name fn{i} --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler app.handler --zip-file fileb://f.zip\n"
        ));
    }
    script.push_str("aws lambda put-runtime-management-config --function-name fn12 --update-runtime-on Manual --runtime-version-arn arn:aws:lambda:eu-south-1::runtime:5d78356d0ab527d7a46f221563948120c754042c0826389fa2ce37370518d186\n");
    script.push_str("sim release python3.9\nsim advance 1d\n");
    script.push_str("aws lambda update-function-code --function-name fn1 --zip-file fileb://f2.zip\n");
    script.push_str("sim advance 6d\n");
    for r in s.run_script(&script) {
        assert!(r.ok(), "{}: {}", r.command, r.printed);
    }
    let l = s.history().live();
    let start = s.history().start;
    let charts = fleet(l, start, l.now(), 8);
    assert_eq!(charts.len(), 1, "one region, one runtime");
    let chart = &charts[0];
    assert_eq!(chart.region, "eu-south-1");
    let band = |n: u32| chart.bands.iter().find(|(b, _)| *b == n).map(|(_, c)| c.clone()).unwrap_or_default();
    let (v14, v15) = (band(14), band(15));
    // At the start the twelve ran v14; at the end all but the Manual one run v15.
    assert_eq!((v14[0], v15[0]), (12, 0), "{v14:?} {v15:?}");
    assert_eq!((v14[7], v15[7]), (1, 11), "{v14:?} {v15:?}");
    // Every instant counts every version once.
    assert!(v14.iter().zip(&v15).all(|(a, b)| a + b == 12));
    // Phase 1 moved fn1 alone before phase 2 began: a count of one on v15 appears first.
    let (_, p1, p2, p2_end) = chart.phases[0];
    assert!(p1 < p2 && p2 < p2_end);
    assert!(chart.times.iter().zip(&v15).any(|(t, c)| *t < p2 && *c == 1), "{:?} {v15:?}", chart.times);

    let moved = fleet_members(l, "eu-south-1", chart.runtime, 15, l.now());
    assert_eq!(moved.len(), 11);
    let first = l.version(moved[0]).unwrap();
    let second = l.version(moved[1]).unwrap();
    assert_eq!((first.function_name.as_str(), second.function_name.as_str()), ("fn1", "fn2"), "natural order");
    assert_eq!(fleet_members(l, "eu-south-1", chart.runtime, 14, l.now().plus(-7 * DAY)).len(), 12);
}
