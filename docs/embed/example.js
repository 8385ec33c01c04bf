// The snippet a documentation author copies: import the playground once, then mount embeds.
import init, { mount } from "../../playground.js";

const rollout = `# Two functions in eu-south-1 on python3.9, both in Auto mode.
aws lambda create-function --function-name orders --runtime python3.9 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://orders.zip --region eu-south-1
aws lambda create-function --function-name payments --runtime python3.9 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://payments.zip --region eu-south-1
sim release python3.9
sim advance 1d
aws lambda update-function-code --function-name orders --zip-file fileb://orders-v2.zip --region eu-south-1
sim advance 4d
`;

const manual = `# orders relies on a TLS behaviour that python:3.9.v15 removes.
sim region eu-south-1
aws lambda create-function --function-name orders --runtime python3.9 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://orders.zip
sim relies-on orders ssl-legacy-renegotiation
sim release python3.9 --changes ssl-legacy-renegotiation
sim advance 5d
aws lambda invoke --function-name orders response.json
# Pin the version that worked.
aws lambda put-runtime-management-config --function-name orders --update-runtime-on Manual --runtime-version-arn arn:aws:lambda:eu-south-1::runtime:5d78356d0ab527d7a46f221563948120c754042c0826389fa2ce37370518d186
aws lambda invoke --function-name orders response.json
`;

await init();
mount("#rollout", { script: rollout, view: "timeline", readonly: true });
// This one keeps what the reader types (under its own key), for the next visit.
mount("#manual", { script: manual, view: "console", theme: "light", storage: "docs-example-manual" });

// The iframe: this page's origin is the one allowed to talk to it.
const frame = document.getElementById("frame");
const status = document.getElementById("frame-status");
const origin = window.location.origin;
const protocol = "lambda-runtime-playground/1";
frame.src = `../../embed.html?view=full&theme=dark&parent=${encodeURIComponent(origin)}`;
window.addEventListener("message", (event) => {
  if (event.origin !== origin || event.source !== frame.contentWindow) return;
  const message = event.data;
  if (message?.protocol !== protocol) return;
  if (message.type === "ready") {
    frame.contentWindow.postMessage({ protocol, type: "load", script: rollout }, origin);
  } else if (message.type === "state") {
    status.textContent = `The playground ran ${message.lines} lines; its clock reads ${message.now}.`;
  } else if (message.type === "error") {
    status.textContent = `The playground refused a message: ${message.message}`;
  }
});
