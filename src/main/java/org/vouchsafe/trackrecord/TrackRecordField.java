package org.vouchsafe.trackrecord;

/** The fields of an entry, by their name in the filing JSON and in the CSV header. */
enum TrackRecordField {
    ISSUE("issue", "issue"),
    PUBLIC_DATE("publicDate", "public_date"),
    FIX_DATE("fixDate", "fix_date"),
    VIA_DISTROS("viaDistrosList", "via_distros"),
    REFERENCE("reference", "reference"),
    UPSTREAM_FIX_DATE("upstreamFixDate", "upstream_fix_date");

    private final String jsonName;
    private final String csvName;

    TrackRecordField(String jsonName, String csvName) {
        this.jsonName = jsonName;
        this.csvName = csvName;
    }

    String jsonName() {
        return jsonName;
    }

    String csvName() {
        return csvName;
    }
}
