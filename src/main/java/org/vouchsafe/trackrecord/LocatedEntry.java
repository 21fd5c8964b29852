package org.vouchsafe.trackrecord;

import org.vouchsafe.intake.TrackRecordEntryInput;
import java.util.function.Function;

/**
 * An entry read from an upload, with the names its fields have in problem reports
 * ({@code line 12: fix_date}, {@code record 3 (DSA-5000-1): published}).
 *
 * @param where     where the entry came from, e.g. "line 12"; used to point at duplicates
 * @param fieldName the report name of each field
 */
record LocatedEntry(TrackRecordEntryInput input, String where, Function<TrackRecordField, String> fieldName) {
}
