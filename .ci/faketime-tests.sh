#!/usr/bin/env bash
# The date-sensitive tests once more on a faked clock: the last minute of 2027 in Shanghai
# (2027-12-31 23:59 there, 15:59 UTC, while the server's UTC date is still the 31st). Sessions
# planned days ahead fall in the next year, budgets and ledgers change year, and "today" in UTC
# and in Shanghai differ; every test file (a fresh process) starts its clock at that minute and
# lets it run, so the longer ones also cross midnight. Needs Debian's `faketime` (libfaketime).
set -euo pipefail
cd "$(dirname "$0")/.."

files=(
  src/platform/calendar.unit.test.ts
  src/residents/id-number.unit.test.ts
  src/referrals/referral-dates.unit.test.ts
  src/referrals/referral-extras.test.ts
  src/referrals/deadline.test.ts
  src/clinics/booking.test.ts
  src/clinics/stats.test.ts
  src/clinics/settings.test.ts
  src/clinics/clinic-scheduler.test.ts
  src/settlement/settlement.test.ts
)

command -v faketime >/dev/null || { echo "faketime is missing (apt-get install faketime)" >&2; exit 2; }
TZ=UTC exec faketime -f '@2027-12-31 15:59:00' npx vitest run --project pglite "${files[@]}" "$@"
