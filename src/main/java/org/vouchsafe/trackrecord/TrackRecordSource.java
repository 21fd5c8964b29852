package org.vouchsafe.trackrecord;

/** Where a track-record entry came from, so that reviewers can weigh it. */
public enum TrackRecordSource {
    /** The {@code evidence.trackRecord} array of the filing payload. */
    FILING,
    /** A {@code text/csv} upload. */
    CSV,
    /** An upload of OSV records (JSON array or zip). */
    OSV
}
