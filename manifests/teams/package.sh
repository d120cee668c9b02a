#!/usr/bin/env bash
# Builds ScribeBot's side-loadable Teams app package: manifest.json with its placeholders filled in, color.png and
# outline.png, all three at the root of the zip (Teams refuses a package whose files sit in a folder).
#
#   package.sh APP_ID [OUT.zip]
#
#   APP_ID   the bot's Microsoft App ID (MicrosoftAppId: the Application (client) ID of its Entra app), a GUID.
#            It is the app's id, the bot's id, the message action's bot and the id consented to for
#            ChannelMessage.Read.Group.
#   OUT.zip  where to write the package; default ./scribebot-teams.zip. Its directory must exist.
#
# Optional environment, shown on the app's details page in Teams (the defaults do for side-loading into your own
# tenant; set them to your organisation's pages otherwise):
#   DEVELOPER_NAME          at most 32 characters             default: ScribeBot
#   DEVELOPER_WEBSITE_URL   an https:// URL                   default: https://example.com/scribebot
#   DEVELOPER_PRIVACY_URL   an https:// URL                   default: https://example.com/scribebot/privacy
#   DEVELOPER_TERMS_URL     an https:// URL                   default: https://example.com/scribebot/terms
#
# Exit codes: 0 written; 2 bad arguments (nothing written); 1 anything else. Needs bash and python3 (stdlib only).
set -euo pipefail

usage() {
  echo "usage: $(basename "$0") APP_ID [OUT.zip]   (APP_ID: the bot's Microsoft App ID, a GUID)" >&2
}

if [[ $# -lt 1 || $# -gt 2 ]]; then
  usage
  exit 2
fi

app_id=$1
guid='^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$'
if [[ ! $app_id =~ $guid ]]; then
  echo "error: APP_ID must be the bot's Microsoft App ID, a GUID like 0b7a1c5e-3f2d-4e8a-9c61-2d4f8e9a7b10; got '$app_id'" >&2
  usage
  exit 2
fi

out=${2:-scribebot-teams.zip}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if ! command -v python3 >/dev/null 2>&1; then
  echo "error: python3 is needed to write the zip" >&2
  exit 1
fi

python3 - "$here" "${app_id,,}" "$out" <<'PY'
import json
import os
import re
import sys
import tempfile
import zipfile

here, app_id, out = sys.argv[1:4]


def fail(message, code=2):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(code)


values = {"MICROSOFT_APP_ID": app_id}
defaults = {
    "DEVELOPER_NAME": "ScribeBot",
    "DEVELOPER_WEBSITE_URL": "https://example.com/scribebot",
    "DEVELOPER_PRIVACY_URL": "https://example.com/scribebot/privacy",
    "DEVELOPER_TERMS_URL": "https://example.com/scribebot/terms",
}
for name, default in defaults.items():
    value = os.environ.get(name) or default
    if name.endswith("_URL") and not re.fullmatch(r"https://[^\s/?#]+[^\s]*", value):
        fail(f"{name} must be an https:// URL; got '{value}'")
    values[name] = value
if len(values["DEVELOPER_NAME"]) > 32:
    fail(f"DEVELOPER_NAME must be at most 32 characters; got {len(values['DEVELOPER_NAME'])}")

out = os.path.abspath(out)
if not os.path.isdir(os.path.dirname(out)):
    fail(f"the directory of {out} does not exist")

with open(os.path.join(here, "manifest.json"), encoding="utf-8") as f:
    template = f.read()


def substitute(match):
    name = match.group(1)
    if name not in values:
        fail(f"manifest.json has a placeholder this script does not fill: {match.group(0)}", 1)
    # The value goes inside a JSON string: escape it as JSON does, without the quotes.
    return json.dumps(values[name], ensure_ascii=False)[1:-1]


manifest = re.sub(r"\{\{([A-Z0-9_]+)\}\}", substitute, template)
if "{{" in manifest:
    fail("manifest.json still has an unfilled {{...}} after substitution", 1)
try:
    json.loads(manifest)
except ValueError as e:
    fail(f"manifest.json is not valid JSON after substitution: {e}", 1)

# Written next to the target and renamed, so a failure never leaves half a package behind. Fixed timestamps make
# the same inputs give the same bytes.
fd, temporary = tempfile.mkstemp(prefix=".scribebot-teams-", suffix=".zip", dir=os.path.dirname(out))
os.close(fd)
try:
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as package:
        def add(name, data):
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            package.writestr(entry, data)

        add("manifest.json", manifest.encode("utf-8"))
        for icon in ("color.png", "outline.png"):
            with open(os.path.join(here, icon), "rb") as f:
                add(icon, f.read())
    os.chmod(temporary, 0o644)
    os.replace(temporary, out)
except BaseException:
    os.unlink(temporary)
    raise

print(f"wrote {out}: manifest.json, color.png, outline.png for app id {app_id}")
PY
