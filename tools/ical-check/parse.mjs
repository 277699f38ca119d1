// Reads an iCalendar document on stdin and prints what ical.js makes of it, as JSON:
// the VTIMEZONE ids, and for every VEVENT its uid, summary, status, sequence, local start and zone, UTC start and end,
// the RRULE and RECURRENCE-ID, and (for series) the first occurrences expanded by ical.js itself.
// Usage: node parse.mjs [occurrences-per-series] < feed.ics
import ICAL from "ical.js";

const input = await new Promise((resolve, reject) => {
  let data = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (c) => (data += c));
  process.stdin.on("end", () => resolve(data));
  process.stdin.on("error", reject);
});
const expand = Number(process.argv[2] ?? "6");

const root = new ICAL.Component(ICAL.parse(input));
const zones = root.getAllSubcomponents("vtimezone").map((z) => {
  const tz = new ICAL.Timezone(z);
  ICAL.TimezoneService.register(tz);
  return tz.tzid;
});

const iso = (t) => t.toJSDate().toISOString();
const local = (t) => t.toString();
const events = root.getAllSubcomponents("vevent").map((c) => {
  const e = new ICAL.Event(c);
  const start = e.startDate;
  const rrule = c.getFirstPropertyValue("rrule");
  const rid = c.getFirstPropertyValue("recurrence-id");
  const out = {
    uid: e.uid,
    summary: e.summary,
    status: c.getFirstPropertyValue("status"),
    sequence: e.sequence,
    allDay: start.isDate,
    start: local(start),
    tzid: start.isDate ? null : start.zone?.tzid ?? null,
    tzidParam: c.getFirstProperty("dtstart").getParameter("tzid") ?? null,
    startUtc: start.isDate ? null : iso(start),
    endUtc: start.isDate ? null : iso(e.endDate),
    rrule: rrule ? rrule.toString() : null,
    recurrenceIdUtc: rid ? iso(rid) : null,
    occurrences: [],
  };
  if (rrule) {
    const it = e.iterator();
    for (let n = 0, next; n < expand && (next = it.next()); n++) {
      const d = e.getOccurrenceDetails(next);
      out.occurrences.push({ start: local(d.startDate), startUtc: iso(d.startDate), endUtc: iso(d.endDate) });
    }
  }
  return out;
});
process.stdout.write(JSON.stringify({ zones, events }));
